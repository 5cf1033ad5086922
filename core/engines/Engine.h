// An engine runs a Scenario for real and reports what happened as TraceEvents.
// Engines run inside an engine child process (see EngineProcess.h); the sink there
// writes the events to the pipe that the parent reads.
#pragma once

#include <string>

#include "Scenario.h"
#include "TraceSink.h"

namespace loopscope {

struct EngineResult {
    bool ok = true;
    std::string error;  // what failed, in words, when !ok
};

class Engine {
public:
    virtual ~Engine() = default;
    virtual EngineKind kind() const = 0;
    // Runs the scenario to its end (or to runtime.horizon) on the calling thread.
    virtual EngineResult run(const Scenario& scenario, TraceSink& sink) = 0;
};

}  // namespace loopscope
