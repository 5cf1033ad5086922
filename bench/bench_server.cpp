// Requests per second that each engine serves, tracing on, in its engine child:
// 2,000 connections at a time (LOOPSCOPE_CLIENT_CONNECTIONS), each request waiting
// 50 ms on `net`; requests are due at 40,000/s, more than 2,000 connections can carry,
// so the client always has 2,000 open. Server pinned to one core (`cores: 1`); the load
// client (its own process) and the net peer on the other (CpuAffinity.h). One
// connection per request, as the load client always does. Figures: docs/benchmarks.md,
// "Servers".
//
//   build/bin/bench_server --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <string>

#include "EngineProcess.h"
#include "RunMeasurements.h"

using namespace loopscope;

namespace {

constexpr int kRequests = 20000;
constexpr const char* kConnections = "2000";
constexpr const char* kSpacing = "25us";  // 40,000 requests/s offered

std::string scenarioFile() {
    static const std::string path = [] {
        const std::string file = "/tmp/loopscope-bench-server-" + std::to_string(::getpid()) + ".yaml";
        std::ofstream out(file);
        out << "loopscope: 1\n"
               "title: 2,000 connections waiting 50 ms\n"
               "runtime:\n  cores: 1\n  horizon: 60s\n"
               "threads:\n  stack: 256KiB\n  max: 10000\n"
               "server:\n  handler:\n    - net:\n        to: database\n        takes: 50ms\n"
               "        then:\n          - respond: 200\n"
               "load:\n  - at: 0ms\n    requests: "
            << kRequests << "\n    spacing: " << kSpacing << "\n";
        return file;
    }();
    return path;
}

void serve(benchmark::State& state, EngineKind engine) {
    ::setenv("LOOPSCOPE_CLIENT_CONNECTIONS", kConnections, 1);  // inherited by the engine child
    RunMeasurements last;
    double answered = 0, failed = 0, throughput = 0, p50 = 0, p99 = 0;
    for (auto _ : state) {
        Trace trace;
        std::mutex mutex;
        EngineOptions options;
        options.engine = engine;
        options.executable = LOOPSCOPE_ENGINE_BINARY;
        EngineProcess process(scenarioFile(), options, [&](std::vector<TraceEvent>&& batch) {
            std::lock_guard lock(mutex);
            trace.insert(trace.end(), std::make_move_iterator(batch.begin()), std::make_move_iterator(batch.end()));
        });
        process.start();
        if (!process.wait()) {
            state.SkipWithError(process.error().c_str());
            return;
        }
        last = measureRequests(requestTimings(trace));
        state.SetIterationTime(static_cast<double>(last.span) / kSecond);
        answered += last.answered;
        failed += last.failed;
        throughput += last.throughput;
        p50 += static_cast<double>(last.latencyP50) / kMillisecond;
        p99 += static_cast<double>(last.latencyP99) / kMillisecond;
    }
    const double runs = static_cast<double>(state.iterations());
    state.counters["req_per_s"] = throughput / runs;
    state.counters["answered"] = answered / runs;
    state.counters["failed"] = failed / runs;
    state.counters["p50_ms"] = p50 / runs;
    state.counters["p99_ms"] = p99 / runs;
}

}  // namespace

BENCHMARK_CAPTURE(serve, event_loop, EngineKind::EventLoop)
    ->UseManualTime()
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(serve, thread_per_request, EngineKind::ThreadPerRequest)
    ->UseManualTime()
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
