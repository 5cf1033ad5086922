#include "LargeBuffers.h"

#include <cstdint>
#include <new>
#include <sys/mman.h>

namespace loopscope {

void adviseHugePages(void* start, std::size_t bytes) {
    const auto begin = reinterpret_cast<std::uintptr_t>(start);
    const std::uintptr_t first = (begin + kHugePageBytes - 1) & ~(kHugePageBytes - 1);
    const std::uintptr_t end = (begin + bytes) & ~(kHugePageBytes - 1);
    if (end > first)
        ::madvise(reinterpret_cast<void*>(first), end - first, MADV_HUGEPAGE);
}

void* mapHugePages(std::size_t bytes) {
    // Mapped with a huge page to spare, then trimmed to an aligned start.
    void* mapped = ::mmap(nullptr, bytes + kHugePageBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED)
        throw std::bad_alloc();
    const auto begin = reinterpret_cast<std::uintptr_t>(mapped);
    const std::uintptr_t aligned = (begin + kHugePageBytes - 1) & ~(kHugePageBytes - 1);
    if (aligned > begin)
        ::munmap(mapped, aligned - begin);
    const std::uintptr_t end = begin + bytes + kHugePageBytes;
    if (end > aligned + bytes)
        ::munmap(reinterpret_cast<void*>(aligned + bytes), end - (aligned + bytes));
    ::madvise(reinterpret_cast<void*>(aligned), bytes, MADV_HUGEPAGE);
    return reinterpret_cast<void*>(aligned);
}

void releaseHugePages(void* buffer, std::size_t bytes) { ::munmap(buffer, bytes); }

}  // namespace loopscope
