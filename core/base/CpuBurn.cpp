#include "CpuBurn.h"

#include <chrono>
#include <ctime>

#include "StopSignal.h"

namespace loopscope {

Nanoseconds threadCpuTime() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return Nanoseconds(now.tv_sec) * kSecond + now.tv_nsec;
}

Nanoseconds steadyNow() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

namespace {
// Work the optimiser cannot drop; a few microseconds per round between clock reads.
thread_local volatile std::uint64_t sink;  // per thread: burning threads share nothing
void spinRound() {
    std::uint64_t x = sink;
    for (int i = 0; i < 2000; ++i)
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    sink = x;
}
}  // namespace

bool burnCpu(Nanoseconds cpuTime, const StopSignal* stop, Nanoseconds deadline) {
    const Nanoseconds end = threadCpuTime() + cpuTime;
    while (threadCpuTime() < end) {
        if (stop && stop->stopRequested())
            return false;
        if (deadline != 0 && steadyNow() >= deadline)
            return false;
        spinRound();
    }
    return true;
}

}  // namespace loopscope
