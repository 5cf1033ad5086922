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

#include "Engine.h"

namespace loopscope {

class EventLoopEngine final : public Engine {
public:
    EngineKind kind() const override { return EngineKind::EventLoop; }
    EngineResult run(const Scenario& scenario, TraceSink& sink) override;
};

// Pins the calling thread (and threads it creates afterwards) to the first `cores`
// CPUs, when the machine has at least that many; returns whether it pinned.
bool pinToCores(int cores);

}  // namespace loopscope
