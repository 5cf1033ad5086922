// Memory for buffers of megabytes (a run's packed events, a lane's spans, a decoded trace),
// asked of the kernel in huge pages where it gives them (transparent huge pages on
// `madvise`, Debian's default). Filled front to back in 4 KiB pages, a run of ten million
// events takes tens of thousands of page faults; on a virtual machine they cost more than
// the work itself and hold up the other threads of the process, which fault in the same
// address space. Huge pages make them 512 times fewer.
#pragma once

#include <cstddef>
#include <new>

namespace loopscope {

inline constexpr std::size_t kHugePageBytes = std::size_t(2) << 20;

// Advises huge pages for the whole 2 MiB pages inside [start, start + bytes).
void adviseHugePages(void* start, std::size_t bytes);

// Whole huge pages mapped for `bytes` (a multiple of kHugePageBytes), aligned and advised;
// unmapped again by releaseHugePages, so that a buffer given up (a vector that grew) is
// given back to the system at once. Throws std::bad_alloc.
void* mapHugePages(std::size_t bytes);
void releaseHugePages(void* buffer, std::size_t bytes);

// For containers that can grow to megabytes: a buffer of at least one huge page is aligned
// to one and advised; a smaller one is an ordinary allocation.
template <typename T>
struct LargeBufferAllocator {
    using value_type = T;
    LargeBufferAllocator() = default;
    template <typename U>
    LargeBufferAllocator(const LargeBufferAllocator<U>&) {}

    T* allocate(std::size_t count) {
        const std::size_t bytes = count * sizeof(T);
        if (bytes < kHugePageBytes)
            return static_cast<T*>(::operator new(bytes, std::align_val_t(alignof(T))));
        return static_cast<T*>(mapHugePages(wholePages(bytes)));
    }
    void deallocate(T* buffer, std::size_t count) {
        const std::size_t bytes = count * sizeof(T);
        if (bytes < kHugePageBytes)
            ::operator delete(buffer, std::align_val_t(alignof(T)));
        else
            releaseHugePages(buffer, wholePages(bytes));
    }
    static std::size_t wholePages(std::size_t bytes) { return (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes; }
    friend bool operator==(const LargeBufferAllocator&, const LargeBufferAllocator&) { return true; }
};

}  // namespace loopscope
