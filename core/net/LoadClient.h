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
    Nanoseconds sent = 0;      // request written (on a new connection, once it is open)
    Nanoseconds answered = 0;  // full response received (0 if it failed)
    int status = 0;            // HTTP status, 0 if none
    std::uint64_t serverRequest = 0;  // the server's number for it (X-Request header), 0 if none
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
    // Called on the client thread when a request has been written (`sent` is set).
    std::function<void(const RequestRecord&)> onSent;
    // The request target sent in `GET <path> HTTP/1.1`; set before start().
    std::string path = "/";
    // How the client connects. 0 (the default): users arriving - every request opens a
    // connection of its own (`Connection: close`) when it is due, whether or not the
    // server keeps up. N > 0: a benchmark client (wrk, autocannon) - at most N
    // connections, kept alive (HTTP/1.1 persistent); a connection whose answer is in
    // carries the next due request at once, so N connections carry the whole load and
    // no request pays a connect, an accept or a close. A request due while all N are
    // busy waits in the client for one; `sent` says when it really went. A connection
    // the server closes (or answers with `Connection: close`) is replaced by a new one;
    // a request whose connection fails ends as an error, never silently. When 0, the
    // environment variable LOOPSCOPE_CLIENT_CONNECTIONS may set it (benchmarks).
    std::size_t maxConnections = 0;

    // The schedule in send order: when each request is due (since client start),
    // the waves' times and spacings stretched by `timeScale`. Pure; used by start().
    static std::vector<Nanoseconds> schedule(const std::vector<LoadWave>& waves, double timeScale);

    void start();   // starts the client thread; the schedule's time 0 is now
    void wait();    // blocks until every request has ended
    void cancel();  // ends the run early; unfinished requests are recorded as errors

    // Valid after wait(): one record per scheduled request, by number.
    const std::vector<RequestRecord>& records() const;

    // CLOCK_MONOTONIC (uv_hrtime) nanoseconds of the schedule's time 0; valid after
    // start(). Record times are relative to it, so origin() + sent is a uv_hrtime().
    std::uint64_t origin() const;
    // Where the client runs. By default on a thread of this process. Once an executable
    // that answers `EXE engine-child --load-client ...` (loadClientHelperMain) is set,
    // every LoadClient runs in a helper process of its own instead: the measured server
    // then carries none of the client's threads, descriptors or CPU time, and 10,000
    // connections need 10,000 descriptors on each side, not 20,000 in one process.
    static void runInHelperProcess(const std::string& executable);

    // Set by start() when the OS refused to raise the open-file limit high enough for
    // every request to be open at once (the run goes on; requests that then find no
    // descriptor end as errors saying so).
    const std::string& warning() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The helper process's side: `EXE engine-child --load-client PORT TIME_SCALE TIMEOUT_NS
// PATH [AT REQUESTS SPACING]...`. Writes the records to stdout as lines; stops early
// when stdin closes. Returns the exit code.
int loadClientHelperMain(int argc, char** argv);

}  // namespace loopscope
