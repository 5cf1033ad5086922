// The engine's costs:
//   - BM_PipeThroughput: events/s through the child's path (PipeTraceSink encoding and
//     batching on one thread, a real pipe, TraceDecoder on the reading thread).
//   - BM_ChildEventStream: events/s from a real engine child (loopscope-engine running a
//     scenario of 1,000,000 console lines) into the parent, through EngineProcess.
//   - BM_Timers / BM_PoolJobs: the same 100,000-timer and 100,000-pool-job workloads
//     with tracing on (events encoded into the pipe format and written to /dev/null)
//     and off (a sink that drops them); the ratio is the tracing overhead.
#include <benchmark/benchmark.h>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <thread>

#include "EngineProcess.h"
#include "EventLoopEngine.h"
#include "PipeTraceSink.h"
#include "TraceCodec.h"

using namespace loopscope;

namespace {

class NullSink final : public TraceSink {
public:
    void record(const TraceEvent&) override {}
};

// CPU seconds used by this process and its waited-for children: on a machine shared with
// other work the wall time mostly measures waiting for a core; CPU time does not.
double cpuSeconds() {
    double total = 0;
    for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
        rusage usage{};
        getrusage(who, &usage);
        total += double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                 double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    }
    return total;
}

TraceEvent typicalEvent(std::uint64_t k) {
    TraceEvent event;
    event.ts = std::int64_t(k) * 250;
    event.kind = k % 3 == 0 ? EventKind::Log : EventKind::CallbackBegin;
    event.phase = Phase::Poll;
    event.queue = QueueKind::Poll;
    event.id = k;
    event.cause = k / 2;
    event.step = {int(k % 80), 7};
    event.text = k % 3 == 0 ? "request 17 answered" : "";
    return event;
}

void BM_PipeThroughput(benchmark::State& state) {
    const std::uint64_t events = std::uint64_t(state.range(0));
    const double cpuBefore = cpuSeconds();
    for (auto _ : state) {
        int fds[2];
        if (pipe(fds) != 0)
            state.SkipWithError("pipe");
        std::atomic<std::uint64_t> received{0};
        std::thread reader([&] {
            TraceDecoder decoder;
            std::vector<char> chunk(1 << 16);
            std::vector<TraceEvent> batch;
            ssize_t n;
            while ((n = read(fds[0], chunk.data(), chunk.size())) > 0) {
                batch.clear();
                decoder.feed(chunk.data(), std::size_t(n), batch);
                received += batch.size();
            }
        });
        {
            PipeTraceSink sink(fds[1]);
            for (std::uint64_t k = 0; k < events; ++k)
                sink.record(typicalEvent(k));
        }
        close(fds[1]);
        reader.join();
        close(fds[0]);
        if (received != events)
            state.SkipWithError("events were lost");
    }
    state.counters["events/s"] = benchmark::Counter(double(events) * double(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["events/cpu-s"] = double(events) * double(state.iterations()) / (cpuSeconds() - cpuBefore);
}
BENCHMARK(BM_PipeThroughput)->Arg(2000000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

void BM_ChildEventStream(benchmark::State& state) {
    const char* path = "/tmp/loopscope-bench-child-stream.yaml";
    {
        std::ofstream file(path);
        file << "loopscope: 1\ntitle: many lines\nmain:\n  - repeat:\n      times: 1000000\n      run:\n"
                "        - log: line {i}\n";
    }
    std::uint64_t total = 0;
    const double cpuBefore = cpuSeconds();
    for (auto _ : state) {
        std::uint64_t received = 0;
        EngineOptions options;
        options.executable = LOOPSCOPE_ENGINE_BINARY;
        EngineProcess process(path, options, [&](std::vector<TraceEvent>&& batch) { received += batch.size(); });
        process.start();
        if (!process.wait())
            state.SkipWithError(process.error().c_str());
        total += received;
    }
    const double cpu = cpuSeconds() - cpuBefore;
    std::remove(path);
    state.counters["events/s"] = benchmark::Counter(double(total), benchmark::Counter::kIsRate);
    state.counters["events/cpu-s"] = double(total) / cpu;
}
BENCHMARK(BM_ChildEventStream)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

Scenario repeated(Step step, int times) {
    Scenario scenario;
    Step loop;
    loop.kind = StepKind::Repeat;
    loop.count = times;
    loop.run.push_back(std::move(step));
    scenario.main.push_back(std::move(loop));
    scenario.runtime.horizon = 600 * kSecond;
    return scenario;
}

void runWorkload(benchmark::State& state, const Scenario& scenario) {
    const bool tracing = state.range(0) != 0;
    for (auto _ : state) {
        EventLoopEngine engine;
        if (tracing) {
            const int devNull = open("/dev/null", O_WRONLY | O_CLOEXEC);
            PipeTraceSink sink(devNull);
            engine.run(scenario, sink);
            sink.flush();
            close(devNull);
        } else {
            NullSink sink;
            engine.run(scenario, sink);
        }
    }
    state.SetLabel(tracing ? "tracing on" : "tracing off");
}

void BM_Timers(benchmark::State& state) {
    Step timer;
    timer.kind = StepKind::SetTimeout;
    timer.duration = kMillisecond;
    runWorkload(state, repeated(timer, 100000));
}
BENCHMARK(BM_Timers)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(5);

void BM_PoolJobs(benchmark::State& state) {
    Step read;
    read.kind = StepKind::ReadFile;
    read.duration = 0;
    runWorkload(state, repeated(read, 100000));
}
BENCHMARK(BM_PoolJobs)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(5);

}  // namespace

BENCHMARK_MAIN();
