#include "HttpClientRequests.h"

#include <http_parser.h>

#include <memory>

#include "HttpHeaderPieces.h"

namespace loopscope {

struct HttpClientRequests::Exchange {
    HttpClientRequests* owner = nullptr;
    uv_tcp_t tcp{};
    uv_connect_t connect{};
    uv_write_t write{};
    http_parser parser{};
    std::string bytes;
    std::uint16_t port = 0;
    HttpClientResponse response;
    bool lastWasValue = false;
    bool done = false;
    std::uint64_t id = 0;
    std::uint64_t cause = 0;
    SourceLocation where;
    std::string label;
    std::function<void(const HttpClientResponse&)> onDone;
};

struct ExchangeCallbacks {
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
        return of(parser)->bytes.rfind("HEAD ", 0) == 0 ? 1 : 0;
    }
    static int onMessageComplete(http_parser* parser) {
        Exchange* exchange = of(parser);
        exchange->response.status = int(parser->status_code);
        exchange->response.httpVersion = std::to_string(parser->http_major) + "." + std::to_string(parser->http_minor);
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
        exchange->response.errorCode = uv_err_name(code);
        exchange->response.error = std::string(syscall) + " " + uv_err_name(code) + " 127.0.0.1:" +
                                   std::to_string(exchange->port);
        exchange->owner->finish(exchange);
    }

    static void onConnect(uv_connect_t* request, int status) {
        auto* exchange = static_cast<Exchange*>(request->data);
        if (exchange->done)
            return;
        if (status < 0)
            return fail(exchange, status, "connect");
        uv_buf_t buffer = uv_buf_init(exchange->bytes.data(), unsigned(exchange->bytes.size()));
        exchange->write.data = exchange;
        const int rc = uv_write(&exchange->write, reinterpret_cast<uv_stream_t*>(&exchange->tcp), &buffer, 1,
                                [](uv_write_t* write, int written) {
                                    auto* self = static_cast<Exchange*>(write->data);
                                    if (written < 0 && !self->done)
                                        fail(self, written, "write");
                                });
        if (rc < 0)
            return fail(exchange, rc, "write");
        uv_read_start(
            reinterpret_cast<uv_stream_t*>(&exchange->tcp),
            [](uv_handle_t*, size_t suggested, uv_buf_t* buffer) {
                *buffer = uv_buf_init(new char[suggested], unsigned(suggested));
            },
            &onRead);
    }

    static void onRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buffer) {
        std::unique_ptr<char[]> owned(buffer->base);
        auto* exchange = static_cast<Exchange*>(stream->data);
        if (exchange->done || nread == 0)
            return;
        if (nread < 0) {
            // The server closed: a response without a length ends here.
            http_parser_execute(&exchange->parser, &settings(), nullptr, 0);
            if (exchange->done)
                return;
            // Closed before any of an answer came: what Node calls a hang-up.
            if (nread == UV_EOF && exchange->response.statusMessage.empty() && exchange->response.headers.empty()) {
                exchange->response.errorCode = "ECONNRESET";
                exchange->response.error = "socket hang up";
                exchange->owner->finish(exchange);
                return;
            }
            fail(exchange, nread == UV_EOF ? UV_ECONNRESET : int(nread), "read");
            return;
        }
        http_parser_execute(&exchange->parser, &settings(), buffer->base, size_t(nread));
        if (!exchange->done && HTTP_PARSER_ERRNO(&exchange->parser) != HPE_OK) {
            exchange->response.errorCode = "HPE_INVALID_RESPONSE";
            exchange->response.error = "Parse Error: the server's answer is not HTTP";
            exchange->owner->finish(exchange);
        }
    }
};

HttpClientRequests::~HttpClientRequests() = default;

void HttpClientRequests::request(SourceLocation where, std::string label, std::uint16_t port, std::string bytes,
                                 std::function<void(const HttpClientResponse&)> onDone) {
    auto* exchange = new Exchange;
    exchange->owner = this;
    exchange->port = port;
    exchange->bytes = std::move(bytes);
    exchange->id = queues_.newId();
    exchange->cause = queues_.current();
    exchange->where = where;
    exchange->label = std::move(label);
    exchange->onDone = std::move(onDone);
    http_parser_init(&exchange->parser, HTTP_RESPONSE);
    exchange->parser.data = exchange;
    uv_tcp_init(loop_, &exchange->tcp);
    exchange->tcp.data = exchange;
    exchange->connect.data = exchange;
    open_.insert(exchange);
    trace_.emit(EventKind::IoBegin, kKernelLane, QueueKind::None, exchange->id, exchange->cause, where, 0,
                exchange->label);
    sockaddr_in address{};
    uv_ip4_addr("127.0.0.1", port, &address);
    const int rc = uv_tcp_connect(&exchange->connect, &exchange->tcp, reinterpret_cast<const sockaddr*>(&address),
                                  &ExchangeCallbacks::onConnect);
    if (rc < 0)
        ExchangeCallbacks::fail(exchange, rc, "connect");
}

// The answer (or the failure) is in: the program's callback runs now, as this poll
// phase's I/O callback, and the connection closes (the exchange lives until it has).
void HttpClientRequests::finish(Exchange* exchange) {
    if (exchange->done)
        return;
    exchange->done = true;
    open_.erase(exchange);
    uv_read_stop(reinterpret_cast<uv_stream_t*>(&exchange->tcp));
    uv_close(reinterpret_cast<uv_handle_t*>(&exchange->tcp),
             [](uv_handle_t* handle) { delete static_cast<Exchange*>(handle->data); });
    trace_.emit(EventKind::IoEnd, kKernelLane, QueueKind::None, exchange->id, exchange->cause, exchange->where);
    if (horizon_.stopped())
        return;
    trace_.main(EventKind::Enqueue, QueueKind::Poll, exchange->id, exchange->cause, exchange->where, 0, exchange->label);
    trace_.phases().observe(Phase::Poll);
    const HttpClientResponse response = exchange->response;
    auto onDone = exchange->onDone;
    queues_.runMacrotask(QueueKind::Poll, QueuedCallback{exchange->id, exchange->cause, exchange->where, exchange->label,
                                                         [onDone, response] { onDone(response); }});
}

void HttpClientRequests::close() {
    while (!open_.empty()) {
        Exchange* exchange = *open_.begin();
        exchange->done = true;
        open_.erase(exchange);
        uv_close(reinterpret_cast<uv_handle_t*>(&exchange->tcp),
                 [](uv_handle_t* handle) { delete static_cast<Exchange*>(handle->data); });
    }
}

}  // namespace loopscope
