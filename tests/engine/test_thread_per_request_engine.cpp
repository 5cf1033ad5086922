// The thread-per-request engine in-process: blocking twins, one thread per
// connection, threads.max, the horizon, and the trace it reports.
#include "ThreadPerRequestEngine.h"
#include "engine/CollectingSink.h"

#include <QtTest>

#include <map>
#include <set>

using namespace loopscope;
using loopscope::testing::CollectingSink;

namespace {

Step log(const std::string& text) {
    Step s;
    s.kind = StepKind::Log;
    s.text = text;
    return s;
}
Step timed(StepKind kind, Nanoseconds duration, StepList then = {}) {
    Step s;
    s.kind = kind;
    s.duration = duration;
    if (kind == StepKind::SetTimeout || kind == StepKind::SetInterval)
        s.run = std::move(then);
    else
        s.then = std::move(then);
    return s;
}
Step respond(int status) {
    Step s;
    s.kind = StepKind::Respond;
    s.count = status;
    return s;
}
// `await {all|race: [fs.readFile ... then: log NAME]...}` then `log after`, respond 200.
StepList awaitReads(AwaitTarget::Kind kind, std::vector<std::pair<std::string, Nanoseconds>> reads) {
    AwaitTarget together;
    together.kind = kind;
    for (const auto& [name, takes] : reads) {
        AwaitTarget input;
        input.kind = AwaitTarget::Kind::Promise;
        input.promise = {timed(StepKind::ReadFile, takes, {log(name)})};
        together.inputs.push_back(input);
    }
    Step await;
    await.kind = StepKind::Await;
    await.awaited = {together};
    return {await, log("after"), respond(200)};
}
Scenario serverScenario(StepList handler, int requests, Nanoseconds spacing = 0) {
    Scenario scenario;
    scenario.server = ServerSpec{{}, std::move(handler)};
    LoadWave wave;
    wave.requests = requests;
    wave.spacing = spacing;
    scenario.load.push_back(wave);
    scenario.runtime.horizon = 20 * kSecond;
    return scenario;
}

std::vector<Nanoseconds> latencies(const CollectingSink& sink) {
    std::map<std::uint64_t, Nanoseconds> sent;
    for (const TraceEvent& e : sink.of(EventKind::RequestSend))
        sent[e.id] = e.ts;
    std::vector<Nanoseconds> result;
    for (const TraceEvent& e : sink.of(EventKind::RequestDone))
        result.push_back(e.ts - sent[e.id]);
    std::sort(result.begin(), result.end());
    return result;
}

}  // namespace

class TestThreadPerRequestEngine : public QObject {
    Q_OBJECT

private slots:
    void mainScriptRunsBlockingTwinsInProgramOrder() {
        Scenario scenario;
        scenario.main = {log("Start"), timed(StepKind::SetTimeout, 30 * kMillisecond, {log("Timer finished")}),
                         log("End")};
        CollectingSink sink;
        ThreadPerRequestEngine engine;
        QVERIFY(engine.run(scenario, sink).ok);
        const std::vector<std::string> expected{"Start", "Timer finished", "End"};
        QCOMPARE(sink.logLines(), expected);
        const auto events = sink.events();
        QCOMPARE(events.front().kind, EventKind::RunBegin);
        QCOMPARE(events.front().value, std::int64_t(EngineKind::ThreadPerRequest));
        QCOMPARE(events.back().kind, EventKind::RunEnd);
        QVERIFY(sink.of(EventKind::Log)[2].ts - sink.of(EventKind::Log)[0].ts >= 30 * kMillisecond);
    }

    void everyRequestGetsItsOwnThreadAndIsAnswered() {
        Scenario scenario = serverScenario(
            {timed(StepKind::Cpu, kMillisecond), timed(StepKind::Net, 100 * kMillisecond, {respond(200)})}, 3);
        CollectingSink sink;
        ThreadPerRequestEngine engine;
        const EngineResult result = engine.run(scenario, sink);
        QVERIFY2(result.ok, result.error.c_str());
        QCOMPARE(sink.of(EventKind::RequestArrive).size(), size_t(3));
        QCOMPARE(sink.of(EventKind::RequestRespond).size(), size_t(3));
        QCOMPARE(sink.of(EventKind::ThreadCreate).size(), size_t(3));
        QCOMPARE(sink.of(EventKind::ThreadExit).size(), size_t(3));
        QCOMPARE(sink.of(EventKind::WorkBegin).size(), size_t(3));
        std::set<std::uint32_t> lanes;
        for (const TraceEvent& e : sink.of(EventKind::RequestArrive)) {
            QCOMPARE(e.lane.kind, LaneKind::Thread);
            lanes.insert(e.lane.index);
        }
        QCOMPARE(lanes.size(), size_t(3));
        for (const TraceEvent& e : sink.of(EventKind::RequestDone)) {
            QCOMPARE(QString::fromStdString(e.text), QString("200"));
            QVERIFY(e.value >= 1 && e.value <= 3);  // the server's request number came back
        }
        const auto waited = latencies(sink);
        QVERIFY2(waited.front() >= 100 * kMillisecond, std::to_string(waited.front()).c_str());
        QVERIFY2(waited.back() < 1500 * kMillisecond, std::to_string(waited.back()).c_str());
        QCOMPARE(sink.maxCounter("threads alive"), std::int64_t(3));
        QCOMPARE(sink.of(EventKind::RunEnd).back().text, std::string());
    }

    // Promise.all as a fork-join: both reads wait at the same time on threads of their
    // own, so the request takes about the longer read, not the sum.
    void awaitAllWaitsForEveryInputAtOnce() {
        Scenario scenario = serverScenario(awaitReads(AwaitTarget::Kind::All, {{"slow", 300 * kMillisecond},
                                                                                {"fast", 100 * kMillisecond}}),
                                           1);
        CollectingSink sink;
        ThreadPerRequestEngine engine;
        QVERIFY(engine.run(scenario, sink).ok);
        QCOMPARE(sink.logLines(), (std::vector<std::string>{"fast", "slow", "after"}));
        const std::vector<Nanoseconds> latency = latencies(sink);
        QCOMPARE(latency.size(), std::size_t(1));
        QVERIFY2(latency[0] >= 300 * kMillisecond, qPrintable(QString::number(latency[0] / kMillisecond)));
        // Both reads wait at once: the second blocks before the first wakes.
        int blockedBeforeFirstWake = 0;
        for (const TraceEvent& e : sink.events()) {
            if (e.kind == EventKind::ThreadRun)
                break;
            blockedBeforeFirstWake += e.kind == EventKind::ThreadBlock && e.text == "fs.readFile";
        }
        QCOMPARE(blockedBeforeFirstWake, 2);
        // The request's thread and one thread per input, each created and exited once.
        QCOMPARE(sink.of(EventKind::ThreadCreate).size(), std::size_t(3));
        QCOMPARE(sink.of(EventKind::ThreadExit).size(), std::size_t(3));
        QCOMPARE(sink.of(EventKind::RequestRespond).size(), std::size_t(1));
    }

    // Promise.race: the request goes on when the first input ends; the loser still
    // runs to its end before the connection closes.
    void awaitRaceGoesOnAfterTheFirstInput() {
        Scenario scenario = serverScenario(awaitReads(AwaitTarget::Kind::Race, {{"slow", 300 * kMillisecond},
                                                                                 {"fast", 100 * kMillisecond}}),
                                           1);
        CollectingSink sink;
        ThreadPerRequestEngine engine;
        QVERIFY(engine.run(scenario, sink).ok);
        QCOMPARE(sink.logLines(), (std::vector<std::string>{"fast", "after", "slow"}));
        const std::vector<TraceEvent> logs = sink.of(EventKind::Log);
        const Nanoseconds afterAt = logs[1].ts;
        QVERIFY2(afterAt >= 100 * kMillisecond, qPrintable(QString::number(afterAt / kMillisecond)));
        QCOMPARE(sink.of(EventKind::RequestRespond).size(), std::size_t(1));
        QCOMPARE(sink.of(EventKind::ThreadExit).size(), std::size_t(3));
        QCOMPARE(latencies(sink).size(), std::size_t(1));
    }

    void threadsMaxQueuesConnectionsInTheBacklog() {
        Scenario scenario = serverScenario({timed(StepKind::ReadFile, 100 * kMillisecond, {respond(200)})}, 3);
        scenario.threads.max = 1;
        CollectingSink sink;
        ThreadPerRequestEngine engine;
        QVERIFY(engine.run(scenario, sink).ok);
        QCOMPARE(sink.maxCounter("threads alive"), std::int64_t(1));
        const auto waited = latencies(sink);
        QCOMPARE(waited.size(), size_t(3));
        // One at a time: about 100, 200 and 300 ms, less however much later than the
        // first the client got its last request out.
        const auto sends = sink.of(EventKind::RequestSend);
        const Nanoseconds spread = sends.back().ts - sends.front().ts;
        QVERIFY2(waited[1] >= 200 * kMillisecond - spread, std::to_string(waited[1]).c_str());
        QVERIFY2(waited[2] >= 300 * kMillisecond - spread, std::to_string(waited[2]).c_str());
        QVERIFY2(waited[2] < 2000 * kMillisecond, std::to_string(waited[2]).c_str());
    }

    void aHandlerThatNeverRespondsClosesItsConnection() {
        Scenario scenario = serverScenario({log("no answer for {request}")}, 2);
        CollectingSink sink;
        ThreadPerRequestEngine engine;
        QVERIFY(engine.run(scenario, sink).ok);
        for (const TraceEvent& e : sink.of(EventKind::RequestDone))
            QCOMPARE(QString::fromStdString(e.text), QString("the server closed the connection without a response"));
        auto lines = sink.logLines();
        std::sort(lines.begin(), lines.end());
        QCOMPARE(lines, (std::vector<std::string>{"no answer for 1", "no answer for 2"}));
    }

    void theHorizonEndsAnEndlessInterval() {
        Scenario scenario;
        Step interval = timed(StepKind::SetInterval, 10 * kMillisecond, {log("tick {tick}")});
        scenario.main = {interval};
        scenario.runtime.horizon = 200 * kMillisecond;
        CollectingSink sink;
        ThreadPerRequestEngine engine;
        QElapsedTimer elapsed;
        elapsed.start();
        QVERIFY(engine.run(scenario, sink).ok);
        QVERIFY(elapsed.elapsed() < 2000);
        const auto lines = sink.logLines();
        QVERIFY(lines.size() >= 5 && lines.size() <= 20);
        QCOMPARE(lines.front(), std::string("tick 1"));
    }

    void cpuStepsUseThreadCpuTime() {
        Scenario scenario = serverScenario({timed(StepKind::Cpu, 30 * kMillisecond), respond(200)}, 1);
        CollectingSink sink;
        ThreadPerRequestEngine engine;
        QVERIFY(engine.run(scenario, sink).ok);
        const auto begins = sink.of(EventKind::WorkBegin), ends = sink.of(EventKind::WorkEnd);
        QCOMPARE(begins.size(), size_t(1));
        QVERIFY(ends[0].ts - begins[0].ts >= 30 * kMillisecond);
    }
};

QTEST_GUILESS_MAIN(TestThreadPerRequestEngine)
#include "test_thread_per_request_engine.moc"
