// The events of a Chrome trace-event JSON file ({"traceEvents":[...]}) as Node writes
// them, with the fields loopscope reads and nothing else: strings stay views into the
// file's text (or into an arena when they had escapes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "JsonCursor.h"
#include "Time.h"

namespace loopscope {

struct ChromeTraceEvent {
    char phase = 0;                    // ph: 'X', 'B', 'E', 'b', 'e', 'n', 'I', 'M', ...
    std::int64_t pid = 0;
    std::int64_t tid = 0;
    Nanoseconds ts = 0;                // Chrome's microseconds, in nanoseconds
    Nanoseconds duration = 0;          // an 'X' event's dur
    std::string_view category;         // cat: "node,node.async_hooks"
    std::string_view name;
    std::uint64_t id = 0;              // "0x2" or 2; 0 when the event has none
    std::int64_t triggerAsyncId = -1;  // args.data.triggerAsyncId (async_hooks), -1 when absent
    std::string_view argName;          // args.name: a thread_name / process_name metadata's name
    std::string_view argNode;          // args.node: the version metadata's Node version
    std::string_view argScript;        // args.args.args[1]: the Environment event's script
};

struct ChromeTraceFile {
    std::vector<ChromeTraceEvent> events;
    // False when the file stops after a whole event without the closing "]}": what a Node
    // process that died (abort, SIGKILL) leaves, its last flushed events intact.
    bool complete = true;
};

// Appends the events of `text` to `into.events`, at most `maxEvents` in all. Throws
// JsonSyntaxError for anything that is not such a file, and for an event without ph or ts.
void readChromeTraceEvents(std::string_view text, std::deque<std::string>& arena, ChromeTraceFile& into,
                           std::size_t maxEvents);

// Whether `firstBytes` begin like a Chrome trace object: `{"traceEvents":` with white space allowed.
bool startsLikeChromeTrace(std::string_view firstBytes);

}  // namespace loopscope
