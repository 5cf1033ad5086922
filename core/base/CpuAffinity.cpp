#include "CpuAffinity.h"

#include <pthread.h>
#include <sched.h>
#include <unistd.h>

namespace loopscope {

bool pinToCores(int cores) {
    const long available = sysconf(_SC_NPROCESSORS_ONLN);
    if (cores <= 0 || available < cores)
        return false;
    cpu_set_t set;
    CPU_ZERO(&set);
    for (int cpu = 0; cpu < cores && cpu < CPU_SETSIZE; ++cpu)
        CPU_SET(cpu, &set);
    return sched_setaffinity(0, sizeof set, &set) == 0;
}


bool moveCallingThreadOutsideRunCores() {
    cpu_set_t current;
    CPU_ZERO(&current);
    if (pthread_getaffinity_np(pthread_self(), sizeof current, &current) != 0)
        return false;
    const long online = sysconf(_SC_NPROCESSORS_ONLN);
    cpu_set_t outside;
    CPU_ZERO(&outside);
    for (long cpu = 0; cpu < online && cpu < CPU_SETSIZE; ++cpu)
        if (!CPU_ISSET(cpu, &current))
            CPU_SET(cpu, &outside);
    if (CPU_COUNT(&outside) == 0)
        return false;
    return pthread_setaffinity_np(pthread_self(), sizeof outside, &outside) == 0;
}

}  // namespace loopscope
