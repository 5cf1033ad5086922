// The live event-loop engine: the scenario really runs on libuv, the way Node runs a
// program. The calling thread is the JavaScript thread and runs a real uv_run loop;
// steps are interpreted on it (see DESIGN.md, "Node.js semantics the event-loop engine
// must keep"): a StepProgram (StepProgram.h) interprets them by calling a NodeRuntime
// (NodeRuntime.h), which owns the loop. Pool work goes through uv_queue_work on
// libuv's own pool, `net` through real loopback TCP, `worker` through a real thread,
// timers through a real uv timer.
//
// libuv reads UV_THREADPOOL_SIZE once per process: runtime.threadpool only takes
// effect when the run is the process's first use of the pool, which is why every run
// has its own child process (EngineProcess.h).
#pragma once

#include <optional>

#include "ClusterProcessRole.h"
#include "Engine.h"

namespace loopscope {

class EventLoopEngine final : public Engine {
public:
    EventLoopEngine() = default;
    explicit EventLoopEngine(ClusterProcessRole role) : role_(role) {}
    EngineKind kind() const override { return EngineKind::EventLoop; }
    EngineResult run(const Scenario& scenario, TraceSink& sink) override;

private:
    std::optional<ClusterProcessRole> role_;
};

}  // namespace loopscope
