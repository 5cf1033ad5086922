// ChromeTraceExporter on hand-made traces: structure (checked by parsing the output),
// names, times, flows, escaping, and writing files safely.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "ChromeTraceExporter.h"
#include "JsonString.h"
#include "TraceFormatCheck.h"

using namespace loopscope;

namespace {

TraceEvent traceEvent(Nanoseconds ts, EventKind kind, Lane lane = {}) {
    TraceEvent e;
    e.ts = ts;
    e.kind = kind;
    e.lane = lane;
    return e;
}

TraceEvent withId(TraceEvent e, std::uint64_t id, std::uint64_t cause = 0) {
    e.id = id;
    e.cause = cause;
    return e;
}

TraceEvent withText(TraceEvent e, std::string text) {
    e.text = std::move(text);
    return e;
}

const Lane kMain{LaneKind::Main, 0, 0};
const Lane kPool1{LaneKind::PoolWorker, 0, 0};
const Lane kPool2{LaneKind::PoolWorker, 0, 1};
const Lane kKernel{LaneKind::Kernel, 0, 0};

// Main script schedules a timer (id 10) and reads a file (job 20, callback 21); the net
// requests 30 and 31 overlap in the kernel.
Trace eventLoopTrace() {
    Trace trace;
    TraceEvent mainPhase = traceEvent(0, EventKind::PhaseEnter);
    mainPhase.phase = Phase::MainScript;
    trace.push_back(mainPhase);
    TraceEvent log = withText(traceEvent(500, EventKind::Log), "Start");
    log.step = {3, 5};
    trace.push_back(log);
    TraceEvent enqueueTimer = withText(withId(traceEvent(1000, EventKind::Enqueue), 10), "timer");
    enqueueTimer.queue = QueueKind::Timers;
    trace.push_back(enqueueTimer);
    TraceEvent enqueueJob = withId(traceEvent(1200, EventKind::Enqueue), 20);
    enqueueJob.queue = QueueKind::PoolFifo;
    trace.push_back(enqueueJob);
    trace.push_back(withText(withId(traceEvent(1300, EventKind::IoBegin, kKernel), 30), "database"));
    trace.push_back(withId(traceEvent(1400, EventKind::IoBegin, kKernel), 31));
    TraceEvent mainLeave = traceEvent(2000, EventKind::PhaseLeave);
    mainLeave.phase = Phase::MainScript;
    trace.push_back(mainLeave);
    trace.push_back(withId(traceEvent(2100, EventKind::WorkBegin, kPool1), 20));
    TraceEvent iteration = traceEvent(2500, EventKind::LoopIteration);
    iteration.value = 1;
    trace.push_back(iteration);

    TraceEvent timers = traceEvent(3000, EventKind::PhaseEnter);
    timers.phase = Phase::Timers;
    trace.push_back(timers);
    TraceEvent callback = withId(traceEvent(3500, EventKind::CallbackBegin), 11, 10);
    callback.queue = QueueKind::Timers;
    callback.step = {5, 5};
    trace.push_back(callback);
    trace.push_back(withText(traceEvent(3600, EventKind::FramePush), "handler"));
    trace.push_back(withText(traceEvent(3700, EventKind::Log), "Timer finished"));
    trace.push_back(traceEvent(3800, EventKind::FramePop));
    trace.push_back(withId(traceEvent(4000, EventKind::CallbackEnd), 11));
    TraceEvent timersLeave = traceEvent(4100, EventKind::PhaseLeave);
    timersLeave.phase = Phase::Timers;
    trace.push_back(timersLeave);
    TraceEvent check = traceEvent(4200, EventKind::PhaseEnter);
    check.phase = Phase::Check;
    trace.push_back(check);
    TraceEvent immediate = withId(traceEvent(4250, EventKind::CallbackBegin), 12, 11);  // queued by callback 11
    immediate.queue = QueueKind::Check;
    trace.push_back(immediate);
    trace.push_back(withId(traceEvent(4350, EventKind::CallbackEnd), 12));
    TraceEvent checkLeave = traceEvent(4400, EventKind::PhaseLeave);
    checkLeave.phase = Phase::Check;
    trace.push_back(checkLeave);

    trace.push_back(withId(traceEvent(5000, EventKind::WorkEnd, kPool1), 20));
    trace.push_back(withId(traceEvent(5500, EventKind::IoEnd, kKernel), 30));
    TraceEvent poll = traceEvent(6000, EventKind::PhaseEnter);
    poll.phase = Phase::Poll;
    trace.push_back(poll);
    TraceEvent io = withText(withId(traceEvent(6100, EventKind::CallbackBegin), 21, 20), "fs.readFile callback");
    io.queue = QueueKind::Poll;
    trace.push_back(io);
    trace.push_back(withId(traceEvent(6900, EventKind::CallbackEnd), 21));
    TraceEvent pollLeave = traceEvent(7000, EventKind::PhaseLeave);
    pollLeave.phase = Phase::Poll;
    trace.push_back(pollLeave);
    trace.push_back(withId(traceEvent(7100, EventKind::IoBegin, kKernel), 32));  // reuses the freed track
    trace.push_back(withId(traceEvent(7500, EventKind::IoEnd, kKernel), 31));
    trace.push_back(withId(traceEvent(7600, EventKind::IoEnd, kKernel), 32));
    TraceEvent counter = withText(traceEvent(8000, EventKind::Counter, kMain), "pool queue");
    counter.value = 3;
    trace.push_back(counter);
    trace.push_back(withId(traceEvent(8100, EventKind::WorkBegin, kPool2), 40));
    trace.push_back(withId(traceEvent(8200, EventKind::WorkEnd, kPool2), 40));
    return trace;
}

QJsonArray parsedEvents(const std::string& json) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(json)).object().value("traceEvents").toArray();
}

QList<QJsonObject> eventsWhere(const QJsonArray& events, const QString& phase, const QString& name = {}) {
    QList<QJsonObject> found;
    for (const QJsonValue& value : events) {
        const QJsonObject e = value.toObject();
        if (e.value("ph").toString() == phase && (name.isEmpty() || e.value("name").toString() == name))
            found << e;
    }
    return found;
}

QString threadName(const QJsonArray& events, qint64 pid, qint64 tid) {
    for (const QJsonObject& e : eventsWhere(events, "M", "thread_name"))
        if (e.value("pid").toInteger() == pid && e.value("tid").toInteger() == tid)
            return e.value("args").toObject().value("name").toString();
    return {};
}

QString jsonString(std::string_view bytes) {
    std::string out;
    appendJsonString(out, bytes);
    const QByteArray document = "[" + QByteArray::fromStdString(out) + "]";
    QJsonParseError error;
    const QJsonArray array = QJsonDocument::fromJson(document, &error).array();
    return error.error == QJsonParseError::NoError ? array.at(0).toString() : QStringLiteral("<invalid JSON>");
}

}  // namespace

class TestChromeTraceExporter : public QObject {
    Q_OBJECT

private slots:
    void emptyTraceIsAValidDocument();
    void eventLoopTraceIsWellFormed();
    void callbacksBecomeSlicesInMicroseconds();
    void mainScriptCallbackIsNamed();
    void everyLaneIsNamed();
    void overlappingIoGoesToExtraKernelTracks();
    void phasesAndFramesNestInsideTheMainThread();
    void logsAreInstantsAndCountersHaveOneKey();
    void flowsLinkTheCauseToTheCallback();
    void unfinishedSlicesEndWithTheTrace();
    void processesAreSeparated();
    void severalRunsGetTheirOwnProcesses();
    void escapesTexts_data();
    void escapesTexts();
    void writesTheFileAtomically();
    void unwritablePathGivesAClearError();
    void failedWriteLeavesNoFile();
    void checkerCatchesBrokenTraces();
};

void TestChromeTraceExporter::emptyTraceIsAValidDocument() {
    const std::string json = chromeTraceJson(Trace{}, "empty");
    QVERIFY2(loopscope::testing::chromeTraceProblems(QByteArray::fromStdString(json)).isEmpty(), json.c_str());
    QCOMPARE(parsedEvents(json).size(), 0);
    const QJsonObject root = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
    QCOMPARE(root.value("displayTimeUnit").toString(), QString("ms"));
    QCOMPARE(root.value("otherData").toObject().value("title").toString(), QString("empty"));
}

void TestChromeTraceExporter::eventLoopTraceIsWellFormed() {
    const std::string json = chromeTraceJson(eventLoopTrace(), "Three users");
    const QStringList problems = loopscope::testing::chromeTraceProblems(QByteArray::fromStdString(json));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
}

void TestChromeTraceExporter::callbacksBecomeSlicesInMicroseconds() {
    const QJsonArray events = parsedEvents(chromeTraceJson(eventLoopTrace(), "t"));
    const auto timer = eventsWhere(events, "X", "timer callback");
    QCOMPARE(timer.size(), 1);
    QCOMPARE(timer[0].value("ts").toDouble(), 3.5);
    QCOMPARE(timer[0].value("dur").toDouble(), 0.5);
    QCOMPARE(timer[0].value("cat").toString(), QString("callback"));
    const QJsonObject args = timer[0].value("args").toObject();
    QCOMPARE(args.value("step").toString(), QString("5:5"));
    QCOMPARE(args.value("queue").toString(), QString("timers"));
    QCOMPARE(args.value("id").toInteger(), 11);
    QCOMPARE(args.value("cause").toInteger(), 10);

    const auto read = eventsWhere(events, "X", "fs.readFile callback");
    QCOMPARE(read.size(), 1);
    QCOMPARE(read[0].value("dur").toDouble(), 0.8);
    const auto work = eventsWhere(events, "X", "thread-pool work");
    QCOMPARE(work.size(), 2);
    QCOMPARE(work[0].value("ts").toDouble(), 2.1);
    QCOMPARE(work[0].value("dur").toDouble(), 2.9);
}

void TestChromeTraceExporter::mainScriptCallbackIsNamed() {
    TraceEvent main = withId(traceEvent(0, EventKind::CallbackBegin), 1);
    main.phase = Phase::MainScript;
    TraceEvent other = withId(traceEvent(2000, EventKind::CallbackBegin), 2);
    other.phase = Phase::Poll;
    const Trace trace{main, withId(traceEvent(1000, EventKind::CallbackEnd), 1), other,
                      withId(traceEvent(3000, EventKind::CallbackEnd), 2)};
    const QJsonArray events = parsedEvents(chromeTraceJson(trace, "t"));
    QCOMPARE(eventsWhere(events, "X", "main script").size(), 1);
    QCOMPARE(eventsWhere(events, "X", "callback").size(), 1);
}

void TestChromeTraceExporter::everyLaneIsNamed() {
    const QJsonArray events = parsedEvents(chromeTraceJson(eventLoopTrace(), "Three users"));
    QStringList names;
    for (const QJsonObject& e : eventsWhere(events, "M", "thread_name"))
        names << e.value("args").toObject().value("name").toString();
    names.sort();
    QCOMPARE(names, QStringList({"kernel (network)", "kernel (network) #2", "main thread", "pool worker 1",
                                 "pool worker 2"}));
    const auto processes = eventsWhere(events, "M", "process_name");
    QCOMPARE(processes.size(), 1);
    QCOMPARE(processes[0].value("args").toObject().value("name").toString(), QString("Three users"));
    QCOMPARE(processes[0].value("pid").toInteger(), 1);
    // Main first, then the pool, then the kernel.
    QMap<QString, qint64> order;
    for (const QJsonObject& e : eventsWhere(events, "M", "thread_sort_index"))
        order[threadName(events, e.value("pid").toInteger(), e.value("tid").toInteger())] =
            e.value("args").toObject().value("sort_index").toInteger();
    QVERIFY(order["main thread"] < order["pool worker 1"]);
    QVERIFY(order["pool worker 1"] < order["pool worker 2"]);
    QVERIFY(order["pool worker 2"] < order["kernel (network)"]);
    QVERIFY(order["kernel (network)"] < order["kernel (network) #2"]);
}

void TestChromeTraceExporter::overlappingIoGoesToExtraKernelTracks() {
    const QJsonArray events = parsedEvents(chromeTraceJson(eventLoopTrace(), "t"));
    QMap<qint64, QString> trackOfId;
    for (const QJsonObject& e : eventsWhere(events, "X")) {
        if (e.value("cat").toString() != "io")
            continue;
        trackOfId[e.value("args").toObject().value("id").toInteger()] =
            threadName(events, e.value("pid").toInteger(), e.value("tid").toInteger());
    }
    QCOMPARE(trackOfId.size(), 3);
    QCOMPARE(trackOfId[30], QString("kernel (network)"));
    QCOMPARE(trackOfId[31], QString("kernel (network) #2"));
    QCOMPARE(trackOfId[32], QString("kernel (network)"));  // 30 had ended: its track is free again
    QCOMPARE(eventsWhere(events, "X", "database").size(), 1);
    QCOMPARE(eventsWhere(events, "X", "network I/O").size(), 2);
}

void TestChromeTraceExporter::phasesAndFramesNestInsideTheMainThread() {
    const QJsonArray events = parsedEvents(chromeTraceJson(eventLoopTrace(), "t"));
    for (const char* phase : {"main script", "timers", "check", "poll"}) {
        const auto slices = eventsWhere(events, "X", phase);
        QCOMPARE(slices.size(), 1);
        QCOMPARE(slices[0].value("cat").toString(), QString("phase"));
        QCOMPARE(threadName(events, slices[0].value("pid").toInteger(), slices[0].value("tid").toInteger()),
                 QString("main thread"));
    }
    QCOMPARE(eventsWhere(events, "X", "timers")[0].value("dur").toDouble(), 1.1);
    const auto frame = eventsWhere(events, "X", "handler");
    QCOMPARE(frame.size(), 1);
    QCOMPARE(frame[0].value("ts").toDouble(), 3.6);
    QCOMPARE(frame[0].value("dur").toDouble(), 0.2);
    const auto iteration = eventsWhere(events, "i", "loop iteration 1");
    QCOMPARE(iteration.size(), 1);
}

void TestChromeTraceExporter::logsAreInstantsAndCountersHaveOneKey() {
    const QJsonArray events = parsedEvents(chromeTraceJson(eventLoopTrace(), "t"));
    const auto start = eventsWhere(events, "i", "Start");
    QCOMPARE(start.size(), 1);
    QCOMPARE(start[0].value("ts").toDouble(), 0.5);
    QCOMPARE(start[0].value("s").toString(), QString("t"));
    QCOMPARE(start[0].value("args").toObject().value("step").toString(), QString("3:5"));
    QCOMPARE(eventsWhere(events, "i", "Timer finished").size(), 1);
    const auto counters = eventsWhere(events, "C");
    QCOMPARE(counters.size(), 1);
    QCOMPARE(counters[0].value("name").toString(), QString("pool queue"));
    const QJsonObject args = counters[0].value("args").toObject();
    QCOMPARE(args.size(), 1);
    QCOMPARE(args.value("pool queue").toInteger(), 3);
}

void TestChromeTraceExporter::flowsLinkTheCauseToTheCallback() {
    const QJsonArray events = parsedEvents(chromeTraceJson(eventLoopTrace(), "t"));
    const auto starts = eventsWhere(events, "s");
    const auto ends = eventsWhere(events, "f");
    QCOMPARE(starts.size(), 3);
    QCOMPARE(ends.size(), 3);
    QMap<qint64, QPair<double, double>> byId;  // flow id -> (start ts, end ts)
    for (const QJsonObject& s : starts)
        byId[s.value("id").toInteger()].first = s.value("ts").toDouble();
    for (const QJsonObject& f : ends) {
        QCOMPARE(f.value("bp").toString(), QString("e"));
        byId[f.value("id").toInteger()].second = f.value("ts").toDouble();
    }
    QCOMPARE(byId.size(), 3);
    const QList<QPair<double, double>> flows = byId.values();
    // Callback 11 (3.5 us) queued the immediate 12 (4.25 us). Causes that are no callback
    // start at the first event with their id: the enqueue of timer 10 at 1 us -> its
    // callback at 3.5 us; the enqueue of job 20 at 1.2 us -> the read callback at 6.1 us.
    QVERIFY(flows.contains(qMakePair(3.5, 4.25)));
    QVERIFY(flows.contains(qMakePair(1.0, 3.5)));
    QVERIFY(flows.contains(qMakePair(1.2, 6.1)));
}

void TestChromeTraceExporter::unfinishedSlicesEndWithTheTrace() {
    Trace trace;
    TraceEvent phase = traceEvent(0, EventKind::PhaseEnter);
    phase.phase = Phase::Poll;
    trace.push_back(phase);
    trace.push_back(withId(traceEvent(1000, EventKind::CallbackBegin), 1));
    trace.push_back(withId(traceEvent(2000, EventKind::WorkBegin, kPool1), 2));
    trace.push_back(withText(traceEvent(9000, EventKind::Log), "last"));
    trace.push_back(withId(traceEvent(9500, EventKind::CallbackEnd, kPool2), 99));  // an end without a begin
    const std::string json = chromeTraceJson(trace, "cut short");
    const QStringList problems = loopscope::testing::chromeTraceProblems(QByteArray::fromStdString(json));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
    const QJsonArray events = parsedEvents(json);
    QCOMPARE(eventsWhere(events, "X", "poll")[0].value("dur").toDouble(), 9.5);
    QCOMPARE(eventsWhere(events, "X", "callback")[0].value("dur").toDouble(), 8.5);
    QCOMPARE(eventsWhere(events, "X", "thread-pool work")[0].value("dur").toDouble(), 7.5);
    QCOMPARE(eventsWhere(events, "X").size(), 3);
}

void TestChromeTraceExporter::processesAreSeparated() {
    Trace trace;
    trace.push_back(withText(traceEvent(0, EventKind::Log, Lane{LaneKind::Main, 0, 0}), "one"));
    trace.push_back(withText(traceEvent(0, EventKind::Log, Lane{LaneKind::Main, 1, 0}), "two"));
    trace.push_back(withId(traceEvent(10, EventKind::WorkBegin, Lane{LaneKind::PoolWorker, 1, 3}), 5));
    trace.push_back(withId(traceEvent(20, EventKind::WorkEnd, Lane{LaneKind::PoolWorker, 1, 3}), 5));
    trace.push_back(withId(traceEvent(30, EventKind::RequestArrive, Lane{LaneKind::Client, 0, 0}), 7));
    const std::string json = chromeTraceJson(trace, "Cluster");
    const QStringList problems = loopscope::testing::chromeTraceProblems(QByteArray::fromStdString(json));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
    const QJsonArray events = parsedEvents(json);
    QCOMPARE(eventsWhere(events, "i", "one")[0].value("pid").toInteger(), 1);
    const QJsonObject two = eventsWhere(events, "i", "two")[0];
    QCOMPARE(two.value("pid").toInteger(), 2);
    QVERIFY(two.value("tid").toInteger() != eventsWhere(events, "i", "one")[0].value("tid").toInteger());
    QStringList processNames;
    for (const QJsonObject& e : eventsWhere(events, "M", "process_name"))
        processNames << e.value("args").toObject().value("name").toString();
    processNames.sort();
    QCOMPARE(processNames, QStringList({QString::fromUtf8("Cluster \u2014 process 1"),
                                        QString::fromUtf8("Cluster \u2014 process 2"), "load client"}));
    const QJsonObject work = eventsWhere(events, "X", "thread-pool work")[0];
    QCOMPARE(work.value("pid").toInteger(), 2);
    QCOMPARE(threadName(events, 2, work.value("tid").toInteger()), QString("pool worker 4"));
}

void TestChromeTraceExporter::severalRunsGetTheirOwnProcesses() {
    const Trace eventLoop = eventLoopTrace();
    Trace threads;
    const Lane thread1{LaneKind::Thread, 0, 0};
    threads.push_back(withId(traceEvent(0, EventKind::CallbackBegin, thread1), 1));
    threads.push_back(traceEvent(100, EventKind::ThreadBlock, thread1));
    threads.push_back(traceEvent(900, EventKind::ThreadRun, thread1));
    threads.push_back(withId(traceEvent(1000, EventKind::CallbackBegin, thread1), 2, 1));
    threads.push_back(withText(traceEvent(1100, EventKind::Log, thread1), "served"));
    threads.push_back(withId(traceEvent(1200, EventKind::CallbackEnd, thread1), 2));
    threads.push_back(withId(traceEvent(1300, EventKind::CallbackEnd, thread1), 1));
    const std::string json =
        chromeTraceJson({{&eventLoop, "event loop"}, {&threads, "thread per request"}}, "Three users");
    const QStringList problems = loopscope::testing::chromeTraceProblems(QByteArray::fromStdString(json));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));  // also: flow ids stay unique

    const QJsonArray events = parsedEvents(json);
    QMap<qint64, QString> processNames;
    for (const QJsonObject& e : eventsWhere(events, "M", "process_name"))
        processNames[e.value("pid").toInteger()] = e.value("args").toObject().value("name").toString();
    QCOMPARE(processNames.size(), 2);
    QCOMPARE(processNames.value(1), QString::fromUtf8("Three users \u2014 event loop"));
    QCOMPARE(processNames.value(1001), QString::fromUtf8("Three users \u2014 thread per request"));
    const QJsonObject served = eventsWhere(events, "i", "served").at(0);
    QCOMPARE(served.value("pid").toInteger(), 1001);
    QCOMPARE(threadName(events, 1001, served.value("tid").toInteger()), QString("thread 1"));
    QCOMPARE(eventsWhere(events, "X", "blocked").size(), 1);
    QCOMPARE(eventsWhere(events, "s").size(), 4);
}

void TestChromeTraceExporter::escapesTexts_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("decoded");
    QTest::newRow("plain") << QByteArray("Timer finished") << QString("Timer finished");
    QTest::newRow("quotes and backslash") << QByteArray("say \"hi\" \\o/") << QString("say \"hi\" \\o/");
    QTest::newRow("control characters") << QByteArray("a\nb\tc\rd\x01" "e\x1f" "f\b\f")
                                        << QString("a\nb\tc\rd\x01" "e\x1f" "f\b\f");
    QTest::newRow("nul inside") << QByteArray("a\0b", 3) << QString(QChar(u'a')) + QChar(u'\0') + QChar(u'b');
    QTest::newRow("valid UTF-8") << QByteArray("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80")
                                 << QString::fromUtf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
    QTest::newRow("lone continuation") << QByteArray("a\x80z") << QString("a\uFFFDz");
    QTest::newRow("invalid lead") << QByteArray("\xFF\xC0\xF5") << QString("\uFFFD\uFFFD\uFFFD");
    QTest::newRow("truncated at end") << QByteArray("ok\xE2\x82") << QString("ok\uFFFD");
    QTest::newRow("truncated before ASCII") << QByteArray("\xF0\x9F\x98z") << QString("\uFFFDz");
    QTest::newRow("overlong") << QByteArray("\xE0\x80\xAF") << QString("\uFFFD\uFFFD\uFFFD");
    QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << QString("\uFFFD\uFFFD\uFFFD");
    QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << QString("\uFFFD\uFFFD\uFFFD\uFFFD");
}

void TestChromeTraceExporter::escapesTexts() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, decoded);
    QCOMPARE(jsonString(std::string_view(bytes.constData(), std::size_t(bytes.size()))), decoded);

    Trace trace{withText(traceEvent(0, EventKind::Log), bytes.toStdString())};
    const std::string json = chromeTraceJson(trace, bytes.toStdString());
    const QStringList problems = loopscope::testing::chromeTraceProblems(QByteArray::fromStdString(json));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
    QCOMPARE(eventsWhere(parsedEvents(json), "i").at(0).value("name").toString(), decoded);
}

void TestChromeTraceExporter::writesTheFileAtomically() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("run.json");
    std::string error;
    const Trace trace = eventLoopTrace();
    QVERIFY2(writeChromeTrace(trace, path.toStdString(), "Three users", &error), error.c_str());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray::fromStdString(chromeTraceJson(trace, "Three users")));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot), QStringList{"run.json"});
    QVERIFY(file.permissions() & QFileDevice::ReadOther);

    // Overwriting replaces the whole file.
    QVERIFY2(writeChromeTrace(Trace{}, path.toStdString(), "empty", &error), error.c_str());
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray::fromStdString(chromeTraceJson(Trace{}, "empty")));
}

void TestChromeTraceExporter::unwritablePathGivesAClearError() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile plainFile(dir.filePath("notes.txt"));
    QVERIFY(plainFile.open(QIODevice::WriteOnly));
    plainFile.close();

    std::string error;
    const std::string underAFile = dir.filePath("notes.txt/run.json").toStdString();
    QVERIFY(!writeChromeTrace(eventLoopTrace(), underAFile, "t", &error));
    QCOMPARE(error, "cannot write " + underAFile + ": Not a directory");

    const std::string missingDir = dir.filePath("missing/run.json").toStdString();
    QVERIFY(!writeChromeTrace(eventLoopTrace(), missingDir, "t", &error));
    QCOMPARE(error, "cannot write " + missingDir + ": No such file or directory");

    QVERIFY(!writeChromeTrace(eventLoopTrace(), "", "t", &error));
    QCOMPARE(error, std::string("cannot write : no file name given"));
    QVERIFY(!writeChromeTrace(eventLoopTrace(), "", "t", nullptr));  // no error text wanted
}

void TestChromeTraceExporter::failedWriteLeavesNoFile() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir("run.json"));  // the target name is taken by a directory
    QVERIFY(QFile::copy(QStringLiteral(LOOPSCOPE_TEST_DATA "/ordering/README.md"), dir.filePath("run.json/keep")));
    std::string error;
    const std::string target = dir.filePath("run.json").toStdString();
    QVERIFY(!writeChromeTrace(eventLoopTrace(), target, "t", &error));
    QCOMPARE(error, "cannot write " + target + ": Is a directory");
    // The temporary file was removed: only the directory is left.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{"run.json"});
}

void TestChromeTraceExporter::checkerCatchesBrokenTraces() {
    using loopscope::testing::chromeTraceProblems;
    QVERIFY(!chromeTraceProblems("{").isEmpty());
    QVERIFY(!chromeTraceProblems("[]").isEmpty());
    const QByteArray named = R"(,{"ph":"M","name":"thread_name","ts":0,"pid":1,"tid":1,"args":{"name":"main"}},
        {"ph":"M","name":"process_name","ts":0,"pid":1,"tid":1,"args":{"name":"p"}}],"displayTimeUnit":"ms"})";
    const auto withEvent = [&](const QByteArray& e) { return QByteArray(R"({"traceEvents":[)") + e + named; };
    QVERIFY(chromeTraceProblems(withEvent(R"({"ph":"X","name":"a","ts":1,"dur":2,"pid":1,"tid":1})")).isEmpty());
    QCOMPARE(chromeTraceProblems(withEvent(R"({"ph":"X","name":"a","ts":1,"pid":1,"tid":1})")).size(), 1);
    QCOMPARE(chromeTraceProblems(withEvent(R"({"ph":"X","name":"a","ts":1,"dur":-1,"pid":1,"tid":1})")).size(), 1);
    QCOMPARE(chromeTraceProblems(withEvent(R"({"ph":"i","name":"a","ts":1,"pid":1,"tid":2})")).size(), 1);
    QCOMPARE(chromeTraceProblems(withEvent(R"({"ph":"i","ts":1,"pid":1,"tid":1})")).size(), 1);
    QCOMPARE(chromeTraceProblems(withEvent(R"({"ph":"i","name":"a","ts":1,"pid":1.5,"tid":1})")).size(), 1);
    QCOMPARE(chromeTraceProblems(withEvent(R"({"ph":"s","name":"a","ts":1,"pid":1,"tid":1,"id":3})")).size(), 1);
    QCOMPARE(chromeTraceProblems(withEvent(R"({"ph":"C","name":"a","ts":1,"pid":1,"tid":1,"args":{"x":1,"y":2}})"))
                 .size(),
             1);
    QCOMPARE(chromeTraceProblems(withEvent(R"({"ph":"X","name":"a","ts":0,"dur":5,"pid":1,"tid":1},
        {"ph":"X","name":"b","ts":3,"dur":5,"pid":1,"tid":1})")).size(),
             1);
}

QTEST_GUILESS_MAIN(TestChromeTraceExporter)
#include "test_chrome_trace_exporter.moc"
