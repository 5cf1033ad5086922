#include "TracedTimers.h"

#include <algorithm>

namespace loopscope {

void TracedTimers::start(uv_loop_t* loop) {
    loop_ = loop;
    timers_ = std::make_unique<NodeTimers>(
        loop, [this] { trace_.phases().observe(Phase::Timers); }, [this](DrainCaller caller) { queues_.drainTicksAndMicrotasks(caller); });
}

NodeTimerPtr TracedTimers::arm(TimerRequest request) {
    auto timer = std::make_shared<NodeTimer>();
    // Node: a delay below 1 ms (or not a number) becomes 1 ms; time_scale stretches it.
    const double delayMs = std::max(1.0, double(request.delay) / double(kMillisecond));
    timer->msecs = delayMs * scale_;
    timer->repeat = request.repeat;
    const std::uint64_t id = queues_.newId();
    timer->callbackId = id;
    timer->label = request.label;
    const std::uint64_t cause = queues_.current();
    const SourceLocation where = request.where;
    const std::string label = request.label;
    const bool interval = request.repeat;
    const std::int64_t times = request.times;
    auto ticks = std::make_shared<std::int64_t>(0);
    std::weak_ptr<NodeTimer> weak = timer;
    timer->onTimeout = [this, id, cause, where, label, interval, times, ticks, weak,
                        onFire = std::move(request.onFire)](NodeTimer& fired) {
        // NodeTimers took the interval's next start just before this call, without
        // updating the loop's time since: it is the loop's time now.
        const double nextStart = double(uv_now(loop_));
        const std::int64_t tick = interval ? ++*ticks : 0;
        QueuedCallback job{id, cause, where, label, [onFire, tick] { onFire(tick); }};
        auto timerNow = weak.lock();
        queues_.run(QueueKind::Timers, job);
        if (interval && timerNow && !timerNow->cleared) {
            if (times > 0 && *ticks >= times)
                timers_->clear(timerNow);
            else
                trace_.main(EventKind::Enqueue, QueueKind::Timers, id, cause, where, due(nextStart, fired.msecs),
                            label);
        }
        // Its ticks and microtasks run once NodeTimers has put an interval back in its list.
    };
    timers_->start(timer);
    trace_.main(EventKind::Enqueue, QueueKind::Timers, id, cause, where, due(timer->idleStart, timer->msecs), label);
    return timer;
}

// When a timer that started at loop time `startMs` (uv_now) is due, in run time: the
// value of its Enqueue event, so the timers queue can say "due at".
Nanoseconds TracedTimers::due(double startMs, double msecs) const {
    const double dueNs = (startMs + msecs) * double(kMillisecond);
    return std::max<Nanoseconds>(0, Nanoseconds(dueNs) - trace_.start());
}

void TracedTimers::clear(const NodeTimerPtr& timer, SourceLocation where) {
    // An interval clearing itself inside its own callback is not in a list right then.
    const bool live = timer->active || (timer->repeat && timer->running);
    if (!live || timer->cleared)
        return;
    timers_->clear(timer);
    trace_.main(EventKind::Dequeue, QueueKind::Timers, timer->callbackId, queues_.current(), where, 0, "cleared");
}

void TracedTimers::refresh(const NodeTimerPtr& timer, SourceLocation where) {
    if (timer->cleared)
        return;
    const std::uint64_t id = timer->callbackId;
    if (timer->active)
        trace_.main(EventKind::Dequeue, QueueKind::Timers, id, queues_.current(), where, 0, "refreshed");
    timers_->start(timer);
    trace_.main(EventKind::Enqueue, QueueKind::Timers, id, queues_.current(), where, due(timer->idleStart, timer->msecs),
                timer->label);
}

void TracedTimers::close() {
    if (timers_)
        timers_->close();
}

}  // namespace loopscope
