// A program's outgoing HTTP requests (http.get / http.request) over loopback TCP from the
// JavaScript thread's loop: connect, write the request the program made, read and parse
// the response with http-parser; the answer is a poll-phase callback, like any socket
// read. The kernel lane shows each request from its write to its answer.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
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
};

class HttpClientRequests {
public:
    HttpClientRequests(CallbackQueues& queues, NodeTrace& trace, RunHorizon& horizon)
        : queues_(queues), trace_(trace), horizon_(horizon) {}
    ~HttpClientRequests();

    void start(uv_loop_t* loop) { loop_ = loop; }
    // Sends `bytes` (a whole request) to 127.0.0.1:port; `onDone` runs in the poll phase.
    void request(SourceLocation where, std::string label, std::uint16_t port, std::string bytes,
                 std::function<void(const HttpClientResponse&)> onDone);
    void close();  // before the loop's last run: every request still open is dropped

    struct Exchange;  // one request's connection, parser and response

private:
    friend struct ExchangeCallbacks;
    void finish(Exchange* exchange);

    CallbackQueues& queues_;
    NodeTrace& trace_;
    RunHorizon& horizon_;
    uv_loop_t* loop_ = nullptr;
    std::unordered_set<Exchange*> open_;
};

}  // namespace loopscope
