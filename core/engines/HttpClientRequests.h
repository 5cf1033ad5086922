// A program's outgoing HTTP requests (http.get / http.request) over loopback TCP from the
// JavaScript thread's loop: connect, write the request the program made, read and parse
// the response with http-parser; the answer is a poll-phase callback, like any socket
// read. The kernel lane shows each request from its write to its answer. A keep-alive
// exchange leaves its connection open and idle (not keeping the loop alive) for a later
// request to the same port, as Node's agent keeps free sockets; the server closing an idle
// connection closes it here too.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <uv.h>

#include "CallbackQueues.h"

namespace loopscope {

struct HttpClientResponse {
    int status = 0;
    std::string statusMessage;
    std::string httpVersion;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::string errorCode;  // "ECONNREFUSED", ... ("" when answered)
    std::string error;      // Node's message for it
    std::uint64_t keptConnection = 0;  // the connection, left open for reuse; 0 when closed
};

class HttpClientRequests {
public:
    HttpClientRequests(CallbackQueues& queues, NodeTrace& trace, RunHorizon& horizon)
        : queues_(queues), trace_(trace), horizon_(horizon) {}
    ~HttpClientRequests();

    void start(uv_loop_t* loop) { loop_ = loop; }
    // Sends `bytes` (a whole request) to 127.0.0.1:port; `onDone` runs in the poll phase.
    // `keepAlive`: the connection stays open after the answer if the server agrees;
    // `reuse`: an idle connection kept by an earlier exchange to send on (a new one is
    // opened if it has closed meanwhile).
    void request(SourceLocation where, std::string label, std::uint16_t port, std::string bytes, bool keepAlive,
                 std::uint64_t reuse, std::function<void(const HttpClientResponse&)> onDone);
    void close();  // before the loop's last run: every connection is closed, open requests dropped

    struct Connection;  // one TCP connection, carrying one exchange at a time
    struct Exchange;    // one request: its bytes, parser and response

private:
    friend struct ExchangeCallbacks;
    void send(Connection* connection);
    void finish(Exchange* exchange);
    void deliver(Exchange* exchange);
    void closeConnection(Connection* connection);

    CallbackQueues& queues_;
    NodeTrace& trace_;
    RunHorizon& horizon_;
    uv_loop_t* loop_ = nullptr;
    std::uint64_t connectionsMade_ = 0;
    std::unordered_set<Connection*> connections_;
    std::unordered_map<std::uint64_t, Connection*> idle_;
};

}  // namespace loopscope
