// Two runs side by side in figures: what `loopscope compare` prints and the Compare view
// and picture list. Any two runs: the same program on 4 and 8 pool workers, on one and two
// processes, both engines, a run of loopscope's and a trace recorded by real Node.
#pragma once

#include <string>
#include <vector>

#include "ProcessTotals.h"
#include "TraceEvent.h"

namespace loopscope {

struct ComparedRun {
    std::string name;                                  // "A: app.js (loopscope)"
    const Trace* trace = nullptr;
    const std::vector<ProcessSample>* samples = nullptr;  // may be null or empty: not measured
};

// One figure of both runs. A run that cannot tell (no requests, no samples) shows "-".
struct DifferenceRow {
    std::string title;   // "Latency p99"
    std::string first;   // "12.5 ms"
    std::string second;
    // How the second differs from the first: a count's difference ("+4", "0"), otherwise
    // the ratio second / first ("x1.52"); "-" when there is nothing to compare.
    std::string change;
};

// The rows both runs can fill in at least once, in a fixed order: requests, latency and
// throughput (when either run served requests), the main thread's callbacks per queue, the
// thread pool's jobs and waves, peak threads and memory, CPU time, the run's length. Pure.
std::vector<DifferenceRow> runDifferences(const ComparedRun& first, const ComparedRun& second);

// The rows as a plain-text table with a header naming the runs (`loopscope compare`). Pure.
std::string formatDifferences(const std::vector<DifferenceRow>& rows, const std::string& firstName,
                              const std::string& secondName);

}  // namespace loopscope
