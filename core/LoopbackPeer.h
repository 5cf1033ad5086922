// The other end of a `net` step: a real TCP peer on 127.0.0.1 (a stand-in for a
// database or a remote API) that answers each query after the time it was asked to
// take. It runs on its own thread and libuv loop, so waiting costs the caller a
// socket and the kernel's attention, and no thread of the peer per query.
//
// Protocol, one query per line: the client writes "<nanoseconds>\n"; the peer writes
// "ok\n" once that much wall time has passed. Queries on one connection may overlap.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "Scenario.h"

namespace loopscope {

class LoopbackPeer {
public:
    LoopbackPeer();
    ~LoopbackPeer();  // stops it
    LoopbackPeer(const LoopbackPeer&) = delete;
    LoopbackPeer& operator=(const LoopbackPeer&) = delete;

    // Starts the peer's thread; returns the port it listens on. Throws
    // std::runtime_error naming what the OS refused.
    std::uint16_t start();
    // Closes every connection (callers waiting in query() get an error) and joins.
    void stop();
    std::uint16_t port() const;
    std::uint64_t queriesAnswered() const;

    // The line a client sends to ask for a reply after `takes`.
    static std::string queryLine(Nanoseconds takes);

    // A blocking query, as a thread-per-request server makes it: connect, ask, wait
    // for the answer, close. Returns "" on success, else what went wrong.
    static std::string query(std::uint16_t port, Nanoseconds takes);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace loopscope
