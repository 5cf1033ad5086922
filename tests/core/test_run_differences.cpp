// Two runs in figures: the scheduling counts of a trace (callbacks per queue, pool jobs and
// waves, busy time) and the rows `loopscope compare` and the Compare view show.
#include <QtTest>

#include "LoopFigures.h"
#include "RunDifferences.h"

using namespace loopscope;

namespace {

TraceEvent traced(EventKind kind, Nanoseconds ts, Lane lane, std::uint64_t id = 0, QueueKind queue = QueueKind::None) {
    TraceEvent e;
    e.kind = kind;
    e.ts = ts;
    e.lane = lane;
    e.id = id;
    e.queue = queue;
    return e;
}

constexpr Lane kMain{LaneKind::Main, 0, 0};
Lane pool(std::uint32_t index) { return {LaneKind::PoolWorker, 0, index}; }

// `jobs` pool jobs of `length` on `workers` workers, each starting on the lowest free
// worker as soon as one is free (as libuv's queue deals them), then one poll-phase
// callback per job.
Trace poolRun(int jobs, int workers, Nanoseconds length) {
    Trace trace;
    trace.push_back(traced(EventKind::RunBegin, 0, kMain));
    for (int j = 0; j < jobs; ++j) {
        const Nanoseconds begin = (j / workers) * length;
        trace.push_back(traced(EventKind::WorkBegin, begin, pool(std::uint32_t(j % workers)), std::uint64_t(100 + j)));
        trace.push_back(traced(EventKind::WorkEnd, begin + length, pool(std::uint32_t(j % workers)), std::uint64_t(100 + j)));
    }
    const Nanoseconds after = ((jobs + workers - 1) / workers) * length;
    for (int j = 0; j < jobs; ++j) {
        trace.push_back(traced(EventKind::CallbackBegin, after + j * 10, kMain, std::uint64_t(200 + j), QueueKind::Poll));
        trace.push_back(traced(EventKind::CallbackEnd, after + j * 10 + 5, kMain, std::uint64_t(200 + j), QueueKind::Poll));
    }
    std::stable_sort(trace.begin(), trace.end(), [](const TraceEvent& a, const TraceEvent& b) { return a.ts < b.ts; });
    return trace;
}

const DifferenceRow* rowTitled(const std::vector<DifferenceRow>& rows, const std::string& title) {
    for (const DifferenceRow& row : rows)
        if (row.title == title)
            return &row;
    return nullptr;
}

}  // namespace

class TestRunDifferences : public QObject {
    Q_OBJECT

private slots:
    void eightJobsOnFourWorkersComeInTwoWaves() {
        const LoopFigures figures = loopFigures(poolRun(8, 4, 1000));
        QCOMPARE(figures.poolJobs, 8);
        QCOMPARE(figures.poolLanes, 4);
        QCOMPARE(figures.poolWaves, 2);
        QCOMPARE(figures.callbacksFrom(QueueKind::Poll), 8);
        QCOMPARE(figures.mainBusy, Nanoseconds(8 * 5));
        QCOMPARE(figures.end, Nanoseconds(2000 + 7 * 10 + 5));
    }

    void jobsApartInTimeAreWavesOfTheirOwn() {
        // readFile's open, fstat, read and close: one job at a time, the pool idle between.
        Trace trace;
        for (int j = 0; j < 4; ++j) {
            trace.push_back(traced(EventKind::WorkBegin, j * 100, pool(0), std::uint64_t(j + 1)));
            trace.push_back(traced(EventKind::WorkEnd, j * 100 + 50, pool(0), std::uint64_t(j + 1)));
        }
        QCOMPARE(loopFigures(trace).poolWaves, 4);
        QCOMPARE(loopFigures(trace).poolLanes, 1);
        // Four at once on four workers: one wave.
        QCOMPARE(loopFigures(poolRun(4, 4, 1000)).poolWaves, 1);
        QCOMPARE(loopFigures(poolRun(9, 4, 1000)).poolWaves, 3);
        // A worker that finishes early takes more than its share: still two waves of four.
        Trace uneven;
        const int lanes[] = {0, 1, 2, 3, 0, 0, 0, 1};
        const Nanoseconds begins[] = {0, 0, 0, 0, 300, 600, 900, 1000};
        for (int j = 0; j < 8; ++j) {
            uneven.push_back(traced(EventKind::WorkBegin, begins[j], pool(std::uint32_t(lanes[j])), std::uint64_t(j + 1)));
            uneven.push_back(traced(EventKind::WorkEnd, begins[j] + 300, pool(std::uint32_t(lanes[j])), std::uint64_t(j + 1)));
        }
        QCOMPARE(loopFigures(uneven).poolWaves, 2);
    }

    void nestedCallbacksCountOnceTowardsBusyTime() {
        const Trace trace{traced(EventKind::CallbackBegin, 100, kMain, 1, QueueKind::Timers),
                          traced(EventKind::CallbackBegin, 120, kMain, 2, QueueKind::Microtask),
                          traced(EventKind::CallbackEnd, 130, kMain, 2, QueueKind::Microtask),
                          traced(EventKind::CallbackEnd, 150, kMain, 1, QueueKind::Timers),
                          // Another lane's callbacks are not the main thread's.
                          traced(EventKind::CallbackBegin, 160, Lane{LaneKind::Worker, 0, 0}, 3, QueueKind::Timers),
                          traced(EventKind::CallbackEnd, 170, Lane{LaneKind::Worker, 0, 0}, 3, QueueKind::Timers)};
        const LoopFigures figures = loopFigures(trace);
        QCOMPARE(figures.mainBusy, Nanoseconds(50));
        QCOMPARE(figures.callbacksFrom(QueueKind::Timers), 1);
        QCOMPARE(figures.callbacksFrom(QueueKind::Microtask), 1);
    }

    void fourAgainstEightWorkers() {
        const Trace four = poolRun(8, 4, 1000 * kMicrosecond);
        const Trace eight = poolRun(8, 8, 1000 * kMicrosecond);
        const auto rows = runDifferences({"4 workers", &four, nullptr}, {"8 workers", &eight, nullptr});
        const DifferenceRow* waves = rowTitled(rows, "Thread-pool waves");
        QVERIFY(waves);
        QCOMPARE(waves->first, std::string("2"));
        QCOMPARE(waves->second, std::string("1"));
        QCOMPARE(waves->change, std::string("-1"));
        const DifferenceRow* workers = rowTitled(rows, "Pool workers used");
        QVERIFY(workers);
        QCOMPARE(workers->change, std::string("+4"));
        const DifferenceRow* length = rowTitled(rows, "Run length");
        QVERIFY(length);
        QCOMPARE(length->first, std::string("2.00 ms"));
        QCOMPARE(length->second, std::string("1.00 ms"));
        QCOMPARE(length->change, std::string("x0.50"));
        // No requests and no samples: those rows are left out, not shown as zeros.
        QVERIFY(!rowTitled(rows, "Latency p50"));
        QVERIFY(!rowTitled(rows, "Peak threads"));
        QVERIFY(!rowTitled(rows, "Callbacks: timers"));
        QVERIFY(rowTitled(rows, "Callbacks: poll (I/O)"));
        QVERIFY(rowTitled(rows, "Main thread busy"));
    }

    void aFigureOnlyOneRunKnowsShowsADash() {
        const Trace trace = poolRun(2, 4, 1000);
        const std::vector<ProcessSample> samples{{0, {}}, {kMillisecond, {}}};
        std::vector<ProcessSample> measured = samples;
        measured[1].status.threads = 7;
        measured[1].status.rssBytes = 32 * 1024 * 1024;
        const auto rows = runDifferences({"A", &trace, &measured}, {"B", &trace, nullptr});
        const DifferenceRow* threads = rowTitled(rows, "Peak threads");
        QVERIFY(threads);
        QCOMPARE(threads->first, std::string("7"));
        QCOMPARE(threads->second, std::string("-"));
        QCOMPARE(threads->change, std::string("-"));
        const DifferenceRow* memory = rowTitled(rows, "Peak resident memory");
        QVERIFY(memory);
        QCOMPARE(memory->first, std::string("32.0 MiB"));
    }

    void requestsOfAServerRun() {
        auto client = [](EventKind kind, Nanoseconds ts, std::uint64_t id, std::string text = {}) {
            TraceEvent e = traced(kind, ts, Lane{LaneKind::Client, 0, 0}, id);
            e.text = std::move(text);
            return e;
        };
        const Trace fast{client(EventKind::RequestSend, 0, 1), client(EventKind::RequestDone, 2 * kMillisecond, 1, "200"),
                         client(EventKind::RequestSend, 0, 2), client(EventKind::RequestDone, 4 * kMillisecond, 2, "200")};
        const Trace slow{client(EventKind::RequestSend, 0, 1), client(EventKind::RequestDone, 6 * kMillisecond, 1, "200"),
                         client(EventKind::RequestSend, 0, 2), client(EventKind::RequestDone, 8 * kMillisecond, 2, "refused")};
        const auto rows = runDifferences({"fast", &fast, nullptr}, {"slow", &slow, nullptr});
        const DifferenceRow* answered = rowTitled(rows, "Requests answered");
        QVERIFY(answered);
        QCOMPARE(answered->first, std::string("2"));
        QCOMPARE(answered->second, std::string("1"));
        const DifferenceRow* p99 = rowTitled(rows, "Latency p99");
        QVERIFY(p99);
        QCOMPARE(p99->first, std::string("4 ms"));
        QCOMPARE(p99->second, std::string("6 ms"));
        QCOMPARE(p99->change, std::string("x1.50"));
        QVERIFY(!rowTitled(rows, "Main thread busy"));  // no callbacks in either
        const std::string table = formatDifferences(rows, "fast", "slow");
        QVERIFY2(table.find("Latency p99            4 ms      6 ms   x1.50\n") != std::string::npos, table.c_str());
        QCOMPARE(table.substr(0, table.find('\n')), std::string(17, ' ') + "      fast      slow  change");
    }
};

QTEST_APPLESS_MAIN(TestRunDifferences)
#include "test_run_differences.moc"
