// The live event-loop engine: the scenario really runs on libuv, the way Node runs a
// program. The calling thread is the JavaScript thread and runs a real uv_run loop;
// steps are interpreted on it (see DESIGN.md, "Node.js semantics the event-loop engine
// must keep"). Pool work goes through uv_queue_work on libuv's own pool, `net` through
// real loopback TCP, `worker` through a real thread, timers through a real uv timer.
//
// libuv reads UV_THREADPOOL_SIZE once per process: runtime.threadpool only takes
// effect when the run is the process's first use of the pool, which is why every run
// has its own child process (EngineProcess.h).
#pragma once

#include <optional>

#include "Engine.h"

namespace loopscope {

// A process of a cluster (ClusterEngine.h): it does not listen, but serves the
// connections its primary hands over on an IPC pipe, numbers its requests so that
// they stay unique over the cluster, and counts time from the primary's start.
struct ClusterProcessRole {
    int process = 0;        // 0-based
    int processes = 1;
    int channelFd = -1;     // the IPC pipe from the primary (HttpServer::serveFromIpc)
    Nanoseconds origin = 0; // the primary's run start, CLOCK_MONOTONIC (steadyNow())
};

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
