// `net` for a program: requests over loopback TCP from a NetClient on the loop to a
// NetPeer (its own thread and loop) that answers after `takes`; the reply arrives
// through epoll in the poll phase, and no pool thread is involved.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include <uv.h>

#include "CallbackQueues.h"

namespace loopscope {

class NetClient;
class NetPeer;

class NetRequests {
public:
    NetRequests(CallbackQueues& queues, NodeTrace& trace, RunHorizon& horizon);
    ~NetRequests();

    void start(uv_loop_t* loop) { loop_ = loop; }
    // `takes`: real time.
    void request(SourceLocation where, std::string label, Nanoseconds takes, std::function<void()> onDone);
    void close();    // before the loop's last run
    void release();  // after it

private:
    void connect();

    CallbackQueues& queues_;
    NodeTrace& trace_;
    RunHorizon& horizon_;
    uv_loop_t* loop_ = nullptr;
    std::unique_ptr<NetPeer> peer_;
    std::unique_ptr<NetClient> client_;
    std::unordered_map<std::uint64_t, std::function<void()>> waiting_;
};

}  // namespace loopscope
