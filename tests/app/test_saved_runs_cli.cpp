// Runs as documents on the command line: `run --save-run`, a saved run's exports made
// again without running (identical to those made when it ran), traces recorded by Node as
// runs, damaged files refused, and `compare` of any two runs.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "support/LoopscopeProcess.h"
#include "support/PngSize.h"

namespace {

constexpr int kRunTimeoutMs = 120000;

using loopscope::testing::Outcome;
using loopscope::testing::pngSize;

Outcome runLoopscope(const QStringList& arguments) { return loopscope::testing::runLoopscope(arguments, kRunTimeoutMs); }

QByteArray contents(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeBytes(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

const QString kScenarios = QStringLiteral(LOOPSCOPE_SOURCE_DIR "/resources/scenarios/");
const QString kNodeTraces = QStringLiteral(LOOPSCOPE_TEST_DATA "/node-traces/");

// The row of `compare`'s table that starts with `title`, split at runs of spaces.
QStringList tableRow(const QString& table, const QString& title) {
    for (const QString& line : table.split(QLatin1Char('\n')))
        if (line.startsWith(title + QStringLiteral("  ")))
            return line.mid(title.size()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return {};
}

}  // namespace

class TestSavedRunsCli : public QObject {
    Q_OBJECT

private slots:
    // Every export of a reopened run is the one made when it ran, byte for byte.
    void reopenedRunExportsAreIdentical_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QStringList>("extra");
        QTest::newRow("timer, timeline") << QStringLiteral("timer.yaml") << QStringList{};
        QTest::newRow("thread pool, loop view at 100ms")
            << QStringLiteral("thread-pool.yaml") << QStringList{"--view", "loop", "--at", "100ms"};
        QTest::newRow("both engines under load, comparison")
            << QStringLiteral("three-users-file-server.yaml") << QStringList{"--mode", "both", "--view", "comparison"};
    }
    void reopenedRunExportsAreIdentical() {
        QFETCH(QString, scenario);
        QFETCH(QStringList, extra);
        QTemporaryDir dir;
        const QString saved = dir.filePath("run.lsrun");
        auto exports = [&](const QString& prefix) {
            return QStringList{"--png", dir.filePath(prefix + ".png"), "--svg", dir.filePath(prefix + ".svg"),
                               "--trace", dir.filePath(prefix + ".json"), "--csv", dir.filePath(prefix + ".csv"),
                               "--summary"} + extra;
        };
        const Outcome made = runLoopscope(QStringList{"run", kScenarios + scenario, "--save-run", saved} + exports("made"));
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        QVERIFY(QFileInfo(saved).size() > 0);
        QStringList again = exports("again");
        again.removeAll("--mode");
        again.removeAll("both");
        const Outcome reopened = runLoopscope(QStringList{"run", saved} + again);
        QVERIFY2(reopened.exitCode == 0, qPrintable(reopened.err));
        for (const char* suffix : {".png", ".svg", ".json", ".csv"}) {
            const QByteArray first = contents(dir.filePath(QStringLiteral("made") + suffix));
            QVERIFY2(!first.isEmpty(), suffix);
            QVERIFY2(first == contents(dir.filePath(QStringLiteral("again") + suffix)), suffix);
        }
        QCOMPARE(reopened.out, made.out);  // the summary table
    }

    void aProgramsLogIsPrintedAgain() {
        QTemporaryDir dir;
        const QString program = dir.filePath("order.js");
        QVERIFY(writeBytes(program, "setTimeout(() => console.log('timeout'), 0);\n"
                                    "setImmediate(() => console.log('immediate'));\n"
                                    "Promise.resolve().then(() => console.log('then'));\n"
                                    "process.nextTick(() => console.log('tick'));\n"
                                    "console.log('main');\n"));
        const QString saved = dir.filePath("order.lsrun");
        const Outcome made = runLoopscope({"run", program, "--print-log", "--save-run", saved});
        QCOMPARE(made.exitCode, 0);
        QVERIFY(QFile::remove(program));  // the saved run needs the program no more
        const Outcome reopened = runLoopscope({"run", saved, "--print-log"});
        QCOMPARE(reopened.exitCode, 0);
        QCOMPARE(reopened.out, made.out);
        QVERIFY(reopened.out.startsWith(QStringLiteral("main\ntick\nthen\n")));
    }

    void aRecordedRunRefusesRunSettings() {
        const QString saved = QStringLiteral(LOOPSCOPE_TEST_DATA "/runs/thread-pool.lsrun");
        for (const QStringList& setting : {QStringList{"--threadpool", "8"}, QStringList{"--mode", "both"},
                                           QStringList{"--load", "3@0"}}) {
            const Outcome outcome = runLoopscope(QStringList{"run", saved} + setting);
            QCOMPARE(outcome.exitCode, 1);
            QVERIFY2(outcome.err.contains(QStringLiteral("is a recorded run: it is shown as it was made")), qPrintable(outcome.err));
        }
    }

    void damagedRunFilesAreRefusedAndWriteNothing_data() {
        QTest::addColumn<int>("cut");      // keep this many bytes (-1: all)
        QTest::addColumn<int>("flip");     // flip the byte at this offset (-1: none)
        QTest::addColumn<QString>("says");
        QTest::newRow("cut in the header") << 10 << -1 << QStringLiteral("truncated");
        QTest::newRow("cut in the middle") << 600 << -1 << QStringLiteral("truncated");
        QTest::newRow("one byte short") << -2 << -1 << QStringLiteral("truncated");
        QTest::newRow("a byte flipped in the events") << -1 << 400 << QStringLiteral("corrupt");
        QTest::newRow("not a run at all") << 0 << -1 << QString();
    }
    void damagedRunFilesAreRefusedAndWriteNothing() {
        QFETCH(int, cut);
        QFETCH(int, flip);
        QFETCH(QString, says);
        QTemporaryDir dir;
        QByteArray bytes = contents(QStringLiteral(LOOPSCOPE_TEST_DATA "/runs/three-users-file-server.lsrun"));
        QVERIFY(bytes.size() > 1000);
        if (cut >= 0)
            bytes.truncate(cut);
        if (cut == -2)
            bytes.chop(1);
        if (flip >= 0)
            bytes[flip] = char(bytes[flip] ^ 0x40);
        const QString damaged = dir.filePath("damaged.lsrun");
        QVERIFY(writeBytes(damaged, bytes));
        const Outcome outcome = runLoopscope({"run", damaged, "--png", dir.filePath("out.png")});
        QVERIFY2(outcome.exitCode == 1, qPrintable(outcome.err));
        QVERIFY2(outcome.err.contains(damaged), qPrintable(outcome.err));
        if (!says.isEmpty())
            QVERIFY2(outcome.err.contains(says), qPrintable(outcome.err));
        QVERIFY(!QFileInfo::exists(dir.filePath("out.png")));
    }

    void aNodeTraceIsShownAsARun() {
        QTemporaryDir dir;
        const Outcome outcome = runLoopscope({"run", kNodeTraces + "pbkdf2.trace.json", "--png", dir.filePath("node.png"),
                                              "--save-run", dir.filePath("node.lsrun")});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QCOMPARE(pngSize(dir.filePath("node.png")), QSize(1920, 1080));
        // Saved as a run, it compares with itself: every figure the same.
        const Outcome same = runLoopscope({"compare", dir.filePath("node.lsrun"), kNodeTraces + "pbkdf2.trace.json"});
        QVERIFY2(same.exitCode == 0, qPrintable(same.err));
        QCOMPARE(tableRow(same.out, "Thread-pool jobs"), QStringList({"8", "8", "0"}));
        QCOMPARE(tableRow(same.out, "Thread-pool waves"), QStringList({"2", "2", "0"}));
        QVERIFY2(same.out.contains(QStringLiteral("no call stack")), qPrintable(same.out));
    }

    void comparesFourAndEightPoolWorkers() {
        QTemporaryDir dir;
        const QString four = dir.filePath("four.lsrun"), eight = dir.filePath("eight.lsrun");
        QCOMPARE(runLoopscope({"run", kScenarios + "thread-pool.yaml", "--save-run", four}).exitCode, 0);
        QCOMPARE(runLoopscope({"run", kScenarios + "thread-pool.yaml", "--threadpool", "8", "--save-run", eight}).exitCode, 0);
        const Outcome outcome = runLoopscope({"compare", four, eight, "--png", dir.filePath("cmp.png"), "--pdf",
                                              dir.filePath("cmp.pdf")});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QCOMPARE(outcome.out.section(QLatin1Char('\n'), 0, 0).split(QLatin1Char(' '), Qt::SkipEmptyParts),
                 QStringList({"four", "eight", "change"}));
        QCOMPARE(tableRow(outcome.out, "Thread-pool waves"), QStringList({"2", "1", "-1"}));
        QCOMPARE(tableRow(outcome.out, "Pool workers used"), QStringList({"4", "8", "+4"}));
        QCOMPARE(pngSize(dir.filePath("cmp.png")), QSize(1920, 1080));
        QVERIFY(contents(dir.filePath("cmp.pdf")).startsWith("%PDF"));
    }

    void oneFileWithBothEnginesComparesThem() {
        QTemporaryDir dir;
        const QString both = dir.filePath("both.lsrun");
        QCOMPARE(runLoopscope({"run", kScenarios + "three-users-file-server.yaml", "--mode", "both", "--save-run", both}).exitCode, 0);
        const Outcome outcome = runLoopscope({"compare", both});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QCOMPARE(outcome.out.section(QLatin1Char('\n'), 0, 0).split(QLatin1Char(' '), Qt::SkipEmptyParts),
                 QStringList({"event", "loop", "thread", "per", "request", "change"}));
        QCOMPARE(tableRow(outcome.out, "Requests answered").mid(0, 2), QStringList({"3", "3"}));
        const Outcome one = runLoopscope({"compare", QStringLiteral(LOOPSCOPE_TEST_DATA "/runs/timer.lsrun")});
        QCOMPARE(one.exitCode, 1);
        QVERIFY2(one.err.contains(QStringLiteral("holds one run; give a second run, or --with-node")), qPrintable(one.err));
    }

    void withNodeSaysWhyItIsOffWithoutNode() {
        QTemporaryDir dir;
        const QString program = dir.filePath("p.js");
        QVERIFY(writeBytes(program, "console.log('hi');\n"));
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("PATH", dir.path());  // no node there
        environment.insert("QT_QPA_PLATFORM", "offscreen");
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(LOOPSCOPE_BINARY), {"compare", program, "--with-node"});
        QVERIFY(process.waitForFinished(kRunTimeoutMs));
        QCOMPARE(process.exitCode(), 1);
        QCOMPARE(QString::fromUtf8(process.readAllStandardError()),
                 QStringLiteral("loopscope: --with-node is off: no `node` executable on PATH: install Node.js to "
                                "record the same program under it\n"));
    }

    // Where Node is installed, the same program under both, side by side: the eight hashes
    // on four workers come in two waves in each. Without Node, the option says why it is off.
    void withNodeComparesTheSameProgramUnderNode() {
        QTemporaryDir dir;
        const QString program = dir.filePath("hashes.js");
        QVERIFY(writeBytes(program, "const crypto = require('crypto');\n"
                                    "for (let i = 1; i <= 8; i++)\n"
                                    "  crypto.pbkdf2('secret', 'salt', 20000, 64, 'sha512', () => console.log(i));\n"));
        const Outcome outcome = runLoopscope({"compare", program, "--with-node", "--png", dir.filePath("cmp.png")});
        if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty()) {
            QCOMPARE(outcome.exitCode, 1);
            QVERIFY2(outcome.err.contains(QStringLiteral("--with-node is off: no `node` executable on PATH")), qPrintable(outcome.err));
            return;
        }
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QCOMPARE(outcome.out.section(QLatin1Char('\n'), 0, 0).split(QLatin1Char(' '), Qt::SkipEmptyParts),
                 QStringList({"loopscope", "node", "change"}));
        QCOMPARE(tableRow(outcome.out, "Thread-pool jobs"), QStringList({"8", "8", "0"}));
        QCOMPARE(tableRow(outcome.out, "Thread-pool waves"), QStringList({"2", "2", "0"}));
        QCOMPARE(pngSize(dir.filePath("cmp.png")), QSize(1920, 1080));
    }
};

QTEST_GUILESS_MAIN(TestSavedRunsCli)
#include "test_saved_runs_cli.moc"
