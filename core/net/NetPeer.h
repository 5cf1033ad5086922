// The other end of `net` steps: a loopback TCP server on its own thread and libuv loop
// that stands for a database or a remote API. It reads requests "ID NANOSECONDS\n" and
// writes "ID\n" back after that many nanoseconds, so the engine's loop really waits on
// a socket (epoll), with no thread of its own blocked, as Node does.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>

namespace loopscope {

class NetPeer {
public:
    // `onReply` runs on the peer's thread just before the answer to `id` is written
    // (the moment the remote side is done: the kernel now holds the reply).
    explicit NetPeer(std::function<void(std::uint64_t id)> onReply = {});
    ~NetPeer();  // stops the thread; unanswered requests are dropped
    NetPeer(const NetPeer&) = delete;
    NetPeer& operator=(const NetPeer&) = delete;

    // Binds 127.0.0.1 on an ephemeral port and starts the thread.
    // Throws std::runtime_error when the OS refuses.
    std::uint16_t start();
    std::uint16_t port() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace loopscope
