// Replot time of the timeline of a 10,000,000-event run (~2,600,000 spans) at 1600x900,
// offscreen: zoomed out (the whole run), a mid zoom and zoomed in (2 ms). Target: median
// under 16 ms.
//   build/bin/bench_ui_timeline --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <QApplication>
#include <qcustomplot.h>

#include "TimelineView.h"
#include "../tests/support/SyntheticTrace.h"

using namespace loopscope;

namespace {

struct Fixture {
    SpanSet spans;
    TimelineView view;
    Fixture() {
        // 10 million events: about 2,600,000 spans over main, pool and kernel lanes.
        const Trace trace = testing::busyServer(10000000);
        for (const TraceEvent& e : trace)
            spans.add(e);
        view.resize(1600, 900);
        view.show();
        view.setSources(&spans, nullptr);
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

// window: 0 = the whole run, otherwise that much time around the middle of the run.
void replot(benchmark::State& state, Nanoseconds window) {
    Fixture& f = fixture();
    if (window > 0)
        f.view.zoomTo(f.spans.endTime() / 2, f.spans.endTime() / 2 + window);
    else
        f.view.fitAll();
    f.view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    for (auto _ : state)
        f.view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    state.counters["spans"] = double(f.spans.spanCount());
    state.counters["rects"] = f.view.spans()->lastDrawnRects();
}

void BM_TimelineReplotZoomedOut(benchmark::State& state) { replot(state, 0); }
// A window where spans are a few pixels wide: the most merging work per pixel.
void BM_TimelineReplotMidZoom(benchmark::State& state) { replot(state, 60 * kMillisecond); }
void BM_TimelineReplotZoomedIn(benchmark::State& state) { replot(state, 2 * kMillisecond); }

BENCHMARK(BM_TimelineReplotZoomedOut)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_TimelineReplotMidZoom)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_TimelineReplotZoomedIn)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
