#include "CallbackQueues.h"

#include "ConsoleOutput.h"

namespace loopscope {

void CallbackQueues::run(QueueKind from, QueuedCallback& job, bool dequeue) {
    if (horizon_.stopIfPast())
        return;
    if (dequeue)
        trace_.main(EventKind::Dequeue, from, job.id, job.cause, job.where);
    trace_.main(EventKind::CallbackBegin, from, job.id, job.cause, job.where);
    const std::uint64_t outer = current_;
    current_ = job.id;
    if (job.body)
        job.body();
    current_ = outer;
    trace_.main(EventKind::CallbackEnd, from, job.id, job.cause, job.where);
}

void CallbackQueues::runMacrotask(QueueKind from, QueuedCallback job) {
    if (horizon_.stopped())
        return;
    run(from, job);
    drainTicksAndMicrotasks();
}

void CallbackQueues::drainTicksAndMicrotasks(DrainCaller caller) {
    if (draining_)
        return;
    draining_ = true;
    place_ = DrainPlace{caller, !nextTicks_.empty() || hiddenTick_};
    QueueKind drained = QueueKind::None;
    for (;;) {
        if (place_.processingTicks)
            hiddenTick_ = false;
        while (!nextTicks_.empty() && !horizon_.stopped()) {
            QueuedCallback job = std::move(nextTicks_.front());
            nextTicks_.pop_front();
            drained = QueueKind::NextTick;
            run(QueueKind::NextTick, job);
        }
        while (!microtasks_.empty() && !horizon_.stopped()) {
            QueuedCallback job = std::move(microtasks_.front());
            microtasks_.pop_front();
            drained = QueueKind::Microtask;
            run(QueueKind::Microtask, job);
        }
        if (horizon_.stopped()) {
            if (horizon_.reached() && drained != QueueKind::None)
                explainHorizonInDrain(drained);
            break;
        }
        if (!nextTicks_.empty() || hiddenTick_) {
            place_.processingTicks = true;
            continue;
        }
        // Node's processTicksAndRejections: `while (!queue.isEmpty() || processPromiseRejections())`.
        if (afterDrain_ && afterDrain_()) {
            place_.processingTicks = true;
            continue;
        }
        break;
    }
    hiddenTick_ = false;
    place_ = DrainPlace{};
    draining_ = false;
}

// The queues refilled themselves until the horizon, and the loop never went on: a run
// that stops at its horizon ends silently otherwise.
void CallbackQueues::explainHorizonInDrain(QueueKind drained) {
    if (!horizon_.explainOnce())
        return;
    trace_.main(EventKind::Log, QueueKind::None, 0, current_, {}, kLogToStderr,
                std::string("loopscope: the run reached its horizon while the ") +
                    (drained == QueueKind::NextTick ? "nextTick" : "microtask") +
                    " queue was still being drained (callbacks that queue more without end keep the event loop "
                    "from going on)");
}

void CallbackQueues::queueNextTick(QueuedCallback job) {
    trace_.main(EventKind::Enqueue, QueueKind::NextTick, job.id, job.cause, job.where, 0, job.label);
    nextTicks_.push_back(std::move(job));
}

void CallbackQueues::queueMicrotask(QueuedCallback job) {
    trace_.main(EventKind::Enqueue, QueueKind::Microtask, job.id, job.cause, job.where, 0, job.label);
    microtasks_.push_back(std::move(job));
}

}  // namespace loopscope
