// Export of a long run: a synthetic 1,000,000-event event-loop trace to a Chrome trace
// (JSON) and to timeline pictures (PNG, SVG), each from the trace to the finished file.
// Run: build/bin/bench_ui_export --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QDir>
#include <QTemporaryDir>

#include "SlideWriter.h"
#if __has_include("ChromeTraceExporter.h")
#include "ChromeTraceExporter.h"
#define LOOPSCOPE_HAS_CHROME_TRACE 1
#endif

using namespace loopscope;

namespace {

// `events` events of a busy server loop: every 8 events, a job queued for the pool, run on
// one of 4 workers, and its callback in the poll phase on the main thread.
const Trace& syntheticRun(std::size_t events) {
    static Trace trace = [events] {
        Trace t;
        t.reserve(events + 2);
        auto add = [&t](Nanoseconds ts, EventKind kind, Lane lane, QueueKind queue, std::uint64_t id, std::string text = {}) {
            TraceEvent e;
            e.ts = ts;
            e.kind = kind;
            e.lane = lane;
            e.queue = queue;
            e.id = id;
            e.text = std::move(text);
            t.push_back(std::move(e));
        };
        add(0, EventKind::RunBegin, {}, QueueKind::None, 0);
        const Lane main{LaneKind::Main, 0, 0};
        for (std::uint64_t job = 1; t.size() + 8 <= events; ++job) {
            const Nanoseconds at = Nanoseconds(job) * 40 * kMicrosecond;
            const Lane worker{LaneKind::PoolWorker, 0, std::uint32_t(job % 4)};
            add(at, EventKind::Enqueue, main, QueueKind::PoolFifo, job, "fs.readFile");
            add(at + 1000, EventKind::Dequeue, worker, QueueKind::PoolFifo, job);
            add(at + 1000, EventKind::WorkBegin, worker, QueueKind::PoolFifo, job, "fs.readFile");
            add(at + 120 * kMicrosecond, EventKind::WorkEnd, worker, QueueKind::PoolFifo, job, "fs.readFile");
            add(at + 120 * kMicrosecond, EventKind::Enqueue, worker, QueueKind::Poll, job, "fs.readFile");
            add(at + 125 * kMicrosecond, EventKind::Dequeue, main, QueueKind::Poll, job);
            add(at + 125 * kMicrosecond, EventKind::CallbackBegin, main, QueueKind::Poll, job, "readFile callback");
            add(at + 135 * kMicrosecond, EventKind::CallbackEnd, main, QueueKind::Poll, job);
        }
        add(t.back().ts + 1000, EventKind::RunEnd, {}, QueueKind::None, 0);
        return t;
    }();
    return trace;
}

constexpr std::size_t kEvents = 1000000;

void exportTimeline(benchmark::State& state, SlideFormat format) {
    const Trace& trace = syntheticRun(kEvents);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("timeline.") + slideFormatName(format).toLower());
    SlideSource source;
    source.title = QStringLiteral("A million events");
    source.eventLoop = &trace;
    for (auto _ : state) {
        // From the trace to the file: spans, layout, painting, encoding.
        SlideRenderer renderer(source);
        QString error;
        if (!writeSlide(renderer, SlideOptions{}, format, path, &error))
            state.SkipWithError(qPrintable(error));
    }
    state.counters["events"] = double(trace.size());
    state.counters["bytes"] = double(QFileInfo(path).size());
}

void BM_TimelinePng(benchmark::State& state) { exportTimeline(state, SlideFormat::Png); }
void BM_TimelineSvg(benchmark::State& state) { exportTimeline(state, SlideFormat::Svg); }
BENCHMARK(BM_TimelinePng)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_TimelineSvg)->Unit(benchmark::kMillisecond)->UseRealTime();

#ifdef LOOPSCOPE_HAS_CHROME_TRACE
void BM_ChromeTraceJson(benchmark::State& state) {
    const Trace& trace = syntheticRun(kEvents);
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("trace.json")).toStdString();
    for (auto _ : state) {
        std::string error;
        if (!writeChromeTrace(trace, path, "A million events", &error))
            state.SkipWithError(error.c_str());
    }
    state.counters["events"] = double(trace.size());
    state.counters["bytes"] = double(QFileInfo(QString::fromStdString(path)).size());
}
BENCHMARK(BM_ChromeTraceJson)->Unit(benchmark::kMillisecond)->UseRealTime();
#endif

}  // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
