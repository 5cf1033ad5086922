#include "NetRequests.h"

#include "NetClient.h"
#include "NetPeer.h"

namespace loopscope {

NetRequests::NetRequests(CallbackQueues& queues, NodeTrace& trace, RunHorizon& horizon)
    : queues_(queues), trace_(trace), horizon_(horizon) {}

NetRequests::~NetRequests() = default;

void NetRequests::connect() {
    peer_ = std::make_unique<NetPeer>([this](std::uint64_t id) {
        // On the peer's thread: the answer is written, the kernel holds it for the loop.
        trace_.emit(EventKind::IoEnd, kKernelLane, QueueKind::None, id, 0, {});
        trace_.emit(EventKind::Enqueue, kKernelLane, QueueKind::Poll, id, 0, {}, 0, "net reply");
    });
    const std::uint16_t port = peer_->start();
    client_ = std::make_unique<NetClient>(loop_, port, [this](std::uint64_t id, const std::string& error) {
        auto found = waiting_.find(id);
        if (found == waiting_.end())
            return;
        auto job = std::move(found->second);
        waiting_.erase(found);
        if (!error.empty())
            trace_.main(EventKind::Log, QueueKind::None, 0, id, {}, 0, "net error: " + error);
        job();
    });
}

void NetRequests::request(SourceLocation where, std::string label, Nanoseconds takes, std::function<void()> onDone) {
    if (!client_)
        connect();
    const std::uint64_t id = queues_.newId();
    const std::uint64_t cause = queues_.current();
    trace_.emit(EventKind::IoBegin, kKernelLane, QueueKind::None, id, cause, where, 0, label);
    waiting_[id] = [this, id, cause, where, label, onDone = std::move(onDone)] {
        if (horizon_.stopped())
            return;
        trace_.phases().observe(Phase::Poll);
        queues_.runMacrotask(QueueKind::Poll, QueuedCallback{id, cause, where, label, onDone});
    };
    client_->request(id, takes);
}

void NetRequests::close() {
    if (client_)
        client_->close();
}

void NetRequests::release() {
    client_.reset();
    peer_.reset();
}

}  // namespace loopscope
