// Chrome trace export of a synthetic run: loop iterations with phases, timer and I/O
// callbacks caused by earlier events, console lines, pool work on 4 workers, overlapping
// kernel I/O and counters, in the proportions of a busy server run.
#include <benchmark/benchmark.h>

#include <string>

#include "ChromeTraceExporter.h"

namespace {

using namespace loopscope;

Trace syntheticTrace(std::size_t size) {
    Trace trace;
    trace.reserve(size + 16);
    Nanoseconds now = 0;
    std::uint64_t nextId = 1;
    const auto add = [&](EventKind kind, Lane lane = {}) -> TraceEvent& {
        TraceEvent& event = trace.emplace_back();
        event.ts = now;
        event.kind = kind;
        event.lane = lane;
        now += 731;
        return event;
    };
    for (std::int64_t iteration = 1; trace.size() < size; ++iteration) {
        add(EventKind::LoopIteration).value = iteration;
        add(EventKind::PhaseEnter).phase = Phase::Timers;
        TraceEvent& timer = add(EventKind::CallbackBegin);
        timer.queue = QueueKind::Timers;
        timer.id = nextId++;
        timer.cause = timer.id > 8 ? timer.id - 8 : 0;
        timer.step = {12, 9};
        TraceEvent& log = add(EventKind::Log);
        log.text = "request " + std::to_string(iteration) + " handled";
        log.step = {14, 11};
        add(EventKind::CallbackEnd).id = timer.id;
        add(EventKind::PhaseLeave).phase = Phase::Timers;

        const std::uint64_t job = nextId++;
        add(EventKind::Enqueue).id = job;
        add(EventKind::WorkBegin, Lane{LaneKind::PoolWorker, 0, std::uint32_t(iteration % 4)}).id = job;
        const std::uint64_t io = nextId++;
        TraceEvent& ioBegin = add(EventKind::IoBegin, Lane{LaneKind::Kernel, 0, 0});
        ioBegin.id = io;
        ioBegin.text = "database";
        add(EventKind::WorkEnd, Lane{LaneKind::PoolWorker, 0, std::uint32_t(iteration % 4)}).id = job;
        if (io > 6)
            add(EventKind::IoEnd, Lane{LaneKind::Kernel, 0, 0}).id = io - 6;  // a few stay in flight

        add(EventKind::PhaseEnter).phase = Phase::Poll;
        TraceEvent& read = add(EventKind::CallbackBegin);
        read.queue = QueueKind::Poll;
        read.id = nextId++;
        read.cause = job;
        add(EventKind::CallbackEnd).id = read.id;
        add(EventKind::PhaseLeave).phase = Phase::Poll;
        TraceEvent& counter = add(EventKind::Counter);
        counter.text = "pool queue";
        counter.value = iteration % 7;
    }
    trace.resize(size);
    return trace;
}

void BM_ChromeTraceJson(benchmark::State& state) {
    const Trace trace = syntheticTrace(std::size_t(state.range(0)));
    std::size_t bytes = 0;
    for (auto _ : state) {
        std::string json = chromeTraceJson(trace, "synthetic");
        bytes = json.size();
        benchmark::DoNotOptimize(json.data());
    }
    state.counters["MB"] = double(bytes) / 1e6;
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ChromeTraceJson)->Arg(1000000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
