// Every built-in scenario, run whole as a teacher runs it: by the event-loop engine,
// and by the thread-per-request engine too when it has a server and load. Each run
// must complete, answer every request, end before its horizon, and have its notes
// inside the run; and each scenario must show what its teaching text says it shows.
// Times are checked only from below, by what the work forces; overlap and order are read
// from the trace. A busy 2-core machine makes runs slower, never wrong.
#include "EngineProcess.h"
#include "ProcessUsage.h"
#include "RunMeasurements.h"
#include "ScenarioParser.h"

#include <QDir>
#include <QTest>

#include <algorithm>
#include <optional>
#include <set>

using namespace loopscope;

namespace {

const QString kLibrary = QStringLiteral(LOOPSCOPE_SOURCE_DIR "/resources/scenarios");

struct LibraryRun {
    CollectedRun run;
    std::vector<ProcessSample> samples;
    RunMeasurements measured;

    std::vector<std::string> logs() const {
        std::vector<std::string> lines;
        for (const TraceEvent& e : run.trace)
            if (e.kind == EventKind::Log)
                lines.push_back(e.text);
        return lines;
    }
    std::vector<const TraceEvent*> of(EventKind kind, std::optional<LaneKind> lane = std::nullopt) const {
        std::vector<const TraceEvent*> found;
        for (const TraceEvent& e : run.trace)
            if (e.kind == kind && (!lane || e.lane.kind == *lane))
                found.push_back(&e);
        return found;
    }
    Nanoseconds end() const {
        Nanoseconds last = 0;
        for (const TraceEvent& e : run.trace)
            last = std::max(last, e.ts);
        return last;
    }
    // When the first log line starting with `prefix` was printed; -1 if never.
    Nanoseconds loggedAt(const std::string& prefix) const {
        for (const TraceEvent& e : run.trace)
            if (e.kind == EventKind::Log && e.text.rfind(prefix, 0) == 0)
                return e.ts;
        return -1;
    }
};

LibraryRun runScenario(const QString& file, EngineKind engine) {
    LibraryRun result;
    EngineOptions options;
    options.engine = engine;
    options.executable = LOOPSCOPE_ENGINE_BINARY;
    std::optional<ProcessSampler> sampler;
    result.run = runToTrace(file.toStdString(), options,
                            [&](int pid) { sampler.emplace(pid, kProcessSampleInterval); });
    sampler->stop();
    result.samples = sampler->samples();
    result.measured =
        measureRun(requestTimings(result.run.trace), result.samples, processTotalsFromTrace(result.run.trace));
    return result;
}

QString ms(Nanoseconds ns) { return QString::number(double(ns) / double(kMillisecond), 'f', 1) + QStringLiteral(" ms"); }

int indexOf(const std::vector<std::string>& lines, const std::string& prefix) {
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].rfind(prefix, 0) == 0)
            return int(i);
    return -1;
}

std::set<std::uint32_t> lanesUsed(const LibraryRun& run, LaneKind kind) {
    std::set<std::uint32_t> lanes;
    for (const TraceEvent* e : run.of(EventKind::WorkBegin, kind))
        lanes.insert(e->lane.index);
    return lanes;
}

// The most spans from `begin` to `end` (events on `lane` lanes) open at one moment of
// the run: at equal times an end counts before a begin.
int mostAtOnce(const LibraryRun& run, EventKind begin, EventKind end, LaneKind lane) {
    std::vector<std::pair<Nanoseconds, int>> steps;
    for (const TraceEvent* e : run.of(begin, lane))
        steps.emplace_back(e->ts, +1);
    for (const TraceEvent* e : run.of(end, lane))
        steps.emplace_back(e->ts, -1);
    std::sort(steps.begin(), steps.end());
    int open = 0, most = 0;
    for (const auto& [ts, change] : steps)
        most = std::max(most, open += change);
    return most;
}

}  // namespace

class TestScenarioLibraryRuns : public QObject {
    Q_OBJECT

private slots:
    void everyScenarioRunsWhole_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("engine");
        for (const QString& name : QDir(kLibrary).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name)) {
            const QString file = kLibrary + QLatin1Char('/') + name;
            const ParseResult parsed = parseScenarioFile(file.toStdString());
            QVERIFY2(parsed.ok(), qPrintable(name));
            QTest::newRow(qPrintable(name + QStringLiteral(" event loop"))) << file << int(EngineKind::EventLoop);
            if (parsed.scenario->server && parsed.scenario->totalRequests() > 0)
                QTest::newRow(qPrintable(name + QStringLiteral(" threads"))) << file << int(EngineKind::ThreadPerRequest);
        }
    }

    void everyScenarioRunsWhole() {
        QFETCH(QString, file);
        QFETCH(int, engine);
        const Scenario scenario = *parseScenarioFile(file.toStdString()).scenario;
        const LibraryRun run = runScenario(file, EngineKind(engine));
        QVERIFY2(run.run.ok, run.run.error.c_str());
        const auto ends = run.of(EventKind::RunEnd);
        QCOMPARE(ends.size(), std::size_t(1));
        QCOMPARE(ends.front()->value, std::int64_t(0));
        const Nanoseconds horizon = Nanoseconds(double(scenario.runtime.horizon) * scenario.runtime.timeScale);
        QVERIFY2(run.end() < horizon, qPrintable(ms(run.end())));
        // No request vanishes, none fails.
        QCOMPARE(run.measured.requests, scenario.totalRequests());
        QCOMPARE(run.measured.answered, scenario.totalRequests());
        QVERIFY(!run.samples.empty());
        QVERIFY(run.measured.peakRssBytes > 0);
        // A note marks a moment of the event-loop run: never after it has ended (a loaded
        // machine only makes runs longer).
        if (engine == int(EngineKind::EventLoop))
            for (const Note& note : scenario.notes)
                QVERIFY2(note.at <= run.end(), qPrintable(QString::fromStdString(note.text) + " at " + ms(note.at) +
                                                           ", run ended at " + ms(run.end())));
        if (engine == int(EngineKind::EventLoop))
            QVERIFY(!run.of(EventKind::LoopIteration).empty());
    }

    void timerPrintsStartEndThenTimerFinished() {
        const LibraryRun run = runScenario(kLibrary + "/timer.yaml", EngineKind::EventLoop);
        QCOMPARE(run.logs(), (std::vector<std::string>{"Start", "End", "Timer finished"}));
        QVERIFY2(run.loggedAt("Timer finished") >= 2000 * kMillisecond, qPrintable(ms(run.loggedAt("Timer finished"))));
    }

    void blockingReadFreezesTheLoopAndTheAsyncOneDoesNot() {
        const LibraryRun run = runScenario(kLibrary + "/blocking-vs-non-blocking.yaml", EngineKind::EventLoop);
        const auto logs = run.logs();
        const int sync = indexOf(logs, "config read"), done = indexOf(logs, "main script done"),
                  timer = indexOf(logs, "timer due at 10 ms"), heartbeat = indexOf(logs, "heartbeat 1"),
                  async = indexOf(logs, "data file read");
        QVERIFY(sync >= 0 && done >= 0 && timer >= 0 && heartbeat >= 0 && async >= 0);
        QVERIFY(sync < done && done < timer && timer < heartbeat && heartbeat < async);
        // The 10 ms timer could only run once the 100 ms synchronous read let go.
        QVERIFY2(run.loggedAt("timer due at 10 ms") >= 100 * kMillisecond, qPrintable(ms(run.loggedAt("timer due"))));
    }

    void microtasksAndMacrotasksPrintInTheirNumberedOrder() {
        const LibraryRun run = runScenario(kLibrary + "/microtasks-vs-macrotasks.yaml", EngineKind::EventLoop);
        const auto logs = run.logs();
        QVERIFY(logs.size() >= 10);
        // Each line starts with the place the scenario's text gives it ("4", "4b", "5", ...).
        int previous = 0;
        for (const std::string& line : logs) {
            const int number = std::atoi(line.c_str());
            QVERIFY2(number >= previous, line.c_str());
            previous = number;
        }
    }

    void eventLoopCycleVisitsThePhasesInOrder() {
        const LibraryRun run = runScenario(kLibrary + "/event-loop-cycle.yaml", EngineKind::EventLoop);
        QCOMPARE(run.logs(), (std::vector<std::string>{"main script", "timers phase", "poll phase (the file was read)",
                                                        "check phase", "close phase",
                                                        "timers phase again (next iteration)"}));
    }

    void threeUsersReadsOverlap() {
        const LibraryRun run = runScenario(kLibrary + "/three-users-file-server.yaml", EngineKind::EventLoop);
        const auto logs = run.logs();
        const int lastReading = indexOf(logs, "request 3: reading");
        const auto answering = std::find_if(logs.begin(), logs.end(), [](const std::string& line) {
            return line.find("answering") != std::string::npos;
        });
        const int firstAnswer = int(answering - logs.begin());
        QVERIFY(lastReading >= 0 && answering != logs.end());
        QVERIFY2(lastReading < firstAnswer, "all three reads start before the first answer");
    }

    void eightHashesOnFourWorkersComeInTwoWaves() {
        const LibraryRun run = runScenario(kLibrary + "/thread-pool.yaml", EngineKind::EventLoop);
        const auto begins = run.of(EventKind::WorkBegin, LaneKind::PoolWorker);
        const auto ends = run.of(EventKind::WorkEnd, LaneKind::PoolWorker);
        QCOMPARE(begins.size(), std::size_t(8));
        QCOMPARE(lanesUsed(run, LaneKind::PoolWorker).size(), std::size_t(4));
        // The fifth hash waits for a worker: it starts only once one has finished.
        QVERIFY(begins[4]->ts >= ends.front()->ts);
    }

    void eightHashesOnEightWorkersStartTogether() {
        const LibraryRun run = runScenario(kLibrary + "/thread-pool-8.yaml", EngineKind::EventLoop);
        const auto begins = run.of(EventKind::WorkBegin, LaneKind::PoolWorker);
        const auto ends = run.of(EventKind::WorkEnd, LaneKind::PoolWorker);
        QCOMPARE(begins.size(), std::size_t(8));
        QCOMPARE(lanesUsed(run, LaneKind::PoolWorker).size(), std::size_t(8));
        QVERIFY(begins.back()->ts <= ends.front()->ts);
    }

    void networkIoNeverUsesThePool() {
        const LibraryRun run = runScenario(kLibrary + "/api-gateway-net.yaml", EngineKind::EventLoop);
        QVERIFY(run.of(EventKind::WorkBegin, LaneKind::PoolWorker).empty());
        QCOMPARE(run.of(EventKind::IoBegin, LaneKind::Kernel).size(), std::size_t(3 * run.measured.requests));
    }

    // One core: four 100 ms hashes share it and cannot all be done before 400 ms of
    // wall time. Two cores: not before 200 ms.
    void concurrencyOnOneCoreAndParallelismOnTwo() {
        const LibraryRun one = runScenario(kLibrary + "/concurrency-one-core.yaml", EngineKind::EventLoop);
        const LibraryRun two = runScenario(kLibrary + "/parallelism-two-cores.yaml", EngineKind::EventLoop);
        const auto lastHash = [](const LibraryRun& run) {
            Nanoseconds last = 0;
            for (const TraceEvent* e : run.of(EventKind::Log))
                last = std::max(last, e->ts);
            return last;
        };
        QVERIFY2(lastHash(one) >= 390 * kMillisecond, qPrintable(ms(lastHash(one))));
        QVERIFY2(lastHash(two) >= 195 * kMillisecond, qPrintable(ms(lastHash(two))));
        QCOMPARE(one.logs().size(), std::size_t(4));
        QCOMPARE(two.logs().size(), std::size_t(4));
    }

    // The event loop computes one request at a time: answers go out in arrival order,
    // the fourth after 400 ms of computing. The threads compute side by side.
    void cpuHeavyRouteSerialisesOnTheLoop() {
        const LibraryRun loop = runScenario(kLibrary + "/cpu-heavy-route.yaml", EngineKind::EventLoop);
        std::vector<std::int64_t> answered;
        for (const TraceEvent* e : loop.of(EventKind::RequestRespond))
            answered.push_back(e->value);
        QCOMPARE(answered, (std::vector<std::int64_t>{1, 2, 3, 4}));
        QVERIFY2(loop.of(EventKind::RequestRespond).back()->ts >= 400 * kMillisecond,
                 qPrintable(ms(loop.of(EventKind::RequestRespond).back()->ts)));
        const LibraryRun threads = runScenario(kLibrary + "/cpu-heavy-route.yaml", EngineKind::ThreadPerRequest);
        QVERIFY(threads.of(EventKind::ThreadCreate).size() >= 4);
    }

    // Worker threads take the computing off the main thread: the second request is
    // taken in before the first is answered.
    void workerThreadsKeepTheLoopFree() {
        const LibraryRun run = runScenario(kLibrary + "/worker-threads.yaml", EngineKind::EventLoop);
        QCOMPARE(run.of(EventKind::WorkBegin, LaneKind::Worker).size(), std::size_t(4));
        const auto arrivals = run.of(EventKind::RequestArrive);
        const auto responses = run.of(EventKind::RequestRespond);
        QVERIFY(arrivals.size() == 4 && responses.size() == 4);
        QVERIFY(arrivals[1]->ts < responses.front()->ts);
    }

    void theChefTakesEveryOrderBeforeServingAny() {
        const LibraryRun run = runScenario(kLibrary + "/the-chef.yaml", EngineKind::EventLoop);
        const auto logs = run.logs();
        int lastOrder = -1, firstDish = int(logs.size());
        for (int i = 0; i < int(logs.size()); ++i) {
            if (logs[std::size_t(i)].find("order taken") != std::string::npos)
                lastOrder = i;
            if (logs[std::size_t(i)].find("served") != std::string::npos)
                firstDish = std::min(firstDish, i);
        }
        QVERIFY(lastOrder >= 0 && firstDish < int(logs.size()));
        QVERIFY(lastOrder < firstDish);
    }

    // The acceptance of the 10,000-connection comparison: every request answered by
    // both; one thread per connection on one side, the pool and a few on the other.
    // How many of the 2 s waits overlap depends on how fast the client gets its 10,000
    // connections out (all of them on a quiet machine, fewer on a busy one), so each
    // side is held to what its design promises for the overlap the run really had,
    // read from its trace (net waits from IoBegin to IoEnd, request threads from
    // ThreadCreate to ThreadExit): the thread side has at least one thread alive per
    // waiting request, the event loop holds its waiting requests on a fixed handful.
    void tenThousandIdleConnections() {
        const LibraryRun loop = runScenario(kLibrary + "/idle-connections.yaml", EngineKind::EventLoop);
        const LibraryRun threads = runScenario(kLibrary + "/idle-connections.yaml", EngineKind::ThreadPerRequest);
        QCOMPARE(loop.measured.answered, 10000);
        QCOMPARE(threads.measured.answered, 10000);
        const int loopWaiting = mostAtOnce(loop, EventKind::IoBegin, EventKind::IoEnd, LaneKind::Kernel);
        const int threadsWaiting = mostAtOnce(threads, EventKind::IoBegin, EventKind::IoEnd, LaneKind::Kernel);
        const int threadsAlive = mostAtOnce(threads, EventKind::ThreadCreate, EventKind::ThreadExit, LaneKind::Thread);
        const QString figures =
            QString("event loop: %1 requests waiting at once, %2 threads, %3 MB; threads: %4 waiting at once, %5 "
                    "request threads alive at once, %6 threads seen by the OS, %7 MB")
                .arg(loopWaiting).arg(loop.measured.peakThreads).arg(loop.measured.peakRssBytes >> 20)
                .arg(threadsWaiting).arg(threadsAlive).arg(threads.measured.peakThreads)
                .arg(threads.measured.peakRssBytes >> 20);
        qInfo("%s", qPrintable(figures));
        // A thread of its own for every connection, alive as long as its request waits.
        QCOMPARE(int(threads.of(EventKind::ThreadCreate, LaneKind::Thread).size()), 10000);
        QVERIFY2(threadsAlive >= threadsWaiting, qPrintable(figures));
        // The event loop: the pool and a few threads, however many requests wait.
        QVERIFY2(loop.measured.peakThreads <= 4 + 8, qPrintable(figures));
        // The comparison means something only if many requests waited together: all
        // 10,000 on a quiet machine; the fewest seen on a busy one (load average above
        // 20 on the two cores) were 3,457, so a thousand is asked for.
        QVERIFY2(loopWaiting >= 1000, qPrintable(figures));
        QVERIFY2(threadsWaiting >= 1000, qPrintable(figures));
        // The OS saw those threads: its samples, taken every 5 ms through the seconds
        // the waits last, catch the plateau.
        QVERIFY2(threads.measured.peakThreads >= threadsWaiting / 2, qPrintable(figures));
        QVERIFY2(threads.measured.peakThreads > loop.measured.peakThreads, qPrintable(figures));
        QVERIFY2(threads.measured.peakRssBytes > loop.measured.peakRssBytes, qPrintable(figures));
    }
};

QTEST_GUILESS_MAIN(TestScenarioLibraryRuns)
#include "test_scenario_library_runs.moc"
