#include "EngineProcess.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "EngineNames.h"
#include "TraceCodec.h"

extern char** environ;

namespace loopscope {
namespace {

std::string formatScale(double scale) {
    std::ostringstream out;
    out.precision(17);
    out << scale;
    return out.str();
}

}  // namespace

std::vector<std::string> engineChildCommand(const std::string& scenarioPath, const EngineOptions& options) {
    std::vector<std::string> arguments{options.executable, "engine-child", "--engine", engineName(options.engine)};
    if (options.threadpool)
        arguments.insert(arguments.end(), {"--threadpool", std::to_string(*options.threadpool)});
    if (options.cores)
        arguments.insert(arguments.end(), {"--cores", std::to_string(*options.cores)});
    if (options.timeScale)
        arguments.insert(arguments.end(), {"--time-scale", formatScale(*options.timeScale)});
    if (options.processes)
        arguments.insert(arguments.end(), {"--processes", std::to_string(*options.processes)});
    if (options.horizon)
        arguments.insert(arguments.end(), {"--horizon", std::to_string(*options.horizon / 1000) + "us"});
    if (options.eventLimit)
        arguments.insert(arguments.end(), {"--event-limit", std::to_string(*options.eventLimit)});
    for (const std::string& wave : options.loadWaves)
        arguments.insert(arguments.end(), {"--load", wave});
    if (!options.traceEngine)
        arguments.push_back("--untraced");
    arguments.push_back(scenarioPath);
    if (!options.programArguments.empty()) {
        arguments.push_back("--");
        arguments.insert(arguments.end(), options.programArguments.begin(), options.programArguments.end());
    }
    return arguments;
}

struct EngineProcess::Impl {
    std::string scenarioPath;
    EngineOptions options;
    EventSink sink;

    pid_t pid = -1;
    int readFd = -1;
    std::thread reader;
    bool started = false;
    bool ownGroup = false;  // the child leads a process group
    bool waited = false;
    bool completed = false;
    std::atomic<bool> cancelled{false};
    std::string error;

    // Written by the reader thread, read after it was joined.
    bool sawRunEnd = false;
    std::int64_t runEndCode = 0;
    std::string runEndText;
    bool corrupt = false;

    void readEvents() {
        TraceDecoder decoder;
        std::vector<char> chunk(1 << 16);
        std::vector<TraceEvent> batch;
        for (;;) {
            const ssize_t n = ::read(readFd, chunk.data(), chunk.size());
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            if (corrupt)
                continue;  // keep reading so that the child never blocks on a full pipe
            batch.clear();
            if (!decoder.feed(chunk.data(), std::size_t(n), batch))
                corrupt = true;
            for (const TraceEvent& event : batch)
                if (event.kind == EventKind::RunEnd) {
                    sawRunEnd = true;
                    runEndCode = event.value;
                    runEndText = event.text;
                }
            if (!batch.empty() && sink)
                sink(std::move(batch));
            batch = {};
        }
        if (decoder.pendingBytes() > 0)
            corrupt = true;
        ::close(readFd);
        readFd = -1;
    }

    void finish(int status) {
        if (cancelled) {
            error = "cancelled";
        } else if (WIFSIGNALED(status)) {
            error = "the engine stopped: killed by signal " + std::to_string(WTERMSIG(status));
        } else if (corrupt) {
            error = "the engine stopped: its event stream is corrupt";
        } else if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
            error = !runEndText.empty() ? runEndText
                                        : "the engine stopped: exit code " + std::to_string(WEXITSTATUS(status));
        } else if (!sawRunEnd) {
            error = "the engine stopped before the run ended";
        } else if (runEndCode != 0) {
            error = runEndText.empty() ? "the run failed" : runEndText;
        } else {
            completed = true;
        }
    }
};

EngineProcess::EngineProcess(std::string scenarioPath, EngineOptions options, EventSink sink)
    : impl_(std::make_unique<Impl>()) {
    impl_->scenarioPath = std::move(scenarioPath);
    impl_->options = std::move(options);
    impl_->sink = std::move(sink);
}

EngineProcess::~EngineProcess() {
    if (impl_->started && !impl_->waited) {
        cancel();
        wait();
    }
}

void EngineProcess::start() {
    Impl& d = *impl_;
    if (d.started)
        throw std::logic_error("EngineProcess::start called twice");
    std::vector<std::string> arguments = engineChildCommand(d.scenarioPath, d.options);
    std::vector<char*> argv;
    for (std::string& argument : arguments)
        argv.push_back(argument.data());
    argv.push_back(nullptr);

    // The child decides UV_THREADPOOL_SIZE from the scenario (and --threadpool);
    // an inherited value must not get in its way.
    std::vector<std::string> environment;
    for (char** entry = environ; entry && *entry; ++entry)
        if (std::strncmp(*entry, "UV_THREADPOOL_SIZE=", 19) != 0)
            environment.emplace_back(*entry);
    if (d.options.threadpool)
        environment.push_back("UV_THREADPOOL_SIZE=" + std::to_string(*d.options.threadpool));
    std::vector<char*> envp;
    for (std::string& entry : environment)
        envp.push_back(entry.data());
    envp.push_back(nullptr);

    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        throw std::runtime_error(std::string("cannot start the engine: pipe: ") + std::strerror(errno));
    // dup2 onto the same number would keep close-on-exec: make sure it differs from 3.
    if (fds[1] == 3) {
        const int moved = fcntl(fds[1], F_DUPFD_CLOEXEC, 10);
        ::close(fds[1]);
        fds[1] = moved;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (d.options.standardInput < 0)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    else if (d.options.standardInput > 0)
        posix_spawn_file_actions_adddup2(&actions, d.options.standardInput, 0);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 3);
    // A run that does not read the terminal is a process group of its own, so that
    // cancelling it kills what its program started too (child_process's children stay in
    // their run's group). One that reads the terminal stays in the terminal's foreground
    // group, where Ctrl-C reaches them all.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    d.ownGroup = d.options.standardInput < 0;
    if (d.ownGroup) {
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
        posix_spawnattr_setpgroup(&attributes, 0);
    }
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, d.options.executable.c_str(), &actions, &attributes, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    ::close(fds[1]);
    if (rc != 0) {
        ::close(fds[0]);
        throw std::runtime_error("cannot start the engine '" + d.options.executable + "': " + std::strerror(rc));
    }
    d.pid = pid;
    d.readFd = fds[0];
    d.started = true;
    d.reader = std::thread([&d] { d.readEvents(); });
}

void EngineProcess::cancel() {
    Impl& d = *impl_;
    if (!d.started || d.waited)
        return;
    d.cancelled = true;
    if (d.ownGroup)
        ::kill(-d.pid, SIGKILL);
    ::kill(d.pid, SIGKILL);
}

bool EngineProcess::wait() {
    Impl& d = *impl_;
    if (!d.started)
        return false;
    if (d.waited)
        return d.completed;
    d.reader.join();
    int status = 0;
    while (waitpid(d.pid, &status, 0) < 0 && errno == EINTR) {
    }
    d.waited = true;
    d.finish(status);
    return d.completed;
}

const std::string& EngineProcess::error() const { return impl_->error; }

int EngineProcess::childPid() const { return impl_->pid; }

CollectedRun runToTrace(const std::string& scenarioPath, EngineOptions options,
                        const std::function<void(int childPid)>& onStarted) {
    CollectedRun run;
    std::mutex mutex;
    EngineProcess process(scenarioPath, std::move(options), [&](std::vector<TraceEvent>&& batch) {
        std::lock_guard lock(mutex);
        run.trace.insert(run.trace.end(), std::make_move_iterator(batch.begin()), std::make_move_iterator(batch.end()));
    });
    process.start();
    if (onStarted)
        onStarted(process.childPid());
    run.ok = process.wait();
    if (!run.ok)
        run.error = process.error();
    return run;
}

}  // namespace loopscope
