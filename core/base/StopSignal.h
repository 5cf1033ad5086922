// A one-way "stop now" flag shared by the loop thread and the threads that do a run's
// work (pool jobs, workers). Waiting steps sleep on it so that stopping a run at its
// horizon never has to wait for a long `fs.readFile` or `worker` to finish.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

#include "Time.h"

namespace loopscope {

class StopSignal {
public:
    void requestStop() {
        {
            std::lock_guard lock(mutex_);
            stopped_.store(true, std::memory_order_release);
        }
        wakeUp_.notify_all();
    }
    bool stopRequested() const { return stopped_.load(std::memory_order_acquire); }

    // Blocks the calling thread without using CPU for `duration` of wall time, or
    // until a stop is requested. Returns false when it was cut short.
    bool sleepFor(Nanoseconds duration) {
        std::unique_lock lock(mutex_);
        return !wakeUp_.wait_for(lock, std::chrono::nanoseconds(duration),
                                 [this] { return stopped_.load(std::memory_order_acquire); });
    }

private:
    std::atomic<bool> stopped_{false};
    std::mutex mutex_;
    std::condition_variable wakeUp_;
};

}  // namespace loopscope
