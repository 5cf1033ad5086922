#include "ChildProcesses.h"

#include <dirent.h>
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "Time.h"

namespace loopscope {

namespace {

template <typename Handle>
uv_handle_t* handleOf(Handle* handle) {
    return reinterpret_cast<uv_handle_t*>(handle);
}

// The words libuv takes, kept alive for the call.
struct SpawnOptions {
    std::vector<std::string> words;
    std::vector<std::string> variables;
    std::vector<char*> argv;
    std::vector<char*> envp;
    std::vector<uv_stdio_container_t> stdio;
    uv_process_options_t options{};

    // `pipeOf(i)`: the stream of descriptor i when it is a pipe.
    template <typename PipeOf>
    SpawnOptions(const ChildCommand& command, PipeOf pipeOf, uv_exit_cb onExit)
        : words(command.arguments) {
        for (std::string& word : words)
            argv.push_back(word.data());
        argv.push_back(nullptr);
        if (command.environment) {
            variables = *command.environment;
            for (std::string& variable : variables)
                envp.push_back(variable.data());
            envp.push_back(nullptr);
            options.env = envp.data();
        }
        for (std::size_t fd = 0; fd < command.stdio.size(); ++fd) {
            const ChildStdio& slot = command.stdio[fd];
            uv_stdio_container_t container{};
            switch (slot.kind) {
            case ChildStdio::Kind::Ignore:
                container.flags = UV_IGNORE;
                break;
            case ChildStdio::Kind::Inherit:
                container.flags = UV_INHERIT_FD;
                container.data.fd = slot.fd;
                break;
            case ChildStdio::Kind::Pipe:
                container.flags = uv_stdio_flags(UV_CREATE_PIPE | UV_READABLE_PIPE | UV_WRITABLE_PIPE);
                container.data.stream = pipeOf(fd);
                break;
            }
            stdio.push_back(container);
        }
        options.file = command.file.c_str();
        options.args = argv.data();
        options.cwd = command.cwd.empty() ? nullptr : command.cwd.c_str();
        options.stdio = stdio.data();
        options.stdio_count = int(stdio.size());
        options.exit_cb = onExit;
        if (command.detached)
            options.flags |= UV_PROCESS_DETACHED;
    }
};

// Every process descended from `roots` now (a shell's commands, what they started): read
// from /proc, once, when the run ends.
std::vector<int> descendantsOf(const std::vector<int>& roots) {
    std::unordered_multimap<int, int> children;  // parent -> child
    if (DIR* proc = opendir("/proc")) {
        while (dirent* entry = readdir(proc)) {
            const int pid = std::atoi(entry->d_name);
            if (pid <= 0)
                continue;
            std::ifstream stat("/proc/" + std::string(entry->d_name) + "/stat");
            std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
            const std::size_t close = text.rfind(')');
            if (close == std::string::npos)
                continue;
            std::istringstream rest(text.substr(close + 1));
            char state = 0;
            int parent = 0;
            if (rest >> state >> parent)
                children.emplace(parent, pid);
        }
        closedir(proc);
    }
    std::vector<int> found;
    std::vector<int> pending = roots;
    while (!pending.empty()) {
        const int parent = pending.back();
        pending.pop_back();
        const auto [begin, end] = children.equal_range(parent);
        for (auto it = begin; it != end; ++it) {
            found.push_back(it->second);
            pending.push_back(it->second);
        }
    }
    return found;
}

// Kills a child of this process and waits for it: it is gone when this returns.
void killAndReap(uv_process_t& process) {
    if (uv_process_kill(&process, SIGKILL) != 0)
        return;
    int status = 0;
    while (waitpid(process.pid, &status, 0) < 0 && errno == EINTR) {
    }
}

}  // namespace

struct ChildProcesses::Child {
    ChildProcesses* owner = nullptr;
    Id id = 0;
    uv_process_t process{};
    OnExit onExit;
    bool exited = false;
};

ChildProcesses::ChildProcesses(TcpSockets& pipes) : pipes_(pipes) {}

ChildProcesses::~ChildProcesses() { stopAll(); }

std::int64_t ChildProcesses::spawn(const ChildCommand& command, OnExit onExit, int& pid) {
    if (stopped_ || !loop_)
        return UV_ECANCELED;
    SpawnOptions made(command, [this, &command](std::size_t fd) { return pipes_.pipeStream(command.stdio[fd].pipe); },
                      &ChildProcesses::onExit);
    for (const uv_stdio_container_t& container : made.stdio)
        if ((container.flags & UV_CREATE_PIPE) && !container.data.stream)
            return UV_EBADF;
    auto child = std::make_unique<Child>();
    child->owner = this;
    child->id = nextId_;
    child->onExit = std::move(onExit);
    child->process.data = child.get();
    const int status = uv_spawn(loop_, &child->process, &made.options);
    if (status != 0) {
        // libuv made the handle even so: it closes on the loop, so the child outlives it.
        child->exited = true;
        uv_close(handleOf(&child->process), [](uv_handle_t* handle) {
            delete static_cast<Child*>(handle->data);
        });
        child.release();
        return status;
    }
    pid = child->process.pid;
    const Id id = nextId_++;
    children_.emplace(id, std::move(child));
    return std::int64_t(id);
}

void ChildProcesses::onExit(uv_process_t* handle, std::int64_t status, int signal) {
    auto* child = static_cast<Child*>(handle->data);
    ChildProcesses* owner = child->owner;
    child->exited = true;
    OnExit report = std::move(child->onExit);
    uv_close(handleOf(handle), [](uv_handle_t* closed) {
        auto* gone = static_cast<Child*>(closed->data);
        gone->owner->children_.erase(gone->id);
    });
    if (report && !owner->stopped_)
        report(status, signal);
}

int ChildProcesses::kill(Id id, int signal) {
    const auto found = children_.find(id);
    if (found == children_.end() || found->second->exited)
        return UV_ESRCH;
    return uv_process_kill(&found->second->process, signal);
}

void ChildProcesses::setRef(Id id, bool refed) {
    const auto found = children_.find(id);
    if (found == children_.end() || found->second->exited)
        return;
    if (refed)
        uv_ref(handleOf(&found->second->process));
    else
        uv_unref(handleOf(&found->second->process));
}

void ChildProcesses::stopAll() {
    if (stopped_)
        return;
    stopped_ = true;
    // What the children started (the command of exec's shell) goes with them.
    std::vector<int> running;
    for (auto& [id, child] : children_)
        if (!child->exited)
            running.push_back(child->process.pid);
    if (!running.empty())
        for (const int pid : descendantsOf(running))
            ::kill(pid, SIGKILL);
    for (auto& [id, child] : children_) {
        if (child->exited)
            continue;
        child->exited = true;
        killAndReap(child->process);
        uv_close(handleOf(&child->process), [](uv_handle_t* closed) {
            auto* gone = static_cast<Child*>(closed->data);
            gone->owner->children_.erase(gone->id);
        });
    }
}

// ---- spawnSync

namespace {

// One synchronous child on its own loop: done when it has exited and every pipe closed.
// A timer bounds the wait: at the timeout the child gets killSignal; at the run's horizon
// it is killed with SIGKILL and pipes a grandchild still holds are closed.
struct SyncRun {
    uv_loop_t loop{};
    uv_process_t process{};
    uv_timer_t timer{};
    std::vector<std::unique_ptr<uv_pipe_t>> pipes;  // per descriptor, null when not a pipe
    const ChildSyncLimits* limits = nullptr;
    ChildOutcome outcome;
    bool exited = false;
    bool timerClosed = false;
    uv_write_t write{};
    uv_shutdown_t shutdown{};
    std::string input;
    char buffer[64 * 1024];

    static SyncRun& of(void* data) { return *static_cast<SyncRun*>(data); }

    // As Node's SyncProcessRunner::Kill: the child gets `signal`, and what it writes
    // after that is not read.
    void kill(int signal, int error) {
        if (outcome.error == 0)
            outcome.error = error;
        if (!exited)
            uv_process_kill(&process, signal);
        for (auto& pipe : pipes)
            if (pipe)
                closePipe(pipe.get());
    }
    void closePipe(uv_pipe_t* pipe) {
        if (!uv_is_closing(handleOf(pipe)))
            uv_close(handleOf(pipe), [](uv_handle_t* handle) { of(handle->data).finishIfDone(); });
    }
    void finishIfDone() {
        if (!exited || timerClosed)
            return;
        for (auto& pipe : pipes)
            if (pipe && !uv_is_closing(handleOf(pipe.get())))
                return;
        timerClosed = true;
        uv_close(handleOf(&timer), nullptr);
    }
    void armTimer() {
        const Nanoseconds left = std::max<Nanoseconds>(0, limits->deadline - steadyNow());
        const bool timeoutFirst = !exited && limits->timeout && *limits->timeout < left &&
                                  outcome.error != UV_ETIMEDOUT;
        const Nanoseconds wait = timeoutFirst ? *limits->timeout : left;
        uv_timer_start(&timer, timeoutFirst ? &SyncRun::onTimeout : &SyncRun::onHorizon,
                       std::uint64_t(wait / kMillisecond) + 1, 0);
    }
    static void onTimeout(uv_timer_t* timer) {
        SyncRun& self = of(timer->data);
        self.kill(self.limits->killSignal, UV_ETIMEDOUT);
        self.armTimer();  // one who ignores killSignal is killed at the horizon
    }
    static void onHorizon(uv_timer_t* timer) {
        SyncRun& self = of(timer->data);
        if (!self.exited)
            for (const int pid : descendantsOf({self.process.pid}))
                ::kill(pid, SIGKILL);
        self.kill(SIGKILL, UV_ETIMEDOUT);
    }
    static void onExit(uv_process_t* handle, std::int64_t status, int signal) {
        SyncRun& self = of(handle->data);
        self.exited = true;
        if (signal != 0)
            self.outcome.signal = signal;
        else
            self.outcome.status = status;
        uv_close(handleOf(handle), nullptr);
        self.armTimer();
        self.finishIfDone();
    }
    static void onAllocate(uv_handle_t* handle, size_t, uv_buf_t* buf) {
        SyncRun& self = of(handle->data);
        *buf = uv_buf_init(self.buffer, sizeof self.buffer);
    }
    static void onRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
        SyncRun& self = of(stream->data);
        auto* pipe = reinterpret_cast<uv_pipe_t*>(stream);
        if (nread < 0) {
            self.closePipe(pipe);
            return;
        }
        for (std::size_t fd = 0; fd < self.pipes.size(); ++fd) {
            if (self.pipes[fd].get() != pipe)
                continue;
            std::string& kept = *self.outcome.output[fd];
            kept.append(buf->base, std::size_t(nread));
            const auto& most = self.limits->maxBuffer;
            // As Node's SyncProcessRunner: what was read is kept; the child is stopped.
            if (most && kept.size() > *most)
                self.kill(self.limits->killSignal, UV_ENOBUFS);
        }
    }
    // The input, then the end of the child's standard input.
    void feed(uv_pipe_t* pipe) {
        auto* stream = reinterpret_cast<uv_stream_t*>(pipe);
        input = limits->input;
        if (input.empty()) {
            endInput(stream);
            return;
        }
        uv_buf_t buf = uv_buf_init(input.data(), unsigned(input.size()));
        write.data = this;
        if (uv_write(&write, stream, &buf, 1, [](uv_write_t* request, int status) {
                SyncRun& self = of(request->data);
                if (status != 0)
                    self.closePipe(reinterpret_cast<uv_pipe_t*>(request->handle));
                else
                    self.endInput(request->handle);
            }) != 0)
            closePipe(pipe);
    }
    void endInput(uv_stream_t* stream) {
        shutdown.data = this;
        if (uv_shutdown(&shutdown, stream, [](uv_shutdown_t* request, int) {
                of(request->data).closePipe(reinterpret_cast<uv_pipe_t*>(request->handle));
            }) != 0)
            closePipe(reinterpret_cast<uv_pipe_t*>(stream));
    }
};

}  // namespace

ChildOutcome ChildProcesses::runToEnd(const ChildCommand& command, const ChildSyncLimits& limits) {
    auto run = std::make_unique<SyncRun>();
    SyncRun& r = *run;
    r.limits = &limits;
    uv_loop_init(&r.loop);
    r.outcome.output.resize(command.stdio.size());
    r.pipes.resize(command.stdio.size());
    for (std::size_t fd = 0; fd < command.stdio.size(); ++fd) {
        if (command.stdio[fd].kind != ChildStdio::Kind::Pipe)
            continue;
        r.pipes[fd] = std::make_unique<uv_pipe_t>();
        uv_pipe_init(&r.loop, r.pipes[fd].get(), 0);
        r.pipes[fd]->data = &r;
        if (fd != 0)
            r.outcome.output[fd] = std::string();
    }
    SpawnOptions made(command, [&r](std::size_t fd) { return reinterpret_cast<uv_stream_t*>(r.pipes[fd].get()); },
                      &SyncRun::onExit);
    r.process.data = &r;
    uv_timer_init(&r.loop, &r.timer);
    r.timer.data = &r;
    const int status = uv_spawn(&r.loop, &r.process, &made.options);
    if (status != 0) {
        r.outcome.error = status;
        r.exited = true;
        uv_close(handleOf(&r.process), nullptr);
        for (auto& pipe : r.pipes)
            if (pipe)
                r.closePipe(pipe.get());
        r.finishIfDone();
        r.outcome.output.assign(command.stdio.size(), std::nullopt);
    } else {
        r.outcome.pid = r.process.pid;
        r.armTimer();
        for (std::size_t fd = 0; fd < r.pipes.size(); ++fd) {
            uv_pipe_t* pipe = r.pipes[fd].get();
            if (!pipe)
                continue;
            if (fd == 0)
                r.feed(pipe);
            else if (uv_read_start(reinterpret_cast<uv_stream_t*>(pipe), &SyncRun::onAllocate, &SyncRun::onRead) != 0)
                r.closePipe(pipe);
        }
    }
    uv_run(&r.loop, UV_RUN_DEFAULT);
    uv_loop_close(&r.loop);
    return std::move(r.outcome);
}

}  // namespace loopscope
