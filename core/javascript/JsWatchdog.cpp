#include "JsWatchdog.h"

#include <chrono>

#include <js/Interrupt.h>

namespace loopscope {

JsWatchdog::JsWatchdog(JSContext* cx, Nanoseconds deadline) : cx_(cx) {
    thread_ = std::thread([this, deadline] {
        std::unique_lock<std::mutex> lock(mutex_);
        const auto until = std::chrono::steady_clock::time_point(std::chrono::nanoseconds(deadline));
        if (!wake_.wait_until(lock, until, [this] { return stopping_; }))
            JS_RequestInterruptCallback(cx_);  // thread-safe: the engine checks it at its next safe point
    });
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
