// The JavaScript thread's callbacks: who is running, the ids every callback gets, the
// nextTick and microtask queues and Node's rule for draining them: after the main script
// and after every single callback the loop runs, all nextTicks, then all microtasks,
// until both are empty. Every queue change is reported in the trace here.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>

#include "NodeTrace.h"
#include "RunHorizon.h"

namespace loopscope {

// A callback waiting in one of the queues: its id, the id of the callback that was
// running when it was scheduled (its cause), the program line that scheduled it, the
// label its queue shows, and what it does.
struct QueuedCallback {
    std::uint64_t id = 0;
    std::uint64_t cause = 0;
    SourceLocation where;
    std::string label;
    std::function<void()> body;
};

// Who drains the two queues, as Node's frames under a drained callback show it: the
// callback scope's close after a callback the loop ran (the main script's included), or
// runNextTicks() before the next timer of the same list, before the next list of timers,
// or before the next immediate.
enum class DrainCaller : std::uint8_t { Loop, BeforeNextTimer, BeforeNextTimerList, BeforeNextImmediate };

// Where the drain running now stands: its caller, and whether it has reached Node's
// processTicksAndRejections() (a nextTick was queued when it began or when the microtasks
// it ran first were done) or still runs those first microtasks (natively after a
// callback the loop ran, in runNextTicks() between timers and immediates).
struct DrainPlace {
    DrainCaller caller = DrainCaller::Loop;
    bool processingTicks = false;
};

class CallbackQueues {
public:
    CallbackQueues(NodeTrace& trace, RunHorizon& horizon) : trace_(trace), horizon_(horizon) {}

    std::uint64_t newId() { return nextId_++; }
    // The callback running now (0 before the main script).
    std::uint64_t current() const { return current_; }
    // A callback with a new id, caused by the one running now.
    QueuedCallback make(SourceLocation where, std::string label, std::function<void()> body) {
        return QueuedCallback{newId(), current_, where, std::move(label), std::move(body)};
    }

    void queueNextTick(QueuedCallback job);
    void queueMicrotask(QueuedCallback job);

    // Runs `job` as the callback running now (Dequeue, CallbackBegin, its body,
    // CallbackEnd), unless the run has stopped.
    void run(QueueKind from, QueuedCallback& job, bool dequeue = true);
    // A callback the loop itself runs (timer, I/O, immediate, close): Node drains the
    // nextTick and microtask queues after every one of them.
    void runMacrotask(QueueKind from, QueuedCallback job);
    void drainTicksAndMicrotasks(DrainCaller caller = DrainCaller::Loop);
    // Only meaningful while a queued callback runs.
    DrainPlace drainPlace() const { return place_; }
    // A write to stdout or stderr: Node's stream queues its afterWrite nextTick, which the
    // queues do not show, but which makes the next drain begin in processTicksAndRejections().
    void noteHiddenTick() { hiddenTick_ = true; }
    // Runs whenever both queues have run empty (a program's unhandled-rejection check);
    // true when it may have queued more, so the drain goes on.
    void setAfterDrain(std::function<bool()> afterDrain) { afterDrain_ = std::move(afterDrain); }

private:
    NodeTrace& trace_;
    RunHorizon& horizon_;
    std::uint64_t nextId_ = 1;
    std::uint64_t current_ = 0;
    void explainHorizonInDrain(QueueKind drained);

    bool draining_ = false;
    bool hiddenTick_ = false;
    DrainPlace place_;
    std::function<bool()> afterDrain_;
    std::deque<QueuedCallback> nextTicks_;
    std::deque<QueuedCallback> microtasks_;
};

}  // namespace loopscope
