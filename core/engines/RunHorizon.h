// When a run stops: at runtime.horizon (a wall-clock deadline from the run's start) or
// when it is torn down. Stopping stops the loop and tells the threads doing the run's
// work (pool jobs, workers, waiting steps) through the StopSignal, so that none of them
// holds the end of the run up.
#pragma once

#include <uv.h>

#include "CpuBurn.h"
#include "StopSignal.h"

namespace loopscope {

class RunHorizon {
public:
    // `deadline`: steady clock (steadyNow()).
    void arm(uv_loop_t* loop, Nanoseconds deadline) {
        loop_ = loop;
        deadline_ = deadline;
    }
    Nanoseconds deadline() const { return deadline_; }
    Nanoseconds left() const { return deadline_ - steadyNow(); }

    // On the loop thread: no callback runs once the run has stopped.
    bool stopped() const { return stopped_; }
    bool reached() const { return reached_; }

    // The horizon timer has millisecond steps: a callback about to start checks the clock
    // itself. True when the run has stopped.
    bool stopIfPast() {
        if (!stopped_ && steadyNow() >= deadline_)
            reach();
        return stopped_;
    }
    void reach() {
        if (stopped_)
            return;
        stopped_ = true;
        reached_ = true;
        signal_.requestStop();
        uv_stop(loop_);
    }
    // The run has made too many events (kMaxRunEvents): it stops as at the horizon.
    void reachEventLimit() {
        if (stopped_)
            return;
        eventLimitReached_ = true;
        reach();
        reached_ = false;
    }
    bool eventLimitReached() const { return eventLimitReached_; }
    // True the first time only: the run tells the user once what it was doing when the
    // horizon cut it (a script that never returned, queues that never emptied).
    bool explainOnce() {
        const bool first = !explained_;
        explained_ = true;
        return first;
    }
    // The run ends for another reason (an error, or it is torn down).
    void stopRunning() { stopped_ = true; }
    void stopEverything() {
        stopped_ = true;
        signal_.requestStop();
    }

    StopSignal& signal() { return signal_; }

private:
    uv_loop_t* loop_ = nullptr;
    Nanoseconds deadline_ = 0;
    bool stopped_ = false;
    bool reached_ = false;
    bool eventLimitReached_ = false;
    bool explained_ = false;
    StopSignal signal_;
};

}  // namespace loopscope
