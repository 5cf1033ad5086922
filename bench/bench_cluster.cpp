// What cluster mode costs and gives, in real engine children (loopscope-engine):
//   - BM_ClusterStart: a run whose main script only logs, on 1, 2 and 4 processes:
//     the price of starting the primary's processes (exec, scenario parse, loop).
//   - BM_ClusterCpuLoad: eight requests of 50 ms CPU each, all at once, on two cores,
//     served by 1, 2 and 4 processes: the span from first send to last answer.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "EngineProcess.h"
#include "RunMeasurements.h"

using namespace loopscope;

namespace {

std::string writeScenario(const std::string& name, const std::string& text) {
    const std::string path = "/tmp/loopscope-bench-" + name + ".yaml";
    std::ofstream(path) << text;
    return path;
}

Trace runChild(const std::string& path, benchmark::State& state) {
    Trace trace;
    EngineOptions options;
    options.executable = LOOPSCOPE_ENGINE_BINARY;
    EngineProcess process(path, options, [&](std::vector<TraceEvent>&& batch) {
        trace.insert(trace.end(), batch.begin(), batch.end());
    });
    process.start();
    if (!process.wait())
        state.SkipWithError(process.error().c_str());
    return trace;
}

void BM_ClusterStart(benchmark::State& state) {
    const std::string processes = std::to_string(state.range(0));
    const std::string path = writeScenario("cluster-start-" + processes,
                                           "loopscope: 1\ntitle: start\nruntime:\n  processes: " + processes +
                                               "\nmain:\n  - log: up\n");
    for (auto _ : state)
        benchmark::DoNotOptimize(runChild(path, state).size());
    std::remove(path.c_str());
}
BENCHMARK(BM_ClusterStart)->Arg(1)->Arg(2)->Arg(4)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(5);

void BM_ClusterCpuLoad(benchmark::State& state) {
    const std::string processes = std::to_string(state.range(0));
    const std::string path = writeScenario("cluster-cpu-" + processes,
                                           "loopscope: 1\ntitle: cpu\nruntime:\n  processes: " + processes +
                                               "\n  cores: 2\nserver:\n  handler:\n    - cpu: 50ms\n"
                                               "    - respond: 200\nload:\n  - at: 0ms\n    requests: 8\n");
    double spanMs = 0;
    int runs = 0;
    for (auto _ : state) {
        const Trace trace = runChild(path, state);
        spanMs += double(measureRequests(requestTimings(trace)).span) / 1e6;
        ++runs;
    }
    std::remove(path.c_str());
    state.counters["span ms"] = runs > 0 ? spanMs / runs : 0;
}
BENCHMARK(BM_ClusterCpuLoad)->Arg(1)->Arg(2)->Arg(4)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(5);

}  // namespace

BENCHMARK_MAIN();
