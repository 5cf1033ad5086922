// One run's trace as the content of a run file section (docs/run-file.md, "Trace section"):
// the run's string, lane and shape tables, then its events, each packed into a few bytes
// (its shape, one of a table of kinds, phases, queues and which fields follow; timestamps,
// ids and causes as zig-zag deltas from the event before; texts and lanes by index).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "PackedTrace.h"
#include "TraceEvent.h"

namespace loopscope {

std::string encodeTraceSection(const Trace& trace);
// The same bytes from a run kept packed (a window's store), without unpacking it whole.
std::string encodeTraceSection(const PackedTrace& trace);

// Receives the events of a trace section as they decode.
class TraceSectionSink {
public:
    virtual ~TraceSectionSink() = default;
    virtual void begin(std::uint64_t eventCount) = 0;
    // `event` is the decoder's own, overwritten by the next one: the sink may move from it.
    virtual void event(TraceEvent& event) = 0;
    // Asked every kEventsBetweenChecks events with the part of the content decoded so far:
    // false stops the decoding.
    virtual bool keepGoing(double fraction) = 0;
};

inline constexpr std::uint64_t kEventsBetweenChecks = 4096;

// Decodes a trace section's content. Returns false when the sink stopped it; throws
// RunFileDamage (its message beginning with `where`) when the content is damaged.
bool decodeTraceSection(std::string_view content, const std::string& where, TraceSectionSink& sink);

}  // namespace loopscope
