// Requests per second that each engine serves as a server, in its engine child, measured
// as wrk or autocannon measure a server: a fixed number of keep-alive connections
// (LOOPSCOPE_CLIENT_CONNECTIONS; LoadClient.h), each sending its next request as soon as
// the answer to the last is in. Every request waits 50 ms on `net`, so 2,000 connections
// can carry at most 2,000 / 50 ms = 40,000 requests/s. 100,000 requests per run (the
// format's per-run maximum), all due at once: the client alone decides the pace. Server
// pinned to one core (`cores: 1`); the load client (its own process) and the net peer
// on the other (CpuAffinity.h), with this process, which decodes and keeps the trace.
//
// `traced`: every event goes through the engine child's pipe into a Trace in this
// process, as the GUI receives it. `untraced`: the child drops the engine's own events
// (EngineOptions::traceEngine = false) and sends only the client's view; the ratio of
// the two is what tracing costs. Figures: docs/benchmarks.md, "Servers".
//
//   build/bin/bench_server --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <string>

#include "EngineProcess.h"
#include "ProcessUsage.h"
#include "RunMeasurements.h"
#include "Scenario.h"

using namespace loopscope;

namespace {

constexpr int kRequests = kMaxRequestsPerRun;

std::string scenarioFile() {
    static const std::string path = [] {
        const std::string file = "/tmp/loopscope-bench-server-" + std::to_string(::getpid()) + ".yaml";
        std::ofstream out(file);
        out << "loopscope: 1\n"
               "title: connections waiting 50 ms each\n"
               "runtime:\n  cores: 1\n  horizon: 120s\n"
               "threads:\n  stack: 256KiB\n  max: 10000\n"
               "server:\n  handler:\n    - net:\n        to: database\n        takes: 50ms\n"
               "        then:\n          - respond: 200\n"
               "load:\n  - at: 0ms\n    requests: "
            << kRequests << "\n    spacing: 0ms\n";
        return file;
    }();
    return path;
}

// CPU time of this whole process (every thread), user + system.
Nanoseconds ownCpuTime() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    auto ns = [](const timeval& t) { return Nanoseconds(t.tv_sec) * kSecond + Nanoseconds(t.tv_usec) * kMicrosecond; };
    return ns(usage.ru_utime) + ns(usage.ru_stime);
}

// Args: connections, traced (1) or not (0).
void serve(benchmark::State& state, EngineKind engine) {
    const std::string connections = std::to_string(state.range(0));
    const bool traced = state.range(1) != 0;
    ::setenv("LOOPSCOPE_CLIENT_CONNECTIONS", connections.c_str(), 1);  // inherited by the engine child
    double answered = 0, failed = 0, throughput = 0, p50 = 0, p99 = 0, events = 0, childCpu = 0, viewerCpu = 0, preempted = 0;
    for (auto _ : state) {
        Trace trace;
        std::mutex mutex;
        EngineOptions options;
        options.engine = engine;
        options.executable = LOOPSCOPE_ENGINE_BINARY;
        options.traceEngine = traced;
        EngineProcess process(scenarioFile(), options, [&](std::vector<TraceEvent>&& batch) {
            std::lock_guard lock(mutex);
            trace.insert(trace.end(), std::make_move_iterator(batch.begin()), std::make_move_iterator(batch.end()));
        });
        const Nanoseconds viewerBefore = ownCpuTime();
        process.start();
        const bool completed = process.wait();
        const Nanoseconds viewerSpent = ownCpuTime() - viewerBefore;
        if (!completed) {
            state.SkipWithError(process.error().c_str());
            return;
        }
        const RunMeasurements last = measureRequests(requestTimings(trace));
        state.SetIterationTime(static_cast<double>(last.span) / kSecond);
        answered += last.answered;
        failed += last.failed;
        throughput += last.throughput;
        p50 += static_cast<double>(last.latencyP50) / kMillisecond;
        p99 += static_cast<double>(last.latencyP99) / kMillisecond;
        events += static_cast<double>(trace.size());
        const ProcessTotals totals = processTotalsFromTrace(trace);
        childCpu += static_cast<double>(totals.cpuUser + totals.cpuSystem) / kMicrosecond /
                    std::max(1.0, static_cast<double>(last.answered));
        preempted += static_cast<double>(totals.involuntarySwitches);
        viewerCpu += static_cast<double>(viewerSpent) / kMicrosecond / std::max(1.0, static_cast<double>(last.answered));
    }
    ::unsetenv("LOOPSCOPE_CLIENT_CONNECTIONS");
    const double runs = static_cast<double>(state.iterations());
    state.counters["req_per_s"] = throughput / runs;
    state.counters["answered"] = answered / runs;
    state.counters["failed"] = failed / runs;
    state.counters["p50_ms"] = p50 / runs;
    state.counters["p99_ms"] = p99 / runs;
    state.counters["events"] = events / runs;
    // CPU time of the whole engine child (server, trace pipe, net peer) per answered
    // request: what the run cost, whatever else the machine was doing.
    state.counters["child_cpu_us"] = childCpu / runs;
    // CPU time of this process (reading, decoding and keeping the events, as the GUI
    // would) per answered request: the viewer's share of tracing's cost.
    state.counters["viewer_cpu_us"] = viewerCpu / runs;
    // Involuntary context switches of the engine child per run: how often the OS took
    // the core away from it (other processes on a shared machine).
    state.counters["preempted"] = preempted / runs;
}

void configure(benchmark::internal::Benchmark* benchmark) {
    benchmark->ArgNames({"connections", "traced"})
        ->Args({2000, 1})
        ->Args({2000, 0})
        ->Args({10000, 1})
        ->Args({10000, 0})
        ->UseManualTime()
        ->Iterations(3)
        ->Unit(benchmark::kMillisecond);
}

}  // namespace

BENCHMARK_CAPTURE(serve, event_loop, EngineKind::EventLoop)->Apply(configure);
BENCHMARK_CAPTURE(serve, thread_per_request, EngineKind::ThreadPerRequest)->Apply(configure);

int main(int argc, char** argv) {
    // This process stands for the GUI: it decodes and keeps every event, and belongs with
    // the client on the core the server does not use. The engine child pins itself to
    // `cores: 1` (CPU 0) whatever it inherits.
    if (sysconf(_SC_NPROCESSORS_ONLN) >= 2) {
        cpu_set_t clientSide;
        CPU_ZERO(&clientSide);
        for (long cpu = 1; cpu < sysconf(_SC_NPROCESSORS_ONLN) && cpu < CPU_SETSIZE; ++cpu)
            CPU_SET(cpu, &clientSide);
        sched_setaffinity(0, sizeof clientSide, &clientSide);
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
