// The engines of a headless run, each in its child process, as `loopscope run` and
// `loopscope compare` start them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ProcessTotals.h"
#include "RunOptions.h"
#include "Scenario.h"
#include "TraceEvent.h"

namespace loopscope {

struct EngineRun {
    bool ok = false;
    std::string error;
    Trace trace;
    std::vector<ProcessSample> samples;  // kept with the trace: what the OS said the child cost
    std::optional<int> programExitCode;  // a JavaScript program's own exit code
    std::string stopNote;                // why the run stopped early (RunEnd's text), if it did
};

// Runs one engine in its child process; prints console lines as they arrive when asked.
EngineRun runEngine(const RunOptions& options, EngineKind engine, bool keepTrace);

// The command line's overrides, applied to the app's copy of the scenario as the engine
// child applies them to its own (pictures and the default mode read this copy).
void applyCommandLine(const RunOptions& options, Scenario& scenario);

}  // namespace loopscope
