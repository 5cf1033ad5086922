// The client side of a run: real HTTP requests over loopback, on its own thread
// and libuv loop, sent on the scenario's `load` schedule, each one measured.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "Scenario.h"

namespace loopscope {

struct RequestRecord {
    int number = 0;            // 1-based, in the order the schedule sends them
    Nanoseconds scheduled = 0; // when the schedule says to send it (since client start)
    Nanoseconds sent = 0;      // connection opened and request written
    Nanoseconds answered = 0;  // full response received (0 if it failed)
    int status = 0;            // HTTP status, 0 if none
    std::string error;         // empty when answered; otherwise what went wrong
    bool ok() const { return error.empty() && status != 0; }
    Nanoseconds latency() const { return answered > sent ? answered - sent : 0; }
};

class LoadClient {
public:
    // `timeScale` stretches the schedule; `timeout` bounds every request (a request
    // that times out is recorded as an error, never dropped).
    LoadClient(std::uint16_t port, std::vector<LoadWave> waves, double timeScale,
               Nanoseconds timeout);
    ~LoadClient();
    LoadClient(const LoadClient&) = delete;
    LoadClient& operator=(const LoadClient&) = delete;

    // Called on the client thread as each request ends (answered or failed).
    std::function<void(const RequestRecord&)> onFinished;

    void start();   // starts the client thread; the schedule's time 0 is now
    void wait();    // blocks until every request has ended
    void cancel();  // ends the run early; unfinished requests are recorded as errors

    // Valid after wait(): one record per scheduled request, by number.
    const std::vector<RequestRecord>& records() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace loopscope
