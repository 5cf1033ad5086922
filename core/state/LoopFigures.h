// What a run's scheduling looked like, in counts a comparison can put side by side: the
// callbacks the main thread ran from each queue, the jobs of the thread pool and the waves
// they came in, how long the main thread was busy. Pure functions of a trace, the same for
// a run of loopscope's and for a trace recorded by real Node.
#pragma once

#include <array>
#include <cstdint>

#include "TraceEvent.h"

namespace loopscope {

struct LoopFigures {
    // Callbacks that began on a main thread (every process of a cluster), by the queue they
    // came from (QueueKind as index).
    std::array<int, std::size_t(QueueKind::PoolFifo) + 1> callbacks{};
    Nanoseconds mainBusy = 0;  // time spent inside those callbacks
    int poolJobs = 0;          // jobs a libuv pool worker ran
    int poolLanes = 0;         // pool workers that ran at least one
    // The pool's waves: while the pool stays busy, jobs that find every worker taken run in
    // a later wave (eight crypto.pbkdf2 calls on four workers come in two). Summed over the
    // stretches in which the pool was busy: each stretch's jobs divided by the workers that
    // ran them, rounded up.
    int poolWaves = 0;
    Nanoseconds end = 0;       // the last event's time

    int callbacksFrom(QueueKind queue) const { return callbacks[std::size_t(queue)]; }
};

LoopFigures loopFigures(const Trace& trace);

}  // namespace loopscope
