#include "WorkerThreads.h"

#include <uv.h>

#include "CpuBurn.h"

namespace loopscope {

// What a worker thread runs: the computation, on the worker's own loop.
struct WorkerThreads::Script {
    WorkerThreads* workers;
    std::uint64_t id, cause;
    SourceLocation where;
    Lane lane;
    Nanoseconds takes;
};

void WorkerThreads::start(SourceLocation where, Nanoseconds takes, std::function<void()> onMessage) {
    const std::uint64_t id = queues_.newId();
    const std::uint64_t cause = queues_.current();
    const std::uint32_t laneIndex = lanes_.take();
    const Lane lane{LaneKind::Worker, 0, laneIndex};
    inbox_.expect();
    trace_.main(EventKind::ThreadCreate, QueueKind::None, id, cause, where, 0, "worker");
    auto message = [this, id, cause, where, laneIndex, onMessage = std::move(onMessage)] {
        auto thread = threads_.find(id);
        if (thread != threads_.end()) {
            thread->second.join();
            threads_.erase(thread);
        }
        lanes_.give(laneIndex);
        queues_.runMacrotask(QueueKind::Poll, QueuedCallback{id, cause, where, "worker message", onMessage});
    };
    const Script script{this, id, cause, where, lane, takes};
    threads_[id] = std::thread([this, script, message = std::move(message)]() mutable {
        runScript(script);
        trace_.emit(EventKind::ThreadExit, script.lane, QueueKind::None, script.id, script.cause, script.where, 0,
                    "worker");
        trace_.emit(EventKind::Enqueue, script.lane, QueueKind::Poll, script.id, script.cause, script.where, 0,
                    "worker message");
        inbox_.post(std::move(message));
    });
}

void WorkerThreads::runScript(const Script& script) {
    uv_loop_t loop;
    uv_loop_init(&loop);
    uv_timer_t start;
    uv_timer_init(&loop, &start);
    start.data = const_cast<Script*>(&script);
    uv_timer_start(&start, [](uv_timer_t* handle) {
        auto* s = static_cast<const Script*>(handle->data);
        NodeTrace& trace = s->workers->trace_;
        trace.emit(EventKind::WorkBegin, s->lane, QueueKind::None, s->id, s->cause, s->where, 0, "worker");
        burnCpu(s->takes, &s->workers->horizon_.signal());
        trace.emit(EventKind::WorkEnd, s->lane, QueueKind::None, s->id, s->cause, s->where, 0, "worker");
        uv_close(reinterpret_cast<uv_handle_t*>(handle), nullptr);
    }, 0, 0);
    uv_run(&loop, UV_RUN_DEFAULT);
    uv_loop_close(&loop);
}

void WorkerThreads::joinAll() {
    for (auto& [id, thread] : threads_)
        thread.join();
    threads_.clear();
}

}  // namespace loopscope
