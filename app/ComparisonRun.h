// What `loopscope run --summary / --csv` reports once the engines have run: the
// comparison table on stdout and one CSV row per request.
#pragma once

#include <vector>

#include "ProcessUsage.h"
#include "RunOptions.h"
#include "TraceEvent.h"

namespace loopscope {

struct MeasuredRun {
    EngineKind engine = EngineKind::EventLoop;
    Trace trace;
    std::vector<ProcessSample> samples;  // /proc/<child>/status while it ran
};

// Prints the table (--summary) and writes the CSV (--csv); returns the exit code.
int reportComparison(const RunOptions& options, const std::vector<MeasuredRun>& runs);

}  // namespace loopscope
