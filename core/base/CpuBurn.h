// Real computation for `cpu` steps and computing pool jobs (crypto.pbkdf2, zlib.gzip,
// dns.lookup, worker). The duration is CPU time of the calling thread
// (CLOCK_THREAD_CPUTIME_ID), so threads that share a core slow each other down exactly
// as they do in Node: four 70 ms jobs on two cores take about 140 ms of wall time each.
#pragma once

#include "Time.h"

namespace loopscope {

class StopSignal;

// CPU time the calling thread has used so far.
Nanoseconds threadCpuTime();

// Spins until the calling thread has used `cpuTime` more CPU time, a stop is
// requested, or the wall-clock `deadline` (steady clock, ns; 0 = none) passes.
// Returns false when it was cut short.
bool burnCpu(Nanoseconds cpuTime, const StopSignal* stop = nullptr, Nanoseconds deadline = 0);

// steady_clock now, in ns, the clock `deadline` uses.
Nanoseconds steadyNow();

}  // namespace loopscope
