// Both engines on the same scenarios, each in its own child process, measured the
// same way (the client's records through the trace, /proc/<pid>/status sampled from
// outside, getrusage from inside). Timing bounds are loose: the machine is a busy
// two-core one; lower bounds are what the scheduling model forces.
#include "EngineProcess.h"
#include "ProcessUsage.h"
#include "RequestCsv.h"
#include "RunMeasurements.h"

#include <QtTest>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <set>

using namespace loopscope;

namespace {

const std::string kEngine = LOOPSCOPE_ENGINE_BINARY;
std::string dataFile(const char* name) { return std::string(LOOPSCOPE_TEST_DATA "/comparison/") + name; }

struct MeasuredOutcome {
    bool ok = false;
    std::string error;
    Trace trace;
    std::vector<RequestTiming> requests;
    RunMeasurements measurements;
    std::vector<double> latenciesMs() const {
        std::vector<double> ms;
        for (const RequestTiming& r : requests)
            if (r.answered())
                ms.push_back(double(r.latency()) / 1e6);
        std::sort(ms.begin(), ms.end());
        return ms;
    }
    // How much later than the first the client got its last request out: a lower bound
    // on a latency that waits for others' handlers shrinks by that much.
    double sendSpreadMs() const {
        Nanoseconds first = -1, last = -1;
        for (const RequestTiming& r : requests)
            if (r.arrival >= 0) {
                first = first < 0 ? r.arrival : std::min(first, r.arrival);
                last = std::max(last, r.arrival);
            }
        return double(last - first) / 1e6;
    }
    // The most spans from `begin` to `end` (on `lane` lanes) open at one moment.
    int mostAtOnce(EventKind begin, EventKind end, LaneKind lane) const {
        std::vector<std::pair<Nanoseconds, int>> steps;
        for (const TraceEvent& e : trace)
            if (e.lane.kind == lane && (e.kind == begin || e.kind == end))
                steps.emplace_back(e.ts, e.kind == begin ? 1 : -1);
        std::sort(steps.begin(), steps.end());
        int open = 0, most = 0;
        for (const auto& [ts, change] : steps)
            most = std::max(most, open += change);
        return most;
    }
    std::int64_t maxCounter(const std::string& name) const {
        std::int64_t most = 0;
        for (const TraceEvent& e : trace)
            if (e.kind == EventKind::Counter && e.text == name)
                most = std::max(most, e.value);
        return most;
    }
};

MeasuredOutcome runMeasured(const std::string& file, EngineKind engine) {
    MeasuredOutcome outcome;
    EngineOptions options;
    options.engine = engine;
    options.executable = kEngine;
    std::optional<ProcessSampler> sampler;
    CollectedRun run = runToTrace(file, options, [&](int pid) { sampler.emplace(pid, 2 * kMillisecond); });
    sampler->stop();
    outcome.ok = run.ok;
    outcome.error = run.error;
    outcome.trace = std::move(run.trace);
    outcome.requests = requestTimings(outcome.trace);
    outcome.measurements = measureRun(outcome.requests, sampler->samples(), processTotalsFromTrace(outcome.trace));
    return outcome;
}

// A request row of the CSV export, its times read back as whole nanoseconds.
struct CsvRow {
    int request = 0;
    Nanoseconds scheduled = -1, arrival = -1, start = -1, end = -1, latency = -1;
    QString text;
};

Nanoseconds csvTime(const QString& cell) {
    if (cell.isEmpty())
        return -1;
    const QStringList parts = cell.split(QLatin1Char('.'));
    return parts.value(0).toLongLong() * kMillisecond + parts.value(1).toLongLong();
}

std::vector<CsvRow> csvRows(const std::vector<RequestTiming>& requests) {
    std::vector<CsvRow> rows;
    const QStringList lines = QString::fromStdString(requestCsvText({{"run", requests}})).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (qsizetype k = 1; k < lines.size(); ++k) {
        // engine,request,server_request,scheduled_ms,arrival_ms,start_ms,end_ms,latency_ms,lane,status
        const QStringList cells = lines[k].split(QLatin1Char(','));
        CsvRow row;
        row.request = cells.value(1).toInt();
        row.scheduled = csvTime(cells.value(3));
        row.arrival = csvTime(cells.value(4));
        row.start = csvTime(cells.value(5));
        row.end = csvTime(cells.value(6));
        row.latency = csvTime(cells.value(7));
        row.text = lines[k];
        rows.push_back(row);
    }
    return rows;
}

QString describe(const std::vector<double>& times) {
    QStringList parts;
    for (double t : times)
        parts << QString::number(t, 'f', 1);
    return parts.join(QStringLiteral(", ")) + QStringLiteral(" ms");
}

}  // namespace

class TestEngineComparison : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(QFileInfo(QString::fromStdString(kEngine)).isExecutable(), kEngine.c_str()); }

    // cpu 50 ms, four requests at once, two cores. The loop runs the handlers one after
    // the other: latencies near 50, 100, 150, 200 ms. Four threads share two cores: all
    // four finish together, near 100 ms.
    void cpuBoundLoadSerialisesOnTheLoopAndSharesCoresAcrossThreads() {
        const MeasuredOutcome loop = runMeasured(dataFile("cpu_bound.yaml"), EngineKind::EventLoop);
        QVERIFY2(loop.ok, loop.error.c_str());
        const MeasuredOutcome threads = runMeasured(dataFile("cpu_bound.yaml"), EngineKind::ThreadPerRequest);
        QVERIFY2(threads.ok, threads.error.c_str());
        const auto l = loop.latenciesMs(), t = threads.latenciesMs();
        QCOMPARE(l.size(), std::size_t(4));
        QCOMPARE(t.size(), std::size_t(4));
        const double loopSpread = loop.sendSpreadMs(), threadSpread = threads.sendSpreadMs();
        const QString both = "loop " + describe(l) + QString(" (sent over %1 ms); threads ").arg(loopSpread) +
                             describe(t) + QString(" (sent over %1 ms)").arg(threadSpread);
        // The loop: each request waits for the handlers before it.
        for (std::size_t k = 0; k < 4; ++k)
            QVERIFY2(l[k] >= 50.0 * double(k + 1) - loopSpread - 1, qPrintable(both));
        // Between the first response and the last, the loop ran three whole handlers. (The
        // client's latencies cannot show this on a busy machine: the client thread may take
        // the first answer late.)
        std::vector<double> responded;
        for (const TraceEvent& e : loop.trace)
            if (e.kind == EventKind::RequestRespond)
                responded.push_back(double(e.ts) / 1e6);
        QCOMPARE(responded.size(), std::size_t(4));
        QVERIFY2(responded.back() - responded.front() >= 150 - 1, qPrintable(both));
        // Threads: nobody waits for a whole handler of another (every handler is computing
        // before the first one is done); two cores, so the 200 ms of CPU take at least
        // 100 ms of wall time.
        QVERIFY2(t[0] >= 45, qPrintable(both));
        QVERIFY2(t[3] >= 100 - threadSpread - 1, qPrintable(both));
        int handlersBegun = 0, handlersBegunBeforeFirstEnd = 0;
        bool handlerEnded = false;
        for (const TraceEvent& e : threads.trace) {
            if (e.lane.kind != LaneKind::Thread)
                continue;
            if (e.kind == EventKind::WorkBegin) {
                ++handlersBegun;
                handlersBegunBeforeFirstEnd += handlerEnded ? 0 : 1;
            }
            handlerEnded = handlerEnded || e.kind == EventKind::WorkEnd;
        }
        QCOMPARE(handlersBegun, 4);
        QVERIFY2(handlersBegunBeforeFirstEnd == 4, qPrintable(both));
        QCOMPARE(threads.maxCounter("threads alive"), std::int64_t(4));
    }

    // net 200 ms, fifty requests at once: both answer everyone after the 200 ms wait,
    // waiting side by side; the loop with a handful of threads, the other with one thread
    // per request. How many wait at once is the machine's (under ThreadSanitizer on a
    // busy one, creating the fifty threads took two seconds), so the thread side is held
    // to a thread alive for every request waiting, as its trace shows.
    void ioBoundLoadFinishesNearTheWaitWithVeryDifferentThreadCounts() {
        const MeasuredOutcome loop = runMeasured(dataFile("io_bound.yaml"), EngineKind::EventLoop);
        QVERIFY2(loop.ok, loop.error.c_str());
        const MeasuredOutcome threads = runMeasured(dataFile("io_bound.yaml"), EngineKind::ThreadPerRequest);
        QVERIFY2(threads.ok, threads.error.c_str());
        for (const MeasuredOutcome* run : {&loop, &threads}) {
            const auto ms = run->latenciesMs();
            QCOMPARE(run->measurements.answered, 50);
            QCOMPARE(run->measurements.failed, 0);
            QVERIFY2(ms.front() >= 199, qPrintable(describe(ms)));
            QVERIFY2(run->mostAtOnce(EventKind::IoBegin, EventKind::IoEnd, LaneKind::Kernel) >= 2,
                     qPrintable(describe(ms)));
        }
        const int loopThreads = loop.measurements.peakThreads;
        QVERIFY2(loopThreads >= 1 && loopThreads <= 12, qPrintable(QString::number(loopThreads)));
        int requestThreads = 0;
        for (const TraceEvent& e : threads.trace)
            requestThreads += e.kind == EventKind::ThreadCreate && e.lane.kind == LaneKind::Thread;
        QCOMPARE(requestThreads, 50);
        const int waiting = threads.mostAtOnce(EventKind::IoBegin, EventKind::IoEnd, LaneKind::Kernel);
        const int alive = threads.mostAtOnce(EventKind::ThreadCreate, EventKind::ThreadExit, LaneKind::Thread);
        QVERIFY2(alive >= waiting, qPrintable(QString("%1 threads alive, %2 requests waiting").arg(alive).arg(waiting)));
    }

    // threads.max 2: six 100 ms reads go two at a time, near 100, 200, 300 ms; the
    // others wait in the listen backlog.
    void threadsMaxQueuesRequests() {
        const MeasuredOutcome threads = runMeasured(dataFile("thread_limit.yaml"), EngineKind::ThreadPerRequest);
        QVERIFY2(threads.ok, threads.error.c_str());
        const auto ms = threads.latenciesMs();
        QCOMPARE(ms.size(), std::size_t(6));
        // Each wave waits for the one before it, less however much later than the first
        // the client got its request out.
        const double spread = threads.sendSpreadMs() + 1;
        QVERIFY2(ms[1] >= 99 && ms[2] >= 200 - spread && ms[4] >= 300 - spread,
                 qPrintable(describe(ms) + QString(" (sent over %1 ms)").arg(spread - 1)));
        QVERIFY2(ms[5] < 2000, qPrintable(describe(ms)));
        QCOMPARE(threads.maxCounter("threads alive"), std::int64_t(2));
        // Never more than two request threads: waits start in pairs, on at most two lanes.
        std::set<std::uint32_t> lanes;
        for (const RequestTiming& r : threads.requests)
            lanes.insert(r.lane.index);
        QCOMPARE(lanes.size(), std::size_t(6));  // a thread per request, but two alive at once
    }

    // time_scale 2: every time in the trace is wall time since the run began, for the
    // server and the client alike, and every duration takes twice as long, the load's
    // schedule too (spacing 50 ms -> 100 ms). Each row is causal (due, sent, handled,
    // answered, in that order on one clock) and each handler's 20 ms read takes 40 ms.
    void timeScaleStretchesTheLoadOnTheClockOfTheTrace() {
        for (EngineKind engine : {EngineKind::EventLoop, EngineKind::ThreadPerRequest}) {
            const MeasuredOutcome run = runMeasured(dataFile("time_scale_two.yaml"), engine);
            QVERIFY2(run.ok, run.error.c_str());
            const std::vector<CsvRow> rows = csvRows(run.requests);
            QCOMPARE(rows.size(), std::size_t(6));
            for (const CsvRow& row : rows) {
                const QByteArray what = row.text.toUtf8();
                QVERIFY2(row.scheduled >= 0 && row.scheduled <= row.arrival, what.constData());
                QVERIFY2(row.arrival <= row.start, what.constData());
                QVERIFY2(row.start <= row.end, what.constData());
                QCOMPARE(row.latency, row.end - row.arrival);
                QVERIFY2(row.end - row.start >= 39 * kMillisecond, what.constData());
            }
            // Client numbers follow the schedule: 1 and 2 at 0 ms, 3 to 6 from 100 ms, 50 ms
            // apart, all stretched twice.
            QCOMPARE(rows[1].scheduled, rows[0].scheduled);
            QVERIFY2(std::llabs(rows[2].scheduled - rows[0].scheduled - 200 * kMillisecond) <= kMicrosecond,
                     rows[2].text.toUtf8().constData());
            for (std::size_t k = 3; k < 6; ++k)
                QVERIFY2(std::llabs(rows[k].scheduled - rows[k - 1].scheduled - 100 * kMillisecond) <= kMicrosecond,
                         rows[k].text.toUtf8().constData());
        }
    }

    void processTotalsComeFromTheChild() {
        const MeasuredOutcome threads = runMeasured(dataFile("cpu_bound.yaml"), EngineKind::ThreadPerRequest);
        QVERIFY2(threads.ok, threads.error.c_str());
        const RunMeasurements& m = threads.measurements;
        // Four 50 ms computations: at least 200 ms of user CPU time in the child.
        QVERIFY2(m.cpuUser + m.cpuSystem >= 190 * kMillisecond, qPrintable(QString::number(m.cpuUser)));
        QVERIFY(m.peakRssBytes > 1 << 20);
        QVERIFY(m.peakVmBytes >= m.peakRssBytes);
        QVERIFY(m.voluntarySwitches > 0);
        QVERIFY(m.peakThreads >= 4);
    }
};

QTEST_GUILESS_MAIN(TestEngineComparison)
#include "test_engine_comparison.moc"
