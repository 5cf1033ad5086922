// The event-loop engine running a real JavaScript program (Scenario::program) rather
// than steps: a SpiderMonkey context, a NodeRuntime and the JavaScriptProgram that
// drives it, all on the calling thread.
#pragma once

#include <optional>

#include "ClusterProcessRole.h"
#include "Engine.h"

namespace loopscope {

class JavaScriptEngine : public Engine {
public:
    explicit JavaScriptEngine(std::optional<ClusterProcessRole> role = std::nullopt) : role_(role) {}
    EngineKind kind() const override { return EngineKind::EventLoop; }
    EngineResult run(const Scenario& scenario, TraceSink& sink) override;

private:
    std::optional<ClusterProcessRole> role_;
};

}  // namespace loopscope
