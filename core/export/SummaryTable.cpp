#include "SummaryTable.h"

#include <algorithm>
#include <cstdio>

namespace loopscope {

namespace {

std::string fixed(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string milliseconds(Nanoseconds ns) { return fixed(static_cast<double>(ns) / kMillisecond, 1); }
std::string mebibytes(std::int64_t bytes) { return fixed(static_cast<double>(bytes) / (1024.0 * 1024.0), 1); }

// The numbers behind each cell, for the ratio row.
std::vector<double> summaryValues(const RunMeasurements& m) {
    return {double(m.answered),          double(m.failed),          m.throughput,
            double(m.latencyP50),        double(m.latencyP90),      double(m.latencyP99),
            double(m.latencyMax),        double(m.requests),        double(m.peakThreads),
            double(m.peakRssBytes),      double(m.peakVmBytes),     double(m.cpuUser),
            double(m.cpuSystem),         double(m.voluntarySwitches), double(m.involuntarySwitches)};
}

}  // namespace

std::vector<std::string> summaryColumns() {
    return {"answered", "failed", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "requests",
            "threads", "RSS MiB", "VM MiB", "user ms", "sys ms", "vol cs", "invol cs"};
}

std::vector<std::string> summaryTitles() {
    return {"Requests answered",       "Requests failed",         "Throughput (req/s)",
            "Latency p50 (ms)",        "Latency p90 (ms)",        "Latency p99 (ms)",
            "Latency max (ms)",        "Requests sent",           "Peak threads",
            "Peak resident memory (MiB)", "Peak virtual memory (MiB)", "CPU time, user (ms)",
            "CPU time, system (ms)",   "Voluntary context switches", "Involuntary context switches"};
}

std::vector<std::string> summaryRatios(const RunMeasurements& first, const RunMeasurements& second) {
    const auto a = summaryValues(first), b = summaryValues(second);
    std::vector<std::string> ratios;
    for (std::size_t i = 0; i < a.size(); ++i)
        ratios.push_back(a[i] != 0 ? fixed(b[i] / a[i], 2) : std::string("-"));
    return ratios;
}

std::vector<std::string> summaryCells(const RunMeasurements& m) {
    return {std::to_string(m.answered),
            std::to_string(m.failed),
            fixed(m.throughput, 1),
            milliseconds(m.latencyP50),
            milliseconds(m.latencyP90),
            milliseconds(m.latencyP99),
            milliseconds(m.latencyMax),
            std::to_string(m.requests),
            std::to_string(m.peakThreads),
            mebibytes(m.peakRssBytes),
            mebibytes(m.peakVmBytes),
            milliseconds(m.cpuUser),
            milliseconds(m.cpuSystem),
            std::to_string(m.voluntarySwitches),
            std::to_string(m.involuntarySwitches)};
}

std::string formatSummaryTable(const std::vector<EngineMeasurements>& rows) {
    std::vector<std::vector<std::string>> table;
    std::vector<std::string> header{"engine"};
    for (const std::string& column : summaryColumns())
        header.push_back(column);
    table.push_back(header);
    for (const EngineMeasurements& row : rows) {
        std::vector<std::string> cells{row.engine};
        for (std::string& cell : summaryCells(row.measurements))
            cells.push_back(std::move(cell));
        table.push_back(cells);
    }
    if (rows.size() == 2) {
        std::vector<std::string> ratio{"ratio " + rows[1].engine + " / " + rows[0].engine};
        for (std::string& cell : summaryRatios(rows[0].measurements, rows[1].measurements))
            ratio.push_back(std::move(cell));
        table.push_back(ratio);
    }
    std::vector<std::size_t> widths(header.size(), 0);
    for (const auto& line : table)
        for (std::size_t i = 0; i < line.size(); ++i)
            widths[i] = std::max(widths[i], line[i].size());
    std::string text;
    for (const auto& line : table) {
        for (std::size_t i = 0; i < line.size(); ++i) {
            const std::string& cell = line[i];
            const std::string padding(widths[i] - cell.size(), ' ');
            // Names to the left, figures to the right.
            text += i == 0 ? cell + padding : "  " + padding + cell;
        }
        text += '\n';
    }
    return text;
}

}  // namespace loopscope
