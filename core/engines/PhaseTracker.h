// Turns what the engine observes on the real loop into PhaseEnter/PhaseLeave and
// LoopIteration events, in libuv's cyclic order. libuv offers no hook at every phase
// boundary, so each boundary is inferred from the nearest thing that runs there:
//   timers   - the Node timer handle's callback runs (first thing of an iteration in
//              libuv 1.44, which updates the time and runs timers at the top of uv_run's loop)
//   pending  - libuv-internal callbacks only; passed when the prepare handle runs
//   idle/prepare - our uv_prepare handle runs (it is the last thing before poll)
//   poll     - entered right after that prepare callback; I/O callbacks, pool completions
//              and worker messages run inside it
//   check    - our immediate uv_check handle runs (started last, so libuv runs it first)
//   close    - a second uv_check handle, started first and so run last in the check
//              phase, marks the end of check; close callbacks run after it
// A phase with nothing observable in it is reported as entered and left at the moment
// the engine sees a later phase, so every iteration shows the whole cycle.
#pragma once

#include <cstdint>
#include <functional>

#include "TraceEvent.h"

namespace loopscope {

class PhaseTracker {
public:
    using Emit = std::function<void(EventKind kind, Phase phase, std::int64_t value)>;
    // `onIteration` runs when a new iteration begins (after its LoopIteration event).
    PhaseTracker(Emit emit, std::function<void(std::int64_t)> onIteration = {});

    void enterMainScript();
    // Moves forward through the cycle to `phase` (no-op if already there).
    void observe(Phase phase);
    // Leaves the current phase (the loop ended).
    void finish();

    Phase current() const { return current_; }
    std::int64_t iteration() const { return iteration_; }

private:
    void enter(Phase phase);
    void leave();

    Emit emit_;
    std::function<void(std::int64_t)> onIteration_;
    Phase current_ = Phase::None;
    std::int64_t iteration_ = 0;
};

}  // namespace loopscope
