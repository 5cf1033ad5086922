// Traces that real Node 20 recorded (tests/data/node-traces, made by
// scripts/record-node-traces.py) opened as runs: the pool jobs on their lanes in waves,
// the phases in the order Node guarantees, each callback's queue by its resource type,
// cause ids, the numbered set and the cut-short file; exact errors for broken inputs; and
// the timeline, the loop state and the measurements take the result without complaint.
#include "LoopStateIndex.h"
#include "NodeTraceImport.h"
#include "RunMeasurements.h"
#include "TraceSpans.h"

#include <QtTest>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

using namespace loopscope;

namespace {

const std::string kTraces = LOOPSCOPE_TEST_DATA "/node-traces/";
const char* const kRecordings[] = {"timers-and-check", "pbkdf2", "zlib", "http"};

RunDocument mustRead(const std::string& path) {
    NodeTraceResult result = readNodeTrace(path);
    if (!result.document)
        qFatal("%s", result.error.c_str());
    return std::move(*result.document);
}

const Trace& traceOf(const RunDocument& document) { return document.runs.at(0).trace; }

std::vector<TraceEvent> eventsOf(const Trace& trace, EventKind kind) {
    std::vector<TraceEvent> events;
    std::copy_if(trace.begin(), trace.end(), std::back_inserter(events),
                 [kind](const TraceEvent& event) { return event.kind == kind; });
    return events;
}

// The resource type a callback ran for: its text up to the ": fs.open" some carry.
std::string typeOf(const TraceEvent& callback) { return callback.text.substr(0, callback.text.find(':')); }

std::vector<TraceEvent> callbacksOfType(const Trace& trace, const std::string& type) {
    std::vector<TraceEvent> callbacks;
    for (const TraceEvent& event : eventsOf(trace, EventKind::CallbackBegin))
        if (typeOf(event) == type)
            callbacks.push_back(event);
    return callbacks;
}

// [begin, end) of every phase of `phase`, in time order.
std::vector<std::pair<Nanoseconds, Nanoseconds>> phaseSpans(const Trace& trace, Phase phase) {
    std::vector<std::pair<Nanoseconds, Nanoseconds>> spans;
    for (const TraceEvent& event : trace) {
        if (event.phase != phase)
            continue;
        if (event.kind == EventKind::PhaseEnter)
            spans.emplace_back(event.ts, -1);
        else if (event.kind == EventKind::PhaseLeave && !spans.empty())
            spans.back().second = event.ts;
    }
    return spans;
}

bool sameEvent(const TraceEvent& a, const TraceEvent& b) {
    return a.ts == b.ts && a.kind == b.kind && a.phase == b.phase && a.queue == b.queue && a.lane == b.lane &&
           a.id == b.id && a.cause == b.cause && a.value == b.value && a.text == b.text;
}

std::string fileText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

class TestNodeTraceImport : public QObject {
    Q_OBJECT

private slots:
    void documentNamesNodeAndTheScript();
    void tracesRunFromRunBeginToRunEndInTimeOrder_data();
    void tracesRunFromRunBeginToRunEndInTimeOrder();
    void pbkdf2JobsRunOnFourPoolLanesInTwoWaves();
    void timersPhaseComesBeforeCheckWhereNodeGuaranteesIt();
    void callbacksComeFromTheQueueOfTheirResourceType();
    void causesLinkCallbacksToWhatScheduledThem();
    void numberedSetReadsAsTheSingleFile();
    void numberedSetIsTheConsecutiveFilesAroundTheOneOpened();
    void cutShortTraceIsImportedWhole();
    void brokenInputsGetExactErrors_data();
    void brokenInputsGetExactErrors();
    void fileLargerThanTheCapIsRefusedUnread();
    void hostileNestingAndPhasesStayOrdered();
    void tellsChromeTracesFromScenarios();
    void timelineStateAndMeasurementsTakeTheRun_data();
    void timelineStateAndMeasurementsTakeTheRun();
};

void TestNodeTraceImport::documentNamesNodeAndTheScript() {
    const RunDocument document = mustRead(kTraces + "pbkdf2.trace.json");
    QVERIFY2(document.origin.recorder.rfind("node v20.", 0) == 0, document.origin.recorder.c_str());
    QVERIFY(document.origin.recorder.ends_with(" trace events"));
    QCOMPARE(document.title, std::string("pbkdf2.js"));
    QCOMPARE(document.sources.size(), std::size_t(1));
    QCOMPARE(document.sources[0].path, kTraces + "pbkdf2.trace.json");
    QCOMPARE(document.runs.size(), std::size_t(1));
    QCOMPARE(document.runs[0].engine, EngineKind::EventLoop);
    const auto says = [&](const char* words) {
        return std::any_of(document.limits.begin(), document.limits.end(),
                           [&](const std::string& limit) { return limit.find(words) != std::string::npos; });
    };
    QVERIFY(says("no call stack"));
    QVERIFY(says("what waits in the nextTick, microtask, timer and immediate queues"));
    QVERIFY(says("the poll, pending and close phases have no marker"));
    QVERIFY(says("no console output"));
    QVERIFY(says("matched to the request that queued it by order"));
    QVERIFY(!says("closing ]}"));
}

void TestNodeTraceImport::tracesRunFromRunBeginToRunEndInTimeOrder_data() {
    QTest::addColumn<QString>("name");
    for (const char* name : kRecordings)
        QTest::newRow(name) << QString(name);
}

void TestNodeTraceImport::tracesRunFromRunBeginToRunEndInTimeOrder() {
    QFETCH(QString, name);
    const Trace trace = traceOf(mustRead(kTraces + name.toStdString() + ".trace.json"));
    QVERIFY(trace.size() > 20);
    QCOMPARE(trace.front().kind, EventKind::RunBegin);
    QCOMPARE(trace.front().ts, Nanoseconds(0));
    QCOMPARE(trace.front().value, std::int64_t(EngineKind::EventLoop));
    QCOMPARE(trace.back().kind, EventKind::RunEnd);
    QCOMPARE(trace.back().value, std::int64_t(0));
    QVERIFY(trace.back().text.empty());
    std::map<std::uint32_t, std::uint64_t> busyPool;  // lane -> job
    bool mainBusy = false;
    for (std::size_t k = 1; k < trace.size(); ++k) {
        const TraceEvent& event = trace[k];
        QVERIFY2(event.ts >= trace[k - 1].ts, std::to_string(k).c_str());
        QVERIFY(event.kind != EventKind::RunBegin && (event.kind != EventKind::RunEnd || k + 1 == trace.size()));
        if (event.kind == EventKind::CallbackBegin) {
            QVERIFY2(!mainBusy, std::to_string(k).c_str());  // one callback at a time on the main lane
            QCOMPARE(event.lane.kind, LaneKind::Main);
            mainBusy = true;
        } else if (event.kind == EventKind::CallbackEnd) {
            QVERIFY(mainBusy);
            mainBusy = false;
        } else if (event.kind == EventKind::WorkBegin) {
            QCOMPARE(event.lane.kind, LaneKind::PoolWorker);
            QVERIFY(busyPool.emplace(event.lane.index, event.id).second);
        } else if (event.kind == EventKind::WorkEnd) {
            QCOMPARE(busyPool[event.lane.index], event.id);
            busyPool.erase(event.lane.index);
        }
    }
    QVERIFY(!mainBusy);
    QVERIFY(busyPool.empty());
}

void TestNodeTraceImport::pbkdf2JobsRunOnFourPoolLanesInTwoWaves() {
    const Trace trace = traceOf(mustRead(kTraces + "pbkdf2.trace.json"));
    const auto begins = eventsOf(trace, EventKind::WorkBegin);
    const auto ends = eventsOf(trace, EventKind::WorkEnd);
    QCOMPARE(begins.size(), std::size_t(8));
    QCOMPARE(ends.size(), std::size_t(8));
    std::map<std::uint32_t, std::vector<TraceEvent>> byLane;
    std::set<std::uint64_t> ids;
    for (const TraceEvent& begin : begins) {
        QCOMPARE(begin.text, std::string("crypto"));
        QCOMPARE(begin.cause, std::uint64_t(1));  // queued by the main script
        byLane[begin.lane.index].push_back(begin);
        ids.insert(begin.id);
    }
    QCOMPARE(ids.size(), std::size_t(8));
    QCOMPARE(byLane.size(), std::size_t(4));
    for (std::uint32_t lane = 0; lane < 4; ++lane)
        QCOMPARE(byLane[lane].size(), std::size_t(2));
    // The first wave: four jobs begin before any ends, the pool's four threads at once.
    QVERIFY(begins[3].ts < ends[0].ts);
    // The second wave: a lane takes its second job only after its first one ended.
    for (const auto& [lane, jobs] : byLane) {
        const auto firstEnd = std::find_if(ends.begin(), ends.end(), [&](const TraceEvent& end) {
            return end.id == jobs[0].id;
        });
        QVERIFY(firstEnd != ends.end());
        QCOMPARE(firstEnd->lane.index, lane);
        QVERIFY(jobs[1].ts >= firstEnd->ts);
        QVERIFY(jobs[1].ts >= ends[0].ts);
    }
    // Each job's completion runs as a PBKDF2REQUEST callback from the poll queue (in two
    // spans: console.log's nextTick runs inside it, before it returns).
    const auto completions = callbacksOfType(trace, "PBKDF2REQUEST");
    std::set<std::uint64_t> completed;
    for (const TraceEvent& completion : completions) {
        completed.insert(completion.id);
        QCOMPARE(completion.queue, QueueKind::Poll);
        QCOMPARE(completion.cause, std::uint64_t(1));
        QVERIFY(completion.ts > ends[0].ts);
    }
    QCOMPARE(completed.size(), std::size_t(8));
}

void TestNodeTraceImport::timersPhaseComesBeforeCheckWhereNodeGuaranteesIt() {
    const Trace trace = traceOf(mustRead(kTraces + "timers-and-check.trace.json"));
    const auto timers = phaseSpans(trace, Phase::Timers);
    const auto checks = phaseSpans(trace, Phase::Check);
    const auto script = phaseSpans(trace, Phase::MainScript);
    QCOMPARE(script.size(), std::size_t(1));
    QVERIFY(!timers.empty() && !checks.empty());
    // The timer was due when the loop started: the first timers phase runs it, before the
    // first check phase, and both after the main script.
    QVERIFY(script[0].second <= timers[0].first);
    QVERIFY(timers[0].second <= checks[0].first);
    const auto timeouts = callbacksOfType(trace, "Timeout");
    const auto immediates = callbacksOfType(trace, "Immediate");
    QCOMPARE(timeouts.size(), std::size_t(2));
    QCOMPARE(immediates.size(), std::size_t(2));
    QVERIFY(timeouts[0].ts >= timers[0].first && timeouts[0].ts <= timers[0].second);
    QCOMPARE(timeouts[0].phase, Phase::Timers);
    QVERIFY(immediates[0].ts >= checks[0].first);
    QCOMPARE(immediates[0].phase, Phase::Check);
    // In the I/O callback: its immediate runs before its timer.
    const std::uint64_t io = immediates[1].cause;
    QVERIFY(io != 0);
    QCOMPARE(timeouts[1].cause, io);
    const auto fsCallbacks = callbacksOfType(trace, "FSREQCALLBACK");
    QVERIFY(std::any_of(fsCallbacks.begin(), fsCallbacks.end(), [&](const TraceEvent& fs) { return fs.id == io; }));
    QVERIFY(immediates[1].ts < timeouts[1].ts);
    QCOMPARE(timeouts[1].phase, Phase::Timers);
}

void TestNodeTraceImport::callbacksComeFromTheQueueOfTheirResourceType() {
    const std::map<std::string, QueueKind> expected = {
        {"Timeout", QueueKind::Timers},        {"Immediate", QueueKind::Check},
        {"TickObject", QueueKind::NextTick},   {"PROMISE", QueueKind::Microtask},
        {"FSREQCALLBACK", QueueKind::Poll},    {"PBKDF2REQUEST", QueueKind::Poll},
        {"ZLIB", QueueKind::Poll},             {"TCPWRAP", QueueKind::Poll},
        {"TCPSERVERWRAP", QueueKind::Poll},    {"HTTPINCOMINGMESSAGE", QueueKind::Poll},
        {"HTTPCLIENTREQUEST", QueueKind::Poll}, {"main script", QueueKind::None},
    };
    std::set<std::string> seen;
    for (const char* name : kRecordings) {
        const Trace trace = traceOf(mustRead(kTraces + name + ".trace.json"));
        for (const TraceEvent& callback : eventsOf(trace, EventKind::CallbackBegin)) {
            const std::string type = typeOf(callback);
            seen.insert(type);
            auto queue = expected.find(type);
            if (queue != expected.end())
                QVERIFY2(callback.queue == queue->second, (std::string(name) + ": " + type).c_str());
            else
                QVERIFY2(callback.queue == QueueKind::Poll, (std::string(name) + ": " + type).c_str());
        }
    }
    for (const auto& [type, queue] : expected)
        QVERIFY2(seen.count(type), type.c_str());  // the recordings show every row of the table
    // An fs callback names the request it completes.
    const Trace trace = traceOf(mustRead(kTraces + "timers-and-check.trace.json"));
    std::vector<std::string> fsTexts;
    for (const TraceEvent& fs : callbacksOfType(trace, "FSREQCALLBACK"))
        fsTexts.push_back(fs.text);
    QCOMPARE(fsTexts, (std::vector<std::string>{"FSREQCALLBACK: fs.open", "FSREQCALLBACK: fs.fstat",
                                                "FSREQCALLBACK: fs.read", "FSREQCALLBACK: fs.close"}));
}

void TestNodeTraceImport::causesLinkCallbacksToWhatScheduledThem() {
    const Trace trace = traceOf(mustRead(kTraces + "timers-and-check.trace.json"));
    std::map<std::uint64_t, TraceEvent> firstBegin;
    int caused = 0;
    for (const TraceEvent& callback : eventsOf(trace, EventKind::CallbackBegin)) {
        if (callback.cause != 0) {
            // A cause is a callback that ran before.
            QVERIFY2(firstBegin.count(callback.cause), callback.text.c_str());
            QVERIFY(firstBegin[callback.cause].ts <= callback.ts);
            ++caused;
        }
        firstBegin.try_emplace(callback.id, callback);
    }
    QVERIFY(caused >= 10);
    QCOMPARE(firstBegin.at(1).text, std::string("main script"));
    // What the main script scheduled points at it; the promise too (through the promise
    // Promise.resolve() made, which runs no callback of its own).
    QCOMPARE(callbacksOfType(trace, "Timeout")[0].cause, std::uint64_t(1));
    QCOMPARE(callbacksOfType(trace, "Immediate")[0].cause, std::uint64_t(1));
    QCOMPARE(callbacksOfType(trace, "PROMISE")[0].cause, std::uint64_t(1));
    // fs.readFile's steps: each request is made by the callback of the one before.
    const auto fs = callbacksOfType(trace, "FSREQCALLBACK");
    QCOMPARE(fs[0].cause, std::uint64_t(1));
    for (std::size_t k = 1; k < fs.size(); ++k)
        QCOMPARE(fs[k].cause, fs[k - 1].id);
    // The nextTick that console.log queues in the timer callback points at it.
    const auto timeout = callbacksOfType(trace, "Timeout")[0];
    const auto ticks = callbacksOfType(trace, "TickObject");
    QVERIFY(std::any_of(ticks.begin(), ticks.end(), [&](const TraceEvent& tick) { return tick.cause == timeout.id; }));
}

void TestNodeTraceImport::numberedSetReadsAsTheSingleFile() {
    const RunDocument single = mustRead(kTraces + "pbkdf2.trace.json");
    const RunDocument set = mustRead(kTraces + "pbkdf2-set.2.trace.json");
    QCOMPARE(set.sources.size(), std::size_t(3));
    for (int k = 0; k < 3; ++k)
        QCOMPARE(set.sources[k].path, kTraces + "pbkdf2-set." + std::to_string(k + 1) + ".trace.json");
    QCOMPARE(set.title, single.title);
    QCOMPARE(set.origin.recorder, single.origin.recorder);
    QCOMPARE(set.limits, single.limits);
    const Trace& a = traceOf(single);
    const Trace& b = traceOf(set);
    QCOMPARE(b.size(), a.size());
    for (std::size_t k = 0; k < a.size(); ++k)
        QVERIFY2(sameEvent(a[k], b[k]), std::to_string(k).c_str());
    // Each file alone is a part of it.
    const RunDocument part = mustRead(kTraces + "pbkdf2-killed.trace.json");
    QVERIFY(traceOf(part).size() < a.size());
}

void TestNodeTraceImport::numberedSetIsTheConsecutiveFilesAroundTheOneOpened() {
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const std::string base = folder.path().toStdString() + "/";
    for (const char* name : {"node_trace.1.log", "node_trace.2.log", "node_trace.3.log", "node_trace.5.log", "app.log"})
        std::ofstream(base + name) << "{}";
    const std::vector<std::string> firstThree = {base + "node_trace.1.log", base + "node_trace.2.log",
                                                 base + "node_trace.3.log"};
    QCOMPARE(nodeTraceFileSet(base + "node_trace.2.log"), firstThree);
    QCOMPARE(nodeTraceFileSet(base + "node_trace.3.log"), firstThree);
    QCOMPARE(nodeTraceFileSet(base + "node_trace.5.log"), std::vector<std::string>{base + "node_trace.5.log"});
    QCOMPARE(nodeTraceFileSet(base + "app.log"), std::vector<std::string>{base + "app.log"});
    // A missing file is named in the error, not skipped.
    const NodeTraceResult missing = readNodeTrace(base + "node_trace.9.log");
    QVERIFY(!missing.document);
    QCOMPARE(missing.error, base + "node_trace.9.log: cannot be read: No such file or directory");
}

void TestNodeTraceImport::cutShortTraceIsImportedWhole() {
    const std::string path = kTraces + "pbkdf2-killed.trace.json";
    const std::string text = fileText(path);
    QVERIFY(!text.ends_with("]}"));
    QVERIFY(text.ends_with("}"));
    const RunDocument killed = mustRead(path);
    const Trace& trace = traceOf(killed);
    QCOMPARE(trace.back().kind, EventKind::RunEnd);
    QCOMPARE(trace.back().value, std::int64_t(0));
    QCOMPARE(trace.back().text,
             std::string("the trace ends without its closing ]}: the process died before Node finished writing it"));
    QVERIFY(std::any_of(killed.limits.begin(), killed.limits.end(), [](const std::string& limit) {
        return limit.find("without its closing ]}") != std::string::npos;
    }));
    // Every event it has is imported: closing it by hand gives the same run.
    const NodeTraceResult closed = parseNodeTrace(text + "]}", "closed.json");
    QVERIFY(closed.document);
    const Trace& whole = traceOf(*closed.document);
    QCOMPARE(whole.size(), trace.size());
    for (std::size_t k = 0; k + 1 < trace.size(); ++k)
        QVERIFY(sameEvent(trace[k], whole[k]));
    QVERIFY(eventsOf(trace, EventKind::WorkBegin).size() >= 4);
    // A comma after the last event (a flush that ended there) is as good.
    QVERIFY(parseNodeTrace(text + ",\n", "comma.json").document);
}

void TestNodeTraceImport::brokenInputsGetExactErrors_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    const QByteArray event = R"({"pid":1,"tid":1,"ph":"X","ts":5,"dur":2,"cat":"node","name":"RunTimers"})";
    QTest::newRow("empty") << QByteArray() << "bad.json:1:1: expected '{' (a Chrome trace begins with "
                                              "{\"traceEvents\":), found the end of the file";
    QTest::newRow("scenario") << QByteArray("title: a scenario\n")
                              << "bad.json:1:1: expected '{' (a Chrome trace begins with {\"traceEvents\":), found 't'";
    QTest::newRow("other key") << QByteArray(R"({"events":[]})")
                               << "bad.json:1:2: expected \"traceEvents\" as the first key of a Chrome trace, "
                                  "found '\"'";
    QTest::newRow("not a list") << QByteArray(R"({"traceEvents":{}})")
                                << "bad.json:1:16: expected '[' (the list of trace events), found '{'";
    QTest::newRow("no events") << QByteArray(R"({"traceEvents":[]})") << "bad.json: expected trace events, found none";
    QTest::newRow("cut in a key") << QByteArray(R"({"traceEvents":[{"pid":1,"tid":1,"ph":"X","du)")
                                  << "bad.json:1:46: expected the end of the string ('\"'), found the end of the file";
    QTest::newRow("cut after a key") << QByteArray(R"({"traceEvents":[{"pid":1,"tid":1,"ts":)")
                                     << "bad.json:1:39: expected a number, found the end of the file";
    QTest::newRow("cut after a value") << QByteArray(R"({"traceEvents":[{"pid":1,"tid":1,"ts":5)")
                                       << "bad.json:1:40: expected ',' or '}' in the event, found the end of the file";
    QTest::newRow("no ts") << QByteArray(R"({"traceEvents":[{"pid":1,"tid":1,"ph":"B"}]})")
                           << "bad.json:1:17: expected \"ts\" (the event's time) in the event that begins here";
    QTest::newRow("no ph") << QByteArray(R"({"traceEvents":[)" + event + R"(,{"ts":1}]})")
                           << "bad.json:1:91: expected \"ph\" (the event's phase) in the event that begins here";
    QTest::newRow("ts as text") << QByteArray(R"({"traceEvents":[{"ph":"B","ts":"5"}]})")
                                << "bad.json:1:32: expected a number, found '\"'";
    QTest::newRow("absurd ts") << QByteArray(R"({"traceEvents":[{"ph":"B","ts":1e300}]})")
                               << "bad.json:1:32: expected a time in microseconds from 0 to 4.6e15, found '1'";
    QTest::newRow("negative ts") << QByteArray(R"({"traceEvents":[{"ph":"B","ts":-5}]})")
                                 << "bad.json:1:32: expected a time in microseconds from 0 to 4.6e15, found '-'";
    // Found by reading, not by the fuzzer: a time and a duration near the old bound of
    // 9.2e15 microseconds overflowed when added in nanoseconds.
    QTest::newRow("absurd dur") << QByteArray(R"({"traceEvents":[{"ph":"X","ts":4599999999999999,)"
                                              R"("dur":9199999999999999}]})")
                                << "bad.json:1:55: expected a time in microseconds from 0 to 4.6e15, found '9'";
    QTest::newRow("leading zero") << QByteArray(R"({"traceEvents":[{"ph":"B","ts":012}]})")
                                  << "bad.json:1:32: expected a number without leading zeros, found '0'";
    QTest::newRow("long ph") << QByteArray(R"({"traceEvents":[{"ph":"BE","ts":1}]})")
                             << "bad.json:1:23: expected a one-letter \"ph\" (the event's phase), found '\"'";
    QTest::newRow("id not a number") << QByteArray(R"({"traceEvents":[{"ph":"b","ts":1,"id":"0xzz"}]})")
                                     << "bad.json:1:39: expected an id that is a number (\"0x2a\" or \"42\"), "
                                        "found '\"'";
    QTest::newRow("bad escape") << QByteArray(R"({"traceEvents":[{"ph":"B","ts":1,"name":"a\q"}]})")
                                << "bad.json:1:44: expected an escape (\\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or "
                                   "\\uXXXX), found 'q'";
    QTest::newRow("control character") << QByteArray("{\"traceEvents\":[{\"ph\":\"B\",\"ts\":1,\"name\":\"a\tb\"}]}")
                                       << "bad.json:1:43: expected a character of the string (control characters must "
                                          "be escaped), found byte 0x09";
    QTest::newRow("not an event") << QByteArray(R"({"traceEvents":[1]})")
                                  << "bad.json:1:17: expected an event ('{'), found '1'";
    QTest::newRow("trailing comma") << QByteArray(R"({"traceEvents":[)" + event + R"(,]})")
                                    << "bad.json:1:91: expected an event ('{'), found ']'";
    QTest::newRow("after the trace") << QByteArray(R"({"traceEvents":[)" + event + "]} {}")
                                     << "bad.json:1:93: expected the end of the file after the trace, found '{'";
    QTest::newRow("third line") << QByteArray("{\"traceEvents\":[\n" + event + ",\n{\"ph\":\"E\" \"ts\":6}]}")
                                << "bad.json:3:11: expected ',' or '}' in the event, found '\"'";
    QTest::newRow("nested too deep") << QByteArray(R"({"traceEvents":[{"ph":"B","ts":1,"args":{"x":)" +
                                                   QByteArray(40, '[') + QByteArray(40, ']') + "}}]}")
                                     << "bad.json:1:76: expected values nested at most 32 deep, found '['";
    QTest::newRow("huge string") << QByteArray(R"({"traceEvents":[{"ph":"B","ts":1,"name":")" +
                                               QByteArray((1 << 20) + 1, 'a') + "\"}]}")
                                 << "bad.json:1:41: expected a string of at most 1048576 bytes, found '\"'";
    QTest::newRow("bad literal") << QByteArray(R"({"traceEvents":[{"ph":"B","ts":1,"args":{"x":nul}}]})")
                                 << "bad.json:1:46: expected a value (a string, number, object, array, true, false or "
                                    "null), found 'n'";
}

void TestNodeTraceImport::brokenInputsGetExactErrors() {
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    const std::string_view view(text.constData(), std::size_t(text.size()));
    const NodeTraceResult result = parseNodeTrace(view, "bad.json");
    QVERIFY(!result.document);
    QCOMPARE(QString::fromStdString(result.error), error);
}

void TestNodeTraceImport::fileLargerThanTheCapIsRefusedUnread() {
    QTemporaryDir folder;
    const std::string path = folder.path().toStdString() + "/huge.trace.json";
    std::filesystem::path file(path);
    std::ofstream(path) << "{";
    std::filesystem::resize_file(file, kMaxNodeTraceFileBytes + 1);  // sparse: takes no room on the disk
    const NodeTraceResult result = readNodeTrace(path);
    QVERIFY(!result.document);
    QCOMPARE(result.error, path + ": expected a trace file of at most 512 MiB (Node writes a new file every 524288 "
                                  "events, about 100 MiB), found 512 MiB");
}

// Callbacks nested 5,000 deep and 5,000 phases open at once at the same microsecond: no
// trace of Node looks so, and the import must still give an ordered run, one callback at a
// time on the main lane (the work stays linear: see kMaxNesting, kMaxSameTimeEvents).
void TestNodeTraceImport::hostileNestingAndPhasesStayOrdered() {
    constexpr int kDepth = 5000;
    std::string text = R"({"traceEvents":[)";
    const auto add = [&](const std::string& event) { text += (text.back() == '[' ? "" : ",") + event; };
    for (int id = 2; id < kDepth + 2; ++id)
        add(R"({"pid":1,"tid":1,"ph":"b","cat":"node.async_hooks","name":"Timeout_CALLBACK","ts":10,"id":)" +
            std::to_string(id) + "}");
    for (int k = 0; k < kDepth; ++k)
        add(R"({"pid":1,"tid":1,"ph":"X","cat":"node.environment","name":"RunTimers","ts":10,"dur":)" +
            std::to_string(1000 + k) + "}");
    for (int id = kDepth + 1; id >= 2; --id)
        add(R"({"pid":1,"tid":1,"ph":"e","cat":"node.async_hooks","name":"Timeout_CALLBACK","ts":20,"id":)" +
            std::to_string(id) + "}");
    text += "]}";
    const NodeTraceResult result = parseNodeTrace(text, "hostile.json");
    QVERIFY2(result.document, result.error.c_str());
    const Trace& trace = traceOf(*result.document);
    int open = 0;
    for (std::size_t k = 1; k < trace.size(); ++k) {
        QVERIFY(trace[k].ts >= trace[k - 1].ts);
        open += trace[k].kind == EventKind::CallbackBegin ? 1 : trace[k].kind == EventKind::CallbackEnd ? -1 : 0;
        QVERIFY(open == 0 || open == 1);
    }
    QCOMPARE(open, 0);
    QCOMPARE(eventsOf(trace, EventKind::PhaseEnter).size(), std::size_t(kDepth));
    QCOMPARE(eventsOf(trace, EventKind::PhaseLeave).size(), std::size_t(kDepth));
    QCOMPARE(trace.back().ts, Nanoseconds(1000 + kDepth - 1) * 1000);
}

void TestNodeTraceImport::tellsChromeTracesFromScenarios() {
    QVERIFY(looksLikeChromeTrace(R"({"traceEvents":)"));
    QVERIFY(looksLikeChromeTrace(" {\n  \"traceEvents\" : [{\"pid\""));
    QVERIFY(looksLikeChromeTrace(fileText(kTraces + "http.trace.json").substr(0, 64)));
    QVERIFY(!looksLikeChromeTrace("title: a scenario\nsteps:\n"));
    QVERIFY(!looksLikeChromeTrace(R"({"title":"a scenario in JSON"})"));
    QVERIFY(!looksLikeChromeTrace(R"({"traceEvents")"));
    QVERIFY(!looksLikeChromeTrace(""));
}

void TestNodeTraceImport::timelineStateAndMeasurementsTakeTheRun_data() {
    QTest::addColumn<QString>("file");
    for (const char* name : kRecordings)
        QTest::newRow(name) << QString(name) + ".trace.json";
    QTest::newRow("pbkdf2-killed") << QString("pbkdf2-killed.trace.json");
}

void TestNodeTraceImport::timelineStateAndMeasurementsTakeTheRun() {
    QFETCH(QString, file);
    const Trace trace = traceOf(mustRead(kTraces + file.toStdString()));
    SpanSet spans;
    for (const TraceEvent& event : trace)
        spans.add(event);
    const std::size_t callbacks = eventsOf(trace, EventKind::CallbackBegin).size();
    const std::size_t jobs = eventsOf(trace, EventKind::WorkBegin).size();
    // Every callback and job is a span of its own; nothing is left open but what ran
    // when a killed process stopped writing.
    const std::size_t open = spans.openSpansAt(spans.endTime(), nullptr).size();
    QCOMPARE(spans.spanCount() + open, callbacks + jobs);
    QCOMPARE(open != 0, file.contains("killed"));
    QVERIFY(spans.rowOf(Lane{LaneKind::Main, 0, 0}) >= 0);
    std::set<std::uint32_t> poolLanes;
    for (const TraceEvent& job : eventsOf(trace, EventKind::WorkBegin))
        poolLanes.insert(job.lane.index);
    for (std::uint32_t lane : poolLanes)
        QVERIFY(spans.rowOf(Lane{LaneKind::PoolWorker, 0, lane}) >= 0);
    // A callback with a cause points at something that ran: the cause has spans, and the
    // timeline knows it (Node's trace has no queue events to draw the arrow from).
    for (const TraceEvent& callback : eventsOf(trace, EventKind::CallbackBegin))
        if (callback.cause != 0 && callback.cause != callback.id) {
            QVERIFY(!spans.spansOf(callback.cause).empty());
            QCOMPARE(spans.unqueuedCauseOf(callback.id), callback.cause);
        }

    const PackedTrace packed = PackedTrace::fromTrace(trace);
    LoopStateIndex index;
    QCOMPARE(index.extend(packed), trace.size());
    const LoopState& end = index.latest();
    QVERIFY(end.started);
    QVERIFY(end.finished);
    QVERIFY2(end.runError.empty(), end.runError.c_str());
    // What still ran when a killed process stopped writing is still running at the end.
    const auto stillRunning = [&](EventKind begin, EventKind end) {
        return int(eventsOf(trace, begin).size()) - int(eventsOf(trace, end).size());
    };
    QCOMPARE(int(end.callStack.size()), stillRunning(EventKind::CallbackBegin, EventKind::CallbackEnd));
    QCOMPARE(end.poolBusy(), stillRunning(EventKind::WorkBegin, EventKind::WorkEnd));
    QCOMPARE(end.engine, EngineKind::EventLoop);
    const LoopState middle = index.stateAtTime(packed, trace.back().ts / 2);
    QVERIFY(middle.started && !middle.finished);

    const RunMeasurements measurements = measureRun(requestTimings(trace), {}, ProcessTotals{});
    QCOMPARE(measurements.requests, 0);
    QCOMPARE(measurements.failed, 0);
}

QTEST_GUILESS_MAIN(TestNodeTraceImport)
#include "test_node_trace_import.moc"
