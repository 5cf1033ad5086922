// Node's trace events (ChromeTraceEvents.h) as loopscope's TraceEvents: the main thread's
// async_hooks callbacks as callbacks on lane Main, the timers and check phases from
// node.environment, the main script, and node.threadpoolwork's jobs on pool lanes. The
// mapping is in docs/DESIGN.md, "Opening a trace recorded by Node".
#pragma once

#include <string>
#include <vector>

#include "ChromeTraceEvents.h"
#include "TraceEvent.h"

namespace loopscope {

// What the trace says about the process, besides its events.
struct NodeTraceFacts {
    std::string nodeVersion;  // "20.18.0" from the version metadata, or empty
    std::string script;       // the script Node was started with (argv[1]), or empty
    bool sawPoolWork = false;
    bool sawFsRequests = false;
};

// Pool jobs get ids above those of Node's async resources.
inline constexpr std::uint64_t kImportedJobIdBase = std::uint64_t(1) << 48;
// The main script is Node's async id 1 (the execution context of everything it schedules).
inline constexpr std::uint64_t kMainScriptAsyncId = 1;

// A run's trace, from RunBegin to RunEnd, ordered by time (the order loopscope's engines
// emit in); `complete` false adds the note that the trace was cut short to RunEnd's text.
// Events of other processes than the main thread's are left out.
Trace convertNodeTrace(const std::vector<ChromeTraceEvent>& events, bool complete, NodeTraceFacts& facts);

}  // namespace loopscope
