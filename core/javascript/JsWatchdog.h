// Stops JavaScript that never returns to the loop (`while (true) {}`): at the run's
// horizon a thread asks the engine to interrupt the running script, and the program's
// interrupt callback ends the run there, as the horizon ends any other run.
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

#include <jsapi.h>

#include "CpuBurn.h"

namespace loopscope {

class JsWatchdog {
public:
    // `deadline`: steady clock (steadyNow()).
    JsWatchdog(JSContext* cx, Nanoseconds deadline);
    ~JsWatchdog();
    JsWatchdog(const JsWatchdog&) = delete;
    JsWatchdog& operator=(const JsWatchdog&) = delete;

private:
    JSContext* cx_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace loopscope
