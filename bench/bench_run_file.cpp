// The .lsrun run file: encoding and decoding a realistic 10,000,000-event run (loop
// iterations with their phases, timer and I/O callbacks caused by earlier ones, console
// lines and counters from a small vocabulary, pool work on 4 workers, kernel I/O, times
// that jitter as real ones do), whole and event by event, with the file's bytes per event;
// and the bytes per event of real runs: those in tests/data/runs and bigger ones recorded here.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <sys/mman.h>
#include <random>
#include <string>

#include "EngineProcess.h"
#include "RunFile.h"

namespace {

using namespace loopscope;

constexpr std::size_t kEvents = 10'000'000;

Trace realisticTrace(std::size_t size) {
    const char* const logs[] = {"request handled", "cache miss", "cache hit", "retrying", "user 42 logged in",
                                "GET /api/items 200", "GET /api/items/7 404", "POST /api/orders 201",
                                "slow query (12 ms)", "connection closed"};
    const char* const counters[] = {"pool queue", "open sockets", "heap used"};
    std::mt19937_64 random(2026);
    Trace trace;
    trace.reserve(size + 32);
    Nanoseconds now = 0;
    std::uint64_t nextId = 1;
    const auto add = [&](EventKind kind, Lane lane = {}) -> TraceEvent& {
        TraceEvent& event = trace.emplace_back();
        event.ts = now;
        event.kind = kind;
        event.lane = lane;
        now += 200 + Nanoseconds(random() % 3000);
        return event;
    };
    for (std::int64_t iteration = 1; trace.size() < size; ++iteration) {
        add(EventKind::LoopIteration).value = iteration;
        add(EventKind::PhaseEnter).phase = Phase::Timers;
        TraceEvent& timer = add(EventKind::CallbackBegin);
        timer.phase = Phase::Timers;
        timer.queue = QueueKind::Timers;
        timer.id = nextId++;
        timer.cause = timer.id > 8 ? timer.id - 1 - random() % 8 : 0;
        timer.step = {12, 9};
        TraceEvent& log = add(EventKind::Log);
        log.text = logs[random() % 10];
        log.step = {14, 11};
        add(EventKind::CallbackEnd).id = timer.id;
        add(EventKind::PhaseLeave).phase = Phase::Timers;

        const std::uint64_t job = nextId++;
        const Lane worker{LaneKind::PoolWorker, 0, std::uint32_t(random() % 4)};
        TraceEvent& enqueue = add(EventKind::Enqueue);
        enqueue.queue = QueueKind::PoolFifo;
        enqueue.id = job;
        enqueue.text = "fs.readFile";
        add(EventKind::WorkBegin, worker).id = job;
        const std::uint64_t io = nextId++;
        TraceEvent& ioBegin = add(EventKind::IoBegin, Lane{LaneKind::Kernel, 0, 0});
        ioBegin.id = io;
        ioBegin.text = "database";
        add(EventKind::WorkEnd, worker).id = job;
        if (io > 6)
            add(EventKind::IoEnd, Lane{LaneKind::Kernel, 0, 0}).id = io - 6;

        add(EventKind::PhaseEnter).phase = Phase::Poll;
        TraceEvent& read = add(EventKind::CallbackBegin);
        read.phase = Phase::Poll;
        read.queue = QueueKind::Poll;
        read.id = nextId++;
        read.cause = job;
        read.step = {20, 5};
        add(EventKind::CallbackEnd).id = read.id;
        add(EventKind::PhaseLeave).phase = Phase::Poll;
        TraceEvent& counter = add(EventKind::Counter);
        counter.text = counters[random() % 3];
        counter.value = std::int64_t(random() % 100000);
    }
    trace.resize(size);
    return trace;
}

RunDocument realisticDocument() {
    RunDocument document;
    document.origin = RunOrigin{"loopscope 0.1.0", "2026-12-07T18:04:05Z", "Linux 6.1.0 x86_64", 2};
    document.title = "busy server";
    document.sources = {{"server.yaml", "title: busy server\n"}};
    RecordedRun run;
    run.trace = realisticTrace(kEvents);
    document.runs = {std::move(run)};
    return document;
}

const RunDocument& sharedDocument() {
    static const RunDocument document = realisticDocument();
    return document;
}

const std::string& sharedBytes() {
    static const std::string bytes = encodeRunFile(sharedDocument());
    return bytes;
}

void encode(benchmark::State& state) {
    const RunDocument& document = sharedDocument();
    std::size_t size = 0;
    for (auto _ : state) {
        const std::string bytes = encodeRunFile(document);
        size = bytes.size();
        benchmark::DoNotOptimize(bytes.data());
    }
    state.counters["bytes_per_event"] = double(size) / double(kEvents);
    state.counters["events_per_s"] = benchmark::Counter(double(kEvents), benchmark::Counter::kIsIterationInvariantRate);
}

void decodeWhole(benchmark::State& state) {
    const std::string& bytes = sharedBytes();
    for (auto _ : state) {
        RunFileResult result = decodeRunFile(bytes, "bench.lsrun");
        if (!result.document || result.document->runs[0].trace.size() != kEvents)
            state.SkipWithError(result.error.c_str());
        benchmark::DoNotOptimize(result.document);
    }
    state.counters["bytes_per_event"] = double(bytes.size()) / double(kEvents);
    state.counters["events_per_s"] = benchmark::Counter(double(kEvents), benchmark::Counter::kIsIterationInvariantRate);
}

class CountingEvents : public RunFileEvents {
public:
    void beginRun(const RecordedRun&) override {}
    void event(const TraceEvent& event) override { sum += std::uint64_t(event.ts) + event.text.size(); }
    std::uint64_t sum = 0;
};

void decodeStreaming(benchmark::State& state) {
    const std::string& bytes = sharedBytes();
    for (auto _ : state) {
        CountingEvents events;
        const RunFileResult result = decodeRunFile(bytes, "bench.lsrun", events);
        if (!result.document)
            state.SkipWithError(result.error.c_str());
        benchmark::DoNotOptimize(events.sum);
    }
    state.counters["events_per_s"] = benchmark::Counter(double(kEvents), benchmark::Counter::kIsIterationInvariantRate);
}

// What the whole read cannot do without: 10,000,000 events (88 bytes each) put into a
// fresh Trace, without any decoding. Most of it is the kernel handing out fresh pages.
void fillTraceOnly(benchmark::State& state) {
    const Trace& source = sharedDocument().runs[0].trace;
    for (auto _ : state) {
        Trace trace;
        trace.reserve(source.size());
        // As the whole read does (RunFile.cpp, adviseHugePages).
        const std::uintptr_t start = (std::uintptr_t(trace.data()) + (2 << 20) - 1) & ~std::uintptr_t((2 << 20) - 1);
        ::madvise(reinterpret_cast<void*>(start), source.size() * sizeof(TraceEvent) - (2 << 20), MADV_HUGEPAGE);
        for (const TraceEvent& event : source)
            trace.push_back(event);
        benchmark::DoNotOptimize(trace.data());
    }
    state.counters["events_per_s"] = benchmark::Counter(double(kEvents), benchmark::Counter::kIsIterationInvariantRate);
}

// The real runs' traces alone (without their sources and metadata): encoded once with and
// once without the trace, the difference is what the events cost.
void realRunsBytesPerEvent(benchmark::State& state) {
    double traceBytes = 0;
    double events = 0;
    for (auto _ : state) {
        traceBytes = 0;
        events = 0;
        for (const auto& entry : std::filesystem::directory_iterator(LOOPSCOPE_SOURCE_DIR "/tests/data/runs")) {
            if (entry.path().extension() != kRunFileSuffix)
                continue;
            RunFileResult result = readRunFile(entry.path().string());
            if (!result.document) {
                state.SkipWithError(result.error.c_str());
                return;
            }
            const double whole = double(encodeRunFile(*result.document).size());
            for (RecordedRun& run : result.document->runs) {
                events += double(run.trace.size());
                run.trace.clear();
            }
            traceBytes += whole - double(encodeRunFile(*result.document).size());
        }
    }
    state.counters["events"] = events;
    state.counters["trace_bytes_per_event"] = traceBytes / events;
}

// Bigger real runs, recorded here from the engine: the benchmark programs and the
// 10,000-wait scenario. Reports the trace's bytes per event (without sources and metadata)
// and how long the run's file takes to decode.
void realRun(benchmark::State& state, const std::string& source) {
    EngineOptions options;
    options.executable = LOOPSCOPE_ENGINE_BINARY;
    CollectedRun run = runToTrace(source, options);
    if (!run.ok) {
        state.SkipWithError(run.error.c_str());
        return;
    }
    RunDocument document;
    document.runs.resize(1);
    const double withoutTrace = double(encodeRunFile(document).size());
    document.runs[0].trace = std::move(run.trace);
    const std::string bytes = encodeRunFile(document);
    for (auto _ : state) {
        RunFileResult result = decodeRunFile(bytes, "real.lsrun");
        benchmark::DoNotOptimize(result.document);
    }
    const double events = double(document.runs[0].trace.size());
    state.counters["events"] = events;
    state.counters["trace_bytes_per_event"] = (double(bytes.size()) - withoutTrace) / events;
}

}  // namespace

BENCHMARK_CAPTURE(realRun, promise_heavy, std::string(LOOPSCOPE_SOURCE_DIR "/bench/programs/promise-heavy.js"))
    ->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(realRun, timer_heavy, std::string(LOOPSCOPE_SOURCE_DIR "/bench/programs/timer-heavy.js"))
    ->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(realRun, scale_10k_waits, std::string(LOOPSCOPE_SOURCE_DIR "/bench/scenarios/scale_10k_waits.yaml"))
    ->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(encode)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(decodeWhole)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(decodeStreaming)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(fillTraceOnly)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(realRunsBytesPerEvent)->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK_MAIN();
