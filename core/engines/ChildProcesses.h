// The processes a program starts with child_process (spawn, exec, fork's command lines
// aside): real processes through uv_spawn on the JavaScript thread's loop, their standard
// streams pipes of TcpSockets (so they read, write and close as sockets do), their exit
// a uv_process exit callback in the poll phase, as Node's ProcessWrap. spawnSync runs one
// on a loop of its own until it ends, as Node's SyncProcessRunner.
//
// None outlives the run: at its end (the horizon, a failure, the program's end) every one
// still running is killed and reaped with what it started (stopAll), and a synchronous one
// never waits past the horizon. They stay in the run's process group, so that what kills the run's process
// group (a terminal's Ctrl-C, a cancelled run) kills them too.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <uv.h>

#include "RunHorizon.h"
#include "TcpSockets.h"

namespace loopscope {

// What one of a child's descriptors is: nothing (/dev/null), a pipe of TcpSockets (`pipe`,
// opened with openPipe), or this process's descriptor `fd`.
struct ChildStdio {
    enum class Kind { Ignore, Pipe, Inherit };
    Kind kind = Kind::Ignore;
    TcpSockets::Handle pipe = 0;
    int fd = -1;
};

struct ChildCommand {
    std::string file;
    std::vector<std::string> arguments;  // argv, argv[0] first
    std::optional<std::vector<std::string>> environment;  // "NAME=value"; none: this process's
    std::string cwd;                                      // empty: this process's
    std::vector<ChildStdio> stdio;
    bool detached = false;
};

// What a synchronous child did. `error`: 0, or the libuv error that kept it from starting
// (UV_ENOENT) or ended the wait (UV_ETIMEDOUT, UV_ENOBUFS for maxBuffer).
struct ChildOutcome {
    int error = 0;
    int pid = 0;
    std::optional<std::int64_t> status;  // none when a signal ended it
    int signal = 0;
    std::vector<std::optional<std::string>> output;  // per descriptor: what it wrote, for pipes
};

struct ChildSyncLimits {
    std::string input;              // written to descriptor 0 when it is a pipe
    std::optional<Nanoseconds> timeout;
    std::optional<std::size_t> maxBuffer;  // per stream
    int killSignal = 15;
    Nanoseconds deadline = 0;       // the run's horizon (steadyNow()): killed with SIGKILL there
};

class ChildProcesses {
public:
    using Id = std::uint64_t;
    // status: the exit code, signal: the signal that ended it (0: none). Called on the loop.
    using OnExit = std::function<void(std::int64_t status, int signal)>;

    explicit ChildProcesses(TcpSockets& pipes);
    ~ChildProcesses();
    ChildProcesses(const ChildProcesses&) = delete;
    ChildProcesses& operator=(const ChildProcesses&) = delete;

    void start(uv_loop_t* loop) { loop_ = loop; }
    // A process started: its id (> 0) and pid, or a libuv error (negative).
    std::int64_t spawn(const ChildCommand& command, OnExit onExit, int& pid);
    // 0 or a libuv error (UV_ESRCH once it has exited).
    int kill(Id id, int signal);
    void setRef(Id id, bool refed);
    // The run is over: every child still running is killed and reaped; no exit is reported.
    void stopAll();

    // spawnSync: runs `command` to its end on a loop of its own; Pipe descriptors are
    // made here (their `pipe` handle is not used).
    static ChildOutcome runToEnd(const ChildCommand& command, const ChildSyncLimits& limits);

private:
    struct Child;
    static void onExit(uv_process_t* handle, std::int64_t status, int signal);

    TcpSockets& pipes_;
    uv_loop_t* loop_ = nullptr;
    Id nextId_ = 1;
    bool stopped_ = false;
    std::map<Id, std::unique_ptr<Child>> children_;
};

}  // namespace loopscope
