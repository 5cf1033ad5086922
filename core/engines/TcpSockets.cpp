#include "TcpSockets.h"

#include <netinet/in.h>

#include <cstring>

namespace loopscope {

namespace {

constexpr std::size_t kReadChunk = 64 * 1024;  // what Node's allocator hands libuv per read

bool sockaddrFor(const std::string& address, int port, sockaddr_storage& out) {
    std::memset(&out, 0, sizeof out);
    if (uv_ip4_addr(address.c_str(), port, reinterpret_cast<sockaddr_in*>(&out)) == 0)
        return true;
    return uv_ip6_addr(address.c_str(), port, reinterpret_cast<sockaddr_in6*>(&out)) == 0;
}

bool isLoopback(const sockaddr_storage& address) {
    if (address.ss_family == AF_INET) {
        const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
        return (ntohl(v4.sin_addr.s_addr) >> 24) == 127;
    }
    if (address.ss_family == AF_INET6) {
        const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
        if (IN6_IS_ADDR_LOOPBACK(&v6.sin6_addr))
            return true;
        return IN6_IS_ADDR_V4MAPPED(&v6.sin6_addr) && v6.sin6_addr.s6_addr[12] == 127;
    }
    return false;
}

int endpointOf(const sockaddr_storage& address, TcpEndpoint& out) {
    char text[INET6_ADDRSTRLEN] = {};
    if (address.ss_family == AF_INET) {
        const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
        uv_ip4_name(&v4, text, sizeof text);
        out = TcpEndpoint{text, 4, ntohs(v4.sin_port)};
        return 0;
    }
    if (address.ss_family == AF_INET6) {
        const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
        uv_ip6_name(&v6, text, sizeof text);
        out = TcpEndpoint{text, 6, ntohs(v6.sin6_port)};
        return 0;
    }
    return UV_EINVAL;
}

std::string endpointText(const std::string& address, int port) {
    return address.find(':') != std::string::npos ? "[" + address + "]:" + std::to_string(port)
                                                   : address + ":" + std::to_string(port);
}

}  // namespace

bool isLoopbackAddress(const std::string& address) {
    sockaddr_storage parsed{};
    return sockaddrFor(address, 0, parsed) && isLoopback(parsed);
}

struct TcpSockets::Socket {
    TcpSockets* owner = nullptr;
    Handle id = 0;
    union {  // which one: `kind`; libuv's stream calls take any of them
        uv_tcp_t tcp{};
        uv_pipe_t pipe;
        uv_tty_t tty;
    };
    uv_handle_type kind = UV_TCP;
    const char* name = "net";  // what its callbacks are called: "net data", "stdin end"
    SourceLocation where;
    bool closing = false;
    OnConnection onConnection;
    OnRead onRead;
    std::uint64_t readCause = 0;
    std::uint64_t listenCause = 0;
    std::function<void()> onClose;
    std::uint64_t closeId = 0;
    std::uint64_t closeCause = 0;

    uv_stream_t* stream() { return reinterpret_cast<uv_stream_t*>(&tcp); }
    uv_handle_t* handle() { return reinterpret_cast<uv_handle_t*>(&tcp); }
};

// A connect, a write the kernel could not take at once, or a shutdown: on the kernel lane
// from its start to its end, then the program's callback.
struct TcpSockets::Request {
    TcpSockets* owner = nullptr;
    Socket* socket = nullptr;  // libuv completes a request before its handle's close callback
    union {
        uv_connect_t connect;
        uv_write_t write;
        uv_shutdown_t shutdown;
    } uv{};
    std::string bytes;
    OnStatus onDone;
    std::uint64_t id = 0;
    std::uint64_t cause = 0;
    SourceLocation where;
    std::string label;
};

struct TcpCallbacks {
    using Socket = TcpSockets::Socket;
    using Request = TcpSockets::Request;

    static void onConnect(uv_connect_t* connect, int status) {
        auto* request = static_cast<Request*>(connect->data);
        request->owner->finish(request, status);
    }
    static void onWrite(uv_write_t* write, int status) {
        auto* request = static_cast<Request*>(write->data);
        request->owner->finish(request, status);
    }
    static void onShutdown(uv_shutdown_t* shutdown, int status) {
        auto* request = static_cast<Request*>(shutdown->data);
        request->owner->finish(request, status);
    }

    static void onConnection(uv_stream_t* server, int status) {
        auto* socket = static_cast<Socket*>(server->data);
        TcpSockets& owner = *socket->owner;
        TcpSockets::Handle client = 0;
        if (status == 0) {
            client = owner.open(socket->where);
            Socket* accepted = owner.find(client);
            status = uv_accept(server, accepted->stream());
            if (status < 0) {
                owner.close(client, nullptr);
                client = 0;
            }
        }
        if (owner.horizon_.stopped() || !socket->onConnection)
            return;
        const TcpSockets::OnConnection program = socket->onConnection;
        owner.deliver(QueueKind::Poll, socket->listenCause, socket->where, "net connection",
                      [program, status, client] { program(status, client); });
    }

    static void onAlloc(uv_handle_t* handle, size_t, uv_buf_t* buffer) {
        TcpSockets& owner = *static_cast<Socket*>(handle->data)->owner;
        *buffer = uv_buf_init(owner.readBuffer_.get(), unsigned(kReadChunk));
    }

    static void onRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buffer) {
        auto* socket = static_cast<Socket*>(stream->data);
        TcpSockets& owner = *socket->owner;
        // Nothing read is no news (EAGAIN); Node does not call the program for it either.
        if (nread == 0 || owner.horizon_.stopped() || !socket->onRead)
            return;
        const TcpSockets::OnRead program = socket->onRead;
        const std::string label =
            std::string(socket->name) + (nread > 0 ? " data" : nread == UV_EOF ? " end" : " read error");
        const std::string_view bytes = nread > 0 ? std::string_view(buffer->base, std::size_t(nread)) : std::string_view();
        owner.deliver(QueueKind::Poll, socket->readCause, socket->where, label,
                      [program, nread, bytes] { program(nread, bytes); });
    }
};

TcpSockets::TcpSockets(CallbackQueues& queues, NodeTrace& trace, RunHorizon& horizon)
    : queues_(queues), trace_(trace), horizon_(horizon), readBuffer_(new char[kReadChunk]) {}

TcpSockets::~TcpSockets() = default;

TcpSockets::Socket* TcpSockets::find(Handle handle) const {
    const auto found = sockets_.find(handle);
    return found == sockets_.end() || found->second->closing ? nullptr : found->second.get();
}

TcpSockets::Socket* TcpSockets::findTcp(Handle handle) const {
    Socket* socket = find(handle);
    return socket && socket->kind == UV_TCP ? socket : nullptr;
}

TcpSockets::Handle TcpSockets::open(SourceLocation where) {
    auto socket = std::make_unique<Socket>();
    socket->owner = this;
    socket->id = nextHandle_++;
    socket->where = where;
    uv_tcp_init(loop_, &socket->tcp);
    socket->tcp.data = socket.get();
    const Handle id = socket->id;
    sockets_.emplace(id, std::move(socket));
    return id;
}

TcpSockets::Handle TcpSockets::openStandardInput(SourceLocation where, int& status) {
    auto socket = std::make_unique<Socket>();
    socket->owner = this;
    socket->id = nextHandle_++;
    socket->where = where;
    socket->name = "stdin";
    socket->kind = uv_guess_handle(0);
    switch (socket->kind) {
    case UV_NAMED_PIPE:
        uv_pipe_init(loop_, &socket->pipe, 0);
        status = uv_pipe_open(&socket->pipe, 0);
        break;
    case UV_TCP:
        uv_tcp_init(loop_, &socket->tcp);
        status = uv_tcp_open(&socket->tcp, 0);
        break;
    case UV_TTY:
        status = uv_tty_init(loop_, &socket->tty, 0, 1);
        if (status < 0)
            return 0;
        break;
    default:
        status = UV_EINVAL;
        return 0;
    }
    socket->handle()->data = socket.get();
    const Handle id = socket->id;
    sockets_.emplace(id, std::move(socket));
    if (status < 0) {
        closeHandle(id, nullptr, false);
        return 0;
    }
    return id;
}

TcpSockets::Handle TcpSockets::openPipe(SourceLocation where, const char* name) {
    auto socket = std::make_unique<Socket>();
    socket->owner = this;
    socket->id = nextHandle_++;
    socket->where = where;
    socket->name = name;
    socket->kind = UV_NAMED_PIPE;
    uv_pipe_init(loop_, &socket->pipe, 0);
    socket->handle()->data = socket.get();
    const Handle id = socket->id;
    sockets_.emplace(id, std::move(socket));
    return id;
}

uv_stream_t* TcpSockets::pipeStream(Handle handle) const {
    Socket* socket = find(handle);
    return socket && socket->kind == UV_NAMED_PIPE ? socket->stream() : nullptr;
}

int TcpSockets::bind(Handle handle, const std::string& address, int port) {
    Socket* socket = findTcp(handle);
    if (!socket)
        return UV_EBADF;
    sockaddr_storage where{};
    if (!sockaddrFor(address, port, where))
        return UV_EINVAL;
    if (!isLoopback(where))
        return UV_EACCES;
    return uv_tcp_bind(&socket->tcp, reinterpret_cast<const sockaddr*>(&where), 0);
}

int TcpSockets::listen(Handle handle, int backlog, OnConnection onConnection) {
    Socket* socket = find(handle);
    if (!socket)
        return UV_EBADF;
    socket->onConnection = std::move(onConnection);
    socket->listenCause = queues_.current();
    return uv_listen(socket->stream(), backlog, &TcpCallbacks::onConnection);
}

int TcpSockets::connect(Handle handle, const std::string& address, int port, OnStatus onConnect) {
    Socket* socket = findTcp(handle);
    if (!socket)
        return UV_EBADF;
    sockaddr_storage where{};
    if (!sockaddrFor(address, port, where))
        return UV_EINVAL;
    if (!isLoopback(where))
        return UV_EACCES;
    std::unique_ptr<Request> made = request(*socket, "net connect " + endpointText(address, port), std::move(onConnect));
    made->uv.connect.data = made.get();
    const int status = uv_tcp_connect(&made->uv.connect, &socket->tcp, reinterpret_cast<const sockaddr*>(&where),
                                      &TcpCallbacks::onConnect);
    if (status < 0)
        return status;
    trace_.emit(EventKind::IoBegin, kKernelLane, QueueKind::None, made->id, made->cause, made->where, 0, made->label);
    made.release();
    return 0;
}

int TcpSockets::readStart(Handle handle, OnRead onRead) {
    Socket* socket = find(handle);
    if (!socket)
        return UV_EBADF;
    socket->onRead = std::move(onRead);
    socket->readCause = queues_.current();
    return uv_read_start(socket->stream(), &TcpCallbacks::onAlloc, &TcpCallbacks::onRead);
}

int TcpSockets::readStop(Handle handle) {
    Socket* socket = find(handle);
    return socket ? uv_read_stop(socket->stream()) : UV_EBADF;
}

// As Node's StreamBase::Write: try the write at once, and queue only what the kernel
// did not take.
TcpWritten TcpSockets::write(Handle handle, std::string bytes, OnStatus onDone) {
    Socket* socket = find(handle);
    if (!socket)
        return TcpWritten{UV_EBADF, false, 0};
    TcpWritten written{0, false, bytes.size()};
    std::size_t taken = 0;
    if (!bytes.empty()) {
        uv_buf_t buffer = uv_buf_init(bytes.data(), unsigned(bytes.size()));
        const int tried = uv_try_write(socket->stream(), &buffer, 1);
        if (tried >= 0)
            taken = std::size_t(tried);
        else if (tried != UV_EAGAIN && tried != UV_ENOSYS)
            return TcpWritten{tried, false, 0};
    }
    if (taken == bytes.size())
        return written;
    std::unique_ptr<Request> made = request(*socket, "net write " + std::to_string(bytes.size() - taken) + " bytes",
                                            std::move(onDone));
    made->bytes = bytes.substr(taken);
    made->uv.write.data = made.get();
    uv_buf_t rest = uv_buf_init(made->bytes.data(), unsigned(made->bytes.size()));
    const int status = uv_write(&made->uv.write, socket->stream(), &rest, 1, &TcpCallbacks::onWrite);
    if (status < 0)
        return TcpWritten{status, false, 0};
    trace_.emit(EventKind::IoBegin, kKernelLane, QueueKind::None, made->id, made->cause, made->where, 0, made->label);
    made.release();
    written.async = true;
    return written;
}

int TcpSockets::shutdown(Handle handle, OnStatus onDone) {
    Socket* socket = find(handle);
    if (!socket)
        return UV_EBADF;
    std::unique_ptr<Request> made = request(*socket, "net shutdown", std::move(onDone));
    made->uv.shutdown.data = made.get();
    const int status = uv_shutdown(&made->uv.shutdown, socket->stream(), &TcpCallbacks::onShutdown);
    if (status < 0)
        return status;
    trace_.emit(EventKind::IoBegin, kKernelLane, QueueKind::None, made->id, made->cause, made->where, 0, made->label);
    made.release();
    return 0;
}

void TcpSockets::close(Handle handle, std::function<void()> onClose) {
    closeHandle(handle, std::move(onClose), false);
}

int TcpSockets::reset(Handle handle, std::function<void()> onClose) {
    return closeHandle(handle, std::move(onClose), true);
}

int TcpSockets::closeHandle(Handle handle, std::function<void()> onClose, bool reset) {
    Socket* socket = find(handle);
    if (!socket)
        return UV_EBADF;
    const uv_close_cb closed = [](uv_handle_t* handle) {
        auto* socket = static_cast<Socket*>(handle->data);
        TcpSockets& owner = *socket->owner;
        const auto found = owner.sockets_.find(socket->id);
        std::unique_ptr<Socket> gone = std::move(found->second);
        owner.sockets_.erase(found);
        if (!gone->onClose || owner.horizon_.stopped())
            return;
        owner.trace_.phases().observe(Phase::Close);
        owner.queues_.runMacrotask(QueueKind::Close, QueuedCallback{gone->closeId, gone->closeCause, gone->where,
                                                                    std::string(gone->name) + " close",
                                                                    std::move(gone->onClose)});
    };
    if (reset && socket->kind != UV_TCP)
        return UV_ENOTSUP;
    if (reset) {
        // RST instead of FIN: refused (UV_EINVAL) once a shutdown has begun.
        const int status = uv_tcp_close_reset(&socket->tcp, closed);
        if (status < 0)
            return status;
    } else {
        uv_close(socket->handle(), closed);
    }
    socket->closing = true;
    socket->onRead = nullptr;
    socket->onConnection = nullptr;
    socket->onClose = std::move(onClose);
    socket->closeId = queues_.newId();
    socket->closeCause = queues_.current();
    if (socket->onClose && !horizon_.stopped())
        trace_.main(EventKind::Enqueue, QueueKind::Close, socket->closeId, socket->closeCause, socket->where, 0,
                    std::string(socket->name) + " close");
    return 0;
}

void TcpSockets::closeAll() {
    if (terminalMadeRaw_)
        uv_tty_reset_mode();
    for (auto& [id, socket] : sockets_) {
        if (socket->closing)
            continue;
        socket->closing = true;
        socket->onRead = nullptr;
        socket->onConnection = nullptr;
        uv_close(socket->handle(), [](uv_handle_t* closed) {
            auto* socket = static_cast<Socket*>(closed->data);
            socket->owner->sockets_.erase(socket->id);
        });
    }
}

int TcpSockets::localEndpoint(Handle handle, TcpEndpoint& out) const {
    Socket* socket = findTcp(handle);
    if (!socket)
        return UV_EBADF;
    sockaddr_storage address{};
    int length = sizeof address;
    const int status = uv_tcp_getsockname(&socket->tcp, reinterpret_cast<sockaddr*>(&address), &length);
    return status < 0 ? status : endpointOf(address, out);
}

int TcpSockets::remoteEndpoint(Handle handle, TcpEndpoint& out) const {
    Socket* socket = findTcp(handle);
    if (!socket)
        return UV_EBADF;
    sockaddr_storage address{};
    int length = sizeof address;
    const int status = uv_tcp_getpeername(&socket->tcp, reinterpret_cast<sockaddr*>(&address), &length);
    return status < 0 ? status : endpointOf(address, out);
}

int TcpSockets::setNoDelay(Handle handle, bool enable) {
    Socket* socket = findTcp(handle);
    return socket ? uv_tcp_nodelay(&socket->tcp, enable ? 1 : 0) : UV_EBADF;
}

int TcpSockets::setKeepAlive(Handle handle, bool enable, unsigned delaySeconds) {
    Socket* socket = findTcp(handle);
    return socket ? uv_tcp_keepalive(&socket->tcp, enable ? 1 : 0, delaySeconds) : UV_EBADF;
}

void TcpSockets::setRef(Handle handle, bool refed) {
    if (Socket* socket = find(handle)) {
        if (refed)
            uv_ref(socket->handle());
        else
            uv_unref(socket->handle());
    }
}

int TcpSockets::setTerminalRawMode(Handle handle, bool raw) {
    Socket* socket = find(handle);
    if (!socket || socket->kind != UV_TTY)
        return UV_EBADF;
    terminalMadeRaw_ = terminalMadeRaw_ || raw;
    return uv_tty_set_mode(&socket->tty, raw ? UV_TTY_MODE_RAW : UV_TTY_MODE_NORMAL);
}

std::size_t TcpSockets::writeQueueSize(Handle handle) const {
    Socket* socket = find(handle);
    return socket ? uv_stream_get_write_queue_size(socket->stream()) : 0;
}

std::unique_ptr<TcpSockets::Request> TcpSockets::request(Socket& socket, std::string label, OnStatus onDone) {
    auto made = std::make_unique<Request>();
    made->owner = this;
    made->socket = &socket;
    made->onDone = std::move(onDone);
    made->id = queues_.newId();
    made->cause = queues_.current();
    made->where = socket.where;
    made->label = std::move(label);
    return made;
}

// A request is done: off the kernel lane, and the program's callback runs, in the poll
// phase, or in the close phase when the handle's close cancelled it.
void TcpSockets::finish(Request* done, int status) {
    std::unique_ptr<Request> request(done);
    trace_.emit(EventKind::IoEnd, kKernelLane, QueueKind::None, request->id, request->cause, request->where);
    if (horizon_.stopped() || !request->onDone)
        return;
    const QueueKind queue = request->socket->closing ? QueueKind::Close : QueueKind::Poll;
    OnStatus onDone = std::move(request->onDone);
    std::string label = request->label.substr(0, request->label.find(' ', 4));
    deliver(queue, request->cause, request->where, std::move(label), [onDone, status] { onDone(status); });
}

void TcpSockets::deliver(QueueKind queue, std::uint64_t cause, SourceLocation where, std::string label,
                         std::function<void()> body) {
    // libuv runs an I/O callback it deferred (a write it finished inside uv_write, a
    // connect error the system reported at once) in the pending phase, before prepare
    // and poll: Node's "pending callbacks".
    if (queue == QueueKind::Poll && trace_.phases().current() != Phase::Poll)
        queue = QueueKind::Pending;
    QueuedCallback job{queues_.newId(), cause, where, std::move(label), std::move(body)};
    trace_.main(EventKind::Enqueue, queue, job.id, job.cause, job.where, 0, job.label);
    trace_.phases().observe(queue == QueueKind::Close     ? Phase::Close
                            : queue == QueueKind::Pending ? Phase::Pending
                                                          : Phase::Poll);
    queues_.runMacrotask(queue, std::move(job));
}

}  // namespace loopscope
