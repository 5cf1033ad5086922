// The comparison table of `loopscope run --summary`: one row per engine and, when
// there are two, a ratio row (second / first), as plain text. The window lists the same
// figures as rows (ComparisonView).
#pragma once

#include <cstddef>
#include <iterator>
#include <string>
#include <vector>

#include "RunMeasurements.h"

namespace loopscope {

struct EngineMeasurements {
    std::string engine;  // its name (EngineNames.h): "event-loop", ...
    RunMeasurements measurements;
};

// How a figure is written: 12, 250.0 (per second), 20.5 (ms from ns), 64.0 (MiB from bytes).
enum class MetricFormat { Count, PerSecond, Milliseconds, Mebibytes };

// One figure of the table.
struct SummaryMetric {
    const char* column;   // "p50 ms": its column in `--summary`
    const char* title;    // "Latency p50 (ms)": its row in the window
    MetricFormat format;
    bool fromRequests;    // determined by the requests alone (what a CSV of rows determines)
    double (*value)(const RunMeasurements&);  // in the unit `format` reads: ns, bytes, counts
};

// The table's figures in its order; those that depend only on the requests come first.
inline constexpr SummaryMetric kSummaryMetrics[] = {
    {"answered", "Requests answered", MetricFormat::Count, true, [](const RunMeasurements& m) { return double(m.answered); }},
    {"failed", "Requests failed", MetricFormat::Count, true, [](const RunMeasurements& m) { return double(m.failed); }},
    {"req/s", "Throughput (req/s)", MetricFormat::PerSecond, true, [](const RunMeasurements& m) { return m.throughput; }},
    {"p50 ms", "Latency p50 (ms)", MetricFormat::Milliseconds, true, [](const RunMeasurements& m) { return double(m.latencyP50); }},
    {"p90 ms", "Latency p90 (ms)", MetricFormat::Milliseconds, true, [](const RunMeasurements& m) { return double(m.latencyP90); }},
    {"p99 ms", "Latency p99 (ms)", MetricFormat::Milliseconds, true, [](const RunMeasurements& m) { return double(m.latencyP99); }},
    {"max ms", "Latency max (ms)", MetricFormat::Milliseconds, true, [](const RunMeasurements& m) { return double(m.latencyMax); }},
    {"requests", "Requests sent", MetricFormat::Count, true, [](const RunMeasurements& m) { return double(m.requests); }},
    {"threads", "Peak threads", MetricFormat::Count, false, [](const RunMeasurements& m) { return double(m.peakThreads); }},
    {"RSS MiB", "Peak resident memory (MiB)", MetricFormat::Mebibytes, false,
     [](const RunMeasurements& m) { return double(m.peakRssBytes); }},
    {"VM MiB", "Peak virtual memory (MiB)", MetricFormat::Mebibytes, false,
     [](const RunMeasurements& m) { return double(m.peakVmBytes); }},
    {"user ms", "CPU time, user (ms)", MetricFormat::Milliseconds, false, [](const RunMeasurements& m) { return double(m.cpuUser); }},
    {"sys ms", "CPU time, system (ms)", MetricFormat::Milliseconds, false,
     [](const RunMeasurements& m) { return double(m.cpuSystem); }},
    {"vol cs", "Voluntary context switches", MetricFormat::Count, false,
     [](const RunMeasurements& m) { return double(m.voluntarySwitches); }},
    {"invol cs", "Involuntary context switches", MetricFormat::Count, false,
     [](const RunMeasurements& m) { return double(m.involuntarySwitches); }},
};

constexpr std::size_t leadingRequestMetrics() {
    std::size_t count = 0;
    while (count < std::size(kSummaryMetrics) && kSummaryMetrics[count].fromRequests)
        ++count;
    return count;
}
// How many leading cells depend only on the requests.
constexpr std::size_t kRequestSummaryCells = leadingRequestMetrics();

// One figure as its cell shows it. Pure.
std::string formatMetric(const SummaryMetric& metric, const RunMeasurements& m);

// The column titles and, for a row, its cells, in the table's order. Pure.
std::vector<std::string> summaryColumns();
// The same columns named in full, for a table that lists them as rows (the window's).
std::vector<std::string> summaryTitles();
std::vector<std::string> summaryCells(const RunMeasurements& m);
// The second run's figures divided by the first's, cell by cell ("-" where the first is 0).
std::vector<std::string> summaryRatios(const RunMeasurements& first, const RunMeasurements& second);

std::string formatSummaryTable(const std::vector<EngineMeasurements>& rows);

}  // namespace loopscope
