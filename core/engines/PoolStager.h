// Work on libuv's thread pool as Node makes it: one request (fs.readFile, crypto.pbkdf2,
// ...) is one or more pool jobs, its stages, each queued with uv_queue_work only when the
// one before it has completed (on the loop thread, in the poll phase, as Node's internal
// callbacks do): behind busy pool threads, every job queued after the first stage passes
// the rest. Only the last stage's completion runs the program's callback.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <uv.h>

#include "CallbackQueues.h"
#include "ThreadPoolJob.h"

namespace loopscope {

struct PoolStage {
    const char* name = nullptr;  // shown after the request's label; null: the request's own job
    Nanoseconds takes = 0;       // real time, for a stage that stands for work (steps)
    // The real work (a real program's fs, crypto, zlib call), run on the pool worker
    // instead of waiting `takes`.
    std::function<void()> work;
};

struct PoolWork {
    SourceLocation where;
    std::string label;
    bool computes = false;  // the worker computes (uses a core) rather than waits
    std::vector<PoolStage> stages;
};

class PoolStager {
public:
    PoolStager(CallbackQueues& queues, NodeTrace& trace, RunHorizon& horizon)
        : queues_(queues), trace_(trace), horizon_(horizon) {}

    void start(uv_loop_t* loop) { loop_ = loop; }
    // The pool is the process's: a worker thread's runtime names its threads as its
    // parent's runtime does, so that one thread is one lane in the process's trace.
    const std::shared_ptr<PoolLanes>& lanes() const { return lanes_; }
    void shareLanes(std::shared_ptr<PoolLanes> lanes) { lanes_ = std::move(lanes); }
    // Throws std::runtime_error if libuv refuses a job.
    void queue(PoolWork work, std::function<void()> onDone);

private:
    struct Request;
    void queueNextStage(const std::shared_ptr<Request>& request);

    CallbackQueues& queues_;
    NodeTrace& trace_;
    RunHorizon& horizon_;
    uv_loop_t* loop_ = nullptr;
    std::shared_ptr<PoolLanes> lanes_ = std::make_shared<PoolLanes>();
    std::atomic<int> busy_{0};
    std::atomic<int> queued_{0};
};

}  // namespace loopscope
