#include "NetClient.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unordered_set>

namespace loopscope {

struct NetClient::Connection {
    uv_tcp_t tcp{};
    uv_connect_t connect{};
    NetClient* owner = nullptr;
    bool connected = false;
    std::unordered_set<std::uint64_t> inFlight;
    std::string unsent;  // queries not written yet (before the connection is open, or this iteration)
    std::string inbox;
};

struct NetClient::WriteRequest {
    uv_write_t request{};
    std::string bytes;
    Connection* connection = nullptr;
};

NetClient::NetClient(uv_loop_t* loop, std::uint16_t port,
                     std::function<void(std::uint64_t, const std::string&)> onReply)
    : loop_(loop), port_(port), onReply_(std::move(onReply)) {
    flush_ = new uv_prepare_t;
    uv_prepare_init(loop_, flush_);
    flush_->data = this;
    uv_unref(reinterpret_cast<uv_handle_t*>(flush_));  // connections with queries keep the loop alive
}

NetClient::~NetClient() { close(); }

void NetClient::close() {
    if (closed_)
        return;
    closed_ = true;
    uv_close(reinterpret_cast<uv_handle_t*>(flush_), [](uv_handle_t* h) { delete reinterpret_cast<uv_prepare_t*>(h); });
    for (Connection* connection : connections_)
        closeConnection(connection);
    connections_.clear();
}

void NetClient::closeConnection(Connection* connection) {
    auto* handle = reinterpret_cast<uv_handle_t*>(&connection->tcp);
    if (uv_is_closing(handle))
        return;
    uv_close(handle, [](uv_handle_t* h) { delete static_cast<Connection*>(h->data); });
}

// A connection with requests in flight keeps the loop alive; an idle one must not, as a
// pooled socket in Node doesn't.
void NetClient::setBusy(Connection* connection) {
    auto* handle = reinterpret_cast<uv_handle_t*>(&connection->tcp);
    if (connection->inFlight.empty())
        uv_unref(handle);
    else
        uv_ref(handle);
}

void NetClient::request(std::uint64_t id, Nanoseconds takes) {
    if (closed_)
        return;
    Connection* chosen = nullptr;
    for (Connection* connection : connections_)
        if (!chosen || connection->inFlight.size() < chosen->inFlight.size())
            chosen = connection;
    if (!chosen || (!chosen->inFlight.empty() && connections_.size() < kMaxConnections)) {
        chosen = new Connection;
        chosen->owner = this;
        uv_tcp_init(loop_, &chosen->tcp);
        chosen->tcp.data = chosen;
        chosen->connect.data = chosen;
        connections_.push_back(chosen);
        sockaddr_in address{};
        uv_ip4_addr("127.0.0.1", port_, &address);
        const int rc = uv_tcp_connect(&chosen->connect, &chosen->tcp, reinterpret_cast<const sockaddr*>(&address),
                                      &NetClient::onConnect);
        chosen->inFlight.insert(id);
        if (rc != 0) {
            fail(chosen, uv_strerror(rc));
            return;
        }
    } else {
        chosen->inFlight.insert(id);
    }
    setBusy(chosen);
    char line[48];
    const int length = std::snprintf(line, sizeof line, "%llu %lld\n", static_cast<unsigned long long>(id),
                                     static_cast<long long>(takes));
    chosen->unsent.append(line, std::size_t(length));
    if (chosen->connected && !uv_is_active(reinterpret_cast<uv_handle_t*>(flush_)))
        uv_prepare_start(flush_, [](uv_prepare_t* handle) { static_cast<NetClient*>(handle->data)->flushQueries(); });
}

void NetClient::flushQueries() {
    uv_prepare_stop(flush_);
    // A failed write drops its connection from connections_ and answers its queries,
    // whose callbacks may make new ones: walk a copy (closed connections are freed later).
    const std::vector<Connection*> open = connections_;
    for (Connection* connection : open) {
        if (!connection->connected || connection->unsent.empty())
            continue;
        std::string bytes;
        bytes.swap(connection->unsent);
        write(connection, std::move(bytes));
        if (closed_)
            return;
    }
}

void NetClient::onConnect(uv_connect_t* request, int status) {
    auto* connection = static_cast<Connection*>(request->data);
    NetClient* self = connection->owner;
    if (status == UV_ECANCELED || self->closed_)
        return;
    if (status < 0) {
        self->fail(connection, uv_strerror(status));
        return;
    }
    connection->connected = true;
    uv_tcp_nodelay(&connection->tcp, 1);
    // Replies are parsed as soon as they are read, so one buffer serves every connection.
    uv_read_start(reinterpret_cast<uv_stream_t*>(&connection->tcp),
                  [](uv_handle_t* handle, size_t, uv_buf_t* buf) {
                      NetClient* owner = static_cast<Connection*>(handle->data)->owner;
                      *buf = uv_buf_init(owner->readBuffer_, sizeof owner->readBuffer_);
                  },
                  &NetClient::onRead);
    if (!connection->unsent.empty())
        self->write(connection, std::move(connection->unsent));
    connection->unsent.clear();
}

void NetClient::write(Connection* connection, std::string line) {
    auto* request = new WriteRequest;
    request->bytes = std::move(line);
    request->connection = connection;
    request->request.data = request;
    uv_buf_t buf = uv_buf_init(request->bytes.data(), unsigned(request->bytes.size()));
    const int rc = uv_write(&request->request, reinterpret_cast<uv_stream_t*>(&connection->tcp), &buf, 1,
                            [](uv_write_t* w, int status) {
                                std::unique_ptr<WriteRequest> done(static_cast<WriteRequest*>(w->data));
                                NetClient* self = done->connection->owner;
                                if (status < 0 && status != UV_ECANCELED && !self->closed_)
                                    self->fail(done->connection, uv_strerror(status));
                            });
    if (rc != 0) {
        delete request;
        fail(connection, uv_strerror(rc));
    }
}

void NetClient::onRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
    auto* connection = static_cast<Connection*>(stream->data);
    NetClient* self = connection->owner;
    if (nread > 0)
        connection->inbox.append(buf->base, std::size_t(nread));
    if (self->closed_)
        return;
    if (nread < 0) {
        self->fail(connection, nread == UV_EOF ? "the peer closed the connection" : uv_strerror(int(nread)));
        return;
    }
    std::size_t lineStart = 0, newline;
    std::vector<std::uint64_t> answered;
    answered.swap(self->answered_);  // reuses its capacity
    answered.clear();
    while ((newline = connection->inbox.find('\n', lineStart)) != std::string::npos) {
        const std::uint64_t id = std::strtoull(connection->inbox.c_str() + lineStart, nullptr, 10);
        lineStart = newline + 1;
        if (connection->inFlight.erase(id) == 1)
            answered.push_back(id);
    }
    connection->inbox.erase(0, lineStart);
    self->setBusy(connection);
    // Each reply is its own callback, as each socket's 'data' event is in Node.
    for (std::uint64_t id : answered) {
        if (self->closed_)
            return;
        self->onReply_(id, {});
    }
    self->answered_.swap(answered);
}

void NetClient::fail(Connection* connection, const std::string& error) {
    std::vector<std::uint64_t> lost(connection->inFlight.begin(), connection->inFlight.end());
    std::sort(lost.begin(), lost.end());
    connection->inFlight.clear();
    connections_.erase(std::remove(connections_.begin(), connections_.end(), connection), connections_.end());
    closeConnection(connection);
    for (std::uint64_t id : lost)
        onReply_(id, error);
}

}  // namespace loopscope
