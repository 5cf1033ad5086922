// The figures a comparison shows, the same for every engine, computed by pure
// functions from the run's trace (the client's and the server's view of each
// request) and from what the OS reported (ProcessUsage.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ProcessTotals.h"
#include "TraceEvent.h"

namespace loopscope {

// One request of a run, as the load client and the server saw it.
struct RequestTiming {
    int number = 0;                  // the client's number (send order, from 1)
    std::uint64_t serverRequest = 0; // the server's number (arrival order), 0 if never seen
    Nanoseconds scheduled = 0;       // when the schedule said to send it
    Nanoseconds arrival = -1;        // sent: written to the server's socket (-1: never)
    Nanoseconds start = -1;          // the server began handling it (RequestArrive; -1: never)
    Nanoseconds end = -1;            // the client had the whole answer (-1: failed)
    int status = 0;                  // HTTP status; 0 when it failed
    std::string error;               // what went wrong, when it failed
    Lane lane;                       // where the server handled it
    bool answered() const { return end >= 0 && error.empty(); }
    Nanoseconds latency() const { return answered() && arrival >= 0 ? end - arrival : -1; }
};

// One RequestTiming per RequestSend/RequestDone pair of the client, by client number,
// joined with the server's RequestArrive through the server's request number. Pure.
std::vector<RequestTiming> requestTimings(const Trace& trace);

struct RunMeasurements {
    int requests = 0;
    int answered = 0;
    int failed = 0;   // every request not answered, refused ones included
    int refused = 0;  // the connection was refused
    Nanoseconds span = 0;       // first arrival to last answer
    double throughput = 0;      // answered requests per second of span
    Nanoseconds latencyP50 = 0; // nearest-rank percentiles of the answered requests' latency
    Nanoseconds latencyP90 = 0;
    Nanoseconds latencyP99 = 0;
    Nanoseconds latencyMax = 0;
    int peakThreads = 0;            // most Threads seen in /proc/<pid>/status
    std::int64_t peakRssBytes = 0;  // VmHWM, or the most VmRSS sampled if larger
    std::int64_t peakVmBytes = 0;   // VmPeak, or the most VmSize sampled if larger
    Nanoseconds cpuUser = 0;
    Nanoseconds cpuSystem = 0;
    std::int64_t voluntarySwitches = 0;
    std::int64_t involuntarySwitches = 0;
};

// The request figures only (what a CSV of request rows determines). Pure.
RunMeasurements measureRequests(const std::vector<RequestTiming>& requests);
// Everything: request figures, peaks from the samples, totals from the OS. Pure.
RunMeasurements measureRun(const std::vector<RequestTiming>& requests, const std::vector<ProcessSample>& samples,
                           const ProcessTotals& totals);

// Nearest-rank percentile (q in (0, 1]) of values; 0 for none. Pure.
Nanoseconds nearestRankPercentile(std::vector<Nanoseconds> values, double q);

}  // namespace loopscope
