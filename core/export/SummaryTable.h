// The comparison table of `loopscope run --summary`: one row per engine and, when
// there are two, a ratio row (second / first), as plain text.
#pragma once

#include <string>
#include <vector>

#include "RunMeasurements.h"

namespace loopscope {

struct EngineMeasurements {
    std::string engine;  // "event-loop", "thread-per-request"
    RunMeasurements measurements;
};

// The column titles and, for a row, its cells, in the table's order. Pure.
std::vector<std::string> summaryColumns();
// The same columns named in full, for a table that lists them as rows (the window's).
std::vector<std::string> summaryTitles();
std::vector<std::string> summaryCells(const RunMeasurements& m);
// The second run's figures divided by the first's, cell by cell ("-" where the first is 0).
std::vector<std::string> summaryRatios(const RunMeasurements& first, const RunMeasurements& second);
// How many leading cells depend only on the requests (what a CSV of rows determines).
constexpr std::size_t kRequestSummaryCells = 8;

std::string formatSummaryTable(const std::vector<EngineMeasurements>& rows);

}  // namespace loopscope
