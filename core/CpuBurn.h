// Really using a core for a given amount of CPU time, as a `cpu` step or a
// computing pool job does. CPU time, not wall time: on a busy machine the same
// burn takes longer on the clock, exactly as a real computation would.
#pragma once

#include <atomic>

#include "Scenario.h"

namespace loopscope {

// Spins on the calling thread until its CPU time (CLOCK_THREAD_CPUTIME_ID) has grown
// by `cpuTime`. Returns early, with false, once `stop` (if given) becomes true.
bool burnCpu(Nanoseconds cpuTime, const std::atomic<bool>* stop = nullptr);

// The calling thread's CPU time so far.
Nanoseconds threadCpuTime();

}  // namespace loopscope
