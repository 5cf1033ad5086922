// setTimeout / setInterval for a program: NodeTimers' lists on the runtime's loop, each
// timer a callback with an id that enters the timers queue with its due time and, for
// an interval, again after every tick.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "CallbackQueues.h"
#include "NodeTimers.h"

namespace loopscope {

struct TimerRequest {
    SourceLocation where;
    std::string label;        // what the timers queue shows
    Nanoseconds delay = 0;    // program time (time_scale applies); under 1 ms it is 1 ms
    bool repeat = false;      // setInterval
    std::int64_t times = 0;   // an interval stops after so many ticks (0: when cleared)
    // The callback's body; `tick` counts an interval's ticks from 1 (0 for a timeout).
    std::function<void(std::int64_t tick)> onFire;
};

class TracedTimers {
public:
    TracedTimers(CallbackQueues& queues, NodeTrace& trace, double timeScale)
        : queues_(queues), trace_(trace), scale_(timeScale) {}

    void start(uv_loop_t* loop);
    NodeTimerPtr arm(TimerRequest request);
    // clearTimeout / clearInterval of a timer still live; `where` is the clearing line.
    void clear(const NodeTimerPtr& timer, SourceLocation where);
    // timer.ref() / unref(): an unref'd timer still fires but does not keep the loop alive.
    void setRef(const NodeTimerPtr& timer, bool refed) { timers_->setRef(timer, refed); }
    // timer.refresh(): starts its duration again from now (re-arming a timer that fired).
    void refresh(const NodeTimerPtr& timer, SourceLocation where);
    std::size_t activeCount() const { return timers_ ? timers_->activeCount() : 0; }
    void close();

private:
    Nanoseconds due(double startMs, double msecs) const;

    CallbackQueues& queues_;
    NodeTrace& trace_;
    const double scale_;
    uv_loop_t* loop_ = nullptr;
    std::unique_ptr<NodeTimers> timers_;
};

}  // namespace loopscope
