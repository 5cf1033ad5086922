// Messages to the JavaScript thread from other threads (a worker's postMessage, the load
// client's "all done", an ES module's loading): a uv_async_t that runs them in the poll
// phase. The loop stays alive only while a message is expected or the inbox is held (a
// Worker that still runs, a parentPort that listens).
#pragma once

#include <functional>
#include <mutex>
#include <vector>

#include <uv.h>

#include "NodeTrace.h"
#include "RunHorizon.h"

namespace loopscope {

class LoopInbox {
public:
    LoopInbox(NodeTrace& trace, RunHorizon& horizon) : trace_(trace), horizon_(horizon) {}

    void start(uv_loop_t* loop);
    // On the loop thread, before the message can be posted: keeps the loop alive for it.
    void expect();
    // On the loop thread: keeps the loop alive, for messages nobody can count, until released.
    void hold();
    void release();
    // Any thread. An `expected` message ends one expect().
    void post(std::function<void()> message, bool expected = true);
    void close();

private:
    void drain();

    NodeTrace& trace_;
    RunHorizon& horizon_;
    uv_async_t async_{};
    std::mutex mutex_;
    void updateRef();

    struct Message {
        std::function<void()> body;
        bool expected;
    };
    std::vector<Message> messages_;  // guarded by mutex_
    int expected_ = 0;
    int holds_ = 0;
};

}  // namespace loopscope
