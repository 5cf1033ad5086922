#include "LargeBuffers.h"

#include <cstdint>
#include <sys/mman.h>

namespace loopscope {

void adviseHugePages(void* start, std::size_t bytes) {
    const auto begin = reinterpret_cast<std::uintptr_t>(start);
    const std::uintptr_t first = (begin + kHugePageBytes - 1) & ~(kHugePageBytes - 1);
    const std::uintptr_t end = (begin + bytes) & ~(kHugePageBytes - 1);
    if (end > first)
        ::madvise(reinterpret_cast<void*>(first), end - first, MADV_HUGEPAGE);
}

}  // namespace loopscope
