// Keeping the measured server apart from what merely drives it. A run may be pinned
// to `runtime.cores` cores; the load client and the net peer are not part of the
// server (they stand for the users and the database), so their threads move to the
// cores the run does not use, when there are any. With `cores: 1` on a two-core
// machine the server has one core and the client the other.
#pragma once

namespace loopscope {

// Pins the calling thread (and threads it creates afterwards) to the first `cores`
// CPUs, when the machine has at least that many; returns whether it pinned.
bool pinToCores(int cores);

// Moves the calling thread to the online CPUs outside its current affinity mask.
// Returns false (and changes nothing) when there are none.
bool moveCallingThreadOutsideRunCores();

}  // namespace loopscope
