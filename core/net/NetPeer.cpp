#include "NetPeer.h"

#include "CpuAffinity.h"

#include <cmath>
#include <cstdio>
#include <queue>
#include <vector>
#include <future>
#include <stdexcept>
#include <string>
#include <thread>

#include <uv.h>

namespace loopscope {
struct NetPeer::Impl {
    struct PeerConnection {
        uv_tcp_t tcp;
        std::string inbox;
        std::string outbox;  // replies due this round, written together
        Impl* owner;
        int pendingReplies = 0;
        bool ended = false;  // the client closed its side: close once every reply is due
    };
    // A reply waiting for its time. One timer serves them all (the earliest first; on a
    // tie, the first asked), so a reply costs no timer handle of its own, and replies due
    // together on one connection leave in one write.
    struct PendingReply {
        std::uint64_t dueMs;  // loop time (uv_now) when it is due
        std::uint64_t sequence;
        PeerConnection* connection;
        std::uint64_t id;
        bool operator>(const PendingReply& other) const {
            return dueMs != other.dueMs ? dueMs > other.dueMs : sequence > other.sequence;
        }
    };
    std::function<void(std::uint64_t)> onReply;
    uv_loop_t loop{};
    uv_tcp_t server{};
    uv_async_t stopSignal{};
    uv_timer_t replyTimer{};
    std::priority_queue<PendingReply, std::vector<PendingReply>, std::greater<PendingReply>> waiting;
    std::uint64_t nextSequence = 0;
    std::vector<PeerConnection*> toWrite;
    std::thread thread;
    std::uint16_t port = 0;
    bool started = false;
    char readBuffer[64 * 1024];  // requests are parsed as soon as they are read

    static void onConnection(uv_stream_t* server, int status) {
        auto* self = static_cast<Impl*>(server->data);
        if (status < 0)
            return;
        auto* connection = new PeerConnection{};
        connection->owner = self;
        uv_tcp_init(&self->loop, &connection->tcp);
        connection->tcp.data = connection;
        if (uv_accept(server, reinterpret_cast<uv_stream_t*>(&connection->tcp)) != 0) {
            closeConnection(connection);
            return;
        }
        uv_tcp_nodelay(&connection->tcp, 1);
        uv_read_start(reinterpret_cast<uv_stream_t*>(&connection->tcp),
                      [](uv_handle_t* handle, size_t, uv_buf_t* buf) {
                          Impl* owner = static_cast<PeerConnection*>(handle->data)->owner;
                          *buf = uv_buf_init(owner->readBuffer, sizeof owner->readBuffer);
                      },
                      &Impl::onRead);
    }

    static void closeConnection(PeerConnection* connection) {
        uv_close(reinterpret_cast<uv_handle_t*>(&connection->tcp),
                 [](uv_handle_t* h) { delete static_cast<PeerConnection*>(h->data); });
    }

    static void onRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
        auto* connection = static_cast<PeerConnection*>(stream->data);
        Impl* self = connection->owner;
        if (nread > 0)
            connection->inbox.append(buf->base, std::size_t(nread));
        if (nread < 0) {
            uv_read_stop(stream);
            connection->ended = true;
            if (connection->pendingReplies == 0)
                closeConnection(connection);
            return;
        }
        std::size_t lineStart = 0, newline;
        const std::uint64_t now = uv_now(&self->loop);
        while ((newline = connection->inbox.find('\n', lineStart)) != std::string::npos) {
            const char* line = connection->inbox.c_str() + lineStart;
            lineStart = newline + 1;
            std::uint64_t id = 0;
            long long nanoseconds = 0;
            if (std::sscanf(line, "%llu %lld", reinterpret_cast<unsigned long long*>(&id), &nanoseconds) != 2)
                continue;
            ++connection->pendingReplies;
            // Whole milliseconds, rounded up: libuv timers have millisecond resolution.
            const auto ms = std::uint64_t(std::ceil(double(std::max(0LL, nanoseconds)) / 1e6));
            self->waiting.push(PendingReply{now + ms, self->nextSequence++, connection, id});
        }
        connection->inbox.erase(0, lineStart);
        self->armTimer();
    }

    void armTimer() {
        if (waiting.empty()) {
            uv_timer_stop(&replyTimer);
            return;
        }
        const std::uint64_t now = uv_now(&loop);
        const std::uint64_t dueMs = waiting.top().dueMs;
        uv_timer_start(&replyTimer, &Impl::onRepliesDue, dueMs > now ? dueMs - now : 0, 0);
    }

    static void onRepliesDue(uv_timer_t* timer) {
        auto* self = static_cast<Impl*>(timer->data);
        const std::uint64_t now = uv_now(&self->loop);
        while (!self->waiting.empty() && self->waiting.top().dueMs <= now) {
            const PendingReply reply = self->waiting.top();
            self->waiting.pop();
            PeerConnection* connection = reply.connection;
            --connection->pendingReplies;
            if (connection->ended) {
                if (connection->pendingReplies == 0)
                    closeConnection(connection);
                continue;
            }
            if (self->onReply)
                self->onReply(reply.id);
            if (connection->outbox.empty())
                self->toWrite.push_back(connection);
            char line[24];
            const int length = std::snprintf(line, sizeof line, "%llu\n", static_cast<unsigned long long>(reply.id));
            connection->outbox.append(line, std::size_t(length));
        }
        for (PeerConnection* connection : self->toWrite) {
            auto* text = new std::string;
            text->swap(connection->outbox);
            auto* write = new uv_write_t{};
            write->data = text;
            uv_buf_t buf = uv_buf_init(text->data(), unsigned(text->size()));
            if (uv_write(write, reinterpret_cast<uv_stream_t*>(&connection->tcp), &buf, 1,
                         [](uv_write_t* w, int) {
                             delete static_cast<std::string*>(w->data);
                             delete w;
                         }) != 0) {
                delete text;
                delete write;
            }
        }
        self->toWrite.clear();
        self->armTimer();
    }

    static void onStop(uv_async_t* async) {
        auto* self = static_cast<Impl*>(async->data);
        uv_walk(&self->loop,
                [](uv_handle_t* handle, void* arg) {
                    auto* owner = static_cast<Impl*>(arg);
                    if (uv_is_closing(handle))
                        return;
                    if (handle->type == UV_TCP && handle != reinterpret_cast<uv_handle_t*>(&owner->server))
                        closeConnection(static_cast<PeerConnection*>(handle->data));
                    else
                        uv_close(handle, nullptr);
                },
                self);
    }
};

NetPeer::NetPeer(std::function<void(std::uint64_t)> onReply) : impl_(std::make_unique<Impl>()) {
    impl_->onReply = std::move(onReply);
}

NetPeer::~NetPeer() {
    if (!impl_->started)
        return;
    uv_async_send(&impl_->stopSignal);
    impl_->thread.join();
}

std::uint16_t NetPeer::port() const { return impl_->port; }

std::uint16_t NetPeer::start() {
    Impl& d = *impl_;
    std::promise<std::string> ready;
    std::future<std::string> readyResult = ready.get_future();
    d.thread = std::thread([&d, &ready] {
        moveCallingThreadOutsideRunCores();  // the database is not part of the server
        uv_loop_init(&d.loop);
        uv_tcp_init(&d.loop, &d.server);
        d.server.data = &d;
        uv_async_init(&d.loop, &d.stopSignal, &Impl::onStop);
        d.stopSignal.data = &d;
        uv_timer_init(&d.loop, &d.replyTimer);
        d.replyTimer.data = &d;
        sockaddr_in address{};
        uv_ip4_addr("127.0.0.1", 0, &address);
        int rc = uv_tcp_bind(&d.server, reinterpret_cast<const sockaddr*>(&address), 0);
        if (rc == 0)
            rc = uv_listen(reinterpret_cast<uv_stream_t*>(&d.server), 4096, &Impl::onConnection);
        if (rc == 0) {
            sockaddr_in bound{};
            int length = sizeof bound;
            uv_tcp_getsockname(&d.server, reinterpret_cast<sockaddr*>(&bound), &length);
            d.port = ntohs(bound.sin_port);
            ready.set_value({});
        } else {
            ready.set_value(std::string("the network peer cannot listen on 127.0.0.1: ") + uv_strerror(rc));
            Impl::onStop(&d.stopSignal);
        }
        uv_run(&d.loop, UV_RUN_DEFAULT);
        uv_loop_close(&d.loop);
    });
    d.started = true;
    const std::string error = readyResult.get();
    if (!error.empty())
        throw std::runtime_error(error);
    return d.port;
}

}  // namespace loopscope
