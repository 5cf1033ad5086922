// Where a run's TraceEvents go as they happen: the engine child's pipe, a test's
// collector, an exporter. Engines and the load client write to one.
#pragma once

#include "TraceEvent.h"

namespace loopscope {

// Receives events as they happen. Engines call it from several threads (the loop,
// pool workers, request threads): implementations must be thread-safe.
class TraceSink {
public:
    virtual ~TraceSink() = default;
    virtual void record(const TraceEvent& event) = 0;
    // Events may be dropped by a sink only if it says so here (it never should).
    virtual void flush() {}
};

}  // namespace loopscope
