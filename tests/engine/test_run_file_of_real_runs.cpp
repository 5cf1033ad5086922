// Run files of real runs: what an engine really recorded (scenarios of every kind, a
// JavaScript program, a cluster, a server under load) comes back from a .lsrun file bit
// for bit, read whole or event by event.
//
// With LOOPSCOPE_RECORD_RUNS_TO=DIR set, the run files are also written to DIR: that is how
// tests/data/runs/*.lsrun were made (tests/data/runs/README.md).
#include <QtTest>

#include <fstream>
#include <sstream>

#include "EngineProcess.h"
#include "OutputFile.h"
#include "RunFile.h"

using namespace loopscope;

namespace {

std::string fileText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool sameEvent(const TraceEvent& a, const TraceEvent& b) {
    return a.ts == b.ts && a.kind == b.kind && a.phase == b.phase && a.queue == b.queue && a.lane == b.lane &&
           a.id == b.id && a.cause == b.cause && a.step == b.step && a.value == b.value && a.text == b.text;
}

class Collector : public RunFileEvents {
public:
    void beginRun(const RecordedRun&) override { traces.emplace_back(); }
    void event(const TraceEvent& event) override { traces.back().push_back(event); }
    std::vector<Trace> traces;
};

}  // namespace

class TestRunFileOfRealRuns : public QObject {
    Q_OBJECT

private slots:
    void realRunRoundTrips_data();
    void realRunRoundTrips();
};

void TestRunFileOfRealRuns::realRunRoundTrips_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("name");
    const QString library = QStringLiteral(LOOPSCOPE_SOURCE_DIR "/resources/scenarios/");
    const QString data = QStringLiteral(LOOPSCOPE_TEST_DATA "/");
    QTest::newRow("timer") << library + "timer.yaml" << "timer";
    QTest::newRow("microtasks") << library + "microtasks-vs-macrotasks.yaml" << "microtasks-vs-macrotasks";
    QTest::newRow("thread pool") << library + "thread-pool.yaml" << "thread-pool";
    QTest::newRow("server under load") << library + "three-users-file-server.yaml" << "three-users-file-server";
    QTest::newRow("worker threads") << library + "worker-threads.yaml" << "worker-threads";
    QTest::newRow("cluster") << library + "cluster.yaml" << "cluster";
    QTest::newRow("a program") << data + "js/async-await-order.js" << "async-await-order";
    QTest::newRow("a program's console") << data + "js/buffer-basics.js" << "buffer-basics";
}

void TestRunFileOfRealRuns::realRunRoundTrips() {
    QFETCH(QString, source);
    QFETCH(QString, name);
    EngineOptions options;
    options.engine = EngineKind::EventLoop;
    options.executable = LOOPSCOPE_ENGINE_BINARY;
    CollectedRun run = runToTrace(source.toStdString(), options);
    QVERIFY2(run.ok, run.error.c_str());
    QVERIFY(run.trace.size() > 20);

    RunDocument document;
    document.origin = originHere();
    document.title = name.toStdString();
    document.sources = {{source.toStdString(), fileText(source.toStdString())}};
    RecordedRun recorded;
    recorded.trace = std::move(run.trace);
    recorded.samples = {{0, {1, 4 << 20, 64 << 20, 4 << 20, 64 << 20}}};
    document.runs = {std::move(recorded)};

    const std::string bytes = encodeRunFile(document);
    const RunFileResult whole = decodeRunFile(bytes, name.toStdString());
    QVERIFY2(whole.document.has_value(), whole.error.c_str());
    const Trace& expected = document.runs[0].trace;
    const Trace& got = whole.document->runs[0].trace;
    QCOMPARE(got.size(), expected.size());
    for (std::size_t k = 0; k < got.size(); ++k)
        QVERIFY2(sameEvent(got[k], expected[k]), qPrintable(QStringLiteral("event %1").arg(k)));
    QCOMPARE(encodeRunFile(*whole.document), bytes);

    Collector collector;
    QVERIFY(decodeRunFile(bytes, name.toStdString(), collector).document.has_value());
    QCOMPARE(collector.traces.size(), std::size_t(1));
    QCOMPARE(collector.traces[0].size(), expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k)
        QVERIFY(sameEvent(collector.traces[0][k], expected[k]));
    qInfo("%s: %zu events, %zu bytes, %.2f bytes per event", qPrintable(name), expected.size(), bytes.size(),
          double(bytes.size()) / double(expected.size()));

    if (const char* directory = std::getenv("LOOPSCOPE_RECORD_RUNS_TO")) {
        std::string error;
        QVERIFY2(writeRunFile(document, std::string(directory) + "/" + name.toStdString() + kRunFileSuffix, &error),
                 error.c_str());
    }
}

QTEST_GUILESS_MAIN(TestRunFileOfRealRuns)
#include "test_run_file_of_real_runs.moc"
