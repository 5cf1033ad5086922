#include "NodeServer.h"

#include "HttpServer.h"
#include "LoadDriver.h"

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
    const std::uint16_t port = server_->listen();
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
    QueuedCallback job = queues_.make(where_, "request", [this, request] { handler_(request); });
    // The request's bytes were in the socket: a poll-phase callback like any other I/O.
    trace_.main(EventKind::Enqueue, QueueKind::Poll, job.id, 0, where_, std::int64_t(request), job.label);
    queues_.run(QueueKind::Poll, job);
    queues_.drainTicksAndMicrotasks();
}

void NodeServer::respond(std::uint64_t request, int status) {
    if (server_ && request != 0)
        server_->respond(request, status);
}

void NodeServer::stop() {
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
