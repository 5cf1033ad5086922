// The scenario parser on good input: every step kind, every default, every position.
#include <QtTest>

#include <string>

#include "RuntimeLimits.h"
#include "ScenarioParser.h"
#include "StepSyntax.h"

using namespace loopscope;

namespace {

ParseResult parseText(const std::string& text) {
    ParseResult result = parseScenarioText(text, "test.yaml");
    for (const Diagnostic& d : result.diagnostics)
        qWarning("%s", d.format().c_str());
    return result;
}

// Declares `const Scenario& name` parsed from `text`, failing the test when it does not parse.
#define PARSE_OK(name, text)                          \
    const ParseResult name##Result = parseText(text); \
    QVERIFY(name##Result.ok());                       \
    const Scenario& name = *name##Result.scenario

std::string everyStepPath() { return std::string(LOOPSCOPE_TEST_DATA) + "/good/every-step.yaml"; }

}  // namespace

class TestScenarioParser : public QObject {
    Q_OBJECT

private slots:
    void minimalScenarioHasEveryDefault() {
        PARSE_OK(s, "loopscope: 1\n");
        QCOMPARE(s.format, 1);
        QCOMPARE(s.title, std::string());
        QCOMPARE(s.summary, std::string());
        QCOMPARE(s.description, std::string());
        QCOMPARE(s.runtime.threadpool, 4);
        QCOMPARE(s.runtime.cores, 2);
        QCOMPARE(s.runtime.processes, 1);
        QCOMPARE(s.runtime.timeScale, 1.0);
        QCOMPARE(s.runtime.horizon, 60 * kSecond);
        QVERIFY(s.runtime.module == ModuleKind::CommonJs);
        QCOMPARE(s.threads.stackBytes, std::int64_t{1024 * 1024});
        QCOMPARE(s.threads.max, 10000);
        QVERIFY(s.main.empty());
        QVERIFY(!s.server.has_value());
        QVERIFY(s.load.empty());
        QVERIFY(s.notes.empty());
        QCOMPARE(s.sourcePath, std::string());
    }

    void fileKeepsItsPath() {
        ParseResult result = parseScenarioFile(everyStepPath());
        QVERIFY(result.ok());
        QCOMPARE(result.scenario->sourcePath, everyStepPath());
    }

    void topLevelTexts() {
        PARSE_OK(s, "loopscope: 1\ntitle: Three users\nsummary: One line.\ndescription: |\n  Line one\n  Line two\n");
        QCOMPARE(s.title, std::string("Three users"));
        QCOMPARE(s.summary, std::string("One line."));
        QCOMPARE(s.description, std::string("Line one\nLine two\n"));
    }

    void runtimeAndThreads() {
        PARSE_OK(s, 
            "loopscope: 1\nruntime:\n  threadpool: 1024\n  cores: 3\n  processes: 4\n  time_scale: 2.5\n"
            "  horizon: 1.5s\n  module: esm\nthreads:\n  stack: 64KiB\n  max: 7\n");
        QCOMPARE(s.runtime.threadpool, 1024);
        QCOMPARE(s.runtime.cores, 3);
        QCOMPARE(s.runtime.processes, 4);
        QCOMPARE(s.runtime.timeScale, 2.5);
        QCOMPARE(s.runtime.horizon, 1500 * kMillisecond);
        QVERIFY(s.runtime.module == ModuleKind::Esm);
        QCOMPARE(s.threads.stackBytes, std::int64_t{64 * 1024});
        QCOMPARE(s.threads.max, 7);
    }

    void durations_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("nanoseconds");
        QTest::newRow("microseconds") << "250us" << qint64(250 * kMicrosecond);
        QTest::newRow("micro sign") << QString::fromUtf8("3µs") << qint64(3 * kMicrosecond);
        QTest::newRow("milliseconds") << "20ms" << qint64(20 * kMillisecond);
        QTest::newRow("fraction of a second") << "1.5s" << qint64(1500 * kMillisecond);
        QTest::newRow("bare number is milliseconds") << "7" << qint64(7 * kMillisecond);
        QTest::newRow("bare fraction") << "0.2" << qint64(200 * kMicrosecond);
        QTest::newRow("zero") << "0" << qint64(0);
        QTest::newRow("under a millisecond is kept") << "0.5ms" << qint64(500 * kMicrosecond);
        QTest::newRow("space before unit") << "20 ms" << qint64(20 * kMillisecond);
        QTest::newRow("one hour") << "3600s" << qint64(3600 * kSecond);
    }
    void durations() {
        QFETCH(QString, text);
        QFETCH(qint64, nanoseconds);
        const std::optional<Nanoseconds> parsed = parseDuration(text.toStdString());
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, nanoseconds);
        PARSE_OK(s, "loopscope: 1\nmain:\n  - fs.readFileSync: " + text.toStdString() + "\n");
        QCOMPARE(s.main.at(0).duration, nanoseconds);
    }

    void badDurationTexts() {
        for (const char* text : {"", "ms", "20 minutes", "1e3", "-5ms", "20ms20", "..5s", "20MS", "99999999999999999999s"})
            QVERIFY2(!parseDuration(text).has_value(), text);
    }

    void sizes() {
        QCOMPARE(parseSize("64KiB"), std::optional<std::int64_t>(64 * 1024));
        QCOMPARE(parseSize("1MiB"), std::optional<std::int64_t>(1024 * 1024));
        QCOMPARE(parseSize("2GiB"), std::optional<std::int64_t>(std::int64_t{2} << 30));
        QCOMPARE(parseSize("512"), std::optional<std::int64_t>(512));
        QCOMPARE(parseSize("512B"), std::optional<std::int64_t>(512));
        QCOMPARE(parseSize("1.5KiB"), std::optional<std::int64_t>(1536));
        QVERIFY(!parseSize("64KB").has_value());
        QVERIFY(!parseSize("lots").has_value());
        QVERIFY(!parseSize("99999999999GiB").has_value());
    }

    void everyStepKind() {
        ParseResult result = parseScenarioFile(everyStepPath());
        for (const Diagnostic& d : result.diagnostics)
            qWarning("%s", d.format().c_str());
        QVERIFY(result.ok());
        const Scenario& s = *result.scenario;
        QCOMPARE(s.title, std::string("Every step"));
        QCOMPARE(s.description, std::string("Every step of format 1 once.\n  Indented text stays text: [ { - # not YAML here\n"));
        QCOMPARE(s.runtime.threadpool, 8);
        QCOMPARE(s.runtime.cores, 4);
        QCOMPARE(s.runtime.processes, 2);
        QCOMPARE(s.runtime.timeScale, 0.5);
        QCOMPARE(s.runtime.horizon, 30 * kSecond);
        QCOMPARE(s.threads.stackBytes, std::int64_t{64 * 1024});
        QCOMPARE(s.threads.max, 500);

        const StepList& m = s.main;
        QCOMPARE(m.size(), std::size_t{22});
        std::size_t i = 0;
        // Every top-level step of main, in order, with the position of its key.
        std::vector<std::tuple<StepKind, int, int>> expected, actual;
        auto next = [&](StepKind kind, int line, int column) -> const Step& {
            const Step& step = m.at(i++);
            expected.emplace_back(kind, line, column);
            actual.emplace_back(step.kind, step.where.line, step.where.column);
            return step;
        };
        const Step& log = next(StepKind::Log, 18, 5);
        QCOMPARE(log.kind, StepKind::Log);
        QCOMPARE(log.where, (SourceLocation{18, 5}));
        QCOMPARE(log.text, std::string("Start"));

        const Step& cpu = next(StepKind::Cpu, 19, 5);
        QCOMPARE(cpu.kind, StepKind::Cpu);
        QCOMPARE(cpu.duration, 2 * kMillisecond);
        QCOMPARE(cpu.text, std::string());

        const Step& labelled = next(StepKind::Cpu, 20, 5);
        QCOMPARE(labelled.duration, 1500 * kMicrosecond);
        QCOMPARE(labelled.text, std::string("parse JSON"));

        const Step& call = next(StepKind::Call, 21, 5);
        QCOMPARE(call.kind, StepKind::Call);
        QCOMPARE(call.text, std::string("compute"));
        QCOMPARE(call.run.size(), std::size_t{1});
        QCOMPARE(call.run[0].kind, StepKind::Cpu);
        QCOMPARE(call.run[0].duration, 250 * kMicrosecond);
        QCOMPARE(call.run[0].where, (SourceLocation{24, 11}));

        const Step& timeout = next(StepKind::SetTimeout, 25, 5);
        QCOMPARE(timeout.kind, StepKind::SetTimeout);
        QCOMPARE(timeout.where, (SourceLocation{25, 5}));
        QCOMPARE(timeout.duration, Nanoseconds{0});
        QCOMPARE(timeout.timerId, std::string("once"));
        QCOMPARE(timeout.run.size(), std::size_t{1});
        QCOMPARE(timeout.run[0].text, std::string("timeout"));

        const Step& interval = next(StepKind::SetInterval, 30, 5);
        QCOMPARE(interval.kind, StepKind::SetInterval);
        QCOMPARE(interval.duration, 100 * kMillisecond);
        QCOMPARE(interval.count, 3);
        QCOMPARE(interval.timerId, std::string("ticker"));
        QCOMPARE(interval.run[0].text, std::string("tick {tick}"));

        const Step& immediate = next(StepKind::SetImmediate, 36, 5);
        QCOMPARE(immediate.kind, StepKind::SetImmediate);
        QCOMPARE(immediate.run.size(), std::size_t{1});

        const Step& tick = next(StepKind::NextTick, 39, 5);
        QCOMPARE(tick.kind, StepKind::NextTick);
        QVERIFY(tick.run.empty());

        const Step& promise = next(StepKind::Promise, 41, 5);
        QCOMPARE(promise.kind, StepKind::Promise);
        QVERIFY(promise.hasThen);
        QCOMPARE(promise.run[0].text, std::string("first hop"));
        QCOMPARE(promise.then[0].text, std::string("second hop"));

        const Step& microtask = next(StepKind::QueueMicrotask, 46, 5);
        QCOMPARE(microtask.kind, StepKind::QueueMicrotask);
        QVERIFY(microtask.run.empty());

        const Step& readFile = next(StepKind::ReadFile, 47, 5);
        QCOMPARE(readFile.kind, StepKind::ReadFile);
        QCOMPARE(readFile.duration, 20 * kMillisecond);
        QCOMPARE(readFile.then.size(), std::size_t{1});
        QCOMPARE(readFile.then[0].text, std::string("read done"));

        const Step& sync = next(StepKind::ReadFileSync, 51, 5);
        QCOMPARE(sync.kind, StepKind::ReadFileSync);
        QCOMPARE(sync.duration, 5 * kMillisecond);

        const Step& pbkdf2 = next(StepKind::Pbkdf2, 52, 5);
        QCOMPARE(pbkdf2.kind, StepKind::Pbkdf2);
        QCOMPARE(pbkdf2.duration, 70 * kMillisecond);
        QVERIFY(pbkdf2.then.empty());

        const Step& gzip = next(StepKind::Gzip, 53, 5);
        QCOMPARE(gzip.kind, StepKind::Gzip);
        QCOMPARE(gzip.then[0].text, std::string("gzipped"));

        const Step& dns = next(StepKind::DnsLookup, 54, 5);
        QCOMPARE(dns.kind, StepKind::DnsLookup);
        QCOMPARE(dns.duration, kMillisecond);

        const Step& net = next(StepKind::Net, 55, 5);
        QCOMPARE(net.kind, StepKind::Net);
        QCOMPARE(net.text, std::string("database"));
        QCOMPARE(net.duration, 15 * kMillisecond);
        QCOMPARE(net.then[0].text, std::string("rows"));

        const Step& worker = next(StepKind::Worker, 60, 5);
        QCOMPARE(worker.kind, StepKind::Worker);
        QCOMPARE(worker.duration, 40 * kMillisecond);
        QCOMPARE(worker.then[0].text, std::string("message"));

        const Step& async = next(StepKind::Async, 61, 5);
        QCOMPARE(async.kind, StepKind::Async);
        QCOMPARE(async.text, std::string("handle"));
        QCOMPARE(async.run.size(), std::size_t{14});
        for (const Step& step : async.run) {
            QCOMPARE(step.kind, StepKind::Await);
            QCOMPARE(step.awaited.size(), std::size_t{1});
        }
        const auto target = [&](std::size_t k) -> const AwaitTarget& { return async.run.at(k).awaited.at(0); };
        QVERIFY(target(0).kind == AwaitTarget::Kind::Value);
        QCOMPARE(target(0).value, std::string("42"));
        QCOMPARE(target(0).where, (SourceLocation{64, 18}));
        QCOMPARE(target(1).value, std::string("null"));
        QVERIFY(target(2).kind == AwaitTarget::Kind::Value);
        QCOMPARE(target(2).value, std::string("null"));
        QVERIFY(target(3).kind == AwaitTarget::Kind::Thenable);
        QCOMPARE(target(3).value, std::string("7"));
        const StepKind promiseKinds[] = {StepKind::ReadFile, StepKind::Net, StepKind::Sleep, StepKind::Async,
                                         StepKind::Pbkdf2, StepKind::Gzip, StepKind::DnsLookup};
        for (std::size_t k = 0; k < 7; ++k) {
            QVERIFY(target(4 + k).kind == AwaitTarget::Kind::Promise);
            QCOMPARE(target(4 + k).promise.size(), std::size_t{1});
            QCOMPARE(target(4 + k).promise[0].kind, promiseKinds[k]);
        }
        QCOMPARE(target(5).promise[0].text, std::string("payments-api"));
        QCOMPARE(target(6).promise[0].duration, 10 * kMillisecond);
        QCOMPARE(target(7).promise[0].text, std::string("inner"));
        QCOMPARE(target(7).promise[0].run.at(0).kind, StepKind::Await);
        const AwaitTarget& all = target(11);
        QVERIFY(all.kind == AwaitTarget::Kind::All);
        QCOMPARE(all.inputs.size(), std::size_t{3});
        QVERIFY(all.inputs[0].kind == AwaitTarget::Kind::Value);
        QVERIFY(all.inputs[1].kind == AwaitTarget::Kind::Thenable);
        QVERIFY(all.inputs[2].kind == AwaitTarget::Kind::Promise);
        QCOMPARE(all.inputs[2].promise[0].kind, StepKind::Sleep);
        const AwaitTarget& race = target(12);
        QVERIFY(race.kind == AwaitTarget::Kind::Race);
        QCOMPARE(race.inputs.size(), std::size_t{2});
        QCOMPARE(race.inputs[1].promise[0].text, std::string("network"));
        QVERIFY(target(13).kind == AwaitTarget::Kind::All);
        QVERIFY(target(13).inputs.empty());

        const Step& repeat = next(StepKind::Repeat, 78, 5);
        QCOMPARE(repeat.kind, StepKind::Repeat);
        QCOMPARE(repeat.count, 3);
        QCOMPARE(repeat.run[0].text, std::string("iteration {i}"));

        const Step& clearTimeout = next(StepKind::ClearTimeout, 82, 5);
        QCOMPARE(clearTimeout.kind, StepKind::ClearTimeout);
        QCOMPARE(clearTimeout.timerId, std::string("once"));
        const Step& clearInterval = next(StepKind::ClearInterval, 83, 5);
        QCOMPARE(clearInterval.kind, StepKind::ClearInterval);
        QCOMPARE(clearInterval.timerId, std::string("ticker"));

        const Step& close = next(StepKind::Close, 84, 5);
        QCOMPARE(close.kind, StepKind::Close);
        QCOMPARE(close.run[0].text, std::string("closed"));
        QCOMPARE(i, m.size());
        QVERIFY(actual == expected);

        QVERIFY(s.server.has_value());
        QCOMPARE(s.server->where, (SourceLocation{87, 1}));
        QCOMPARE(s.server->handler.size(), std::size_t{3});
        QCOMPARE(s.server->handler[0].duration, 200 * kMicrosecond);
        QCOMPARE(s.server->handler[1].text, std::string("request {request}"));
        QCOMPARE(s.server->handler[2].then.at(0).kind, StepKind::Respond);
        QCOMPARE(s.server->handler[2].then.at(0).count, 200);

        QCOMPARE(s.load.size(), std::size_t{2});
        QCOMPARE(s.load[0].where, (SourceLocation{96, 5}));
        QCOMPARE(s.load[0].at, Nanoseconds{0});
        QCOMPARE(s.load[0].requests, 3);
        QCOMPARE(s.load[1].at, kSecond);
        QCOMPARE(s.load[1].requests, 2);
        QCOMPARE(s.load[1].spacing, 10 * kMillisecond);
        QCOMPARE(s.totalRequests(), 5);

        QCOMPARE(s.notes.size(), std::size_t{2});
        QCOMPARE(s.notes[1].at, 2 * kSecond);
        QCOMPARE(s.notes[1].text, std::string("The timer fires"));
        QCOMPARE(s.notes[1].where, (SourceLocation{105, 5}));
    }

    void stepTableHoldsEveryKindOnce() {
        constexpr int kKinds = static_cast<int>(StepKind::Sleep) + 1;
        QCOMPARE(static_cast<int>(stepSyntaxes().size()), kKinds);
        for (int k = 0; k < kKinds; ++k) {
            const auto kind = static_cast<StepKind>(k);
            const StepSyntax& syntax = stepSyntaxOf(kind);
            QVERIFY(syntax.kind == kind);
            QCOMPARE(std::string(stepKeyword(kind)), std::string(syntax.keyword));
            const StepSyntax* byKeyword = stepSyntaxOf(std::string_view(syntax.keyword));
            QVERIFY(byKeyword != nullptr);
            QVERIFY(byKeyword->kind == kind);
        }
        QVERIFY(stepSyntaxOf(std::string_view("setTimout")) == nullptr);
        // `sleep` is only ever awaited, so it is not offered as a step of its own.
        QCOMPARE(static_cast<int>(standaloneStepKeywords().size()), kKinds - 1);
        const std::vector<std::string_view> promises(promiseStepKeywords().begin(), promiseStepKeywords().end());
        QCOMPARE(promises, (std::vector<std::string_view>{"fs.readFile", "crypto.pbkdf2", "zlib.gzip", "dns.lookup",
                                                          "net", "sleep", "async"}));
    }

    void runtimeLimitsAreWhatTheReaderAccepts_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("min");
        QTest::addColumn<int>("max");
        QTest::newRow("threadpool") << QStringLiteral("threadpool") << kThreadpoolRange.min << kThreadpoolRange.max;
        QTest::newRow("cores") << QStringLiteral("cores") << kCoresRange.min << kCoresRange.max;
        QTest::newRow("processes") << QStringLiteral("processes") << kProcessesRange.min << kProcessesRange.max;
    }
    void runtimeLimitsAreWhatTheReaderAccepts() {
        QFETCH(QString, key);
        QFETCH(int, min);
        QFETCH(int, max);
        const auto parses = [&](int value) {
            const std::string text = "loopscope: 1\nruntime: {" + key.toStdString() + ": " + std::to_string(value) + "}\n";
            return parseScenarioText(text, "s.yaml").ok();
        };
        QVERIFY(parses(min));
        QVERIFY(parses(max));
        QVERIFY(!parses(min - 1));
        QVERIFY(!parses(max + 1));
    }
    void timeScaleLimitIsWhatTheReaderAccepts() {
        const auto parses = [](double scale) {
            return parseScenarioText("loopscope: 1\nruntime: {time_scale: " + std::to_string(scale) + "}\n", "s.yaml").ok();
        };
        QVERIFY(parses(kMaxTimeScale));
        QVERIFY(!parses(kMaxTimeScale + 1));
    }

    void stepDefaults() {
        PARSE_OK(s, 
            "loopscope: 1\nmain:\n  - setTimeout:\n  - setTimeout: {}\n  - call: {}\n  - async:\n"
            "  - setInterval: {every: 0}\n  - promise: {run: []}\n  - repeat: {times: 0}\n  - close:\n  - log:\n"
            "  - net: {takes: 1ms}\nserver:\n  handler: []\nload:\n  - {}\n");
        const StepList& m = s.main;
        QCOMPARE(m[0].duration, Nanoseconds{0});
        QCOMPARE(m[0].timerId, std::string());
        QVERIFY(m[0].run.empty());
        QVERIFY(m[1].run.empty());
        QCOMPARE(m[2].text, std::string("anonymous"));
        QCOMPARE(m[3].text, std::string("anonymous"));
        QCOMPARE(m[4].count, 0);  // until cleared or the horizon
        QVERIFY(!m[5].hasThen);
        QVERIFY(m[5].then.empty());
        QCOMPARE(m[6].count, 0);
        QVERIFY(m[7].run.empty());
        QCOMPARE(m[8].text, std::string());
        QCOMPARE(m[9].text, std::string("network"));
        QVERIFY(s.server->handler.empty());
        QCOMPARE(s.load.size(), std::size_t{1});
        QCOMPARE(s.load[0].at, Nanoseconds{0});
        QCOMPARE(s.load[0].requests, 1);
        QCOMPARE(s.load[0].spacing, Nanoseconds{0});
    }

    void emptyThenIsStillGiven() {
        PARSE_OK(s, "loopscope: 1\nmain:\n  - promise: {then: }\n  - promise: {then: []}\n");
        QVERIFY(s.main[0].hasThen);
        QVERIFY(s.main[1].hasThen);
    }

    void awaitInEsmMain() {
        PARSE_OK(s, 
            "loopscope: 1\nruntime: {module: esm}\nmain:\n  - await: 1\n  - repeat: {times: 2, run: [await: {sleep: 1ms}]}\n");
        QCOMPARE(s.main[0].kind, StepKind::Await);
        QCOMPARE(s.main[1].run[0].awaited[0].promise[0].kind, StepKind::Sleep);
    }

    void placeholdersInsideTheirConstructs() {
        PARSE_OK(s, 
            "loopscope: 1\nmain:\n  - repeat:\n      times: 2\n      run:\n        - setTimeout: {run: [log: 'late {i}']}\n"
            "  - setInterval: {every: 1ms, times: 2, run: [nextTick: {run: [log: '{tick}']}]}\n"
            "server:\n  handler:\n    - net: {takes: 1ms, then: [cpu: {takes: 1ms, label: 'r{request}'}, respond: 404]}\n");
        QCOMPARE(s.main[0].run[0].run[0].text, std::string("late {i}"));
        QCOMPARE(s.main[1].run[0].run[0].text, std::string("{tick}"));
        QCOMPARE(s.server->handler[0].then[0].text, std::string("r{request}"));
        QCOMPARE(s.server->handler[0].then[1].count, 404);
    }

    void clearBeforeTheTimerIsDeclared() {
        PARSE_OK(s, 
            "loopscope: 1\nmain:\n  - setTimeout: {run: [clearInterval: 5]}\n  - setInterval: {every: 1ms, id: 5}\n");
        QCOMPARE(s.main[0].run[0].timerId, std::string("5"));
        QCOMPARE(s.main[1].timerId, std::string("5"));
    }

    void jsonIsYaml() {
        PARSE_OK(s, 
            "{\n\t\"loopscope\": 1,\n\t\"main\": [\n\t\t{\"log\": \"hi\"},\n\t\t{\"setTimeout\": {\"delay\": \"2s\", \"run\": []}}\n\t]\n}\n");
        QCOMPARE(s.main.size(), std::size_t{2});
        QCOMPARE(s.main[0].text, std::string("hi"));
        QCOMPARE(s.main[1].where, (SourceLocation{5, 4}));
        QCOMPARE(s.main[1].duration, 2 * kSecond);
    }

    void windowsLineEndingsAndByteOrderMark() {
        PARSE_OK(s, "\xEF\xBB\xBFloopscope: 1\r\nmain:\r\n  - log: hi\r\n");
        QCOMPARE(s.main.at(0).text, std::string("hi"));
        QCOMPARE(s.main.at(0).where, (SourceLocation{3, 5}));
    }

    void columnsCountCharacters() {
        PARSE_OK(s, "loopscope: 1\nmain:\n  - log: \"héllo wörld\"\n");
        QCOMPARE(s.main.at(0).text, std::string("héllo wörld"));
        ParseResult bad = parseScenarioText("loopscope: 1\nmain:\n  - log: ééé\n    cpu: 1ms\n  - lög: x\n", "t.yaml");
        QCOMPARE(bad.diagnostics.size(), std::size_t{2});
        QCOMPARE(bad.diagnostics[1].format(),
                 std::string("t.yaml:5:5: error: unknown step `lög`; did you mean `log`?"));
    }

    void builtInScenariosParse() {
        QDir dir(QStringLiteral(LOOPSCOPE_SOURCE_DIR "/resources/scenarios"));
        const QStringList files = dir.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.json")}, QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString& file : files) {
            ParseResult result = parseScenarioFile(dir.filePath(file).toStdString());
            for (const Diagnostic& d : result.diagnostics)
                qWarning("%s", d.format().c_str());
            QVERIFY2(result.ok(), qPrintable(file));
        }
    }
};

QTEST_APPLESS_MAIN(TestScenarioParser)
#include "test_scenario_parser.moc"
