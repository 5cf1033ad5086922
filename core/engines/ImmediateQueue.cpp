#include "ImmediateQueue.h"

#include <algorithm>

namespace loopscope {

void ImmediateQueue::start(uv_loop_t* loop) {
    uv_check_init(loop, &check_);
    check_.data = this;
    uv_check_start(&check_, [](uv_check_t* handle) {
        auto* self = static_cast<ImmediateQueue*>(handle->data);
        self->trace_.phases().observe(Phase::Check);
        self->runAll();
    });
    uv_unref(reinterpret_cast<uv_handle_t*>(&check_));
    uv_idle_init(loop, &idle_);
}

void ImmediateQueue::add(QueuedCallback job) {
    trace_.main(EventKind::Enqueue, QueueKind::Check, job.id, job.cause, job.where, 0, job.label);
    waiting_.push_back(std::move(job));
    if (!uv_is_active(reinterpret_cast<uv_handle_t*>(&idle_)))
        uv_idle_start(&idle_, [](uv_idle_t*) {});
}

// processImmediate(): the immediates queued before the check phase began run now.
void ImmediateQueue::runAll() {
    running_.swap(waiting_);
    while (!running_.empty() && !horizon_.stopped()) {
        QueuedCallback job = std::move(running_.front());
        running_.pop_front();
        queues_.run(QueueKind::Check, job);
        // Node drains in runNextTicks() before the next immediate, else in the callback scope.
        queues_.drainTicksAndMicrotasks(running_.empty() ? DrainCaller::Loop : DrainCaller::BeforeNextImmediate);
    }
    running_.clear();
    if (waiting_.empty())
        uv_idle_stop(&idle_);
}

void ImmediateQueue::cancel(std::uint64_t id, SourceLocation where) {
    for (std::deque<QueuedCallback>* queue : {&running_, &waiting_}) {
        auto found = std::find_if(queue->begin(), queue->end(), [id](const QueuedCallback& job) { return job.id == id; });
        if (found == queue->end())
            continue;
        queue->erase(found);
        trace_.main(EventKind::Dequeue, QueueKind::Check, id, queues_.current(), where, 0, "cleared");
        if (waiting_.empty() && running_.empty())
            uv_idle_stop(&idle_);
        return;
    }
}

void ImmediateQueue::close() {
    for (auto* handle : {reinterpret_cast<uv_handle_t*>(&check_), reinterpret_cast<uv_handle_t*>(&idle_)})
        if (!uv_is_closing(handle))
            uv_close(handle, nullptr);
}

}  // namespace loopscope
