// setImmediate as Node keeps it: a queue that a uv_check_t runs in the check phase (the
// immediates queued before the phase began; those they queue wait for the next
// iteration), with a uv_idle_t started while immediates wait so that poll does not block.
#pragma once

#include <deque>

#include <uv.h>

#include "CallbackQueues.h"

namespace loopscope {

class ImmediateQueue {
public:
    ImmediateQueue(CallbackQueues& queues, NodeTrace& trace, RunHorizon& horizon)
        : queues_(queues), trace_(trace), horizon_(horizon) {}

    // Starts the check handle: libuv runs check handles newest first, so this one runs
    // before any check handle started earlier.
    void start(uv_loop_t* loop);
    void add(QueuedCallback job);
    // clearImmediate: a waiting immediate never runs, even one of the batch running now.
    void cancel(std::uint64_t id, SourceLocation where);
    std::size_t size() const { return waiting_.size(); }
    void close();

private:
    void runAll();

    CallbackQueues& queues_;
    NodeTrace& trace_;
    RunHorizon& horizon_;
    uv_check_t check_{};
    uv_idle_t idle_{};
    std::deque<QueuedCallback> waiting_;
    std::deque<QueuedCallback> running_;  // the batch of the check phase now
};

}  // namespace loopscope
