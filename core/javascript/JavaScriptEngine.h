// The event-loop engine running a real JavaScript program (Scenario::program) rather
// than steps: a SpiderMonkey context, a NodeRuntime and the JavaScriptProgram that
// drives it, all on the calling thread.
#pragma once

#include <optional>

#include "ClusterForks.h"
#include "ClusterProcessRole.h"
#include "Engine.h"

namespace loopscope {

class JavaScriptEngine : public Engine {
public:
    // `forks`: how the program's cluster.fork() starts a worker (none: it cannot);
    // `worker`: set when this process is such a worker.
    explicit JavaScriptEngine(std::optional<ForkCommand> forks = std::nullopt,
                              std::optional<ClusterProcessRole> worker = std::nullopt)
        : forks_(std::move(forks)), worker_(worker) {}
    EngineKind kind() const override { return EngineKind::EventLoop; }
    EngineResult run(const Scenario& scenario, TraceSink& sink) override;

private:
    std::optional<ForkCommand> forks_;
    std::optional<ClusterProcessRole> worker_;
};

}  // namespace loopscope
