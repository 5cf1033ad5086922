// Drives a run's `load` against a server with a LoadClient and reports the client's
// view into the trace (RequestSend / RequestDone on lane Client), so that every
// engine is measured by the same client in the same way.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>

#include "TraceSink.h"
#include "LoadClient.h"

namespace loopscope {

class LoadDriver {
public:
    // `runOrigin` is the uv_hrtime() of the run's time 0 (event timestamps are relative
    // to it). `onAllDone` runs on the client thread once every request has ended
    // (at once, from start(), when the load is empty).
    LoadDriver(const Scenario& scenario, std::uint16_t port, std::uint64_t runOrigin, Nanoseconds timeout,
               TraceSink& sink, std::function<void()> onAllDone);
    ~LoadDriver();  // cancels and waits

    void start();
    void cancel();
    void wait();
    bool done() const { return done_.load(); }
    const LoadClient& client() const { return *client_; }

private:
    std::unique_ptr<LoadClient> client_;
    std::uint64_t runOrigin_;
    TraceSink& sink_;
    std::function<void()> onAllDone_;
    std::size_t total_;
    std::atomic<std::size_t> finished_{0};
    std::atomic<bool> done_{false};
};

}  // namespace loopscope
