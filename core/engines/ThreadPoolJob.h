// One job on libuv's own thread pool (uv_queue_work): `work` runs on a pool worker,
// `done` on the loop thread in the poll phase, when libuv reports the completion.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>

#include <uv.h>

namespace loopscope {

class ThreadPoolJob {
public:
    using Work = std::function<void()>;
    using Done = std::function<void(bool cancelled)>;

    // Queues the job; it deletes itself after `done`. Returns a libuv error code (0 = queued).
    static int queue(uv_loop_t* loop, Work work, Done done);

private:
    ThreadPoolJob(Work work, Done done) : work_(std::move(work)), done_(std::move(done)) {}
    uv_work_t request_{};
    Work work_;
    Done done_;
};

// Names the pool worker threads of one run 0, 1, 2, ... in the order they first take a
// job. The pool belongs to the process and outlives runs, so the name a thread got is
// remembered per run (thread-local, tagged with the run it was given in).
class PoolLanes {
public:
    PoolLanes();
    std::uint32_t indexOfCallingThread();

private:
    std::uint64_t runTag_;
    std::atomic<std::uint32_t> next_{0};
};

}  // namespace loopscope
