#include "RunMeasurements.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace loopscope {

std::vector<RequestTiming> requestTimings(const Trace& trace) {
    std::map<int, RequestTiming> byNumber;
    std::map<std::uint64_t, const TraceEvent*> serverArrivals;
    for (const TraceEvent& event : trace) {
        switch (event.kind) {
        case EventKind::RequestSend: {
            RequestTiming& timing = byNumber[static_cast<int>(event.id)];
            timing.number = static_cast<int>(event.id);
            timing.scheduled = event.value;
            timing.arrival = event.ts;
            break;
        }
        case EventKind::RequestDone: {
            RequestTiming& timing = byNumber[static_cast<int>(event.id)];
            timing.number = static_cast<int>(event.id);
            timing.serverRequest = static_cast<std::uint64_t>(event.value);
            const bool isStatus = !event.text.empty() &&
                                  std::all_of(event.text.begin(), event.text.end(),
                                              [](char c) { return c >= '0' && c <= '9'; });
            if (isStatus) {
                timing.status = std::stoi(event.text);
                timing.end = event.ts;
            } else {
                timing.error = event.text.empty() ? "failed" : event.text;
            }
            break;
        }
        case EventKind::RequestArrive:
            serverArrivals.emplace(static_cast<std::uint64_t>(event.value), &event);
            break;
        default:
            break;
        }
    }
    std::vector<RequestTiming> timings;
    timings.reserve(byNumber.size());
    for (auto& [number, timing] : byNumber) {
        if (timing.serverRequest != 0) {
            if (auto found = serverArrivals.find(timing.serverRequest); found != serverArrivals.end()) {
                timing.start = found->second->ts;
                timing.lane = found->second->lane;
            }
        }
        timings.push_back(std::move(timing));
    }
    return timings;
}

Nanoseconds nearestRankPercentile(std::vector<Nanoseconds> values, double q) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

RunMeasurements measureRequests(const std::vector<RequestTiming>& requests) {
    RunMeasurements m;
    m.requests = static_cast<int>(requests.size());
    std::vector<Nanoseconds> latencies;
    Nanoseconds firstArrival = -1, lastEnd = -1;
    for (const RequestTiming& r : requests) {
        if (!r.answered()) {
            ++m.failed;
            if (r.error.find("connection refused") != std::string::npos)
                ++m.refused;
            continue;
        }
        ++m.answered;
        latencies.push_back(r.latency());
        if (r.arrival >= 0 && (firstArrival < 0 || r.arrival < firstArrival))
            firstArrival = r.arrival;
        lastEnd = std::max(lastEnd, r.end);
    }
    if (m.answered > 0 && firstArrival >= 0 && lastEnd > firstArrival) {
        m.span = lastEnd - firstArrival;
        m.throughput = static_cast<double>(m.answered) / (static_cast<double>(m.span) / kSecond);
    }
    m.latencyP50 = nearestRankPercentile(latencies, 0.50);
    m.latencyP90 = nearestRankPercentile(latencies, 0.90);
    m.latencyP99 = nearestRankPercentile(latencies, 0.99);
    m.latencyMax = latencies.empty() ? 0 : *std::max_element(latencies.begin(), latencies.end());
    return m;
}

RunMeasurements measureRun(const std::vector<RequestTiming>& requests, const std::vector<ProcessSample>& samples,
                           const ProcessTotals& totals) {
    RunMeasurements m = measureRequests(requests);
    m.peakRssBytes = totals.peakRssBytes;
    m.peakVmBytes = totals.peakVmBytes;
    for (const ProcessSample& sample : samples) {
        m.peakThreads = std::max(m.peakThreads, sample.status.threads);
        m.peakRssBytes = std::max({m.peakRssBytes, sample.status.rssBytes, sample.status.peakRssBytes});
        m.peakVmBytes = std::max({m.peakVmBytes, sample.status.vmBytes, sample.status.peakVmBytes});
    }
    m.peakThreads = std::max({m.peakThreads, totals.threadsAtEnd, totals.peakThreads});
    m.cpuUser = totals.cpuUser;
    m.cpuSystem = totals.cpuSystem;
    m.voluntarySwitches = totals.voluntarySwitches;
    m.involuntarySwitches = totals.involuntarySwitches;
    return m;
}

}  // namespace loopscope
