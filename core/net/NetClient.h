// The engine's side of `net` steps: real TCP connections from the JavaScript thread's
// loop to the NetPeer. Requests share a small pool of connections and are pipelined on
// them (each carries its id; the peer answers each when its time is up, in any order),
// as a database driver multiplexes queries. The reply arrives through epoll in the poll
// phase. No thread waits for it. Queries made during one loop iteration leave together,
// one write per connection just before the loop next waits for I/O (a prepare handle),
// as a driver's socket writes do when corked: a system call per query would cost the
// loop more than the rest of the request.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <uv.h>

#include "Scenario.h"

namespace loopscope {

class NetClient {
public:
    // `onReply(id, error)` runs on the loop thread in the poll phase; error is empty
    // when the peer answered.
    NetClient(uv_loop_t* loop, std::uint16_t port,
              std::function<void(std::uint64_t id, const std::string& error)> onReply);
    ~NetClient();
    NetClient(const NetClient&) = delete;
    NetClient& operator=(const NetClient&) = delete;

    void request(std::uint64_t id, Nanoseconds takes);
    // Closes every connection (requests still waiting are dropped).
    void close();

    // Connections opened at most; beyond, requests share them.
    static constexpr std::size_t kMaxConnections = 16;

private:
    struct Connection;
    struct WriteRequest;
    static void onConnect(uv_connect_t* request, int status);
    static void onRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);
    void write(Connection* connection, std::string line);
    void fail(Connection* connection, const std::string& error);
    void closeConnection(Connection* connection);
    void setBusy(Connection* connection);
    void flushQueries();

    uv_loop_t* loop_;
    std::uint16_t port_;
    std::function<void(std::uint64_t, const std::string&)> onReply_;
    std::vector<Connection*> connections_;
    uv_prepare_t* flush_ = nullptr;  // heap: its close callback may run after NetClient is gone
    bool closed_ = false;
    std::vector<std::uint64_t> answered_;  // onRead's scratch list, kept for its capacity
    char readBuffer_[64 * 1024];
};

}  // namespace loopscope
