// A trace that real Node recorded (`node --trace-event-categories node,node.async_hooks,
// node.environment,node.threadpoolwork.async,node.threadpoolwork.sync,... app.js` writes
// node_trace.1.log, Chrome trace-event JSON) opened as a run: its callbacks, phases and
// pool work as loopscope's own trace events, so that the window and the picture exports
// draw it beside loopscope's run of the same program. See docs/DESIGN.md, "Opening a
// trace recorded by Node".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "RunDocument.h"

namespace loopscope {

struct NodeTraceResult {
    std::optional<RunDocument> document;  // set on success
    std::string error;                    // "FILE:LINE:COLUMN: expected ..." on failure
};

// What is accepted: a file is at most this large (Node starts a new file every 2^19
// events, about 100 MB), and a trace (all files of a numbered set) at most this many events.
inline constexpr std::size_t kMaxNodeTraceFileBytes = std::size_t(512) << 20;
inline constexpr std::size_t kMaxNodeTraceEvents = std::size_t(8) << 19;

// Reads node_trace.N.log and, when it is one of a numbered set, the others of the set
// in order.
NodeTraceResult readNodeTrace(const std::string& path);
// Parses one file's text (tests, fuzzing): `displayName` names it in errors.
NodeTraceResult parseNodeTrace(std::string_view text, const std::string& displayName);
// Whether a file's first bytes look like a Chrome trace (`{"traceEvents":` with spaces
// allowed), so that the app can tell it from a scenario.
bool looksLikeChromeTrace(std::string_view firstBytes);

// The files of the numbered set `path` belongs to, in order: the name's last component
// that is all digits is the number (node_trace.3.log, app.2.trace.json), and the set is the
// run of consecutive numbers around it whose files exist. Just `path` when it has no number.
std::vector<std::string> nodeTraceFileSet(const std::string& path);

}  // namespace loopscope
