// `loopscope run FILE --trace OUT.json`: a Chrome trace of every engine that ran.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "TraceFormatCheck.h"
#include "support/LoopscopeProcess.h"

namespace {

constexpr int kRunTimeoutMs = 60000;

using loopscope::testing::Outcome;

Outcome runLoopscope(const QStringList& arguments) { return loopscope::testing::runLoopscope(arguments, kRunTimeoutMs); }

QStringList processNames(const QByteArray& json) {
    QStringList names;
    const QJsonArray events = QJsonDocument::fromJson(json).object().value("traceEvents").toArray();
    for (const QJsonValue& value : events) {
        const QJsonObject event = value.toObject();
        if (event.value("ph").toString() == "M" && event.value("name").toString() == "process_name")
            names << event.value("args").toObject().value("name").toString();
    }
    names.sort();
    return names;
}

}  // namespace

class TestTraceCli : public QObject {
    Q_OBJECT

private slots:
    void bothEnginesInOneTrace() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString out = dir.filePath("run.json");
        const Outcome outcome = runLoopscope(
            {"run", LOOPSCOPE_SOURCE_DIR "/resources/scenarios/three-users-file-server.yaml", "--trace", out});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        const QStringList problems = loopscope::testing::chromeTraceProblems(json);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
        const QString dash = QString::fromUtf8(" \u2014 ");
        QCOMPARE(processNames(json),
                 QStringList({"Three users hit the file server" + dash + "event loop",
                              "Three users hit the file server" + dash + "thread per request",
                              "load client" + dash + "event loop", "load client" + dash + "thread per request"}));
        QVERIFY(json.contains("\"request 3: page read, answering\""));
    }

    void oneEngineIsNamedByTheTitle() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString out = dir.filePath("timer.json");
        const Outcome outcome = runLoopscope({"run", LOOPSCOPE_SOURCE_DIR "/resources/scenarios/timer.yaml",
                                              "--mode", "event-loop", "--trace", out});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        QVERIFY(loopscope::testing::chromeTraceProblems(json).isEmpty());
        QCOMPARE(processNames(json), QStringList{"Start, End, Timer finished"});
        QVERIFY(json.contains("\"name\":\"Timer finished\""));
    }

    void unwritableTraceIsABadArgument() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString out = dir.filePath("missing/run.json");
        const Outcome outcome = runLoopscope({"run", LOOPSCOPE_SOURCE_DIR "/resources/scenarios/timer.yaml",
                                              "--mode", "event-loop", "--trace", out});
        QCOMPARE(outcome.exitCode, 1);
        QCOMPARE(outcome.err, "loopscope: cannot write " + out + ": No such file or directory\n");
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_GUILESS_MAIN(TestTraceCli)
#include "test_trace_cli.moc"
