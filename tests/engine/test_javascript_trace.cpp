// What the trace of a real JavaScript program shows: each queue entry with what will run
// and the line that scheduled it, the program's own frames on the stack, the pool jobs of
// fs and crypto on real workers (a worker thread's too), Node's text for an uncaught error, and a server program
// answering a scenario's load, a net program's socket callbacks. Programs in
// tests/data/js-engine.
#include <QtTest>
#include <QTemporaryDir>

#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <set>

#include "ChildRun.h"
#include "ConsoleOutput.h"
#include "LoopbackSocket.h"

using namespace loopscope;
using namespace loopscope::testing;

namespace {

std::string program(const char* name) { return std::string(LOOPSCOPE_TEST_DATA "/js-engine/") + name; }

std::vector<TraceEvent> eventsOf(const Outcome& run, EventKind kind, QueueKind queue = QueueKind::None) {
    std::vector<TraceEvent> found;
    for (const TraceEvent& event : run.events)
        if (event.kind == kind && (queue == QueueKind::None || event.queue == queue))
            found.push_back(event);
    return found;
}

}  // namespace

class TestJavaScriptTrace : public QObject {
    Q_OBJECT
private slots:
    void queueEntriesSayWhatRunsAndWhereItWasScheduled() {
        const Outcome run = runChild(program("queues.js"));
        QVERIFY2(run.ok, run.error.c_str());
        const auto timers = eventsOf(run, EventKind::Enqueue, QueueKind::Timers);
        QCOMPARE(int(timers.size()), 1);
        QCOMPARE(timers[0].text, std::string("setTimeout(tick, 10)"));
        QCOMPARE(timers[0].step.line, 4);
        const auto ticks = eventsOf(run, EventKind::Enqueue, QueueKind::NextTick);
        QCOMPARE(int(ticks.size()), 1);
        QCOMPARE(ticks[0].text, std::string("nextTick(onTick)"));
        QCOMPARE(ticks[0].step.line, 5);
        const auto microtasks = eventsOf(run, EventKind::Enqueue, QueueKind::Microtask);
        QVERIFY(!microtasks.empty());
        QCOMPARE(microtasks[0].step.line, 6);
        const auto immediates = eventsOf(run, EventKind::Enqueue, QueueKind::Check);
        QCOMPARE(int(immediates.size()), 1);
        QCOMPARE(immediates[0].text, std::string("setImmediate(tick)"));
        // Each entry is taken from its queue and run once.
        for (QueueKind queue : {QueueKind::Timers, QueueKind::NextTick, QueueKind::Check})
            QCOMPARE(eventsOf(run, EventKind::CallbackBegin, queue).size(), std::size_t(1));
    }

    void theStackShowsTheProgramsOwnFrames() {
        const Outcome run = runChild(program("frames.js"));
        QVERIFY2(run.ok, run.error.c_str());
        std::vector<std::string> stack;
        std::vector<std::string> atLog;
        std::vector<std::string> inTimer;
        for (const TraceEvent& event : run.events) {
            if (event.kind == EventKind::FramePush)
                stack.push_back(event.text);
            else if (event.kind == EventKind::FramePop && !stack.empty())
                stack.pop_back();
            else if (event.kind == EventKind::Log && event.text == "deep")
                atLog = stack;
            else if (event.kind == EventKind::Log && event.text == "in the timer")
                inTimer = stack;
        }
        QCOMPARE(atLog, (std::vector<std::string>{"Object.<anonymous>", "outer", "inner"}));
        QCOMPARE(inTimer, (std::vector<std::string>{"(anonymous)"}));
        QVERIFY2(stack.empty(), "every frame is popped when its callback returns");
    }

    void readFileIsFourPoolJobsOneAfterTheOther() {
        const Outcome run = runChild(program("read-file.js"));
        QVERIFY2(run.ok, run.error.c_str());
        std::vector<std::string> jobs;
        for (const TraceEvent& event : eventsOf(run, EventKind::WorkBegin))
            jobs.push_back(event.text);
        QCOMPARE(jobs, (std::vector<std::string>{"fs.readFile read-file.js (open)", "fs.readFile read-file.js (fstat)",
                                                  "fs.readFile read-file.js (read)",
                                                  "fs.readFile read-file.js (close)"}));
        // Each job starts only after the one before it has ended (Node's ReadFileContext).
        const auto begins = eventsOf(run, EventKind::WorkBegin);
        const auto ends = eventsOf(run, EventKind::WorkEnd);
        for (std::size_t at = 1; at < begins.size(); ++at)
            QVERIFY(begins[at].ts >= ends[at - 1].ts);
        ConsoleOutput console;
        console.take(run.events);
        QCOMPARE(console.standardOutput(), std::string("123\n"));
    }

    void eightPbkdf2RunInTwoWavesOnFourWorkers() {
        const Outcome run = runChild(program("pbkdf2-waves.yaml"));
        QVERIFY2(run.ok, run.error.c_str());
        const auto begins = eventsOf(run, EventKind::WorkBegin);
        const auto ends = eventsOf(run, EventKind::WorkEnd);
        QCOMPARE(int(begins.size()), 8);
        QCOMPARE(int(ends.size()), 8);
        std::set<std::uint32_t> lanes;
        for (const TraceEvent& begin : begins) {
            QCOMPARE(begin.lane.kind, LaneKind::PoolWorker);
            lanes.insert(begin.lane.index);
        }
        QCOMPARE(int(lanes.size()), 4);
        // The fifth job waits for a free worker: it starts no earlier than the first end.
        std::vector<Nanoseconds> beginTimes, endTimes;
        for (const TraceEvent& event : begins)
            beginTimes.push_back(event.ts);
        for (const TraceEvent& event : ends)
            endTimes.push_back(event.ts);
        std::sort(beginTimes.begin(), beginTimes.end());
        std::sort(endTimes.begin(), endTimes.end());
        QVERIFY(beginTimes[4] >= endTimes[0]);
        // Never more than four at once.
        int busy = 0, most = 0;
        for (const TraceEvent& event : run.events) {
            if (event.kind == EventKind::WorkBegin)
                most = std::max(most, ++busy);
            else if (event.kind == EventKind::WorkEnd)
                --busy;
        }
        QCOMPARE(most, 4);
    }

    // A worker thread's jobs share the process's pool: they are drawn on the pool lanes,
    // named for the worker, with ids of their own.
    void aWorkerThreadsPoolJobsAreOnThePoolLanes() {
        EngineOptions options;
        options.threadpool = 4;
        const Outcome run = runChild(program("worker-pool-jobs.js"), options);
        QVERIFY2(run.ok, run.error.c_str());
        std::vector<TraceEvent> mainJobs, workerJobs;
        for (const TraceEvent& begin : eventsOf(run, EventKind::WorkBegin)) {
            if (begin.lane.kind != LaneKind::PoolWorker)
                continue;
            QVERIFY2(begin.text.find("crypto.pbkdf2") != std::string::npos, begin.text.c_str());
            (begin.text.rfind("worker 1: ", 0) == 0 ? workerJobs : mainJobs).push_back(begin);
        }
        QCOMPARE(int(mainJobs.size()), 2);
        QCOMPARE(int(workerJobs.size()), 2);
        std::set<std::uint64_t> ids;
        for (const auto* jobs : {&mainJobs, &workerJobs})
            for (const TraceEvent& job : *jobs)
                ids.insert(job.id);
        QCOMPARE(int(ids.size()), 4);
        int ends = 0;
        for (const TraceEvent& end : eventsOf(run, EventKind::WorkEnd))
            ends += end.lane.kind == LaneKind::PoolWorker && ids.count(end.id);
        QCOMPARE(ends, 4);
        // One pool thread is one lane for the whole process: a lane runs one job at a time.
        std::map<std::uint32_t, int> running;
        for (const TraceEvent& event : run.events) {
            if (event.lane.kind != LaneKind::PoolWorker || !ids.count(event.id))
                continue;
            if (event.kind == EventKind::WorkBegin)
                QVERIFY2(++running[event.lane.index] == 1, event.text.c_str());
            else if (event.kind == EventKind::WorkEnd)
                --running[event.lane.index];
        }
        const std::string out = [&] {
            ConsoleOutput console;
            console.take(run.events);
            return console.standardOutput();
        }();
        for (const char* line : {"main hash 1\n", "main hash 2\n", "worker hash 1\n", "worker hash 2\n", "worker exit 0\n"})
            QVERIFY2(out.find(line) != std::string::npos, out.c_str());
    }

    void anUncaughtErrorIsPrintedAsNodePrintsItAndExitsWithOne() {
        const Outcome run = runChild(program("uncaught.js"));
        QVERIFY2(run.ok, run.error.c_str());
        ConsoleOutput console;
        console.take(run.events);
        QCOMPARE(console.standardOutput(), std::string("before\n"));
        const std::string& err = console.standardError();
        QVERIFY2(err.find(program("uncaught.js") + ":3\n  throw new Error('boom');\n") == 0, err.c_str());
        QVERIFY2(err.find("\n  ^\n") != std::string::npos, err.c_str());  // under `throw`, as V8 reports
        QVERIFY2(err.find("Error: boom\n    at fail (") != std::string::npos, err.c_str());
        QVERIFY2(err.find("\n\nNode.js v20.") != std::string::npos, err.c_str());
        QCOMPARE(console.exitCode(), std::optional<int>(1));
    }

    void aLoopThatNeverEndsIsStoppedAtTheHorizon() {
        const Outcome run = runChild(program("runaway.yaml"));
        QVERIFY2(run.ok, run.error.c_str());
        const auto ends = eventsOf(run, EventKind::RunEnd);
        QCOMPARE(int(ends.size()), 1);
        QCOMPARE(ends[0].text, std::string(kStoppedAtHorizon));
        QVERIFY(ends[0].ts >= kSecond);
        ConsoleOutput console;
        console.take(run.events);
        QCOMPARE(console.standardOutput(), std::string("spinning\n"));
        // Node would spin for ever; the run says where the script was when the horizon came
        // (the line is the engine's: an empty `for (;;) {}` counts as the line before it).
        const std::string& err = console.standardError();
        const std::string said = "loopscope: the run reached its horizon while the program was still running "
                                 "JavaScript at " + program("runaway.js") + ":";
        QVERIFY2(err.rfind(said, 0) == 0, err.c_str());
        const std::string why = " (code that never returns to the event loop, or a horizon too short for it)\n";
        QVERIFY2(err.size() > why.size() && err.compare(err.size() - why.size(), why.size(), why) == 0, err.c_str());
        QCOMPARE(std::count(err.begin(), err.end(), '\n'), 1);
    }

    void queuesThatNeverEmptyAreNamedWhenTheHorizonComes() {
        const Outcome run = runChild(program("endless-ticks.yaml"));
        QVERIFY2(run.ok, run.error.c_str());
        const auto ends = eventsOf(run, EventKind::RunEnd);
        QCOMPARE(int(ends.size()), 1);
        QCOMPARE(ends[0].text, std::string(kStoppedAtHorizon));
        ConsoleOutput console;
        console.take(run.events);
        QCOMPARE(console.standardOutput(), std::string("ticking\n"));
        QCOMPARE(console.standardError(),
                 std::string("loopscope: the run reached its horizon while the nextTick queue was still being drained "
                             "(callbacks that queue more without end keep the event loop from going on)\n"));
    }

    // The engine's heap limit counts only GC things; memory malloc'd beside them (arrays'
    // elements) is watched as the process's resident memory. Whichever thread fills it, the
    // run ends as at the heap limit, long before the horizon.
    void memoryGrowingOutsideTheHeapEndsTheRunAsTheHeapLimitDoes_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("firstLine");
        QTest::newRow("on the main thread") << "malloc-growth.yaml" << "allocating";
        QTest::newRow("on a worker, the main thread idle") << "malloc-growth-worker.yaml" << "starting a worker";
    }
    void memoryGrowingOutsideTheHeapEndsTheRunAsTheHeapLimitDoes() {
        QFETCH(QString, file);
        QFETCH(QString, firstLine);
        const Outcome run = runChild(program(qPrintable(file)));
        QVERIFY2(run.ok, run.error.c_str());
        ConsoleOutput console;
        console.take(run.events);
        QCOMPARE(console.standardOutput(), firstLine.toStdString() + "\n");
        QVERIFY2(console.standardError().find("JavaScript heap out of memory\n(the program's memory is limited to "
                                              "runtime.heap = 64 MiB)") != std::string::npos,
                 console.standardError().c_str());
        QCOMPARE(console.exitCode(), std::optional<int>(134));
        const auto ends = eventsOf(run, EventKind::RunEnd);
        QCOMPARE(int(ends.size()), 1);
        QVERIFY(ends[0].text != kStoppedAtHorizon);
        QVERIFY(ends[0].ts < 30 * kSecond);
    }

    // A program that logs or queues without end stops at the event limit (kMaxRunEvents,
    // lower here so that the test need not make eight million events), wherever it runs:
    // in a synchronous loop or in an endless chain of microtasks.
    void aProgramWithoutEndStopsAtTheEventLimit_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("firstLine");
        QTest::newRow("a loop of console.log") << "endless-lines.js" << "line 1";
        QTest::newRow("a chain of promise jobs") << "endless-promises.js" << "spinning";
    }
    void aProgramWithoutEndStopsAtTheEventLimit() {
        QFETCH(QString, file);
        QFETCH(QString, firstLine);
        EngineOptions options;
        options.eventLimit = 150'000;
        const Outcome run = runChild(program(file.toStdString().c_str()), options);
        QVERIFY2(run.ok, run.error.c_str());
        const auto ends = eventsOf(run, EventKind::RunEnd);
        QCOMPARE(int(ends.size()), 1);
        QCOMPARE(ends[0].text, std::string("stopped after 150,000 events: the program logs or schedules without end"));
        QVERIFY(isStoppedAtEventLimit(ends[0].text));
        std::int64_t mainEvents = 0;
        for (const TraceEvent& e : run.events)
            mainEvents += e.lane.kind == LaneKind::Main ? 1 : 0;
        QVERIFY(mainEvents >= *options.eventLimit);
        QVERIFY2(mainEvents < *options.eventLimit + 100, std::to_string(mainEvents).c_str());
        ConsoleOutput console;
        console.take(run.events);
        QVERIFY(console.standardOutput().rfind(firstLine.toStdString() + "\n", 0) == 0);
    }

    // A scenario's service is really there: it answers each request `takes` after it came,
    // two at once side by side, and a port it cannot have fails the run with a clear error.
    void aProgramCallsTheScenariosService() {
        // A free port now, for the service (the test may run beside another one).
        int port = 0;
        {
            const LoopbackSocket probe(LoopbackSocket::Mode::Listening);
            port = probe.port();
        }
        QVERIFY(port > 0);
        QTemporaryDir dir;
        const QString scenario = dir.filePath(QStringLiteral("service.yaml"));
        QFile file(scenario);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("loopscope: 1\ntitle: a slow database\nprogram: %1\n"
                                  "services:\n  - {name: database, port: %2, takes: 200ms}\n")
                       .arg(QString::fromStdString(program("service-client.js")))
                       .arg(port)
                       .toUtf8());
        file.close();
        qputenv("LOOPSCOPE_TEST_SERVICE_PORT", QByteArray::number(port));
        const Outcome run = runChild(scenario.toStdString());
        QVERIFY2(run.ok, run.error.c_str());
        ConsoleOutput console;
        console.take(run.events);
        QCOMPARE(console.standardOutput(), std::string("200 database 1 200\n2 3\n"));
        // One answer after the other: at least 200 ms, then 200 ms more for the two at once.
        const std::vector<double> first = run.logMs("200 database");
        const std::vector<double> second = run.logMs("2 3");
        QCOMPARE(int(first.size()), 1);
        QCOMPARE(int(second.size()), 1);
        QVERIFY(first[0] >= 200);
        QVERIFY(second[0] - first[0] >= 200);

        // The same port taken by someone else: the run fails and says which service and why.
        const LoopbackSocket squatter(LoopbackSocket::Mode::Listening, port);
        QCOMPARE(squatter.port(), port);
        const Outcome refused = runChild(scenario.toStdString());
        QVERIFY(!refused.ok);
        QVERIFY2(refused.error.find("services: database: cannot listen on 127.0.0.1:" + std::to_string(port)) !=
                     std::string::npos,
                 refused.error.c_str());
    }

    void aProgramBeyondItsHeapEndsWithNodesFatalError() {
        const Outcome run = runChild(program("heap.yaml"));
        QVERIFY2(run.ok, run.error.c_str());
        ConsoleOutput console;
        console.take(run.events);
        QCOMPARE(console.standardOutput(), std::string("allocating\n"));
        QVERIFY2(console.standardError().find("JavaScript heap out of memory") != std::string::npos,
                 console.standardError().c_str());
        QVERIFY2(console.standardError().find("limited to runtime.heap = 32 MiB") != std::string::npos,
                 console.standardError().c_str());
        QCOMPARE(console.exitCode(), std::optional<int>(134));
    }

    void aServerProgramAnswersTheScenariosLoad() {
        const Outcome run = runChild(program("server.yaml"));
        QVERIFY2(run.ok, run.error.c_str());
        QCOMPARE(run.count(EventKind::RequestArrive), 5);
        const auto responds = eventsOf(run, EventKind::RequestRespond);
        QCOMPARE(int(responds.size()), 5);
        for (const TraceEvent& respond : responds)
            QCOMPARE(respond.text, std::string("200"));
        const auto done = eventsOf(run, EventKind::RequestDone);
        QCOMPARE(int(done.size()), 5);
        for (const TraceEvent& answer : done)
            QCOMPARE(answer.text, std::string("200"));
        // Each request is a poll-phase callback named for its method and URL.
        const auto requests = eventsOf(run, EventKind::Enqueue, QueueKind::Poll);
        QVERIFY(std::any_of(requests.begin(), requests.end(),
                            [](const TraceEvent& e) { return e.text.rfind("request GET /", 0) == 0; }));
    }

    // A net program's sockets are the loop's own I/O: the connection, every chunk read and
    // each connect's outcome are poll-phase callbacks on the main lane with the program's
    // listeners running inside them, a socket's close is a close-phase callback, the error
    // of a refused connect comes on a tick that callback queued, and the kernel lane shows
    // each connect from its start to its answer.
    void netSocketCallbacksArePollPhaseCallbacks() {
        const Outcome run = runChild(program("net-echo.js"));
        QVERIFY2(run.ok, run.error.c_str());
        ConsoleOutput console;
        console.take(run.events);
        QCOMPARE(console.standardOutput(),
                 std::string("server got ping 1\nclient got ping 1\nserver got ping 2\nclient got ping 2\n"
                             "server got ping 3\nclient got ping 3\nrefused: ECONNREFUSED\n"));

        std::map<std::uint64_t, std::string> labelOf;
        std::map<std::string, int> enqueued;
        for (const TraceEvent& event : eventsOf(run, EventKind::Enqueue)) {
            if (event.text.rfind("net ", 0) != 0)
                continue;
            labelOf[event.id] = event.text;
            ++enqueued[event.text];
            const QueueKind expected = event.text == "net close" ? QueueKind::Close : QueueKind::Poll;
            QVERIFY2(event.queue == expected, event.text.c_str());
        }
        // Three lines each way, one chunk each (each is sent after the echo of the one before).
        QCOMPARE(enqueued["net data"], 6);
        QCOMPARE(enqueued["net connection"], 1);
        QCOMPARE(enqueued["net connect"], 2);
        QCOMPARE(enqueued["net end"], 2);
        QCOMPARE(enqueued["net close"], 3);

        std::vector<std::uint64_t> running;  // the callbacks running now, innermost last
        std::map<std::uint64_t, TraceEvent> begun;
        int linesInDataCallbacks = 0;
        for (const TraceEvent& event : run.events) {
            if (event.kind == EventKind::CallbackBegin) {
                running.push_back(event.id);
                begun[event.id] = event;
                const auto label = labelOf.find(event.id);
                if (label == labelOf.end())
                    continue;
                QVERIFY2(event.lane.kind == LaneKind::Main, label->second.c_str());
                const Phase expected = label->second == "net close" ? Phase::Close : Phase::Poll;
                QVERIFY2(event.phase == expected, label->second.c_str());
            } else if (event.kind == EventKind::CallbackEnd && !running.empty()) {
                running.pop_back();
            } else if (event.kind == EventKind::Log && event.text.find(" got ping ") != std::string::npos) {
                QVERIFY(!running.empty());
                QCOMPARE(labelOf[running.back()], std::string("net data"));
                ++linesInDataCallbacks;
            } else if (event.kind == EventKind::Log && event.text == "refused: ECONNREFUSED") {
                QVERIFY(!running.empty());
                const TraceEvent& tick = begun[running.back()];
                QCOMPARE(tick.queue, QueueKind::NextTick);
                QCOMPARE(labelOf[tick.cause], std::string("net connect"));
            }
        }
        QCOMPARE(linesInDataCallbacks, 6);

        std::set<std::uint64_t> connectsBegun;
        for (const TraceEvent& event : eventsOf(run, EventKind::IoBegin))
            if (event.text.rfind("net connect 127.0.0.1:", 0) == 0) {
                QVERIFY(event.lane.kind == LaneKind::Kernel);
                connectsBegun.insert(event.id);
            }
        QCOMPARE(int(connectsBegun.size()), 2);
        int connectsEnded = 0;
        for (const TraceEvent& event : eventsOf(run, EventKind::IoEnd))
            connectsEnded += int(connectsBegun.count(event.id));
        QCOMPARE(connectsEnded, 2);
    }

    // Nothing beyond loopback: listening on every interface and connecting elsewhere are
    // errors that name what loopscope does, and no connect is attempted.
    void finalizationRegistryCallbacksRunInThePollPhase() {
        const Outcome run = runChild(program("finalization.js"));
        QVERIFY2(run.ok, run.error.c_str());
        ConsoleOutput console;
        console.take(run.events);
        QCOMPARE(console.standardOutput(), std::string("cleaned 10 of 10\n"));
        int cleanups = 0;
        for (const TraceEvent& event : eventsOf(run, EventKind::Enqueue, QueueKind::Poll))
            cleanups += event.text == "FinalizationRegistry cleanup";
        QVERIFY2(cleanups >= 1, "the registry's callbacks come as the engine's cleanup task");
    }

    void standardInputChunksArePollPhaseCallbacks() {
        int input[2];
        QCOMPARE(pipe2(input, O_CLOEXEC), 0);
        const std::string text = "one\ntwo\nthree\n";
        QCOMPARE(write(input[1], text.data(), text.size()), ssize_t(text.size()));
        close(input[1]);
        EngineOptions options;
        options.standardInput = input[0];
        const Outcome run = runChild(std::string(LOOPSCOPE_TEST_DATA "/js/stdin-stream-events.js"), options);
        close(input[0]);
        QVERIFY2(run.ok, run.error.c_str());
        std::vector<std::string> labels;
        for (const TraceEvent& event : eventsOf(run, EventKind::Enqueue, QueueKind::Poll))
            if (event.text.rfind("stdin", 0) == 0)
                labels.push_back(event.text);
        QCOMPARE(labels, (std::vector<std::string>{"stdin data", "stdin end"}));
        ConsoleOutput console;
        console.take(run.events);
        QVERIFY2(console.standardOutput().find("end: 14 characters, 4 lines\n") != std::string::npos,
                 console.standardOutput().c_str());
    }

    void eachChunkThroughAZlibStreamIsAPoolJob() {
        const Outcome run = runChild(program("gzip-stream.js"));
        QVERIFY2(run.ok, run.error.c_str());
        const auto begins = eventsOf(run, EventKind::WorkBegin);
        QCOMPARE(int(begins.size()), 4);  // three writes and the finish
        for (const TraceEvent& begin : begins) {
            QCOMPARE(begin.text, std::string("Gzip.write"));
            QCOMPARE(begin.lane.kind, LaneKind::PoolWorker);
        }
        ConsoleOutput console;
        console.take(run.events);
        QCOMPARE(console.standardOutput(), std::string("one two three\n"));
    }

    void aProgramGetsItsCommandLineArguments() {
        EngineOptions options;
        options.programArguments = {"--name", "Ada", "-v", "input.txt", "two words"};
        const Outcome run = runChild(program("argv.js"), options);
        QVERIFY2(run.ok, run.error.c_str());
        ConsoleOutput console;
        console.take(run.events);
        QCOMPARE(console.standardOutput(),
                 std::string("argv: argv.js --name Ada -v input.txt two words\n"
                             "values: {\"name\":\"Ada\",\"verbose\":true} positionals: [\"input.txt\",\"two words\"]\n"));
    }

    void aNetProgramReachesLoopbackOnly() {
        const Outcome run = runChild(program("net-not-loopback.js"));
        QVERIFY2(run.ok, run.error.c_str());
        ConsoleOutput console;
        console.take(run.events);
        QCOMPARE(console.standardOutput(),
                 std::string("every interface: 0.0.0.0 IPv4\n"
                             "listen: EACCES listen listen EACCES: loopscope serves on loopback only, not on "
                             "10.1.2.3:8123 (listen on 127.0.0.1, ::1, localhost or leave the host out)\n"
                             "connect: EACCES connect 10.1.2.3:80 connect EACCES 10.1.2.3:80 (loopscope connects "
                             "to loopback only: 127.0.0.1, ::1, localhost)\n"
                             "close hadError=true\n"
                             "lookup: ENOTFOUND getaddrinfo\n"));
        QCOMPARE(int(eventsOf(run, EventKind::IoBegin).size()), 0);
    }
};

QTEST_GUILESS_MAIN(TestJavaScriptTrace)
#include "test_javascript_trace.moc"
