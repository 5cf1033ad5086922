// The other scheduling model: a blocking server that gives every connection its own
// OS thread, as a classic Java or C++ server does. Each thread runs the handler's
// steps with blocking twins of the asynchronous ones (DESIGN.md, the step table):
// it computes for `cpu` and computing pool steps, sleeps for file reads and timers,
// and makes a real blocking call to the loopback peer for `net`.
//
// At most `threads.max` threads are alive; further connections wait in the listen
// backlog until one exits. Each thread gets a stack of `threads.stack` bytes.
// The main script runs first on the calling thread (lane Main), concurrently with
// the server, which starts before it, as `new Thread(server).start()` would.
#pragma once

#include "Engine.h"

namespace loopscope {

class ThreadPerRequestEngine : public Engine {
public:
    EngineKind kind() const override { return EngineKind::ThreadPerRequest; }
    EngineResult run(const Scenario& scenario, TraceSink& sink) override;
};

}  // namespace loopscope
