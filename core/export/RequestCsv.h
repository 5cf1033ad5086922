// One row per request of a run, for spreadsheets and for checking the summary:
// engine,request,server_request,scheduled_ms,arrival_ms,start_ms,end_ms,latency_ms,lane,status
// Times are milliseconds since the run's start with six decimals (whole
// nanoseconds, so figures recomputed from the rows are exact); a time that never
// happened is an empty cell. `status` is the HTTP status, or what went wrong.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "RunMeasurements.h"

namespace loopscope {

struct EngineRequests {
    std::string engine;
    std::vector<RequestTiming> requests;
};

std::string requestCsvText(const std::vector<EngineRequests>& runs);

// Reads rows back (engine order as first seen). On a malformed row, returns what is
// wrong as "line N: ..." in `error` and an empty result.
std::vector<EngineRequests> parseRequestCsv(std::string_view text, std::string& error);

// Writes the CSV through an OutputFile (OutputFile.h). Returns "" or
// "cannot write PATH: REASON".
std::string writeRequestCsv(const std::string& path, const std::vector<EngineRequests>& runs);

}  // namespace loopscope
