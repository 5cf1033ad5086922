#include "JsWatchdog.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <utility>

#include <js/Interrupt.h>

namespace loopscope {

namespace {
// Often enough that a program filling memory as fast as it can (about 1 GiB a second here)
// is stopped soon after its limit; reading /proc/self/statm costs a few microseconds.
constexpr Nanoseconds kMemoryCheckInterval = 50 * kMillisecond;
}  // namespace

// With read() into a buffer on the stack: no allocation on this thread, whose heap blocks
// ThreadSanitizer would otherwise see reused from the engine's uninstrumented threads.
std::size_t residentBytes() {
    const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    char text[128];
    const ssize_t length = ::read(fd, text, sizeof text - 1);
    ::close(fd);
    if (length <= 0)
        return 0;
    text[length] = '\0';
    // "size resident shared ...", in pages.
    char* end = nullptr;
    std::strtoul(text, &end, 10);
    const unsigned long resident = std::strtoul(end, nullptr, 10);
    return std::size_t(resident) * std::size_t(sysconf(_SC_PAGESIZE));
}

JsWatchdog::JsWatchdog(JSContext* cx, Nanoseconds deadline, std::size_t memoryLimit,
                       std::function<void()> onMemoryExceeded)
    : cx_(cx), onMemoryExceeded_(std::move(onMemoryExceeded)) {
    thread_ = std::thread([this, deadline, memoryLimit] { watch(deadline, memoryLimit); });
}

void JsWatchdog::watch(Nanoseconds deadline, std::size_t memoryLimit) {
    const std::size_t baseline = memoryLimit == 0 ? 0 : residentBytes();
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        const Nanoseconds next = memoryLimit == 0 ? deadline : std::min(deadline, steadyNow() + kMemoryCheckInterval);
        const auto until = std::chrono::steady_clock::time_point(std::chrono::nanoseconds(next));
        if (wake_.wait_until(lock, until, [this] { return stopping_; }))
            return;
        const std::size_t resident = memoryLimit == 0 ? 0 : residentBytes();
        if (baseline != 0 && resident > baseline && resident - baseline > memoryLimit) {
            memoryExceeded_.store(true, std::memory_order_release);
            if (onMemoryExceeded_)
                onMemoryExceeded_();
        }
        // Thread-safe: the engine checks it at its next safe point.
        if (memoryExceeded() || steadyNow() >= deadline) {
            JS_RequestInterruptCallback(cx_);
            return;
        }
    }
}

JsWatchdog::~JsWatchdog() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

}  // namespace loopscope
