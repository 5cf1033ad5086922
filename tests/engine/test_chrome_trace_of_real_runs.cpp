// Chrome traces of real event-loop runs: whatever the engine emits must export to a
// trace that Perfetto opens as meant (checked by TraceFormatCheck.h), with one slice per
// callback and the console lines in order.
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <mutex>

#include "ChromeTraceExporter.h"
#include "EngineProcess.h"
#include "TraceFormatCheck.h"

using namespace loopscope;

namespace {

Trace runEventLoop(const QString& scenario, std::string* error) {
    EngineOptions options;
    options.engine = EngineKind::EventLoop;
    options.executable = LOOPSCOPE_ENGINE_BINARY;
    CollectedRun run = runToTrace(scenario.toStdString(), options);
    *error = run.error;
    return std::move(run.trace);
}

}  // namespace

class TestChromeTraceOfRealRuns : public QObject {
    Q_OBJECT

private slots:
    void exportIsWellFormed_data();
    void exportIsWellFormed();
};

void TestChromeTraceOfRealRuns::exportIsWellFormed_data() {
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<bool>("mustHaveFlows");  // callbacks there schedule callbacks
    const QString ordering = QStringLiteral(LOOPSCOPE_TEST_DATA "/ordering/");
    const QString library = QStringLiteral(LOOPSCOPE_SOURCE_DIR "/resources/scenarios/");
    QTest::newRow("callbacks queue callbacks") << ordering + "io_immediate_before_timeout.yaml" << true;
    QTest::newRow("microtask chains") << ordering + "promise_all.yaml" << true;
    QTest::newRow("close phase") << ordering + "close_callbacks_lifo.yaml" << true;
    QTest::newRow("overlapping net requests") << ordering + "net_takes_out_of_order.yaml" << true;
    QTest::newRow("worker threads") << ordering + "worker_messages.yaml" << true;
    QTest::newRow("server and load") << library + "three-users-file-server.yaml" << false;
    QTest::newRow("pool waves") << library + "thread-pool.yaml" << false;
}

void TestChromeTraceOfRealRuns::exportIsWellFormed() {
    QFETCH(QString, scenario);
    QFETCH(bool, mustHaveFlows);
    std::string error;
    const Trace trace = runEventLoop(scenario, &error);
    QVERIFY2(error.empty(), error.c_str());
    QVERIFY(!trace.empty());

    const std::string json = chromeTraceJson(trace, "real run");
    const QStringList problems = loopscope::testing::chromeTraceProblems(QByteArray::fromStdString(json));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));

    const QJsonArray events =
        QJsonDocument::fromJson(QByteArray::fromStdString(json)).object().value("traceEvents").toArray();
    qsizetype callbackSlices = 0;
    qsizetype flowStarts = 0;
    QStringList instants;
    for (const QJsonValue& value : events) {
        const QJsonObject event = value.toObject();
        const QString phase = event.value("ph").toString();
        if (phase == "X" && event.value("cat").toString() == "callback")
            ++callbackSlices;
        if (phase == "s")
            ++flowStarts;
        if (phase == "i" && event.value("cat").toString() == "log")
            instants << event.value("name").toString();
    }
    qsizetype callbacks = 0;
    qsizetype causedCallbacks = 0;  // callbacks whose cause appears in the trace no later than they start
    QHash<quint64, Nanoseconds> firstSeen;
    for (const TraceEvent& event : trace)
        if (event.id != 0 && (!firstSeen.contains(event.id) || event.ts < firstSeen[event.id]))
            firstSeen[event.id] = event.ts;
    QStringList logs;
    for (const TraceEvent& event : trace) {
        if (event.kind == EventKind::CallbackBegin) {
            ++callbacks;
            if (event.cause != 0 && firstSeen.contains(event.cause) && firstSeen[event.cause] <= event.ts)
                ++causedCallbacks;
        }
        if (event.kind == EventKind::Log)
            logs << QString::fromStdString(event.text);
    }
    QVERIFY(callbacks > 0);
    QCOMPARE(callbackSlices, callbacks);
    QCOMPARE(instants, logs);
    QCOMPARE(flowStarts, causedCallbacks);
    if (mustHaveFlows)
        QVERIFY(flowStarts > 0);
}

QTEST_GUILESS_MAIN(TestChromeTraceOfRealRuns)
#include "test_chrome_trace_of_real_runs.moc"
