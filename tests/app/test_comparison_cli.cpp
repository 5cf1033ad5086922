// `loopscope run FILE --summary --csv OUT`, as a teacher runs it: every request
// figure of the printed table is the one computed again from the CSV's rows.
#include "RequestCsv.h"
#include "SummaryTable.h"

#include <QtTest>

#include "support/LoopscopeProcess.h"

using namespace loopscope;

namespace {

const QString kBinary = QStringLiteral(LOOPSCOPE_BINARY);
const QString kData = QStringLiteral(LOOPSCOPE_TEST_DATA);

using loopscope::testing::Outcome;

Outcome runLoopscope(const QStringList& arguments) {
    return loopscope::testing::runLoopscope(arguments, 120000);
}

// The cells of the table row that starts with `engine `.
QStringList rowCells(const QString& table, const QString& engine) {
    for (const QString& line : table.split('\n'))
        if (line.startsWith(engine + ' '))
            return line.split(' ', Qt::SkipEmptyParts).mid(1);
    return {};
}

}  // namespace

class TestComparisonCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(QFileInfo(kBinary).isExecutable(), qPrintable(kBinary)); }

    void summaryFiguresEqualThoseComputedFromTheCsvRows() {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("requests.csv"));
        const Outcome o = runLoopscope({QStringLiteral("run"), kData + QStringLiteral("/comparison/io_bound.yaml"),
                                        QStringLiteral("--mode"), QStringLiteral("both"), QStringLiteral("--summary"),
                                        QStringLiteral("--csv"), csv});
        QVERIFY2(o.exitCode == 0, qPrintable(o.err));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        std::string error;
        const auto runs = parseRequestCsv(std::string_view(text.constData(), std::size_t(text.size())), error);
        QVERIFY2(error.empty(), error.c_str());
        QCOMPARE(runs.size(), std::size_t(2));
        QCOMPARE(runs[0].engine, std::string("event-loop"));
        QCOMPARE(runs[1].engine, std::string("thread-per-request"));
        for (const EngineRequests& run : runs) {
            QCOMPARE(run.requests.size(), std::size_t(50));
            const QStringList printed = rowCells(o.out, QString::fromStdString(run.engine));
            QVERIFY2(printed.size() == int(summaryColumns().size()), qPrintable(o.out));
            const std::vector<std::string> recomputed = summaryCells(measureRequests(run.requests));
            for (std::size_t k = 0; k < kRequestSummaryCells; ++k)
                QCOMPARE(printed[int(k)], QString::fromStdString(recomputed[k]));
        }
        QVERIFY(o.out.contains(QStringLiteral("ratio thread-per-request / event-loop")));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("requests.csv")});
    }

    // `processes: 2` makes the event-loop side a cluster; the thread-per-request side
    // has no processes to share and ignores it. Both serve every request; the cluster's
    // thread count covers both processes (each a loop thread and a pool of two).
    void aClusterScenarioRunsInBothModes() {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("requests.csv"));
        const Outcome o = runLoopscope({QStringLiteral("run"), QStringLiteral(LOOPSCOPE_TEST_DATA "/engine/cluster_alternate.yaml"),
                                        QStringLiteral("--mode"), QStringLiteral("both"), QStringLiteral("--summary"),
                                        QStringLiteral("--csv"), csv});
        QVERIFY2(o.exitCode == 0, qPrintable(o.err));
        const QStringList loop = rowCells(o.out, QStringLiteral("event-loop"));
        const QStringList threads = rowCells(o.out, QStringLiteral("thread-per-request"));
        QVERIFY2(loop.size() == int(summaryColumns().size()), qPrintable(o.out));
        QVERIFY2(threads.size() == int(summaryColumns().size()), qPrintable(o.out));
        const std::vector<std::string> columns = summaryColumns();
        auto column = [&](const char* name) {
            return int(std::find(columns.begin(), columns.end(), std::string(name)) - columns.begin());
        };
        QCOMPARE(loop[column("answered")], QStringLiteral("8"));
        QCOMPARE(threads[column("answered")], QStringLiteral("8"));
        const int threadColumn = column("threads");
        QVERIFY2(loop[threadColumn].toInt() >= 2 * 3, qPrintable(o.out));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        std::string error;
        const auto runs = parseRequestCsv(std::string_view(text.constData(), std::size_t(text.size())), error);
        QVERIFY2(error.empty(), error.c_str());
        QCOMPARE(runs.size(), std::size_t(2));
        for (const EngineRequests& run : runs)
            for (const RequestTiming& request : run.requests)
                QVERIFY2(request.answered(), request.error.c_str());
    }

    void oneEngineHasNoRatioRow() {
        const Outcome o =
            runLoopscope({QStringLiteral("run"), kData + QStringLiteral("/comparison/thread_limit.yaml"),
                          QStringLiteral("--mode"), QStringLiteral("thread-per-request"), QStringLiteral("--summary")});
        QVERIFY2(o.exitCode == 0, qPrintable(o.err));
        const QStringList lines = o.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[1].startsWith(QStringLiteral("thread-per-request ")));
        QCOMPARE(rowCells(o.out, QStringLiteral("thread-per-request")).first(), QStringLiteral("6"));
    }

    // As every output that cannot be written: exit 1 and the path the user gave, with why.
    void aCsvThatCannotBeWrittenFailsTheRun_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing directory") << QStringLiteral("/nonexistent-dir/requests.csv")
                                           << QStringLiteral("No such file or directory");
        if (QFileInfo(QStringLiteral("/dev/full")).exists())
            QTest::newRow("full device") << QStringLiteral("/dev/full") << QStringLiteral("No space left on device");
    }
    void aCsvThatCannotBeWrittenFailsTheRun() {
        QFETCH(QString, path);
        QFETCH(QString, reason);
        const Outcome o = runLoopscope({QStringLiteral("run"), kData + QStringLiteral("/comparison/thread_limit.yaml"),
                                        QStringLiteral("--mode"), QStringLiteral("thread-per-request"),
                                        QStringLiteral("--csv"), path});
        QCOMPARE(o.exitCode, 1);
        QCOMPARE(o.err, QStringLiteral("loopscope: cannot write %1: %2\n").arg(path, reason));
    }

    void aCsvToStandardOutput() {
        const Outcome o = runLoopscope({QStringLiteral("run"), kData + QStringLiteral("/comparison/thread_limit.yaml"),
                                        QStringLiteral("--mode"), QStringLiteral("thread-per-request"),
                                        QStringLiteral("--csv"), QStringLiteral("-")});
        QVERIFY2(o.exitCode == 0, qPrintable(o.err));
        const QByteArray text = o.out.toUtf8();
        std::string error;
        const auto runs = parseRequestCsv(std::string_view(text.constData(), std::size_t(text.size())), error);
        QVERIFY2(error.empty(), error.c_str());
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(runs[0].engine, std::string("thread-per-request"));
        QVERIFY(!runs[0].requests.empty());
    }
};

QTEST_GUILESS_MAIN(TestComparisonCli)
#include "test_comparison_cli.moc"
