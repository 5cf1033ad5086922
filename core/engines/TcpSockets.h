// A program's TCP sockets (and its standard input, a stream too), the handles under Node's net module (what Node's tcp_wrap is
// to lib/net.js): listen and accept, connect, read, write, shut down and close, on the
// JavaScript thread's loop and on loopback only. Whatever libuv reports comes to the
// program as a poll-phase callback (one libuv deferred, such as a write it finished at
// once, in the pending phase; a handle's close in the close phase) that drains the nextTicks
// and microtasks after it, as Node's MakeCallback does; the kernel lane shows each
// connect, each write the kernel could not take at once, and each shutdown.
//
// A handle is a number the library holds. Calls return 0 or a libuv error (negative).
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include <uv.h>

#include "CallbackQueues.h"

namespace loopscope {

// One end of a connection, as getsockname / getpeername tell it.
struct TcpEndpoint {
    std::string address;  // "127.0.0.1", "::1"
    int family = 4;       // 4 or 6
    int port = 0;
};

// What a write did: taken whole by the kernel at once (async false: its callback never
// runs), or the rest queued (async true: `onDone` runs when the kernel has it all).
struct TcpWritten {
    int error = 0;
    bool async = false;
    std::size_t bytes = 0;
};

// Only loopback addresses (127.0.0.0/8, ::1, ::ffff:127.x.y.z): the runtime neither
// listens on nor connects to anything else. False too for what is not an IP address.
bool isLoopbackAddress(const std::string& address);

class TcpSockets {
public:
    using Handle = std::uint64_t;
    using OnConnection = std::function<void(int status, Handle client)>;
    // nread > 0: `bytes` came; UV_EOF: the other side ended; another negative: a read error.
    using OnRead = std::function<void(ssize_t nread, std::string_view bytes)>;
    using OnStatus = std::function<void(int status)>;

    TcpSockets(CallbackQueues& queues, NodeTrace& trace, RunHorizon& horizon);
    ~TcpSockets();
    TcpSockets(const TcpSockets&) = delete;
    TcpSockets& operator=(const TcpSockets&) = delete;

    void start(uv_loop_t* loop) { loop_ = loop; }
    // The run is over: every handle still open closes without telling the program.
    void closeAll();

    // A new socket, neither bound nor connected. `where`: the program's line its
    // callbacks show (the line that made it).
    Handle open(SourceLocation where);
    // The program's standard input when it is a pipe, a socket or a terminal, read and
    // closed as a socket is (Node's process.stdin is then a net.Socket on a Pipe, TCP or
    // TTY handle); its callbacks are "stdin data", "stdin end". Sets `status` to 0, or
    // to a libuv error and returns 0 (UV_EINVAL: it is a file or nothing: see
    // standardInputKind).
    Handle openStandardInput(SourceLocation where, int& status);
    // A pipe not yet connected, for a child process's standard stream (child_process's
    // 'pipe'): uv_spawn connects it through pipeStream(); then it reads, writes and closes
    // as a socket does, its callbacks called `name` ("child stdout data").
    Handle openPipe(SourceLocation where, const char* name);
    // The libuv stream of a handle (nullptr when there is none).
    uv_stream_t* pipeStream(Handle handle) const;
    int bind(Handle handle, const std::string& address, int port);
    // Each connection accepted is `onConnection(0, client)` in the poll phase (the client
    // handle is open and not yet reading).
    int listen(Handle handle, int backlog, OnConnection onConnection);
    int connect(Handle handle, const std::string& address, int port, OnStatus onConnect);
    // `onRead` runs for every chunk libuv reads, until readStop or the end.
    int readStart(Handle handle, OnRead onRead);
    int readStop(Handle handle);
    TcpWritten write(Handle handle, std::string bytes, OnStatus onDone);
    // The write side ends once every queued write is out; `onDone` in the poll phase.
    int shutdown(Handle handle, OnStatus onDone);
    // `onClose` runs in the close phase. Writes, a connect or a shutdown still pending
    // are cancelled first (their callbacks see UV_ECANCELED).
    void close(Handle handle, std::function<void()> onClose);
    // A close that drops the connection with a reset (the other side reads ECONNRESET).
    int reset(Handle handle, std::function<void()> onClose);

    int localEndpoint(Handle handle, TcpEndpoint& out) const;
    int remoteEndpoint(Handle handle, TcpEndpoint& out) const;
    int setNoDelay(Handle handle, bool enable);
    int setKeepAlive(Handle handle, bool enable, unsigned delaySeconds);
    void setRef(Handle handle, bool refed);
    // A terminal's raw mode (keys one by one, no echo); the terminal is put back as it was
    // when the run ends.
    int setTerminalRawMode(Handle handle, bool raw);
    std::size_t writeQueueSize(Handle handle) const;

    struct Socket;
    struct Request;

private:
    friend struct TcpCallbacks;
    Socket* find(Handle handle) const;
    Socket* findTcp(Handle handle) const;  // the TCP-only calls refuse a pipe or a terminal
    int closeHandle(Handle handle, std::function<void()> onClose, bool reset);
    // Runs `body` now as the program's callback from `queue` (Poll, which is Pending
    // before this iteration's poll phase, or Close), with its trace, then the nextTicks
    // and microtasks it queued.
    void deliver(QueueKind queue, std::uint64_t cause, SourceLocation where, std::string label,
                 std::function<void()> body);
    std::unique_ptr<Request> request(Socket& socket, std::string label, OnStatus onDone);
    void finish(Request* request, int status);

    CallbackQueues& queues_;
    NodeTrace& trace_;
    RunHorizon& horizon_;
    uv_loop_t* loop_ = nullptr;
    Handle nextHandle_ = 1;
    bool terminalMadeRaw_ = false;
    std::unordered_map<Handle, std::unique_ptr<Socket>> sockets_;
    std::unique_ptr<char[]> readBuffer_;  // one chunk at a time: the program copies it at once
};

}  // namespace loopscope
