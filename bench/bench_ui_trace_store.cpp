// The window's trace store with a big run: how long a 10,000,000-event run takes to be
// taken in (packed, indexed, turned into spans) and how many bytes per event the store
// keeps (the process's resident memory with the run taken in, minus before the store
// existed). The run is the synthetic busy server of the tests (main thread, four pool
// workers, kernel I/O, a console line per request), fed in batches as the engine's pipe
// reader does. Targets: under 2 s for 10M events, at most 32 bytes per event.
// Memory is measured in a process of its own (memory freed by an earlier benchmark would be
// reused and not show):
//   build/bin/bench_ui_trace_store --benchmark_filter='Only|BM_StoreTakesInRun'
//   build/bin/bench_ui_trace_store --benchmark_filter='BM_StoreBytesPerEvent/10000000/'
#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <fstream>
#include <memory>
#include <string>

#include "TraceStore.h"
#include "../tests/support/SyntheticTrace.h"

using namespace loopscope;

namespace {

constexpr std::size_t kBatch = 4096;  // events per batch, about what the pipe reader hands over

double residentBytes() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stod(line.substr(6)) * 1024.0;
    return 0;
}

const Trace& run(std::size_t events) {
    static Trace trace;
    if (trace.size() < events)
        trace = testing::busyServer(events);
    return trace;
}

// Feeds `trace` into `store` batch by batch; only the store's work is timed.
void feed(benchmark::State& state, const Trace& trace, TraceStore& store) {
    for (std::size_t at = 0; at < trace.size(); at += kBatch) {
        state.PauseTiming();
        std::vector<TraceEvent> batch(trace.begin() + std::ptrdiff_t(at),
                                      trace.begin() + std::ptrdiff_t(std::min(trace.size(), at + kBatch)));
        state.ResumeTiming();
        store.append(std::move(batch));
        store.drain();
    }
}

void BM_StoreTakesInRun(benchmark::State& state) {
    const Trace& trace = run(std::size_t(state.range(0)));
    for (auto _ : state) {
        auto store = std::make_unique<TraceStore>(EngineKind::EventLoop);
        feed(state, trace, *store);
        benchmark::DoNotOptimize(store->spans().spanCount());
        state.PauseTiming();
        store.reset();  // freeing the run is not part of taking it in
        state.ResumeTiming();
    }
    state.counters["events"] = double(trace.size());
    state.SetItemsProcessed(state.iterations() * std::int64_t(trace.size()));
}

void BM_StoreBytesPerEvent(benchmark::State& state) {
    const Trace& trace = run(std::size_t(state.range(0)));
    for (auto _ : state) {
        const double before = residentBytes();
        auto store = std::make_unique<TraceStore>(EngineKind::EventLoop);
        feed(state, trace, *store);
        const double after = residentBytes();
        state.counters["bytes_per_event"] = (after - before) / double(trace.size());
        state.counters["packed_bytes_per_event"] = double(store->trace().memoryBytes()) / double(trace.size());
        state.counters["spans_per_event"] = double(store->spans().spanCount()) / double(trace.size());
        state.counters["checkpoints"] = double(store->index().checkpointCount());
        state.PauseTiming();
        store.reset();
        state.ResumeTiming();
    }
    state.counters["events"] = double(trace.size());
}

// The store's three parts on their own, over the same events (no batches, no store).
void BM_PackOnly(benchmark::State& state) {
    const Trace& trace = run(std::size_t(state.range(0)));
    for (auto _ : state) {
        PackedTrace packed;
        for (const TraceEvent& event : trace)
            packed.append(event);
        benchmark::DoNotOptimize(packed.size());
    }
    state.SetItemsProcessed(state.iterations() * std::int64_t(trace.size()));
}

void BM_SpansOnly(benchmark::State& state) {
    const Trace& trace = run(std::size_t(state.range(0)));
    for (auto _ : state) {
        SpanSet spans;
        for (const TraceEvent& event : trace)
            spans.add(event);
        benchmark::DoNotOptimize(spans.spanCount());
    }
    state.SetItemsProcessed(state.iterations() * std::int64_t(trace.size()));
}

void BM_IndexOnly(benchmark::State& state) {
    const Trace& trace = run(std::size_t(state.range(0)));
    for (auto _ : state) {
        LoopStateIndex index;
        index.add(trace);
        benchmark::DoNotOptimize(index.indexedEvents());
    }
    state.SetItemsProcessed(state.iterations() * std::int64_t(trace.size()));
}

BENCHMARK(BM_PackOnly)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_SpansOnly)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_IndexOnly)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_StoreTakesInRun)->Arg(1000000)->Arg(10000000)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_StoreBytesPerEvent)->Arg(1000000)->Arg(10000000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
