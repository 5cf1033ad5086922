#include "JsWatchdog.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <utility>

#include <js/Interrupt.h>

namespace loopscope {

namespace {
// Often enough that a program filling memory as fast as it can (about 1 GiB a second here)
// is stopped soon after its limit; reading /proc/self/statm costs a few microseconds.
constexpr Nanoseconds kMemoryCheckInterval = 50 * kMillisecond;
}  // namespace

// The peak, from getrusage: no file is opened on this thread (ThreadSanitizer reports a
// descriptor number reused across threads it cannot see synchronise), and a peak past the
// limit is as much a reason to stop as a current figure.
std::size_t residentBytes() {
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return 0;
    return std::size_t(usage.ru_maxrss) * 1024;  // kilobytes
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
