// The threads of a thread-per-request run, request threads and the threads forked by
// `await all/race` alike: each gets the next lane number (lane Thread k), and the
// trace's "threads alive" counter counts them all. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>

namespace loopscope {

class ThreadLanes {
public:
    struct Admission {
        std::uint32_t number;  // the thread's lane index
        int alive;             // threads alive, this one included
    };
    // A new thread: counted alive from now on.
    Admission admit() {
        std::lock_guard<std::mutex> lock(mutex_);
        return {created_++, ++alive_};
    }
    int alive() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return alive_;
    }
    // A thread has ended (or was never started); returns how many remain.
    int retire() {
        std::lock_guard<std::mutex> lock(mutex_);
        return --alive_;
    }

private:
    mutable std::mutex mutex_;
    std::uint32_t created_ = 0;
    int alive_ = 0;
};

}  // namespace loopscope
