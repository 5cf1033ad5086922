#include "NetClient.h"

#include <algorithm>

namespace loopscope {

struct NetClient::Connection {
    uv_tcp_t tcp{};
    uv_connect_t connect{};
    NetClient* owner = nullptr;
    bool connected = false;
    std::uint64_t id = 0;        // request in flight, 0 = none
    Nanoseconds takes = 0;
    std::string line;            // the request as written (kept alive for uv_write)
    uv_write_t write{};
    std::string inbox;
};

NetClient::NetClient(uv_loop_t* loop, std::uint16_t port,
                     std::function<void(std::uint64_t, const std::string&)> onReply)
    : loop_(loop), port_(port), onReply_(std::move(onReply)) {}

NetClient::~NetClient() { close(); }

void NetClient::close() {
    if (closed_)
        return;
    closed_ = true;
    for (Connection* connection : all_)
        closeConnection(connection);
    all_.clear();
    idle_.clear();
}

void NetClient::closeConnection(Connection* connection) {
    auto* handle = reinterpret_cast<uv_handle_t*>(&connection->tcp);
    if (uv_is_closing(handle))
        return;
    uv_close(handle, [](uv_handle_t* h) { delete static_cast<Connection*>(h->data); });
}

void NetClient::request(std::uint64_t id, Nanoseconds takes) {
    if (closed_)
        return;
    Connection* connection = nullptr;
    if (!idle_.empty()) {
        connection = idle_.back();
        idle_.pop_back();
    }
    if (connection) {
        uv_ref(reinterpret_cast<uv_handle_t*>(&connection->tcp));
        connection->id = id;
        connection->takes = takes;
        send(connection);
        return;
    }
    connection = new Connection;
    connection->owner = this;
    connection->id = id;
    connection->takes = takes;
    uv_tcp_init(loop_, &connection->tcp);
    connection->tcp.data = connection;
    connection->connect.data = connection;
    all_.push_back(connection);
    sockaddr_in address{};
    uv_ip4_addr("127.0.0.1", port_, &address);
    const int rc = uv_tcp_connect(&connection->connect, &connection->tcp,
                                  reinterpret_cast<const sockaddr*>(&address), &NetClient::onConnect);
    if (rc != 0)
        fail(connection, uv_strerror(rc));
}

void NetClient::onConnect(uv_connect_t* request, int status) {
    auto* connection = static_cast<Connection*>(request->data);
    NetClient* self = connection->owner;
    if (status == UV_ECANCELED)
        return;
    if (self->closed_)
        return;
    if (status < 0) {
        self->fail(connection, uv_strerror(status));
        return;
    }
    connection->connected = true;
    uv_tcp_nodelay(&connection->tcp, 1);
    uv_read_start(reinterpret_cast<uv_stream_t*>(&connection->tcp),
                  [](uv_handle_t*, size_t suggested, uv_buf_t* buf) {
                      buf->base = new char[suggested];
                      buf->len = suggested;
                  },
                  &NetClient::onRead);
    self->send(connection);
}

void NetClient::send(Connection* connection) {
    connection->line = std::to_string(connection->id) + " " + std::to_string(connection->takes) + "\n";
    uv_buf_t buf = uv_buf_init(connection->line.data(), unsigned(connection->line.size()));
    connection->write.data = connection;
    const int rc = uv_write(&connection->write, reinterpret_cast<uv_stream_t*>(&connection->tcp), &buf, 1,
                            [](uv_write_t* w, int status) {
                                auto* c = static_cast<Connection*>(w->data);
                                if (status < 0 && status != UV_ECANCELED && !c->owner->closed_)
                                    c->owner->fail(c, uv_strerror(status));
                            });
    if (rc != 0)
        fail(connection, uv_strerror(rc));
}

void NetClient::onRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
    auto* connection = static_cast<Connection*>(stream->data);
    NetClient* self = connection->owner;
    if (nread > 0)
        connection->inbox.append(buf->base, std::size_t(nread));
    delete[] buf->base;
    if (self->closed_)
        return;
    if (nread < 0) {
        self->fail(connection, nread == UV_EOF ? "the peer closed the connection" : uv_strerror(int(nread)));
        return;
    }
    const std::size_t newline = connection->inbox.find('\n');
    if (newline == std::string::npos)
        return;
    connection->inbox.erase(0, newline + 1);
    const std::uint64_t id = connection->id;
    connection->id = 0;
    // An idle connection must not keep the loop alive, as a pooled socket in Node doesn't.
    uv_unref(reinterpret_cast<uv_handle_t*>(stream));
    self->idle_.push_back(connection);
    self->onReply_(id, {});
}

void NetClient::fail(Connection* connection, const std::string& error) {
    const std::uint64_t id = connection->id;
    connection->id = 0;
    all_.erase(std::remove(all_.begin(), all_.end(), connection), all_.end());
    idle_.erase(std::remove(idle_.begin(), idle_.end(), connection), idle_.end());
    closeConnection(connection);
    if (id != 0)
        onReply_(id, error);
}

}  // namespace loopscope
