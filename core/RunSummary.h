// The figures a comparison shows for one run: how long each request took, how many
// were answered per second, how many threads and how much memory the run needed.
// Computed from the run's TraceEvents alone, so every engine is measured the same way.
#pragma once

#include <cstdint>
#include <vector>

#include "TraceEvent.h"

namespace loopscope {

// Requests are timed as the load client saw them (RequestSend to RequestDone) when the
// trace has the client lane, otherwise as the server did (RequestArrive to RequestRespond).
struct RequestTiming {
    int request = 0;            // client: send order; server: arrival order (from 1)
    Nanoseconds arrived = 0;    // sent (client view) or arrived (server view)
    Nanoseconds answered = -1;  // -1: never answered (or failed)
    Nanoseconds latency() const { return answered < 0 ? -1 : answered - arrived; }
};

// One point of "how many at once" over time.
struct ConcurrencySample {
    Nanoseconds ts = 0;
    int value = 0;
};

struct RunSummary {
    EngineKind engine = EngineKind::EventLoop;
    std::vector<RequestTiming> requests;  // by request number
    int answered = 0;
    Nanoseconds latencyP50 = -1;          // -1 when nothing was answered
    Nanoseconds latencyP99 = -1;
    Nanoseconds latencyMax = -1;
    double throughputPerSecond = 0;       // answered / (last answer - first arrival)
    int peakThreads = 0;                  // threads that did work for the run at once
    std::int64_t peakRssBytes = -1;       // from the "RSS bytes" counter, -1 if never sampled
    Nanoseconds duration = 0;             // timestamp of the last event
    std::vector<ConcurrencySample> inFlight;  // requests sent (or arrived) and not yet done
};

RunSummary summarizeRun(const Trace& trace);

// The value at `fraction` (0..1) of `values` by the nearest-rank method; -1 if empty.
Nanoseconds percentile(std::vector<Nanoseconds> values, double fraction);

}  // namespace loopscope
