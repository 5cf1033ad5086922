// Opening a saved run of 10,000,000 events in the window, end to end: from File > Open to
// the stores holding the whole run (read, decompressed, decoded, packed, indexed, turned
// into spans), as RunController::open does it. Only drawing is left out. Target: under 2 s.
// The file is the synthetic busy server of the tests (main thread, four pool workers,
// kernel I/O, a console line per request), written once per process (its encoding is not
// timed):
//   build/bin/bench_ui_open_run
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QTemporaryDir>
#include <memory>

#include "RunController.h"
#include "RunFile.h"
#include "TraceStore.h"
#include "../tests/support/SyntheticTrace.h"

using namespace loopscope;

namespace {

double processCpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The run file of `events` events, in a folder that lives as long as the process.
std::string runFile(std::size_t events) {
    static QTemporaryDir folder;
    const std::string path = folder.filePath(QString("busy-%1.lsrun").arg(events)).toStdString();
    if (!QFile::exists(QString::fromStdString(path))) {
        RunDocument document;
        document.origin = originHere();
        document.title = "busy server";
        document.runs.push_back({EngineKind::EventLoop, testing::busyServer(events), {}, std::nullopt});
        std::string error;
        if (!writeRunFile(document, path, &error))
            throw std::runtime_error(error);
    }
    return path;
}

void BM_OpenRunFile(benchmark::State& state) {
    const std::string path = runFile(std::size_t(state.range(0)));
    std::size_t events = 0;
    double processCpu = 0;
    for (auto _ : state) {
        const double cpuBefore = processCpuSeconds();
        auto controller = std::make_unique<RunController>();
        auto eventLoop = std::make_unique<TraceStore>(EngineKind::EventLoop);
        auto threadPerRequest = std::make_unique<TraceStore>(EngineKind::ThreadPerRequest);
        QEventLoop wait;
        QObject::connect(eventLoop.get(), &TraceStore::finished, &wait, &QEventLoop::quit);
        if (!controller->open(QString::fromStdString(path), eventLoop.get(), threadPerRequest.get()))
            state.SkipWithError("open refused");
        wait.exec();
        if (!eventLoop->succeeded() || !eventLoop->isIdle())
            state.SkipWithError(qPrintable("not opened: " + eventLoop->error()));
        events = eventLoop->size();
        processCpu += processCpuSeconds() - cpuBefore;
        state.PauseTiming();  // freeing the run is not part of opening it
        controller.reset();
        eventLoop.reset();
        threadPerRequest.reset();
        state.ResumeTiming();
    }
    state.counters["events"] = double(events);
    // Every thread's CPU time (reader, builders, GUI thread): what two idle cores share.
    state.counters["process_cpu_ms"] = processCpu * 1000.0 / double(state.iterations());
}

BENCHMARK(BM_OpenRunFile)->Arg(1000000)->Arg(10000000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
