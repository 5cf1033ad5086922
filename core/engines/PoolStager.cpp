#include "PoolStager.h"

#include <stdexcept>

#include "CpuBurn.h"

namespace loopscope {

struct PoolStager::Request {
    std::uint64_t id = 0;
    std::uint64_t cause = 0;
    PoolWork work;
    std::size_t next = 0;
    std::function<void()> onDone;
};

void PoolStager::queue(PoolWork work, std::function<void()> onDone) {
    auto request = std::make_shared<Request>();
    request->id = queues_.newId();
    request->cause = queues_.current();
    request->work = std::move(work);
    request->onDone = std::move(onDone);
    queueNextStage(request);
}

void PoolStager::queueNextStage(const std::shared_ptr<Request>& request) {
    const PoolStage stage = request->work.stages[request->next++];
    const bool last = request->next == request->work.stages.size();
    const std::uint64_t id = request->id;
    const std::uint64_t cause = request->cause;
    const SourceLocation where = request->work.where;
    const bool computes = request->work.computes;
    const Nanoseconds takes = stage.takes;
    std::function<void()> work = stage.work;
    const std::string label = stage.name ? request->work.label + " (" + stage.name + ")" : request->work.label;
    trace_.main(EventKind::Enqueue, QueueKind::PoolFifo, id, cause, where, 0, label);
    trace_.counter(kMainLane, "pool queue", ++queued_);
    const int rc = ThreadPoolJob::queue(
        loop_,
        [this, id, cause, where, computes, takes, label, work] {
            // On a pool worker.
            const Lane lane{LaneKind::PoolWorker, 0, lanes_->indexOfCallingThread()};
            trace_.emit(EventKind::Dequeue, lane, QueueKind::PoolFifo, id, cause, where);
            trace_.counter(lane, "pool queue", --queued_);
            trace_.counter(lane, "pool busy", ++busy_);
            trace_.emit(EventKind::WorkBegin, lane, QueueKind::PoolFifo, id, cause, where, 0, label);
            if (work)
                work();
            else if (computes)
                burnCpu(takes, &horizon_.signal());
            else
                horizon_.signal().sleepFor(takes);
            // The completion is posted before the work is marked ended, so that no
            // moment of the trace shows the request nowhere.
            trace_.emit(EventKind::Enqueue, lane, QueueKind::Poll, id, cause, where, 0, label);
            trace_.emit(EventKind::WorkEnd, lane, QueueKind::PoolFifo, id, cause, where, 0, label);
            trace_.counter(lane, "pool busy", --busy_);
        },
        [this, request, last](bool cancelled) {
            if (cancelled || horizon_.stopped())
                return;
            trace_.phases().observe(Phase::Poll);
            if (!last) {
                // Node's own callback (readFileAfterOpen, ...) takes the completion and
                // queues the next job; the program's callback runs after the last one.
                trace_.main(EventKind::Dequeue, QueueKind::Poll, request->id, request->cause, request->work.where);
                queueNextStage(request);
                return;
            }
            queues_.runMacrotask(QueueKind::Poll, QueuedCallback{request->id, request->cause, request->work.where,
                                                                 request->work.label, request->onDone});
        });
    if (rc != 0)
        throw std::runtime_error(std::string("the thread pool refused a job: ") + uv_strerror(rc));
}

}  // namespace loopscope
