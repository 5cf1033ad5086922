// A program's HTTP server: a real HttpServer on the JavaScript thread's loop, whose
// every request runs the program's handler as a poll-phase callback, and the run's load
// sent by a real client on its own thread. Once every request has ended the server
// closes, so the run ends like a program whose last work is done. In a cluster process
// the primary owns the socket and the load and ends the server by closing the channel.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

#include "CallbackQueues.h"
#include "ClusterProcessRole.h"
#include "LoopInbox.h"

struct uv_loop_s;

namespace loopscope {

class HttpServer;
class LoadDriver;
struct HttpRequestDetails;
struct Scenario;

class NodeServer {
public:
    NodeServer(CallbackQueues& queues, NodeTrace& trace, RunHorizon& horizon, LoopInbox& inbox,
               std::optional<ClusterProcessRole> role);
    ~NodeServer();

    // `load`: the scenario whose load is sent (scaled by `timeScale`); `handler` runs
    // inside the request's callback.
    void start(uv_loop_s* loop, SourceLocation where, const Scenario& load, double timeScale,
               std::function<void(std::uint64_t request)> handler);
    void respond(std::uint64_t request, int status);

    // A real program's server (http.createServer().listen()): binds 127.0.0.1:port (0: an
    // ephemeral port), keeps each request's method, URL, headers and body for `handler`,
    // and sends the scenario's load, if it has one, to that port. Returns the port. In a
    // program's forked cluster worker it serves what its primary hands over and returns 0.
    // Throws std::runtime_error naming what the OS refused.
    // `onConnection` runs as a poll-phase callback for each connection accepted, before its
    // requests.
    std::uint16_t listen(uv_loop_s* loop, SourceLocation where, std::uint16_t port, const Scenario& load,
                         double timeScale,
                         std::function<void(std::uint64_t request, const HttpRequestDetails& details)> handler,
                         std::function<void(std::uint64_t connection)> onConnection = {}, std::uint64_t firstRequest = 1);
    // The response a program made, byte for byte.
    void respondWith(std::uint64_t request, std::string bytes, bool keepAlive);
    bool listening() const { return server_ != nullptr; }
    bool stopped() const { return stopped_; }
    std::uint16_t port() const;
    void stop();     // cancels the load and closes the server
    void release();  // after the loop's last run

private:
    void handle(std::uint64_t request);
    void accepted(std::uint64_t connection);
    void sendLoad(std::uint16_t port, const Scenario& load, double timeScale);

    CallbackQueues& queues_;
    NodeTrace& trace_;
    RunHorizon& horizon_;
    LoopInbox& inbox_;
    const std::optional<ClusterProcessRole> role_;
    SourceLocation where_;
    std::function<void(std::uint64_t)> handler_;
    std::function<void(std::uint64_t, const HttpRequestDetails&)> programHandler_;
    std::function<void(std::uint64_t)> programConnectionHandler_;
    std::unique_ptr<HttpServer> server_;
    std::unique_ptr<LoadDriver> load_;
    bool stopped_ = false;
};

}  // namespace loopscope
