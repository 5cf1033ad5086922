#include "HttpServer.h"

#include <http_parser.h>
#include <uv.h>

#include <atomic>
#include <deque>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "HttpHeaderPieces.h"
#include "HttpResponse.h"

namespace loopscope {

namespace {

// One request on a connection, in the order the client sent it. HTTP/1.1 lets a
// client pipeline requests, and responses must leave in that same order, so a
// response that is ready early waits here for the ones before it.
struct PendingResponse {
    std::uint64_t request = 0;  // 0 for the 400 answer to a request that did not parse
    bool keepAlive = true;
    bool ready = false;
    std::string bytes;
};


}  // namespace

struct HttpServer::Impl {
    struct Connection {
        uv_tcp_t tcp;
        http_parser parser;
        Impl* server = nullptr;  // null once the server has let go of it
        std::deque<PendingResponse> pending;
        HttpRequestDetails parsing;  // the request being parsed (keepRequestDetails)
        bool lastWasValue = false;   // header callbacks: a new field starts after a value
        int writesInFlight = 0;
        bool reading = false;
        bool closeWhenFlushed = false;  // the client ended its side, or the last response said close
        bool closing = false;
        std::uint64_t number = 0;
    };

    struct WriteRequest {
        uv_write_t req;
        Connection* connection = nullptr;
        std::string bytes;
    };

    uv_loop_t* loop = nullptr;
    RequestHandler onRequest;
    ConnectionHandler onOpened;
    std::uint64_t connectionsSeen = 0;
    uv_tcp_t* listener = nullptr;  // heap: freed by its close callback, which may outlive Impl
    std::unordered_set<Connection*> connections;
    std::unordered_map<std::uint64_t, Connection*> openRequests;
    bool keepDetails = false;
    std::unordered_map<std::uint64_t, HttpRequestDetails> details;
    std::uint16_t boundPort = 0;
    std::atomic<std::uint64_t> requestsSeen{0};
    std::uint64_t firstNumber = 1;
    std::uint64_t numberStride = 1;
    uv_pipe_t* channel = nullptr;  // serveFromIpc: heap, like the listener
    http_parser_settings settings{};
    // Reads are handed to the parser at once, so one buffer serves every connection
    // (10,000 idle connections must not hold 10,000 read buffers).
    char readBuffer[64 * 1024];

    Impl(uv_loop_t* l, RequestHandler handler) : loop(l), onRequest(std::move(handler)) {
        http_parser_settings_init(&settings);
        settings.on_message_complete = &Impl::onMessageComplete;
    }

    void keepRequestDetails(bool keep) {
        keepDetails = keep;
        if (keep) {
            settings.on_message_begin = &Impl::onMessageBegin;
            settings.on_url = &Impl::onUrl;
            settings.on_header_field = &Impl::onHeaderField;
            settings.on_header_value = &Impl::onHeaderValue;
            settings.on_body = &Impl::onBody;
        } else {
            settings.on_message_begin = nullptr;
            settings.on_url = settings.on_header_field = settings.on_header_value = settings.on_body = nullptr;
        }
    }

    static Connection* connectionOf(http_parser* parser) { return static_cast<Connection*>(parser->data); }

    static int onMessageBegin(http_parser* parser) {
        connectionOf(parser)->parsing = HttpRequestDetails{};
        connectionOf(parser)->lastWasValue = false;
        return 0;
    }
    static int onUrl(http_parser* parser, const char* at, size_t length) {
        connectionOf(parser)->parsing.url.append(at, length);
        return 0;
    }
    static int onHeaderField(http_parser* parser, const char* at, size_t length) {
        Connection* connection = connectionOf(parser);
        appendHeaderField(connection->parsing.headers, connection->lastWasValue, at, length);
        return 0;
    }
    static int onHeaderValue(http_parser* parser, const char* at, size_t length) {
        Connection* connection = connectionOf(parser);
        appendHeaderValue(connection->parsing.headers, connection->lastWasValue, at, length);
        return 0;
    }
    static int onBody(http_parser* parser, const char* at, size_t length) {
        connectionOf(parser)->parsing.body.append(at, length);
        return 0;
    }

    static int onMessageComplete(http_parser* parser) {
        auto* connection = static_cast<Connection*>(parser->data);
        Impl* self = connection->server;
        if (self == nullptr || connection->closing)
            return 0;
        const std::uint64_t request = self->firstNumber + self->numberStride * self->requestsSeen++;
        PendingResponse pending;
        pending.request = request;
        pending.keepAlive = http_should_keep_alive(parser) != 0;
        connection->pending.push_back(std::move(pending));
        self->openRequests.emplace(request, connection);
        if (self->keepDetails) {
            HttpRequestDetails& details = connection->parsing;
            details.method = http_method_str(static_cast<http_method>(parser->method));
            details.httpVersion = std::to_string(parser->http_major) + "." + std::to_string(parser->http_minor);
            details.keepAlive = connection->pending.back().keepAlive;
            details.connection = connection->number;
            self->details[request] = std::move(details);
            connection->parsing = HttpRequestDetails{};
        }
        if (!connection->pending.back().keepAlive) {
            // Anything after a `Connection: close` request is neither parsed nor read.
            self->stopReading(connection);
            http_parser_pause(parser, 1);
        }
        if (self->onRequest)
            self->onRequest(request);
        return 0;
    }

    static void onNewConnection(uv_stream_t* listenerStream, int status) {
        auto* self = static_cast<Impl*>(listenerStream->data);
        if (self == nullptr || status < 0)
            return;
        self->acceptConnection(listenerStream);
    }

    // Takes the next connection from `from` (the listening socket, or the channel that
    // hands connections over) and starts reading requests on it.
    void acceptConnection(uv_stream_t* from) {
        auto* connection = new Connection;
        connection->server = this;
        uv_tcp_init(loop, &connection->tcp);
        connection->tcp.data = connection;
        if (uv_accept(from, reinterpret_cast<uv_stream_t*>(&connection->tcp)) != 0) {
            uv_close(reinterpret_cast<uv_handle_t*>(&connection->tcp), &Impl::onConnectionClosed);
            return;
        }
        uv_tcp_nodelay(&connection->tcp, 1);
        http_parser_init(&connection->parser, HTTP_REQUEST);
        connection->parser.data = connection;
        connections.insert(connection);
        connection->number = ++connectionsSeen;
        connection->reading = true;
        uv_read_start(reinterpret_cast<uv_stream_t*>(&connection->tcp), &Impl::onAlloc, &Impl::onRead);
        if (onOpened)
            onOpened(connection->number);
    }

    static void onAlloc(uv_handle_t* handle, size_t, uv_buf_t* buf) {
        auto* connection = static_cast<Connection*>(handle->data);
        Impl* self = connection->server;
        if (self == nullptr) {
            *buf = uv_buf_init(nullptr, 0);  // libuv then reports UV_ENOBUFS
            return;
        }
        *buf = uv_buf_init(self->readBuffer, sizeof self->readBuffer);
    }

    static void onRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
        auto* connection = static_cast<Connection*>(stream->data);
        Impl* self = connection->server;
        if (self == nullptr || connection->closing)
            return;
        if (nread == 0)
            return;  // EAGAIN
        if (nread < 0) {
            self->stopReading(connection);
            if (nread == UV_EOF && !connection->pending.empty()) {
                // A half-closed client still waits for the answers to what it sent.
                connection->closeWhenFlushed = true;
                return;
            }
            self->closeConnection(connection);
            return;
        }
        const size_t parsed = http_parser_execute(&connection->parser, &self->settings, buf->base,
                                                  static_cast<size_t>(nread));
        if (connection->closing)
            return;  // the request handler closed the server while we were parsing
        const auto error = HTTP_PARSER_ERRNO(&connection->parser);
        if (error == HPE_PAUSED)
            return;  // the last request asked to close; its answer closes the connection
        // An upgrade (CONNECT, WebSocket) is refused like a malformed request.
        if (error != HPE_OK || parsed != static_cast<size_t>(nread) || connection->parser.upgrade)
            self->rejectMalformed(connection);
    }

    void rejectMalformed(Connection* connection) {
        stopReading(connection);
        PendingResponse rejection;
        rejection.keepAlive = false;
        rejection.ready = true;
        rejection.bytes = encodeHttpResponse(400, "Bad Request\n", false, 0);
        connection->pending.push_back(std::move(rejection));
        flush(connection);
    }

    void stopReading(Connection* connection) {
        if (connection->reading) {
            uv_read_stop(reinterpret_cast<uv_stream_t*>(&connection->tcp));
            connection->reading = false;
        }
    }

    // Writes every response at the front of the queue that is ready.
    void flush(Connection* connection) {
        if (connection->closing)
            return;
        std::string bytes;
        bool closeAfter = false;
        while (!connection->pending.empty() && connection->pending.front().ready) {
            PendingResponse& front = connection->pending.front();
            bytes += front.bytes;
            if (front.request != 0) {
                openRequests.erase(front.request);
                details.erase(front.request);
            }
            const bool keepAlive = front.keepAlive;
            connection->pending.pop_front();
            if (!keepAlive) {
                closeAfter = true;
                break;
            }
        }
        if (closeAfter) {
            // Requests after a closing response will never be answered.
            for (const PendingResponse& dropped : connection->pending)
                if (dropped.request != 0) {
                    openRequests.erase(dropped.request);
                    details.erase(dropped.request);
                }
            connection->pending.clear();
            connection->closeWhenFlushed = true;
            stopReading(connection);
        }
        if (!bytes.empty()) {
            // Most answers fit in the socket at once: written now, they need no write
            // request; only what the socket does not take waits for the loop.
            uv_buf_t now = uv_buf_init(bytes.data(), static_cast<unsigned>(bytes.size()));
            const int written = connection->writesInFlight == 0
                                    ? uv_try_write(reinterpret_cast<uv_stream_t*>(&connection->tcp), &now, 1)
                                    : UV_EAGAIN;
            if (written < 0 && written != UV_EAGAIN) {
                closeConnection(connection);
                return;
            }
            if (written > 0)
                bytes.erase(0, static_cast<std::size_t>(written));
        }
        if (!bytes.empty()) {
            auto* write = new WriteRequest;
            write->connection = connection;
            write->bytes = std::move(bytes);
            write->req.data = write;
            uv_buf_t buf = uv_buf_init(write->bytes.data(), static_cast<unsigned>(write->bytes.size()));
            const int rc = uv_write(&write->req, reinterpret_cast<uv_stream_t*>(&connection->tcp), &buf, 1,
                                    &Impl::onWritten);
            if (rc != 0) {
                delete write;
                closeConnection(connection);
                return;
            }
            ++connection->writesInFlight;
        }
        if (connection->closeWhenFlushed && connection->pending.empty() && connection->writesInFlight == 0)
            closeConnection(connection);
    }

    static void onWritten(uv_write_t* req, int status) {
        auto* write = static_cast<WriteRequest*>(req->data);
        Connection* connection = write->connection;
        delete write;
        --connection->writesInFlight;
        Impl* self = connection->server;
        if (self == nullptr || connection->closing)
            return;
        if (status < 0) {
            self->closeConnection(connection);
            return;
        }
        if (connection->closeWhenFlushed && connection->pending.empty() && connection->writesInFlight == 0)
            self->closeConnection(connection);
    }

    void closeConnection(Connection* connection) {
        if (connection->closing)
            return;
        connection->closing = true;
        stopReading(connection);
        for (const PendingResponse& pending : connection->pending)
            if (pending.request != 0) {
                openRequests.erase(pending.request);
                details.erase(pending.request);
            }
        connection->pending.clear();
        connections.erase(connection);
        connection->server = nullptr;
        uv_close(reinterpret_cast<uv_handle_t*>(&connection->tcp), &Impl::onConnectionClosed);
    }

    static void onConnectionClosed(uv_handle_t* handle) {
        delete static_cast<Connection*>(handle->data);
    }

    void respond(std::uint64_t request, int status, const std::string& body) {
        answer(request, [&](PendingResponse& pending) {
            pending.bytes = encodeHttpResponse(status, body, pending.keepAlive, request);
        });
    }

    void respondWith(std::uint64_t request, std::string bytes, bool keepAlive) {
        answer(request, [&](PendingResponse& pending) {
            pending.bytes = std::move(bytes);
            pending.keepAlive = pending.keepAlive && keepAlive;
        });
    }

    template <typename Fill>
    void answer(std::uint64_t request, Fill fill) {
        auto found = openRequests.find(request);
        if (found == openRequests.end())
            return;  // the client went away, or the request was answered already
        Connection* connection = found->second;
        for (PendingResponse& pending : connection->pending) {
            if (pending.request == request && !pending.ready) {
                pending.ready = true;
                fill(pending);
                break;
            }
        }
        flush(connection);
    }

    // serveFromIpc: every byte on the channel comes with one TCP handle to serve.
    static void onChannelRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t*) {
        auto* self = static_cast<Impl*>(stream->data);
        if (self == nullptr)
            return;
        if (nread < 0) {  // the sender closed its end: no more connections will come
            self->closeAll();
            return;
        }
        auto* pipe = reinterpret_cast<uv_pipe_t*>(stream);
        while (uv_pipe_pending_count(pipe) > 0) {
            if (uv_pipe_pending_type(pipe) != UV_TCP) {
                self->closeAll();
                return;
            }
            self->acceptConnection(stream);
        }
    }

    static void onChannelAlloc(uv_handle_t* handle, size_t, uv_buf_t* buf) {
        auto* self = static_cast<Impl*>(handle->data);
        *buf = self ? uv_buf_init(self->readBuffer, sizeof self->readBuffer) : uv_buf_init(nullptr, 0);
    }

    void closeAll() {
        if (listener != nullptr) {
            listener->data = nullptr;
            uv_close(reinterpret_cast<uv_handle_t*>(listener),
                     [](uv_handle_t* handle) { delete reinterpret_cast<uv_tcp_t*>(handle); });
            listener = nullptr;
        }
        if (channel != nullptr) {
            channel->data = nullptr;
            uv_close(reinterpret_cast<uv_handle_t*>(channel),
                     [](uv_handle_t* handle) { delete reinterpret_cast<uv_pipe_t*>(handle); });
            channel = nullptr;
        }
        while (!connections.empty())
            closeConnection(*connections.begin());
        openRequests.clear();
        details.clear();
    }
};

HttpServer::HttpServer(uv_loop_s* loop, RequestHandler onRequest)
    : impl_(std::make_unique<Impl>(loop, std::move(onRequest))) {}

HttpServer::~HttpServer() { impl_->closeAll(); }

void HttpServer::onConnection(ConnectionHandler opened) { impl_->onOpened = std::move(opened); }

std::uint16_t HttpServer::listen(std::uint16_t port, int backlog) {
    if (impl_->listener != nullptr)
        throw std::runtime_error("the HTTP server is already listening");
    auto* listener = new uv_tcp_t;
    if (int rc = uv_tcp_init(impl_->loop, listener); rc != 0) {
        delete listener;
        throw std::runtime_error(std::string("cannot create the server socket: ") + uv_strerror(rc));
    }
    listener->data = impl_.get();
    impl_->listener = listener;
    auto fail = [&](const char* what, int rc) {
        impl_->closeAll();
        throw std::runtime_error(std::string(what) + " 127.0.0.1:" + std::to_string(port) + ": " +
                                 uv_strerror(rc));
    };
    sockaddr_in address{};
    uv_ip4_addr("127.0.0.1", port, &address);
    if (int rc = uv_tcp_bind(listener, reinterpret_cast<const sockaddr*>(&address), 0); rc != 0)
        fail("cannot bind", rc);
    if (int rc = uv_listen(reinterpret_cast<uv_stream_t*>(listener), backlog, &Impl::onNewConnection); rc != 0)
        fail("cannot listen on", rc);
    sockaddr_storage bound{};
    int length = sizeof bound;
    if (int rc = uv_tcp_getsockname(listener, reinterpret_cast<sockaddr*>(&bound), &length); rc != 0)
        fail("cannot read the address of", rc);
    impl_->boundPort = ntohs(reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
    return impl_->boundPort;
}

void HttpServer::respondWith(std::uint64_t request, std::string bytes, bool keepAlive) {
    impl_->respondWith(request, std::move(bytes), keepAlive);
}

void HttpServer::keepRequestDetails(bool keep) { impl_->keepRequestDetails(keep); }

const HttpRequestDetails* HttpServer::details(std::uint64_t request) const {
    auto found = impl_->details.find(request);
    return found == impl_->details.end() ? nullptr : &found->second;
}

std::uint16_t HttpServer::port() const { return impl_->boundPort; }

void HttpServer::respond(std::uint64_t request, int status, const std::string& body) {
    impl_->respond(request, status, body);
}

void HttpServer::serveFromIpc(int fd) {
    if (impl_->listener != nullptr || impl_->channel != nullptr)
        throw std::runtime_error("the HTTP server is already serving");
    auto* channel = new uv_pipe_t;
    if (int rc = uv_pipe_init(impl_->loop, channel, 1); rc != 0) {
        delete channel;
        throw std::runtime_error(std::string("cannot create the connection channel: ") + uv_strerror(rc));
    }
    channel->data = impl_.get();
    impl_->channel = channel;
    auto fail = [&](const char* what, int rc) {
        impl_->closeAll();
        throw std::runtime_error(std::string(what) + " (fd " + std::to_string(fd) + "): " + uv_strerror(rc));
    };
    if (int rc = uv_pipe_open(channel, fd); rc != 0)
        fail("cannot open the connection channel", rc);
    auto* stream = reinterpret_cast<uv_stream_t*>(channel);
    if (int rc = uv_read_start(stream, &Impl::onChannelAlloc, &Impl::onChannelRead); rc != 0)
        fail("cannot read the connection channel", rc);
    uv_buf_t ready = uv_buf_init(const_cast<char*>("R"), 1);
    const int rc = uv_try_write(stream, &ready, 1);
    if (rc == UV_EPIPE) {
        // The primary has already closed the channel (its run reached the horizon
        // before this process was ready): there is nothing to serve.
        impl_->closeAll();
        return;
    }
    if (rc != 1)
        fail("cannot write to the connection channel", rc < 0 ? rc : UV_EAGAIN);
}

void HttpServer::numberRequests(std::uint64_t first, std::uint64_t stride) {
    impl_->firstNumber = first;
    impl_->numberStride = stride == 0 ? 1 : stride;
}

void HttpServer::close() { impl_->closeAll(); }

std::uint64_t HttpServer::requestsSeen() const { return impl_->requestsSeen.load(); }

}  // namespace loopscope
