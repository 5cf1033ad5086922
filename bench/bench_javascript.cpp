// Real JavaScript programs on the engine:
//   - BM_JsStartup: a trivial program from process start to exit, as a user runs it
//     (`loopscope-engine run trivial.js`: the runner, its engine child, SpiderMonkey's
//     start-up), wall time and the children's peak RSS; and the same under `node` when
//     one is on PATH, for the ratio.
//   - BM_JsTracing: a promise-heavy and a timer-heavy program in this process, traced
//     (events encoded into the pipe format, written to /dev/null) and untraced (a sink
//     that drops them); the ratio is what tracing costs JavaScript.
//   - BM_HttpHello: one "hello" server file (bench/programs/hello-http.js) run by
//     `loopscope-engine run` (traced, as a user runs it) and by `node`, each driven by the
//     same client - loopscope's LoadClient as a benchmark client (8 keep-alive
//     connections, 5,000 requests due at once) - in this process; requests per second.
#include <benchmark/benchmark.h>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "JavaScriptEngine.h"
#include "LoadClient.h"
#include "PipeTraceSink.h"
#include "ProgramFile.h"

using namespace loopscope;

namespace {

const std::string kPrograms = LOOPSCOPE_SOURCE_DIR "/bench/programs/";

class NullSink final : public TraceSink {
public:
    void record(const TraceEvent&) override {}
};

// In a forked child: becomes `arguments` (found on PATH).
[[noreturn]] void execute(const std::vector<std::string>& arguments) {
    std::vector<char*> argv;
    for (const std::string& argument : arguments)
        argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    execvp(argv[0], argv.data());
    _exit(127);
}

// Runs `argv` to its end; false if it could not or failed.
bool runToEnd(const std::vector<std::string>& arguments) {
    const pid_t child = fork();
    if (child == 0) {
        const int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        dup2(devnull, 2);
        execute(arguments);
    }
    int status = 0;
    waitpid(child, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

double childrenPeakMiB() {
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

void startup(benchmark::State& state, const std::vector<std::string>& command) {
    for (auto _ : state) {
        if (!runToEnd(command)) {
            state.SkipWithError("the program did not run");
            return;
        }
    }
    state.counters["peak_rss_MiB"] = childrenPeakMiB();
}

void BM_JsStartup(benchmark::State& state) {
    startup(state, {LOOPSCOPE_ENGINE_BINARY, "run", kPrograms + "trivial.js"});
}
BENCHMARK(BM_JsStartup)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(20);

void BM_NodeStartup(benchmark::State& state) {
    if (std::system("node --version > /dev/null 2>&1") != 0) {
        state.SkipWithError("no node on PATH");
        return;
    }
    startup(state, {"node", kPrograms + "trivial.js"});
}
BENCHMARK(BM_NodeStartup)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(20);

void runProgram(benchmark::State& state, const char* file, bool traced) {
    const Scenario scenario = programScenario(kPrograms + file);
    const int devnull = open("/dev/null", O_WRONLY);
    for (auto _ : state) {
        JavaScriptEngine engine;
        if (traced) {
            PipeTraceSink sink(devnull);
            engine.run(scenario, sink);
        } else {
            NullSink sink;
            engine.run(scenario, sink);
        }
    }
    close(devnull);
}

void BM_JsTracing(benchmark::State& state) {
    static const char* const programs[] = {"promise-heavy.js", "timer-heavy.js"};
    state.SetLabel(std::string(programs[state.range(0)]) + (state.range(1) ? " traced" : " untraced"));
    runProgram(state, programs[state.range(0)], state.range(1) != 0);
}
BENCHMARK(BM_JsTracing)->ArgsProduct({{0, 1}, {0, 1}})->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// A server program in a process group of its own; its first stdout line is its port.
class ServerProcess {
public:
    explicit ServerProcess(const std::vector<std::string>& arguments) {
        int out[2];
        if (pipe(out) != 0)
            return;
        pid_ = fork();
        if (pid_ == 0) {
            setpgid(0, 0);
            dup2(out[1], 1);
            const int devnull = open("/dev/null", O_WRONLY);
            dup2(devnull, 2);
            close(out[0]);
            execute(arguments);
        }
        close(out[1]);
        std::FILE* lines = fdopen(out[0], "r");
        char line[64] = {};
        if (lines && std::fgets(line, sizeof line, lines))
            port_ = std::uint16_t(std::atoi(line));
        stdout_ = lines;
    }
    ~ServerProcess() {
        if (pid_ > 0) {
            kill(-pid_, SIGTERM);
            int status = 0;
            waitpid(pid_, &status, 0);
        }
        if (stdout_)
            std::fclose(stdout_);
    }
    std::uint16_t port() const { return port_; }

private:
    pid_t pid_ = -1;
    std::uint16_t port_ = 0;
    std::FILE* stdout_ = nullptr;
};

void httpHello(benchmark::State& state, const std::vector<std::string>& command) {
    constexpr int kRequests = 5000;
    const ServerProcess server(command);
    if (server.port() == 0) {
        state.SkipWithError("the server did not start");
        return;
    }
    std::int64_t answered = 0;
    for (auto _ : state) {
        LoadWave wave;
        wave.requests = kRequests;
        LoadClient client(server.port(), {wave}, 1.0, 30 * kSecond);
        client.maxConnections = 8;
        client.start();
        client.wait();
        for (const RequestRecord& record : client.records())
            answered += record.ok() && record.status == 200 ? 1 : 0;
    }
    if (answered != std::int64_t(kRequests) * state.iterations())
        state.SkipWithError("not every request was answered");
    state.counters["requests_per_s"] = benchmark::Counter(double(answered), benchmark::Counter::kIsRate);
}

void BM_HttpHello(benchmark::State& state) {
    if (state.range(0) == 0) {
        state.SetLabel("loopscope-engine run (traced)");
        httpHello(state, {LOOPSCOPE_ENGINE_BINARY, "run", kPrograms + "hello-http.js", "--print-log"});
    } else {
        if (std::system("node --version > /dev/null 2>&1") != 0) {
            state.SkipWithError("no node on PATH");
            return;
        }
        state.SetLabel("node");
        httpHello(state, {"node", kPrograms + "hello-http.js"});
    }
}
BENCHMARK(BM_HttpHello)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
