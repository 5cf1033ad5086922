#include "LoopbackPeer.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>
#include <uv.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_set>

namespace loopscope {

struct LoopbackPeer::Impl {
    struct Connection;

    struct Reply {
        uv_timer_t timer;
        Connection* connection = nullptr;
    };

    struct Connection {
        uv_tcp_t tcp;
        Impl* peer = nullptr;
        std::string line;                 // a query not yet complete
        std::unordered_set<Reply*> replies;  // waiting to be sent
        bool tcpClosed = false;
        bool closing = false;
    };

    uv_loop_t loop{};
    uv_tcp_t listener{};
    uv_async_t stopSignal{};
    std::thread thread;
    std::uint16_t port = 0;
    std::atomic<std::uint64_t> answered{0};
    std::unordered_set<Connection*> connections;
    std::mutex lifecycle;
    bool running = false;
    char readBuffer[16 * 1024];

    static const char* kOk;

    static void maybeFree(Connection* connection) {
        if (connection->tcpClosed && connection->replies.empty())
            delete connection;
    }

    void closeConnection(Connection* connection) {
        if (connection->closing)
            return;
        connection->closing = true;
        connections.erase(connection);
        for (Reply* reply : connection->replies) {
            if (uv_is_closing(reinterpret_cast<uv_handle_t*>(&reply->timer)))
                continue;  // already answered, its close callback is on its way
            uv_timer_stop(&reply->timer);
            uv_close(reinterpret_cast<uv_handle_t*>(&reply->timer), &Impl::onReplyClosed);
        }
        uv_close(reinterpret_cast<uv_handle_t*>(&connection->tcp), [](uv_handle_t* handle) {
            auto* closed = static_cast<Connection*>(handle->data);
            closed->tcpClosed = true;
            maybeFree(closed);
        });
    }

    static void onReplyClosed(uv_handle_t* handle) {
        auto* reply = static_cast<Reply*>(handle->data);
        Connection* connection = reply->connection;
        connection->replies.erase(reply);
        delete reply;
        maybeFree(connection);
    }

    static void onConnection(uv_stream_t* server, int status) {
        auto* self = static_cast<Impl*>(server->data);
        if (status < 0)
            return;
        auto* connection = new Connection;
        connection->peer = self;
        uv_tcp_init(&self->loop, &connection->tcp);
        connection->tcp.data = connection;
        if (uv_accept(server, reinterpret_cast<uv_stream_t*>(&connection->tcp)) != 0) {
            connection->closing = true;
            uv_close(reinterpret_cast<uv_handle_t*>(&connection->tcp), [](uv_handle_t* handle) {
                delete static_cast<Connection*>(handle->data);
            });
            return;
        }
        uv_tcp_nodelay(&connection->tcp, 1);
        self->connections.insert(connection);
        uv_read_start(
            reinterpret_cast<uv_stream_t*>(&connection->tcp),
            [](uv_handle_t* handle, size_t, uv_buf_t* buf) {
                auto* c = static_cast<Connection*>(handle->data);
                *buf = uv_buf_init(c->peer->readBuffer, sizeof c->peer->readBuffer);
            },
            &Impl::onRead);
    }

    static void onRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
        auto* connection = static_cast<Connection*>(stream->data);
        Impl* self = connection->peer;
        if (connection->closing || nread == 0)
            return;
        if (nread < 0) {
            self->closeConnection(connection);
            return;
        }
        for (ssize_t i = 0; i < nread; ++i) {
            const char c = buf->base[i];
            if (c != '\n') {
                if (connection->line.size() > 32) {  // not a query: drop the client
                    self->closeConnection(connection);
                    return;
                }
                connection->line += c;
                continue;
            }
            Nanoseconds takes = 0;
            for (char digit : connection->line)
                if (digit >= '0' && digit <= '9')
                    takes = takes * 10 + (digit - '0');
            connection->line.clear();
            auto* reply = new Reply;
            reply->connection = connection;
            reply->timer.data = reply;
            uv_timer_init(&self->loop, &reply->timer);
            connection->replies.insert(reply);
            // libuv timers count whole milliseconds: round up, never answer early.
            uv_timer_start(&reply->timer, &Impl::onReplyDue,
                           static_cast<std::uint64_t>((takes + kMillisecond - 1) / kMillisecond), 0);
        }
    }

    static void onReplyDue(uv_timer_t* timer) {
        auto* reply = static_cast<Reply*>(timer->data);
        Connection* connection = reply->connection;
        Impl* self = connection->peer;
        uv_buf_t buf = uv_buf_init(const_cast<char*>(kOk), 3);
        // A 3-byte write on an idle loopback socket completes at once; if the socket
        // is full the client has stopped reading, and it loses its answer.
        if (uv_try_write(reinterpret_cast<uv_stream_t*>(&connection->tcp), &buf, 1) == 3)
            ++self->answered;
        uv_close(reinterpret_cast<uv_handle_t*>(&reply->timer), &Impl::onReplyClosed);
    }
};

const char* LoopbackPeer::Impl::kOk = "ok\n";

LoopbackPeer::LoopbackPeer() : impl_(std::make_unique<Impl>()) {}

LoopbackPeer::~LoopbackPeer() { stop(); }

std::uint16_t LoopbackPeer::start() {
    Impl& p = *impl_;
    std::lock_guard<std::mutex> lock(p.lifecycle);
    if (p.running)
        return p.port;
    uv_loop_init(&p.loop);
    uv_tcp_init(&p.loop, &p.listener);
    p.listener.data = impl_.get();
    sockaddr_in address{};
    uv_ip4_addr("127.0.0.1", 0, &address);
    int rc = uv_tcp_bind(&p.listener, reinterpret_cast<const sockaddr*>(&address), 0);
    if (rc == 0)
        rc = uv_listen(reinterpret_cast<uv_stream_t*>(&p.listener), 4096, &Impl::onConnection);
    sockaddr_storage bound{};
    int length = sizeof bound;
    if (rc == 0)
        rc = uv_tcp_getsockname(&p.listener, reinterpret_cast<sockaddr*>(&bound), &length);
    if (rc != 0) {
        uv_close(reinterpret_cast<uv_handle_t*>(&p.listener), nullptr);
        uv_run(&p.loop, UV_RUN_DEFAULT);
        uv_loop_close(&p.loop);
        throw std::runtime_error(std::string("the net peer cannot listen on 127.0.0.1: ") + uv_strerror(rc));
    }
    p.port = ntohs(reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
    uv_async_init(&p.loop, &p.stopSignal, [](uv_async_t* async) {
        auto* self = static_cast<Impl*>(async->data);
        while (!self->connections.empty())
            self->closeConnection(*self->connections.begin());
        uv_close(reinterpret_cast<uv_handle_t*>(&self->listener), nullptr);
        uv_close(reinterpret_cast<uv_handle_t*>(async), nullptr);
    });
    p.stopSignal.data = impl_.get();
    p.running = true;
    p.thread = std::thread([&p] {
        uv_run(&p.loop, UV_RUN_DEFAULT);
        uv_loop_close(&p.loop);
    });
    return p.port;
}

void LoopbackPeer::stop() {
    Impl& p = *impl_;
    std::lock_guard<std::mutex> lock(p.lifecycle);
    if (!p.running)
        return;
    uv_async_send(&p.stopSignal);
    p.thread.join();
    p.running = false;
}

std::uint16_t LoopbackPeer::port() const { return impl_->port; }

std::uint64_t LoopbackPeer::queriesAnswered() const { return impl_->answered.load(); }

std::string LoopbackPeer::queryLine(Nanoseconds takes) { return std::to_string(takes < 0 ? 0 : takes) + "\n"; }

std::string LoopbackPeer::query(std::uint16_t port, Nanoseconds takes) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return std::string("socket: ") + std::strerror(errno);
    auto fail = [fd](const char* what) {
        std::string text = std::string(what) + ": " + std::strerror(errno);
        ::close(fd);
        return text;
    };
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
        return fail("connect");
    const int noDelay = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &noDelay, sizeof noDelay);
    const std::string line = queryLine(takes);
    if (::send(fd, line.data(), line.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(line.size()))
        return fail("send");
    char answer[8];
    std::size_t got = 0;
    while (got < 3) {
        const ssize_t n = ::recv(fd, answer + got, sizeof answer - got, 0);
        if (n == 0) {
            ::close(fd);
            return "the peer closed the connection before answering";
        }
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail("recv");
        }
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    return std::memcmp(answer, "ok\n", 3) == 0 ? std::string() : std::string("the peer answered nonsense");
}

}  // namespace loopscope
