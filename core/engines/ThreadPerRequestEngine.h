// The other scheduling model: a blocking server that gives every connection its own
// OS thread (ThreadPerConnectionServer), as a classic Java or C++ server does. Each
// thread runs the handler's steps with blocking twins of the asynchronous ones
// (RequestRunner); `net` steps are real blocking calls to the loopback peer
// (BlockingPeerClient).
//
// The main script runs first on the calling thread (lane Main), concurrently with
// the server, which starts before it, as `new Thread(server).start()` would. The run
// ends when the load has had every answer and every thread has exited, or at the horizon.
#pragma once

#include "Engine.h"

namespace loopscope {

class ThreadPerRequestEngine : public Engine {
public:
    EngineKind kind() const override { return EngineKind::ThreadPerRequest; }
    EngineResult run(const Scenario& scenario, TraceSink& sink) override;
};

}  // namespace loopscope
