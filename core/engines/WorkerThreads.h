// `worker` for a program: a real thread with its own libuv loop, as worker_threads are,
// computes `takes`, then posts its message to the JavaScript thread (poll phase). Each
// worker runs on the lowest worker lane free when it starts.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <thread>
#include <vector>

#include "CallbackQueues.h"
#include "LoopInbox.h"
#include "LowestFreeLane.h"

namespace loopscope {

class WorkerThreads {
public:
    WorkerThreads(CallbackQueues& queues, NodeTrace& trace, RunHorizon& horizon, LoopInbox& inbox)
        : queues_(queues), trace_(trace), horizon_(horizon), inbox_(inbox) {}

    // `takes`: real CPU time.
    void start(SourceLocation where, Nanoseconds takes, std::function<void()> onMessage);
    void joinAll();

private:
    struct Script;
    static void runScript(const Script& script);

    CallbackQueues& queues_;
    NodeTrace& trace_;
    RunHorizon& horizon_;
    LoopInbox& inbox_;
    std::map<std::uint64_t, std::thread> threads_;
    LowestFreeLane lanes_;
};

}  // namespace loopscope
