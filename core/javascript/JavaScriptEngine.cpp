#include "JavaScriptEngine.h"

#include "JavaScriptProgram.h"
#include "JsCluster.h"
#include "NodeRuntime.h"
#include "ScenarioServices.h"
#include "SpiderMonkeyContext.h"

namespace loopscope {

EngineResult JavaScriptEngine::run(const Scenario& scenario, TraceSink& sink) {
    // The services are there before the program starts and until it has ended (a
    // cluster's primary has them; its workers use them).
    std::optional<ScenarioServices> services;
    if (!worker_)
        services.emplace(scenario.services);
    // The context outlives the runtime: callbacks the runtime still holds keep values rooted.
    SpiderMonkeyContext engine(std::size_t(scenario.runtime.heapBytes));
    NodeRuntime runtime(sink, scenario.runtime, worker_);
    JavaScriptProgram program(scenario, runtime, engine);
    program.cluster().configure(worker_ ? std::nullopt : forks_, worker_);
    return runtime.run(program.hooks());
}

}  // namespace loopscope
