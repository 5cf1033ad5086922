#include "RunSummary.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

namespace loopscope {

Nanoseconds percentile(std::vector<Nanoseconds> values, double fraction) {
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    const double rank = std::ceil(std::clamp(fraction, 0.0, 1.0) * double(values.size()));
    const std::size_t index = rank < 1 ? 0 : std::size_t(rank) - 1;
    return values[std::min(index, values.size() - 1)];
}

RunSummary summarizeRun(const Trace& trace) {
    RunSummary summary;
    // The load client's view (send to answer) is what a user waits; runs without a
    // client lane fall back to the server's (arrival to response).
    const bool clientView = std::any_of(trace.begin(), trace.end(),
                                        [](const TraceEvent& e) { return e.kind == EventKind::RequestSend; });
    const EventKind begins = clientView ? EventKind::RequestSend : EventKind::RequestArrive;
    const EventKind ends = clientView ? EventKind::RequestDone : EventKind::RequestRespond;
    std::map<int, RequestTiming> requests;
    // Threads doing work for the run: the main thread of each process, busy pool and
    // worker lanes, and thread-per-request threads between create and exit.
    std::set<std::pair<int, std::uint32_t>> seenHelpers;  // (lane kind, index) of pool/worker lanes
    std::set<std::uint16_t> processes;
    int threadsAlive = 0;
    int peakThreadsAlive = 0;
    int inFlight = 0;
    for (const TraceEvent& event : trace) {
        summary.duration = std::max(summary.duration, event.ts);
        if (event.kind == begins) {
            const int number = clientView ? int(event.id) : int(event.value);
            RequestTiming& timing = requests[number];
            timing.request = number;
            timing.arrived = event.ts;
            summary.inFlight.push_back({event.ts, ++inFlight});
        } else if (event.kind == ends) {
            const int number = clientView ? int(event.id) : int(event.value);
            auto found = requests.find(number);
            if (found != requests.end() && found->second.answered < 0) {
                // A client's request that failed (no HTTP status) was not answered.
                const bool answered = !clientView || (!event.text.empty() && std::isdigit(static_cast<unsigned char>(event.text[0])));
                if (answered)
                    found->second.answered = event.ts;
                summary.inFlight.push_back({event.ts, --inFlight});
            }
        }
        switch (event.kind) {
        case EventKind::RunBegin:
            summary.engine = static_cast<EngineKind>(event.value);
            break;
        case EventKind::ThreadCreate:
            peakThreadsAlive = std::max(peakThreadsAlive, ++threadsAlive);
            break;
        case EventKind::ThreadExit:
            threadsAlive = std::max(0, threadsAlive - 1);
            break;
        case EventKind::WorkBegin:
            if (event.lane.kind == LaneKind::PoolWorker || event.lane.kind == LaneKind::Worker)
                seenHelpers.insert({int(event.lane.kind) * 65536 + event.lane.process, event.lane.index});
            break;
        case EventKind::Counter:
            if (event.text == "RSS bytes")
                summary.peakRssBytes = std::max(summary.peakRssBytes, event.value);
            break;
        default:
            break;
        }
        if (event.lane.kind == LaneKind::Main)
            processes.insert(event.lane.process);
    }
    std::vector<Nanoseconds> latencies;
    Nanoseconds firstArrival = -1;
    Nanoseconds lastAnswer = -1;
    for (auto& [number, timing] : requests) {
        summary.requests.push_back(timing);
        if (firstArrival < 0 || timing.arrived < firstArrival)
            firstArrival = timing.arrived;
        if (timing.answered >= 0) {
            ++summary.answered;
            latencies.push_back(timing.latency());
            lastAnswer = std::max(lastAnswer, timing.answered);
        }
    }
    summary.latencyP50 = percentile(latencies, 0.50);
    summary.latencyP99 = percentile(latencies, 0.99);
    summary.latencyMax = percentile(latencies, 1.0);
    if (summary.answered > 0 && lastAnswer > firstArrival)
        summary.throughputPerSecond = double(summary.answered) * double(kSecond) / double(lastAnswer - firstArrival);
    if (summary.engine == EngineKind::ThreadPerRequest)
        summary.peakThreads = peakThreadsAlive + 1;  // the accepting thread
    else
        summary.peakThreads = int(std::max<std::size_t>(1, processes.size())) + int(seenHelpers.size());
    return summary;
}

}  // namespace loopscope
