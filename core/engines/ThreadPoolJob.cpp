#include "ThreadPoolJob.h"

namespace loopscope {

int ThreadPoolJob::queue(uv_loop_t* loop, Work work, Done done) {
    auto* job = new ThreadPoolJob(std::move(work), std::move(done));
    job->request_.data = job;
    const int rc = uv_queue_work(
        loop, &job->request_,
        [](uv_work_t* request) { static_cast<ThreadPoolJob*>(request->data)->work_(); },
        [](uv_work_t* request, int status) {
            auto* self = static_cast<ThreadPoolJob*>(request->data);
            self->done_(status == UV_ECANCELED);
            delete self;
        });
    if (rc != 0)
        delete job;
    return rc;
}

namespace {
std::atomic<std::uint64_t> runTags{0};
struct LaneName {
    std::uint64_t runTag = 0;
    std::uint32_t index = 0;
};
thread_local LaneName laneOfThisThread;
}  // namespace

PoolLanes::PoolLanes() : runTag_(++runTags) {}

std::uint32_t PoolLanes::indexOfCallingThread() {
    if (laneOfThisThread.runTag != runTag_)
        laneOfThisThread = {runTag_, next_.fetch_add(1)};
    return laneOfThisThread.index;
}

}  // namespace loopscope
