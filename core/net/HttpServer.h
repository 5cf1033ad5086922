// A real HTTP/1.1 server on 127.0.0.1, built on libuv streams and parsed with
// http-parser (Node's original parser). It runs on the loop it is given: in the
// event-loop engine that is the JavaScript thread's loop, so request callbacks
// arrive in the poll phase exactly as `http.createServer` callbacks do in Node.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

struct uv_loop_s;

namespace loopscope {

// What a client sent, for a server that asks for it (HttpServer::keepRequestDetails):
// a real program's request handler reads these.
struct HttpRequestDetails {
    std::string method;
    std::string url;
    std::string httpVersion;  // "1.1"
    std::vector<std::pair<std::string, std::string>> headers;  // as sent, in order
    std::string body;
    bool keepAlive = true;
    std::uint64_t connection = 0;  // the connection's number (see onConnection)
};

class HttpServer {
public:
    // Called on the loop thread when a complete request has been parsed.
    // `request` is the request number, from 1, in arrival order over the server's life.
    using RequestHandler = std::function<void(std::uint64_t request)>;

    HttpServer(uv_loop_s* loop, RequestHandler onRequest);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds 127.0.0.1:port (0 = an ephemeral port) with the given backlog.
    // Returns the bound port, or throws std::runtime_error naming what the OS refused.
    std::uint16_t listen(std::uint16_t port = 0, int backlog = 4096);

    // Writes a real response (status line, Content-Length, X-Request: the request
    // number, body) to the request's connection, on the loop thread. Keep-alive
    // connections stay open for the next request. Responding to a request whose
    // client has gone, or twice, does nothing.
    void respond(std::uint64_t request, int status, const std::string& body = {});
    // Writes `bytes` (a whole response a program made) as the request's answer; the
    // connection stays open for the next request if the request asked for keep-alive
    // and `keepAlive` agrees.
    void respondWith(std::uint64_t request, std::string bytes, bool keepAlive);

    // Called on the loop thread (from libuv's accept callback) for each connection taken,
    // with its number: from 1, in order of acceptance.
    using ConnectionHandler = std::function<void(std::uint64_t connection)>;
    void onConnection(ConnectionHandler opened);

    // Keeps each request's method, URL, headers and body (see details()). Off by
    // default: the load benchmarks' servers need only the request number.
    void keepRequestDetails(bool keep);
    // The details of a request not yet answered (only while keepRequestDetails is on).
    const HttpRequestDetails* details(std::uint64_t request) const;
    // Where the server listens (0 before listen()).
    std::uint16_t port() const;

    // Serves connections handed over by another process instead of listening: `fd` is
    // one end of a libuv IPC pipe (a socketpair) on which that process sends accepted
    // TCP handles (uv_write2), as Node's cluster primary does. Writes one byte on the
    // pipe once it serves, so the sender knows it may start; when the sender closes its
    // end, the server closes (as close()), and if it has closed it already, the server
    // closes at once. Throws std::runtime_error if fd is unusable.
    void serveFromIpc(int fd);

    // Request numbers become first, first + stride, first + 2 * stride, ... (the
    // default is 1, 2, 3, ...): cluster processes keep their numbers apart this way.
    // Call before the first request.
    void numberRequests(std::uint64_t first, std::uint64_t stride);

    // Stops listening and closes every connection (callbacks run on the loop).
    void close();

    std::uint64_t requestsSeen() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace loopscope
