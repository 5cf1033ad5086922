#include "NetPeer.h"

#include "CpuAffinity.h"

#include <cmath>
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
        Impl* owner;
        int pendingReplies = 0;
        bool ended = false;  // the client closed its side: close once every reply is due
    };
    struct PendingReply {
        uv_timer_t timer;
        uv_tcp_t* connection;
        std::uint64_t id;
    };
    std::function<void(std::uint64_t)> onReply;
    uv_loop_t loop{};
    uv_tcp_t server{};
    uv_async_t stopSignal{};
    std::thread thread;
    std::uint16_t port = 0;
    bool started = false;

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
                      [](uv_handle_t*, size_t suggested, uv_buf_t* buf) {
                          buf->base = new char[suggested];
                          buf->len = suggested;
                      },
                      &Impl::onRead);
    }

    static void closeConnection(PeerConnection* connection) {
        uv_close(reinterpret_cast<uv_handle_t*>(&connection->tcp),
                 [](uv_handle_t* h) { delete static_cast<PeerConnection*>(h->data); });
    }

    static void onRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
        auto* connection = static_cast<PeerConnection*>(stream->data);
        if (nread > 0)
            connection->inbox.append(buf->base, std::size_t(nread));
        delete[] buf->base;
        if (nread < 0) {
            uv_read_stop(stream);
            connection->ended = true;
            if (connection->pendingReplies == 0)
                closeConnection(connection);
            return;
        }
        std::size_t newline;
        while ((newline = connection->inbox.find('\n')) != std::string::npos) {
            const std::string line = connection->inbox.substr(0, newline);
            connection->inbox.erase(0, newline + 1);
            std::uint64_t id = 0;
            long long nanoseconds = 0;
            if (std::sscanf(line.c_str(), "%llu %lld", reinterpret_cast<unsigned long long*>(&id), &nanoseconds) != 2)
                continue;
            auto* reply = new PendingReply{};
            reply->connection = &connection->tcp;
            reply->id = id;
            ++connection->pendingReplies;
            uv_timer_init(&connection->owner->loop, &reply->timer);
            reply->timer.data = reply;
            // Whole milliseconds, rounded up: libuv timers have millisecond resolution.
            const auto ms = std::uint64_t(std::ceil(double(std::max(0LL, nanoseconds)) / 1e6));
            uv_timer_start(&reply->timer, &Impl::onReplyDue, ms, 0);
        }
    }

    static void onReplyDue(uv_timer_t* timer) {
        auto* reply = static_cast<PendingReply*>(timer->data);
        auto* connection = static_cast<PeerConnection*>(reply->connection->data);
        uv_close(reinterpret_cast<uv_handle_t*>(timer),
                 [](uv_handle_t* h) { delete static_cast<PendingReply*>(h->data); });
        --connection->pendingReplies;
        if (connection->ended) {
            if (connection->pendingReplies == 0)
                closeConnection(connection);
            return;
        }
        if (connection->owner->onReply)
            connection->owner->onReply(reply->id);
        auto* text = new std::string(std::to_string(reply->id) + "\n");
        auto* write = new uv_write_t{};
        write->data = text;
        uv_buf_t buf = uv_buf_init(text->data(), unsigned(text->size()));
        if (uv_write(write, reinterpret_cast<uv_stream_t*>(reply->connection), &buf, 1,
                     [](uv_write_t* w, int) {
                         delete static_cast<std::string*>(w->data);
                         delete w;
                     }) != 0) {
            delete text;
            delete write;
        }
    }

    static void onStop(uv_async_t* async) {
        auto* self = static_cast<Impl*>(async->data);
        uv_walk(&self->loop,
                [](uv_handle_t* handle, void* arg) {
                    auto* owner = static_cast<Impl*>(arg);
                    if (uv_is_closing(handle))
                        return;
                    if (handle->type == UV_TIMER)
                        uv_close(handle, [](uv_handle_t* h) { delete static_cast<PendingReply*>(h->data); });
                    else if (handle->type == UV_TCP && handle != reinterpret_cast<uv_handle_t*>(&owner->server))
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
