#include "HttpClientRequests.h"

#include <http_parser.h>

#include "HttpHeaderPieces.h"

namespace loopscope {

struct HttpClientRequests::Exchange {
    HttpClientRequests* owner = nullptr;
    Connection* connection = nullptr;
    http_parser parser{};
    std::string bytes;  // the request, until it is written
    bool head = false;  // a HEAD request: its response has no body
    HttpClientResponse response;
    bool keepAlive = false;
    bool lastWasValue = false;
    bool done = false;
    bool answerWaiting = false;  // done, its callback not yet run
    std::uint64_t id = 0;
    std::uint64_t cause = 0;
    SourceLocation where;
    std::string label;
    std::function<void(const HttpClientResponse&)> onDone;
};

struct HttpClientRequests::Connection {
    HttpClientRequests* owner = nullptr;
    uv_tcp_t tcp{};
    uv_connect_t connect{};
    std::uint16_t port = 0;
    std::uint64_t number = 0;
    bool connected = false;
    bool closing = false;
    // The exchange it carries, or carried last: it stays until the next one replaces it or
    // the connection closes, since it may finish inside its own parser's callback.
    std::unique_ptr<Exchange> exchange;
};

namespace {

// A write outlives the exchange that made it if the answer comes first: it owns its bytes.
struct ClientWrite {
    uv_write_t request{};
    HttpClientRequests::Connection* connection = nullptr;
    std::uint64_t exchange = 0;  // its id: the connection may carry a later one by then
    std::string bytes;
};

}  // namespace

struct ExchangeCallbacks {
    using Connection = HttpClientRequests::Connection;
    using Exchange = HttpClientRequests::Exchange;

    static Exchange* of(http_parser* parser) { return static_cast<Exchange*>(parser->data); }

    static int onStatus(http_parser* parser, const char* at, size_t length) {
        of(parser)->response.statusMessage.append(at, length);
        return 0;
    }
    static int onHeaderField(http_parser* parser, const char* at, size_t length) {
        appendHeaderField(of(parser)->response.headers, of(parser)->lastWasValue, at, length);
        return 0;
    }
    static int onHeaderValue(http_parser* parser, const char* at, size_t length) {
        appendHeaderValue(of(parser)->response.headers, of(parser)->lastWasValue, at, length);
        return 0;
    }
    static int onBody(http_parser* parser, const char* at, size_t length) {
        of(parser)->response.body.append(at, length);
        return 0;
    }
    // A response to HEAD has no body whatever its Content-Length says (1: skip the body).
    static int onHeadersComplete(http_parser* parser) {
        return of(parser)->head ? 1 : 0;
    }
    static int onMessageComplete(http_parser* parser) {
        Exchange* exchange = of(parser);
        exchange->response.status = int(parser->status_code);
        exchange->response.httpVersion = std::to_string(parser->http_major) + "." + std::to_string(parser->http_minor);
        exchange->keepAlive = exchange->keepAlive && http_should_keep_alive(parser) != 0;
        exchange->owner->finish(exchange);
        return 0;
    }

    static const http_parser_settings& settings() {
        static const http_parser_settings made = [] {
            http_parser_settings s;
            http_parser_settings_init(&s);
            s.on_status = &onStatus;
            s.on_header_field = &onHeaderField;
            s.on_header_value = &onHeaderValue;
            s.on_body = &onBody;
            s.on_headers_complete = &onHeadersComplete;
            s.on_message_complete = &onMessageComplete;
            return s;
        }();
        return made;
    }

    static void fail(Exchange* exchange, int code, const char* syscall) {
        exchange->keepAlive = false;
        exchange->response.errorCode = uv_err_name(code);
        exchange->response.error = std::string(syscall) + " " + uv_err_name(code) + " 127.0.0.1:" +
                                   std::to_string(exchange->connection->port);
        exchange->owner->finish(exchange);
        exchange->owner->deliver(exchange);
    }

    static void onConnect(uv_connect_t* request, int status) {
        auto* connection = static_cast<Connection*>(request->data);
        Exchange* exchange = connection->exchange.get();
        if (connection->closing || !exchange || exchange->done)
            return;
        if (status < 0)
            return fail(exchange, status, "connect");
        connection->connected = true;
        uv_read_start(
            reinterpret_cast<uv_stream_t*>(&connection->tcp),
            [](uv_handle_t*, size_t suggested, uv_buf_t* buffer) {
                *buffer = uv_buf_init(new char[suggested], unsigned(suggested));
            },
            &onRead);
        connection->owner->send(connection);
    }

    static void onWritten(uv_write_t* request, int status) {
        std::unique_ptr<ClientWrite> write(static_cast<ClientWrite*>(request->data));
        Connection* connection = write->connection;
        Exchange* exchange = connection->exchange.get();
        if (status < 0 && !connection->closing && exchange && exchange->id == write->exchange && !exchange->done)
            fail(exchange, status, "write");
    }

    static void onRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buffer) {
        std::unique_ptr<char[]> owned(buffer->base);
        auto* connection = static_cast<Connection*>(stream->data);
        if (connection->closing || nread == 0)
            return;
        Exchange* exchange = connection->exchange.get();
        if (!exchange || exchange->done) {
            // Idle: the server closed it (or sent what nobody asked for).
            connection->owner->closeConnection(connection);
            return;
        }
        HttpClientRequests* owner = connection->owner;
        if (nread < 0) {
            // The server closed: a response without a length ends here.
            http_parser_execute(&exchange->parser, &settings(), nullptr, 0);
            if (exchange->done)
                return owner->deliver(exchange);
            // Closed before any of an answer came: what Node calls a hang-up.
            exchange->keepAlive = false;
            if (nread == UV_EOF && exchange->response.statusMessage.empty() && exchange->response.headers.empty()) {
                exchange->response.errorCode = "ECONNRESET";
                exchange->response.error = "socket hang up";
                owner->finish(exchange);
                return owner->deliver(exchange);
            }
            fail(exchange, nread == UV_EOF ? UV_ECONNRESET : int(nread), "read");
            return;
        }
        // The parser only finishes the exchange; its callback runs once the parser is done
        // with it (the program may send its next request on this connection from there).
        http_parser_execute(&exchange->parser, &settings(), buffer->base, size_t(nread));
        if (!exchange->done && HTTP_PARSER_ERRNO(&exchange->parser) != HPE_OK) {
            exchange->keepAlive = false;
            exchange->response.errorCode = "HPE_INVALID_RESPONSE";
            exchange->response.error = "Parse Error: the server's answer is not HTTP";
            owner->finish(exchange);
        }
        owner->deliver(exchange);
    }
};

HttpClientRequests::~HttpClientRequests() = default;

void HttpClientRequests::request(SourceLocation where, std::string label, std::uint16_t port, std::string bytes,
                                 bool keepAlive, std::uint64_t reuse,
                                 std::function<void(const HttpClientResponse&)> onDone) {
    auto exchange = std::make_unique<Exchange>();
    exchange->owner = this;
    exchange->head = bytes.rfind("HEAD ", 0) == 0;
    exchange->bytes = std::move(bytes);
    exchange->keepAlive = keepAlive;
    exchange->id = queues_.newId();
    exchange->cause = queues_.current();
    exchange->where = where;
    exchange->label = std::move(label);
    exchange->onDone = std::move(onDone);
    http_parser_init(&exchange->parser, HTTP_RESPONSE);
    exchange->parser.data = exchange.get();
    trace_.emit(EventKind::IoBegin, kKernelLane, QueueKind::None, exchange->id, exchange->cause, where, 0,
                exchange->label);

    const auto idle = idle_.find(reuse);
    if (reuse != 0 && idle != idle_.end() && idle->second->port == port) {
        Connection* connection = idle->second;
        idle_.erase(idle);
        uv_ref(reinterpret_cast<uv_handle_t*>(&connection->tcp));
        exchange->connection = connection;
        connection->exchange = std::move(exchange);
        send(connection);
        return;
    }

    auto* connection = new Connection;
    connection->owner = this;
    connection->port = port;
    connection->number = ++connectionsMade_;
    uv_tcp_init(loop_, &connection->tcp);
    connection->tcp.data = connection;
    connection->connect.data = connection;
    connections_.insert(connection);
    exchange->connection = connection;
    connection->exchange = std::move(exchange);
    sockaddr_in address{};
    uv_ip4_addr("127.0.0.1", port, &address);
    const int rc = uv_tcp_connect(&connection->connect, &connection->tcp, reinterpret_cast<const sockaddr*>(&address),
                                  &ExchangeCallbacks::onConnect);
    if (rc < 0)
        ExchangeCallbacks::fail(connection->exchange.get(), rc, "connect");
}

void HttpClientRequests::send(Connection* connection) {
    Exchange* exchange = connection->exchange.get();
    auto* write = new ClientWrite;
    write->connection = connection;
    write->exchange = exchange->id;
    write->bytes = std::move(exchange->bytes);
    write->request.data = write;
    uv_buf_t buffer = uv_buf_init(write->bytes.data(), unsigned(write->bytes.size()));
    const int rc = uv_write(&write->request, reinterpret_cast<uv_stream_t*>(&connection->tcp), &buffer, 1,
                            &ExchangeCallbacks::onWritten);
    if (rc < 0) {
        delete write;
        ExchangeCallbacks::fail(exchange, rc, "write");
    }
}

// The answer (or the failure) is in: the connection closes, or waits idle for the next
// request; deliver() then runs the program's callback.
void HttpClientRequests::finish(Exchange* exchange) {
    if (exchange->done)
        return;
    exchange->done = true;
    exchange->answerWaiting = true;
    Connection* connection = exchange->connection;
    if (exchange->keepAlive && connection->connected) {
        idle_.emplace(connection->number, connection);
        uv_unref(reinterpret_cast<uv_handle_t*>(&connection->tcp));
        exchange->response.keptConnection = connection->number;
    } else {
        closeConnection(connection);
    }
    trace_.emit(EventKind::IoEnd, kKernelLane, QueueKind::None, exchange->id, exchange->cause, exchange->where);
}

// The program's callback for a finished exchange, as this poll phase's I/O callback. The
// exchange may be gone when it returns: the callback may send on the same connection.
void HttpClientRequests::deliver(Exchange* exchange) {
    if (!exchange->answerWaiting)
        return;
    exchange->answerWaiting = false;
    if (horizon_.stopped())
        return;
    trace_.main(EventKind::Enqueue, QueueKind::Poll, exchange->id, exchange->cause, exchange->where, 0, exchange->label);
    trace_.phases().observe(Phase::Poll);
    const HttpClientResponse response = exchange->response;
    auto onDone = exchange->onDone;
    queues_.runMacrotask(QueueKind::Poll, QueuedCallback{exchange->id, exchange->cause, exchange->where, exchange->label,
                                                         [onDone, response] { onDone(response); }});
}

void HttpClientRequests::closeConnection(Connection* connection) {
    if (connection->closing)
        return;
    connection->closing = true;
    idle_.erase(connection->number);
    connections_.erase(connection);
    uv_read_stop(reinterpret_cast<uv_stream_t*>(&connection->tcp));
    uv_close(reinterpret_cast<uv_handle_t*>(&connection->tcp),
             [](uv_handle_t* handle) { delete static_cast<Connection*>(handle->data); });
}

void HttpClientRequests::close() {
    while (!connections_.empty()) {
        Connection* connection = *connections_.begin();
        if (connection->exchange)
            connection->exchange->done = true;
        closeConnection(connection);
    }
}

}  // namespace loopscope
