// One run of the engine child (loopscope-engine engine-child), as the window and
// `loopscope run` start it, gathered for the engine tests; data from tests/data/engine.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "EngineProcess.h"

namespace loopscope::testing {

inline const std::string kEngine = LOOPSCOPE_ENGINE_BINARY;

inline std::string dataFile(const char* name) { return std::string(LOOPSCOPE_TEST_DATA "/engine/") + name; }

struct Outcome {
    bool ok = false;
    std::string error;
    Trace events;
    int count(EventKind kind) const {
        return int(std::count_if(events.begin(), events.end(), [&](const TraceEvent& e) { return e.kind == kind; }));
    }
    // When each log line starting with `prefix` was printed, in milliseconds.
    std::vector<double> logMs(const std::string& prefix) const {
        std::vector<double> at;
        for (const TraceEvent& event : events)
            if (event.kind == EventKind::Log && event.text.rfind(prefix, 0) == 0)
                at.push_back(double(event.ts) / 1e6);
        return at;
    }
};

inline Outcome runChild(const std::string& file, EngineOptions options = {}) {
    options.executable = kEngine;
    CollectedRun run = runToTrace(file, options);
    Outcome outcome;
    outcome.ok = run.ok;
    outcome.error = run.error;
    outcome.events = std::move(run.trace);
    return outcome;
}

}  // namespace loopscope::testing
