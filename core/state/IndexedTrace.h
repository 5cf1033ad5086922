// A run as a window shows it: its events packed, the LoopState index over them and the
// timeline's spans. The three are built from the same events, each once, in event order;
// IndexedTraceBuilder builds them on three threads for a run read from a file.
#pragma once

#include <span>

#include "LoopStateIndex.h"
#include "PackedTrace.h"
#include "TraceSpans.h"

namespace loopscope {

struct IndexedTrace {
    // Each on cache lines of its own: IndexedTraceBuilder fills the three on three threads,
    // and fields written for every event must not share a line with another thread's.
    alignas(128) PackedTrace trace;
    alignas(128) LoopStateIndex index;
    alignas(128) SpanSet spans;

    // The next events of the run, into all three.
    void add(std::span<const TraceEvent> events);
    void clear();
    // Every event is in the index too (an index may be rebuilt for another process).
    bool isIndexed() const { return index.indexedEvents() == trace.size(); }
};

}  // namespace loopscope
