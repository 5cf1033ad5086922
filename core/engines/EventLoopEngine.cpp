#include "EventLoopEngine.h"

#include "NodeRuntime.h"
#include "StepProgram.h"

namespace loopscope {

EngineResult EventLoopEngine::run(const Scenario& scenario, TraceSink& sink) {
    NodeRuntime runtime(sink, scenario.runtime, role_);
    StepProgram program(scenario, runtime);
    return runtime.run([&program] { program.start(); });
}

}  // namespace loopscope
