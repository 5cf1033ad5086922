#include "CpuBurn.h"

#include <time.h>

namespace loopscope {

Nanoseconds threadCpuTime() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<Nanoseconds>(now.tv_sec) * kSecond + now.tv_nsec;
}

bool burnCpu(Nanoseconds cpuTime, const std::atomic<bool>* stop) {
    const Nanoseconds until = threadCpuTime() + cpuTime;
    // Real arithmetic between clock reads, so the core is busy rather than in the vDSO.
    volatile std::uint64_t sink = 0x9e3779b97f4a7c15ull;
    while (threadCpuTime() < until) {
        for (int i = 0; i < 2000; ++i)
            sink = sink * 6364136223846793005ull + 1442695040888963407ull;
        if (stop != nullptr && stop->load(std::memory_order_relaxed))
            return false;
    }
    return true;
}

}  // namespace loopscope
