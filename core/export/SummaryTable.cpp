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

}  // namespace

std::string formatMetric(const SummaryMetric& metric, const RunMeasurements& m) {
    const double value = metric.value(m);
    switch (metric.format) {
    case MetricFormat::Count: return std::to_string(static_cast<long long>(value));
    case MetricFormat::PerSecond: return fixed(value, 1);
    case MetricFormat::Milliseconds: return fixed(value / kMillisecond, 1);
    case MetricFormat::Mebibytes: return fixed(value / (1024.0 * 1024.0), 1);
    }
    return "?";
}

std::vector<std::string> summaryColumns() {
    std::vector<std::string> columns;
    for (const SummaryMetric& metric : kSummaryMetrics)
        columns.push_back(metric.column);
    return columns;
}

std::vector<std::string> summaryTitles() {
    std::vector<std::string> titles;
    for (const SummaryMetric& metric : kSummaryMetrics)
        titles.push_back(metric.title);
    return titles;
}

std::vector<std::string> summaryCells(const RunMeasurements& m) {
    std::vector<std::string> cells;
    for (const SummaryMetric& metric : kSummaryMetrics)
        cells.push_back(formatMetric(metric, m));
    return cells;
}

std::vector<std::string> summaryRatios(const RunMeasurements& first, const RunMeasurements& second) {
    std::vector<std::string> ratios;
    for (const SummaryMetric& metric : kSummaryMetrics) {
        const double a = metric.value(first), b = metric.value(second);
        ratios.push_back(a != 0 ? fixed(b / a, 2) : std::string("-"));
    }
    return ratios;
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
