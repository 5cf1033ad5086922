#include "JavaScriptEngine.h"

#include "JavaScriptProgram.h"
#include "NodeRuntime.h"
#include "ScenarioServices.h"
#include "SpiderMonkeyContext.h"

namespace loopscope {

EngineResult JavaScriptEngine::run(const Scenario& scenario, TraceSink& sink) {
    // The services are there before the program starts and until it has ended.
    ScenarioServices services(scenario.services);
    // The context outlives the runtime: callbacks the runtime still holds keep values rooted.
    SpiderMonkeyContext engine(std::size_t(scenario.runtime.heapBytes));
    NodeRuntime runtime(sink, scenario.runtime, role_);
    JavaScriptProgram program(scenario, runtime, engine);
    return runtime.run(program.hooks());
}

}  // namespace loopscope
