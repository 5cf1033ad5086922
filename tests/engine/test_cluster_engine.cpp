// Cluster mode (runtime.processes > 1) in a real engine child, the way `loopscope run`
// and the GUI start it: a primary deals connections round-robin to event-loop
// processes of its own. Times are checked from below (what the work forces) or against
// what the broken behaviour would need at least; the speed-up two processes give is a
// benchmark figure (bench/bench_cluster.cpp, BM_ClusterCpuLoad), not a test.
#include "EngineProcess.h"
#include "engine/ChildRun.h"
#include "ProcessUsage.h"
#include "RunMeasurements.h"
#include "Scenario.h"

#include <QtTest>

#include <signal.h>

#include <cerrno>

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>

using namespace loopscope;
using namespace loopscope::testing;

namespace {

// Whether any two requests were handled at the same time for at least half of the
// shorter one: never on one loop (it runs one handler at a time), always on two.
bool twoHandlersRanTogether(const Outcome& run) {
    const std::vector<RequestTiming> requests = requestTimings(run.events);
    for (std::size_t i = 0; i < requests.size(); ++i)
        for (std::size_t j = i + 1; j < requests.size(); ++j) {
            const RequestTiming& a = requests[i];
            const RequestTiming& b = requests[j];
            if (a.start < 0 || b.start < 0 || a.end < 0 || b.end < 0)
                continue;
            const Nanoseconds overlap = std::min(a.end, b.end) - std::max(a.start, b.start);
            if (overlap * 2 >= std::min(a.end - a.start, b.end - b.start))
                return true;
        }
    return false;
}

Nanoseconds spanOf(const Outcome& run) { return measureRequests(requestTimings(run.events)).span; }

// "p1 0-101 ms, p2 2-103 ms, ...": where and when each request was handled.
QString describeRequests(const Outcome& run) {
    QStringList parts;
    for (const RequestTiming& timing : requestTimings(run.events))
        parts << QString("p%1 %2-%3").arg(timing.lane.process + 1).arg(double(timing.start) / 1e6, 0, 'f', 0)
                     .arg(double(timing.end) / 1e6, 0, 'f', 0);
    return parts.join(", ") + " ms";
}

}  // namespace

class TestClusterEngine : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(QFileInfo(QString::fromStdString(kEngine)).isExecutable(), kEngine.c_str()); }

    // Process 1 (index 0) numbers its requests 1, 3, 5, 7 and process 2 numbers 2, 4, 6, 8:
    // each got every other connection, and the numbers never collide.
    void processesTakeRequestsInTurn() {
        const Outcome run = runChild(dataFile("cluster_alternate.yaml"));
        QVERIFY2(run.ok, run.error.c_str());
        std::map<int, std::vector<std::int64_t>> arrivals;
        for (const TraceEvent& event : run.events)
            if (event.kind == EventKind::RequestArrive) {
                QCOMPARE(event.lane.kind, LaneKind::Main);
                arrivals[event.lane.process].push_back(event.value);
            }
        QCOMPARE(arrivals.size(), std::size_t(2));
        QCOMPARE(arrivals[0], (std::vector<std::int64_t>{1, 3, 5, 7}));
        QCOMPARE(arrivals[1], (std::vector<std::int64_t>{2, 4, 6, 8}));
    }

    // Every request the client sent was answered, and the X-Request number it got back
    // names the process that handled it.
    void noRequestIsLost() {
        const Outcome run = runChild(dataFile("cluster_alternate.yaml"));
        QVERIFY2(run.ok, run.error.c_str());
        const std::vector<RequestTiming> timings = requestTimings(run.events);
        QCOMPARE(timings.size(), std::size_t(8));
        std::set<std::uint64_t> serverNumbers;
        for (const RequestTiming& timing : timings) {
            QVERIFY2(timing.answered(), timing.error.c_str());
            QCOMPARE(timing.status, 200);
            QVERIFY(timing.start >= 0);  // its RequestArrive was found by number
            QCOMPARE(int(timing.lane.process), int((timing.serverRequest - 1) % 2));
            serverNumbers.insert(timing.serverRequest);
        }
        QCOMPARE(serverNumbers, (std::set<std::uint64_t>{1, 2, 3, 4, 5, 6, 7, 8}));
        const auto lost = std::count_if(run.events.begin(), run.events.end(), [](const TraceEvent& e) {
            return e.kind == EventKind::RequestDone && e.text != "200";
        });
        QCOMPARE(int(lost), 0);
    }

    // Each process has its own loop, its own main script run and its own pool of
    // `threadpool` (2) workers; the run has one begin and one end.
    void eachProcessHasItsOwnLoopAndPool() {
        const Outcome run = runChild(dataFile("cluster_alternate.yaml"));
        QVERIFY2(run.ok, run.error.c_str());
        QCOMPARE(run.count(EventKind::RunBegin), 1);
        QCOMPARE(run.count(EventKind::RunEnd), 1);
        std::map<int, int> mainLogs;
        std::map<int, std::set<std::uint32_t>> poolLanes;
        std::map<int, int> iterations;
        for (const TraceEvent& event : run.events) {
            if (event.kind == EventKind::Log && event.text == "worker started") {
                QCOMPARE(event.lane.kind, LaneKind::Main);
                ++mainLogs[event.lane.process];
            }
            if (event.kind == EventKind::WorkBegin && event.lane.kind == LaneKind::PoolWorker)
                poolLanes[event.lane.process].insert(event.lane.index);
            if (event.kind == EventKind::LoopIteration && event.lane.kind == LaneKind::Main)
                ++iterations[event.lane.process];
        }
        QCOMPARE(mainLogs, (std::map<int, int>{{0, 1}, {1, 1}}));
        QCOMPARE(poolLanes.size(), std::size_t(2));
        for (const auto& [process, lanes] : poolLanes) {
            QVERIFY2(!lanes.empty() && *lanes.rbegin() < 2, qPrintable(QString("process %1").arg(process)));
        }
        QVERIFY(iterations[0] > 0 && iterations[1] > 0);
        for (const TraceEvent& event : run.events)
            QVERIFY2(event.lane.process < 2, eventKindName(event.kind));
        std::map<int, int> requestLogs;
        for (const TraceEvent& event : run.events)
            if (event.kind == EventKind::Log && event.text.find("arrived") != std::string::npos)
                ++requestLogs[event.lane.process];
        QCOMPARE(requestLogs, (std::map<int, int>{{0, 4}, {1, 4}}));
    }

    // The OS figures cover every process: one set of totals (not one per process), and
    // a peak thread count that no single process reaches (each has a loop thread and a
    // pool of two, the primary its own).
    void measurementsCoverEveryProcess() {
        const Outcome run = runChild(dataFile("cluster_alternate.yaml"));
        QVERIFY2(run.ok, run.error.c_str());
        int cpuTotals = 0;
        for (const TraceEvent& event : run.events)
            if (event.kind == EventKind::Counter && event.text == kCounterCpuUser)
                ++cpuTotals;
        QCOMPARE(cpuTotals, 1);
        const ProcessTotals totals = processTotalsFromTrace(run.events);
        QVERIFY2(totals.peakThreads >= 2 * 3 + 1, qPrintable(QString::number(totals.peakThreads)));
        QVERIFY(totals.peakRssBytes > 0);
        QVERIFY(totals.cpuUser + totals.cpuSystem > 0);
    }

    // Sampling the primary from outside, as `run --summary` and the window do, sees
    // the threads of every process.
    void samplesOfThePrimaryCoverItsProcesses() {
        EngineOptions options;
        options.executable = kEngine;
        EngineProcess process(dataFile("cluster_alternate.yaml"), options, [](std::vector<TraceEvent>&&) {});
        process.start();
        ProcessSampler sampler(process.childPid(), kMillisecond);
        QVERIFY2(process.wait(), process.error().c_str());
        sampler.stop();
        int peak = 0;
        for (const ProcessSample& sample : sampler.samples())
            peak = std::max(peak, sample.status.threads);
        QVERIFY2(peak >= 2 * (1 + 2), qPrintable(QString::number(peak)));
    }

    // Eight requests of 100 ms CPU each, all at once: one process computes them one
    // after the other, two processes compute two at a time. How much sooner two
    // processes finish depends on how much of the two cores other work leaves; that
    // figure is BM_ClusterCpuLoad's. What cluster mode guarantees is the overlap: one
    // loop never runs two handlers at once, two loops do, whatever the load.
    void twoProcessesServeCpuBoundLoadSideBySide() {
        const Outcome one = runChild(dataFile("cluster_cpu_1.yaml"));
        QVERIFY2(one.ok, one.error.c_str());
        const Outcome two = runChild(dataFile("cluster_cpu_2.yaml"));
        QVERIFY2(two.ok, two.error.c_str());
        const double spanOne = double(spanOf(one)) / 1e6;
        const double spanTwo = double(spanOf(two)) / 1e6;
        const QString figures = QString("one process %1 ms (%2); two %3 ms (%4)")
                                    .arg(spanOne).arg(describeRequests(one)).arg(spanTwo).arg(describeRequests(two));
        QCOMPARE(requestTimings(one.events).size(), std::size_t(8));
        QCOMPARE(requestTimings(two.events).size(), std::size_t(8));
        QVERIFY2(spanOne >= 790, qPrintable(figures));  // 8 x 100 ms on one loop
        QVERIFY2(spanTwo >= 390, qPrintable(figures));  // 4 x 100 ms on each loop
        QVERIFY2(!twoHandlersRanTogether(one), qPrintable(figures));
        QVERIFY2(twoHandlersRanTogether(two), qPrintable(figures));
    }

    // An interval that never stops and a load longer than the horizon: every process
    // stops at the horizon, the load with them (not every request is answered), and the
    // run ends there, long before the last of the 200 requests (one every 100 ms) would
    // even be sent. The horizon (5 s) leaves room for both processes to be running when
    // it comes: a sanitized process on a busy machine has taken nearly 3 s to start. The
    // load starts once both serve, from a process of its own, so on such a machine it
    // may not have answered anything by then.
    void theHorizonEndsEveryProcess() {
        const Outcome run = runChild(dataFile("cluster_horizon.yaml"));
        QVERIFY2(run.ok, run.error.c_str());
        const TraceEvent& end = run.events.back();
        QCOMPARE(end.kind, EventKind::RunEnd);
        QCOMPARE(end.text, std::string(kStoppedAtHorizon));
        QVERIFY2(end.ts < 199 * 100 * kMillisecond, qPrintable(QString::number(double(end.ts) / 1e6)));
        std::map<int, int> ticks;
        Nanoseconds lastTick = 0;
        for (const TraceEvent& event : run.events)
            if (event.kind == EventKind::Log && event.text.rfind("tick ", 0) == 0) {
                ++ticks[event.lane.process];
                lastTick = std::max(lastTick, event.ts);
            }
        QCOMPARE(ticks.size(), std::size_t(2));
        QVERIFY2(lastTick <= 5 * kSecond, qPrintable(QString::number(double(lastTick) / 1e6)));
        const RunMeasurements requests = measureRequests(requestTimings(run.events));
        QCOMPARE(requests.requests, 200);
        QVERIFY2(requests.answered < 200, qPrintable(QString::number(requests.answered)));
    }

    // A process that starts only after the horizon (the primary has closed its channel
    // by then) has nothing to serve and ends with the run, which still stops cleanly.
    void aProcessReadyOnlyAfterTheHorizonEndsCleanly() {
        const Outcome run = runChild(dataFile("cluster_horizon_before_start.yaml"));
        QVERIFY2(run.ok, run.error.c_str());
        QCOMPARE(run.events.back().kind, EventKind::RunEnd);
        QCOMPARE(run.events.back().text, std::string(kStoppedAtHorizon));
        QCOMPARE(run.count(EventKind::RequestArrive), 0);
    }

    // A process of the cluster that dies fails the run at once, with its number and
    // signal; the others are not waited for: the run ends before the other process's
    // main script (20 s of CPU time, so at least 20 s after the start) could.
    void aCrashedProcessFailsTheRun() {
        EngineOptions options;
        options.executable = kEngine;
        EngineProcess process(dataFile("cluster_busy_main.yaml"), options, [](std::vector<TraceEvent>&&) {});
        const auto started = std::chrono::steady_clock::now();
        process.start();
        std::vector<int> workers;
        for (int tries = 0; tries < 500 && workers.size() < 2; ++tries) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            workers = clusterProcessesOf(process.childPid());
        }
        QCOMPARE(workers.size(), std::size_t(2));
        QCOMPARE(::kill(workers[1], SIGKILL), 0);
        QVERIFY(!process.wait());
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        QVERIFY2(process.error().find("crashed (signal 9)") != std::string::npos, process.error().c_str());
        QVERIFY2(process.error().rfind("cluster process ", 0) == 0, process.error().c_str());
        QVERIFY2(seconds < 20.0, qPrintable(QString::number(seconds)));
        // No process of the run is left behind.
        for (int pid : workers)
            QVERIFY2(::kill(pid, 0) == -1 && errno == ESRCH, qPrintable(QString("pid %1 is still there").arg(pid)));
    }
};

QTEST_GUILESS_MAIN(TestClusterEngine)
#include "test_cluster_engine.moc"
