// `loopscope engine-child --engine NAME [--threadpool N] [--cores N] [--time-scale X] [--processes N]
//  [--horizon TIME] [--event-limit N] [--load N@TIME[/SPACING]]... [--untraced] FILE [-- PROGRAM-ARGUMENT...]`:
// the child side of EngineProcess. Reads the scenario, applies the overrides, runs the
// engine and streams its events to fd 3 (PipeTraceSink). Exit codes: 0 the run
// completed, 1 bad arguments or scenario, 2 the run failed.
//
// With `--cluster-process K --cluster-origin NS` it is process K of a cluster run
// (ClusterEngine.h): its primary hands it connections on fd 4. With `--cluster-worker ID
// --cluster-origin NS` it is worker ID a JavaScript program forked (ClusterForks.h): fd 4
// as well, and its primary's messages on fd 5; with `--forked-child ID --cluster-origin NS`
// it is a child a program forked with child_process.fork(), on the same descriptors.
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

#include "ClusterEngine.h"
#include "CpuAffinity.h"
#include "EngineChild.h"
#include "EngineNames.h"
#include "EngineProcess.h"
#include "EventLoopEngine.h"
#include "JavaScriptEngine.h"
#include "LoadClient.h"
#include "PipeTraceSink.h"
#include "ProcessTotalsSink.h"
#include "RuntimeLimits.h"
#include "ThreadPerRequestEngine.h"
#include "UntracedSink.h"
#include "RunOverrides.h"
#include "ScenarioParser.h"

namespace loopscope {
namespace {

constexpr int kEventFd = 3;
constexpr int kClusterChannelFd = 4;
constexpr int kClusterMessageFd = 5;
// A program forks workers 1, 2, ... (restarted ones get new ids, as in Node).
constexpr int kMaxClusterWorkerId = 1 << 20;

struct ChildArguments {
    EngineKind engine = EngineKind::EventLoop;
    std::optional<int> threadpool;
    std::optional<int> cores;
    std::optional<double> timeScale;
    bool untraced = false;
    std::optional<int> processes;
    std::optional<Nanoseconds> horizon;
    std::optional<int> eventLimit;
    std::vector<LoadWave> load;
    std::optional<int> clusterProcess;      // 0-based process index
    std::optional<int> clusterWorker;       // a forked program's worker id, from 1
    bool forkedChild = false;               // the worker is a child_process.fork() child
    std::optional<Nanoseconds> clusterOrigin;
    std::string file;
    std::vector<std::string> programArguments;  // after `--`
};

std::optional<int> parseInt(const char* text, int low, int high) {
    char* end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (end == text || *end != '\0' || value < low || value > high)
        return std::nullopt;
    return int(value);
}

// Returns an error message, or "" when the arguments are good.
std::string parseArguments(int argc, char** argv, ChildArguments& out) {
    for (int at = 2; at < argc; ++at) {
        const std::string argument = argv[at];
        auto value = [&]() -> const char* { return at + 1 < argc ? argv[++at] : nullptr; };
        if (argument == "--") {
            out.programArguments.assign(argv + at + 1, argv + argc);
            break;
        }
        if (argument == "--engine") {
            const char* name = value();
            if (!name)
                return "--engine needs a name";
            const std::optional<EngineKind> engine = engineNamed(name);
            if (!engine)
                return "unknown engine '" + std::string(name) + "'";
            out.engine = *engine;
        } else if (argument == "--threadpool" || argument == "--cores") {
            const char* text = value();
            const IntRange range = argument == "--threadpool" ? kThreadpoolRange : kCoresRange;
            std::optional<int> number = text ? parseInt(text, range.min, range.max) : std::nullopt;
            if (!number)
                return argument + " must be a number from " + std::to_string(range.min) + " to " + std::to_string(range.max);
            (argument == "--threadpool" ? out.threadpool : out.cores) = number;
        } else if (argument == "--processes") {
            const char* text = value();
            out.processes = text ? parseInt(text, kProcessesRange.min, kProcessesRange.max) : std::nullopt;
            if (!out.processes)
                return "--processes must be a number from " + std::to_string(kProcessesRange.min) + " to " +
                       std::to_string(kProcessesRange.max);
        } else if (argument == kClusterProcessOption) {
            const char* text = value();
            const int lastProcess = kProcessesRange.max - 1;
            std::optional<int> number = text ? parseInt(text, 0, lastProcess) : std::nullopt;
            if (!number)
                return "--cluster-process must be a number from 0 to " + std::to_string(lastProcess);
            out.clusterProcess = number;
        } else if (argument == kClusterWorkerOption) {
            const char* text = value();
            out.clusterWorker = text ? parseInt(text, 1, kMaxClusterWorkerId) : std::nullopt;
            if (!out.clusterWorker)
                return "--cluster-worker must be a number from 1 to " + std::to_string(kMaxClusterWorkerId);
        } else if (argument == kForkedChildOption) {
            const char* text = value();
            out.clusterWorker = text ? parseInt(text, 1, kMaxClusterWorkerId) : std::nullopt;
            out.forkedChild = true;
            if (!out.clusterWorker)
                return std::string(kForkedChildOption) + " must be a number from 1 to " +
                       std::to_string(kMaxClusterWorkerId);
        } else if (argument == "--cluster-origin") {
            const char* text = value();
            char* end = nullptr;
            const long long origin = text ? std::strtoll(text, &end, 10) : -1;
            if (!text || end == text || *end != '\0' || origin < 0)
                return "--cluster-origin must be a clock reading in nanoseconds";
            out.clusterOrigin = Nanoseconds(origin);
        } else if (argument == "--time-scale") {
            const char* text = value();
            char* end = nullptr;
            const double scale = text ? std::strtod(text, &end) : 0;
            if (!text || end == text || *end != '\0' || !(scale > 0 && scale <= kMaxTimeScale))
                return "--time-scale must be a number above 0 and at most " + std::to_string(int(kMaxTimeScale));
            out.timeScale = scale;
        } else if (argument == "--horizon") {
            const char* text = value();
            std::string error = "--horizon needs a time";
            out.horizon = text ? parseHorizonText(text, error) : std::nullopt;
            if (!out.horizon)
                return error;
        } else if (argument == "--event-limit") {
            const char* text = value();
            out.eventLimit = text ? parseInt(text, 1, int(kMaxRunEvents)) : std::nullopt;
            if (!out.eventLimit)
                return "--event-limit must be a number from 1 to " + std::to_string(kMaxRunEvents);
        } else if (argument == "--load") {
            const char* text = value();
            std::string error = "--load needs N@TIME";
            const std::optional<LoadWave> wave = text ? parseLoadWaveText(text, error) : std::nullopt;
            if (!wave)
                return error;
            out.load.push_back(*wave);
        } else if (argument == "--untraced") {
            out.untraced = true;
        } else if (!argument.empty() && argument[0] == '-') {
            return "unknown option '" + argument + "'";
        } else if (out.file.empty()) {
            out.file = argument;
        } else {
            return "only one scenario file can be run";
        }
    }
    if (out.file.empty())
        return "no scenario file given";
    if (out.clusterProcess && out.clusterWorker)
        return "--cluster-process and --cluster-worker are different roles";
    if ((out.clusterProcess.has_value() || out.clusterWorker.has_value()) != out.clusterOrigin.has_value())
        return "--cluster-process or --cluster-worker and --cluster-origin go together";
    if (out.clusterProcess && out.engine != EngineKind::EventLoop)
        return "only the event-loop engine runs as a cluster";
    return {};
}

void reportEnd(TraceSink& sink, int code, const std::string& why) {
    TraceEvent end;
    end.kind = EventKind::RunEnd;
    end.value = code;
    end.text = why;
    sink.record(end);
    sink.flush();
}

// What a cluster's processes run: loopscope-engine beside this executable when it is
// there (it has no Qt to load, so a process starts in milliseconds), else this one.
std::string clusterProcessExecutable() {
    char self[4096];
    const ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
    if (length > 0) {
        std::string path(self, std::size_t(length));
        const std::size_t slash = path.rfind('/');
        const std::string sibling = path.substr(0, slash + 1) + "loopscope-engine";
        if (access(sibling.c_str(), X_OK) == 0)
            return sibling;
    }
    return "/proc/self/exe";
}

// The one place that maps an engine kind to its implementation.
std::unique_ptr<Engine> makeEngine(const ChildArguments& arguments, const Scenario& scenario) {
    switch (arguments.engine) {
    case EngineKind::EventLoop:
        if (!scenario.program.empty()) {
            if (arguments.clusterWorker) {
                ClusterProcessRole worker{*arguments.clusterWorker, 0, kClusterChannelFd, *arguments.clusterOrigin,
                                          kClusterMessageFd, arguments.forkedChild};
                return std::make_unique<JavaScriptEngine>(std::nullopt, worker);
            }
            // A worker is started as this process was, without the load (its primary sends it).
            EngineOptions options;
            options.engine = EngineKind::EventLoop;
            options.executable = clusterProcessExecutable();
            options.threadpool = scenario.runtime.threadpool;
            options.cores = scenario.runtime.cores;
            options.timeScale = scenario.runtime.timeScale;
            options.horizon = scenario.runtime.horizon;
            options.traceEngine = !arguments.untraced;
            options.programArguments = arguments.programArguments;
            return std::make_unique<JavaScriptEngine>(ForkCommand{options.executable, arguments.file, options});
        }
        if (arguments.clusterProcess)
            return std::make_unique<EventLoopEngine>(ClusterProcessRole{
                *arguments.clusterProcess, scenario.runtime.processes, kClusterChannelFd, *arguments.clusterOrigin});
        if (scenario.runtime.processes > 1)
            return std::make_unique<ClusterEngine>(arguments.file, clusterProcessExecutable());
        return std::make_unique<EventLoopEngine>();
    case EngineKind::ThreadPerRequest:
        return std::make_unique<ThreadPerRequestEngine>();
    case EngineKind::Model:
        return nullptr;
    }
    return nullptr;
}

}  // namespace

int engineChildMain(int argc, char** argv) {
    // The run must not outlive the program that asked for it.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    // The load client's own process (LoadClient.h), started by a run of this executable.
    if (argc > 2 && std::string(argv[2]) == "--load-client")
        return loadClientHelperMain(argc, argv);
    LoadClient::runInHelperProcess("/proc/self/exe");
    if (fcntl(kEventFd, F_GETFD) == -1) {
        std::fprintf(stderr, "loopscope engine-child: fd %d (the event pipe) is not open; "
                             "this command is started by loopscope itself\n", kEventFd);
        return 1;
    }
    // What the program starts (child_process) must not hold the event pipe, nor a
    // cluster's channels: the run's end is when they close.
    for (const int fd : {kEventFd, kClusterChannelFd, kClusterMessageFd})
        if (const int flags = fcntl(fd, F_GETFD); flags != -1)
            fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
    ChildArguments arguments;
    const std::string argumentError = parseArguments(argc, argv, arguments);
    if (!argumentError.empty()) {
        PipeTraceSink sink(kEventFd);
        reportEnd(sink, 1, "engine-child: " + argumentError);
        std::fprintf(stderr, "loopscope engine-child: %s\n", argumentError.c_str());
        return 1;
    }

    ParseResult parsed = parseScenarioFile(arguments.file);
    if (!parsed.ok()) {
        std::string why;
        for (const Diagnostic& diagnostic : parsed.diagnostics)
            why += (why.empty() ? "" : "\n") + diagnostic.format();
        PipeTraceSink sink(kEventFd);
        reportEnd(sink, 1, why.empty() ? "the scenario cannot be read" : why);
        return 1;
    }
    Scenario scenario = std::move(*parsed.scenario);
    if (arguments.threadpool)
        scenario.runtime.threadpool = *arguments.threadpool;
    if (arguments.cores)
        scenario.runtime.cores = *arguments.cores;
    if (arguments.timeScale)
        scenario.runtime.timeScale = *arguments.timeScale;
    if (arguments.processes)
        scenario.runtime.processes = *arguments.processes;
    if (arguments.horizon)
        scenario.runtime.horizon = *arguments.horizon;
    if (arguments.eventLimit)
        scenario.runtime.eventLimit = *arguments.eventLimit;
    scenario.load.insert(scenario.load.end(), arguments.load.begin(), arguments.load.end());
    scenario.programArguments = arguments.programArguments;
    // Before the first use of the pool, which is when libuv reads it.
    setenv("UV_THREADPOOL_SIZE", std::to_string(scenario.runtime.threadpool).c_str(), 1);
    // Before any thread exists, so that every thread of the run inherits it.
    pinToCores(scenario.runtime.cores);

    PipeTraceSink sink(kEventFd);
    if (arguments.clusterProcess || arguments.clusterWorker) {
        // Its primary made the pipe; PipeTraceSink writes to a blocking one.
        const int flags = fcntl(kEventFd, F_GETFL);
        if (flags != -1)
            fcntl(kEventFd, F_SETFL, flags & ~O_NONBLOCK);
        // A channel the primary has closed (its horizon came first) is an error to
        // handle, not a signal that ends the process; Node ignores SIGPIPE too.
        signal(SIGPIPE, SIG_IGN);
    }
    std::unique_ptr<Engine> engine = makeEngine(arguments, scenario);
    if (!engine) {
        reportEnd(sink, 2, "this engine is not built in yet");
        return 2;
    }
    ProcessTotalsSink measured(sink);  // adds what the OS says the run cost
    UntracedSink untraced(measured);
    TraceSink& engineSink = arguments.untraced ? static_cast<TraceSink&>(untraced) : measured;
    EngineResult result;
    try {
        result = engine->run(scenario, engineSink);
    } catch (const std::exception& error) {
        // What failed before the run could begin (a service's port in use, ...).
        reportEnd(sink, 2, error.what());
        return 2;
    }
    sink.flush();
    return result.ok ? 0 : 2;
}

}  // namespace loopscope
