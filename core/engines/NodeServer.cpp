#include "NodeServer.h"

#include "HttpServer.h"
#include "LoadDriver.h"

#include <stdexcept>

namespace loopscope {

NodeServer::NodeServer(CallbackQueues& queues, NodeTrace& trace, RunHorizon& horizon, LoopInbox& inbox,
                       std::optional<ClusterProcessRole> role)
    : queues_(queues), trace_(trace), horizon_(horizon), inbox_(inbox), role_(role) {}

NodeServer::~NodeServer() = default;

void NodeServer::start(uv_loop_s* loop, SourceLocation where, const Scenario& load, double timeScale,
                       std::function<void(std::uint64_t request)> handler) {
    where_ = where;
    handler_ = std::move(handler);
    server_ = std::make_unique<HttpServer>(loop, [this](std::uint64_t request) { handle(request); });
    if (role_) {
        server_->numberRequests(std::uint64_t(role_->process) + 1, std::uint64_t(role_->processes));
        server_->serveFromIpc(role_->channelFd);
        return;
    }
    sendLoad(server_->listen(), load, timeScale);
}

std::uint16_t NodeServer::listen(uv_loop_s* loop, SourceLocation where, std::uint16_t port, const Scenario& load,
                                 double timeScale,
                                 std::function<void(std::uint64_t, const HttpRequestDetails&)> handler,
                                 std::function<void(std::uint64_t)> onConnection, std::uint64_t firstRequest) {
    if (server_)
        throw std::logic_error("a NodeServer listens once: NodeRuntime makes another for the program's next server");
    where_ = where;
    programHandler_ = std::move(handler);
    server_ = std::make_unique<HttpServer>(loop, [this](std::uint64_t request) { handle(request); });
    server_->keepRequestDetails(true);
    programConnectionHandler_ = std::move(onConnection);
    if (programConnectionHandler_)
        server_->onConnection([this](std::uint64_t connection) { accepted(connection); });
    if (role_ && role_->forkedProgram()) {
        // Its primary listens and hands it connections (ClusterForks::share).
        server_->numberRequests(std::uint64_t(role_->process), kForkedRequestStride);
        server_->serveFromIpc(role_->channelFd);
        return 0;
    }
    if (firstRequest != 1)
        server_->numberRequests(firstRequest, 1);
    const std::uint16_t bound = server_->listen(port);
    if (!load.load.empty())
        sendLoad(bound, load, timeScale);
    return bound;
}

void NodeServer::sendLoad(std::uint16_t port, const Scenario& load, double timeScale) {
    inbox_.expect();  // the message that the load is over
    // The run's start is CLOCK_MONOTONIC (steady_clock), the clock of uv_hrtime().
    const Nanoseconds timeout = Nanoseconds(double(load.runtime.horizon) * timeScale);
    load_ = std::make_unique<LoadDriver>(load, port, std::uint64_t(trace_.start()), timeout, trace_.sink(), [this] {
        // On the client's thread.
        inbox_.post([this] {
            if (server_)
                server_->close();
        });
    });
    load_->start();
}

void NodeServer::handle(std::uint64_t request) {
    if (horizon_.stopped())
        return;
    trace_.phases().observe(Phase::Poll);
    trace_.main(EventKind::RequestArrive, QueueKind::Poll, request, 0, where_, std::int64_t(request));
    const HttpRequestDetails* details = server_->details(request);
    const std::string label = details ? "request " + details->method + " " + details->url : "request";
    QueuedCallback job = queues_.make(where_, label, [this, request] {
        if (!programHandler_) {
            handler_(request);
        } else if (const HttpRequestDetails* sent = server_ ? server_->details(request) : nullptr) {
            programHandler_(request, *sent);
        }
    });
    // The request's bytes were in the socket: a poll-phase callback like any other I/O.
    trace_.main(EventKind::Enqueue, QueueKind::Poll, job.id, 0, where_, std::int64_t(request), job.label);
    queues_.runMacrotask(QueueKind::Poll, std::move(job));
}

void NodeServer::accepted(std::uint64_t connection) {
    if (horizon_.stopped())
        return;
    trace_.phases().observe(Phase::Poll);
    QueuedCallback job =
        queues_.make(where_, "connection", [this, connection] { programConnectionHandler_(connection); });
    trace_.main(EventKind::Enqueue, QueueKind::Poll, job.id, 0, where_, 0, job.label);
    queues_.runMacrotask(QueueKind::Poll, std::move(job));
}

void NodeServer::respond(std::uint64_t request, int status) {
    if (server_ && request != 0)
        server_->respond(request, status);
}

void NodeServer::respondWith(std::uint64_t request, std::string bytes, bool keepAlive) {
    if (server_)
        server_->respondWith(request, std::move(bytes), keepAlive);
}

std::uint16_t NodeServer::port() const { return server_ ? server_->port() : 0; }

void NodeServer::stop() {
    stopped_ = true;
    if (load_) {
        load_->cancel();
        load_->wait();
    }
    if (server_)
        server_->close();
}

void NodeServer::release() {
    server_.reset();
    load_.reset();
}

}  // namespace loopscope
