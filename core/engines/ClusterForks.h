// The worker processes a JavaScript program forks with Node's cluster.fork(), as its
// primary sees them. Each is an engine child running the same program as cluster worker
// `id` (ClusterProcessRole::forkedProgram), started by exec as the step cluster's
// processes are (ClusterEngine.h). Its events come on its event pipe (fd 3) and join this
// run's trace as process `id`; what it sends with process.send() travels in that same
// stream (EventKind::ProcessMessage), so it arrives after the lines it logged before. The
// primary's messages go the other way on a pipe of their own (fd 5), one JSON text a line.
//
// A worker's HTTP server does not listen itself: it asks its primary (share()), which
// listens on 127.0.0.1:port once per port and deals the connections round-robin over the
// connection pipes (fd 4, HttpServer::serveFromIpc) of the workers sharing it, as Node's
// cluster does on Linux. When every worker serves, the run's load is sent to that port.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <uv.h>

#include "EngineProcess.h"
#include "Scenario.h"

namespace loopscope {

class LoadDriver;
class TraceSink;

// How a worker is started: the engine executable, the file the run was started with
// and the run's overrides.
struct ForkCommand {
    std::string executable;
    std::string file;
    EngineOptions options;
};

// A child of child_process.fork(): another program file, its own arguments, and, when
// given, its whole environment and working directory. It is no cluster worker
// (--forked-child, no NODE_UNIQUE_ID), but its channel and its events travel as a worker's.
struct ForkedProgram {
    std::string file;
    std::vector<std::string> arguments;
    std::optional<std::vector<std::string>> environment;  // "NAME=value"
    std::string cwd;
};

class ClusterForks {
public:
    // What happens to the workers; called on the loop thread.
    struct Events {
        std::function<void(int id, std::string message)> message;
        std::function<void(int id)> disconnect;  // its channel closed (before its 'exit')
        // code: its exit code, or nothing when a signal (its number in `signal`) ended it
        std::function<void(int id, std::optional<int> code, int signal)> exit;
        std::function<void()> loadDone;  // the run's load has ended (its listeners are closed)
    };
    struct Forked {
        int id = 0;
        int pid = 0;
    };

    // `origin`: the run's time 0 (steadyNow()); `load`: what is sent to the shared port.
    ClusterForks(uv_loop_t* loop, TraceSink& sink, Nanoseconds origin, ForkCommand command, const Scenario& load,
                 Events events);
    ~ClusterForks();
    ClusterForks(const ClusterForks&) = delete;
    ClusterForks& operator=(const ClusterForks&) = delete;

    // Starts worker `id` (1, 2, ...) with `environment` added to this process's.
    // Throws std::runtime_error naming what failed.
    // With `program`, a child_process.fork() child instead (`environment` then adds to
    // its own).
    Forked fork(const std::vector<std::pair<std::string, std::string>>& environment,
                const ForkedProgram* program = nullptr);
    // False when the worker's channel is closed.
    bool send(int id, const std::string& message);
    // The primary closes the channel (ChildProcess.disconnect()): 'disconnect' follows.
    void disconnect(int id);
    // 0, or a libuv error code.
    int kill(int id, int signal);
    // Worker `id` serves 127.0.0.1:port (0: the shared ephemeral port): the primary
    // listens there if no worker did before. Returns the port; throws std::runtime_error
    // naming what the OS refused.
    std::uint16_t share(int id, std::uint16_t port);
    // The run is over: every worker still running is killed, every handle closed.
    void stopAll();

private:
    struct Worker;
    struct SharedPort;
    static void onEvents(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);
    static void onConnectionsRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);
    static void onExit(uv_process_t* handle, std::int64_t status, int termSignal);
    static void onConnection(uv_stream_t* listener, int status);
    static void allocate(uv_handle_t* handle, size_t, uv_buf_t* buf);

    void receive(Worker& worker, TraceEvent& event);
    void closeChannel(Worker& worker);
    void stopServing(Worker& worker);
    void finishIfOver(Worker& worker);
    void handOver(SharedPort& shared);
    void closeListener(SharedPort& shared);
    void startLoadWhenServing();
    void endLoad();

    uv_loop_t* loop_;
    TraceSink& sink_;
    const Nanoseconds origin_;
    const ForkCommand command_;
    const Scenario& load_;
    Events events_;
    std::map<int, std::unique_ptr<Worker>> workers_;
    std::vector<std::unique_ptr<SharedPort>> ports_;  // every port shared, closed ones too
    int nextId_ = 1;
    bool stopped_ = false;
    uv_async_t loadDone_{};
    std::unique_ptr<LoadDriver> loadDriver_;
    bool loadSent_ = false;
    char readBuffer_[64 * 1024];  // every read is decoded at once, so one serves all pipes
};

}  // namespace loopscope
