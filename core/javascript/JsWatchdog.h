// Stops JavaScript that never returns to the loop or grows without end, from a thread of
// its own:
// - at the run's horizon (`while (true) {}`), and
// - when the process's peak resident memory has grown by more than the program's memory
//   limit since the program started. The engine's own heap limit (JSGC_MAX_BYTES) counts only
//   GC things; the elements of arrays, the characters of strings and the contents of
//   buffers are malloc'd beside it, and a program that fills an array of arrays grew past
//   5 GiB under a 512 MiB heap limit.
// Either way it asks the engine to interrupt the running script; the program's interrupt
// callback ends the run there (memoryExceeded() says which). Memory is the process's, so
// only the main program watches it (its workers' memory is in the same figure); an idle
// main thread is told through `onMemoryExceeded`, called on the watchdog's thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>

#include <jsapi.h>

#include "CpuBurn.h"

namespace loopscope {

class JsWatchdog {
public:
    // `deadline`: steady clock (steadyNow()). `memoryLimit`: bytes of growth allowed, 0 for
    // no watch.
    JsWatchdog(JSContext* cx, Nanoseconds deadline, std::size_t memoryLimit = 0,
               std::function<void()> onMemoryExceeded = {});
    ~JsWatchdog();
    JsWatchdog(const JsWatchdog&) = delete;
    JsWatchdog& operator=(const JsWatchdog&) = delete;

    bool memoryExceeded() const { return memoryExceeded_.load(std::memory_order_acquire); }

private:
    void watch(Nanoseconds deadline, std::size_t memoryLimit);

    JSContext* cx_;
    std::function<void()> onMemoryExceeded_;
    std::atomic<bool> memoryExceeded_{false};
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

// This process's peak resident memory in bytes so far; 0 when it cannot be read.
std::size_t residentBytes();

}  // namespace loopscope
