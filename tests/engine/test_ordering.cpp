// The live event-loop engine must print exactly what real Node 20 prints for the same
// program. One row per tests/data/ordering/NAME.yaml, compared with NAME.expected
// (recorded from `node NAME.js`; see tests/data/ordering/README.md).
//
// Where an order rests on durations, the cases leave 15 ms and more between the events
// that decide it: enough for Node and for the engine on a busy machine, not under
// ThreadSanitizer, which slows every callback and start-up several times over. There
// the cases run with every duration stretched by LOOPSCOPE_ORDERING_TIME_SCALE
// (runtime.time_scale), which keeps each order and widens each margin as much.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

namespace {

const QString kOrderingDir = QStringLiteral(LOOPSCOPE_TEST_DATA "/ordering");
constexpr int kRunTimeoutMs = 30000;
constexpr int kMinimumCases = 32;
#ifdef LOOPSCOPE_ORDERING_TIME_SCALE
constexpr int kTimeScale = LOOPSCOPE_ORDERING_TIME_SCALE;
#else
constexpr int kTimeScale = 1;
#endif

QStringList scenarioFiles() {
    QDir dir(kOrderingDir);
    return dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
}

QStringList splitLines(const QByteArray& bytes) {
    QString text = QString::fromUtf8(bytes);
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    if (text.isEmpty())
        return {};
    return text.split(QLatin1Char('\n'));
}

// A line diff (longest common subsequence): "  " same, "- " only expected, "+ " only actual.
QString lineDiff(const QStringList& expected, const QStringList& actual) {
    const qsizetype n = expected.size();
    const qsizetype m = actual.size();
    std::vector<std::vector<int>> common(n + 1, std::vector<int>(m + 1, 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            common[i][j] = expected[i] == actual[j] ? common[i + 1][j + 1] + 1
                                                    : std::max(common[i + 1][j], common[i][j + 1]);
    QString out;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && expected[i] == actual[j]) {
            out += QStringLiteral("    ") + expected[i++] + QLatin1Char('\n');
            ++j;
        } else if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
            out += QStringLiteral("  + ") + actual[j++] + QLatin1Char('\n');
        } else {
            out += QStringLiteral("  - ") + expected[i++] + QLatin1Char('\n');
        }
    }
    return out;
}

// The scenario with `runtime.time_scale: kTimeScale` added, written into `dir`.
QString stretchedCopy(const QString& scenario, const QTemporaryDir& dir) {
    QFile in(scenario);
    if (!in.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(in.readAll()).split(QLatin1Char('\n'));
    const QString scale = QStringLiteral("  time_scale: %1").arg(kTimeScale);
    const qsizetype runtime = lines.indexOf(QStringLiteral("runtime:"));
    if (runtime >= 0)
        lines.insert(runtime + 1, scale);
    else
        lines << QStringLiteral("runtime:") << scale;
    QFile out(dir.filePath(QFileInfo(scenario).fileName()));
    if (!out.open(QIODevice::WriteOnly) || out.write(lines.join(QLatin1Char('\n')).toUtf8()) < 0)
        return {};
    return out.fileName();
}

}  // namespace

class TestOrdering : public QObject {
    Q_OBJECT

private slots:
    void everyCaseIsComplete();
    void printsWhatNodePrints_data();
    void printsWhatNodePrints();
};

void TestOrdering::everyCaseIsComplete() {
    const QStringList files = scenarioFiles();
    QVERIFY2(files.size() >= kMinimumCases,
             qPrintable(QStringLiteral("%1 cases in %2, expected at least %3")
                            .arg(files.size()).arg(kOrderingDir).arg(kMinimumCases)));
    for (const QString& file : files) {
        const QString base = kOrderingDir + QLatin1Char('/') + QFileInfo(file).completeBaseName();
        QVERIFY2(QFileInfo::exists(base + QStringLiteral(".expected")),
                 qPrintable(base + QStringLiteral(".expected is missing")));
        QVERIFY2(QFileInfo::exists(base + QStringLiteral(".js")) ||
                     QFileInfo::exists(base + QStringLiteral(".mjs")),
                 qPrintable(base + QStringLiteral(".js (or .mjs) is missing")));
    }
}

void TestOrdering::printsWhatNodePrints_data() {
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("expected");
    for (const QString& file : scenarioFiles()) {
        const QString name = QFileInfo(file).completeBaseName();
        QTest::newRow(qPrintable(name))
            << kOrderingDir + QLatin1Char('/') + file
            << kOrderingDir + QLatin1Char('/') + name + QStringLiteral(".expected");
    }
}

void TestOrdering::printsWhatNodePrints() {
    QFETCH(QString, scenario);
    QFETCH(QString, expected);

    QFile expectedFile(expected);
    QVERIFY2(expectedFile.open(QIODevice::ReadOnly), qPrintable(expected + QStringLiteral(": cannot open")));
    const QStringList expectedLines = splitLines(expectedFile.readAll());

    const QString binary = QStringLiteral(LOOPSCOPE_BINARY);
    QVERIFY2(QFileInfo(binary).isExecutable(), qPrintable(binary + QStringLiteral(" is not built")));

    QTemporaryDir stretched;
    QString file = scenario;
    if (kTimeScale != 1) {
        file = stretchedCopy(scenario, stretched);
        QVERIFY2(!file.isEmpty(), qPrintable(scenario + QStringLiteral(": cannot write its stretched copy")));
    }
    QProcess run;
    run.start(binary, {QStringLiteral("run"), file, QStringLiteral("--mode"),
                       QStringLiteral("event-loop"), QStringLiteral("--print-log")});
    QVERIFY2(run.waitForStarted(), qPrintable(binary + QStringLiteral(": ") + run.errorString()));
    if (!run.waitForFinished(kRunTimeoutMs)) {
        run.kill();
        run.waitForFinished();
        QFAIL(qPrintable(QStringLiteral("no result within %1 s for %2").arg(kRunTimeoutMs / 1000).arg(scenario)));
    }
    const QByteArray errors = run.readAllStandardError();
    QVERIFY2(run.exitStatus() == QProcess::NormalExit && run.exitCode() == 0,
             qPrintable(QStringLiteral("exit code %1; stderr:\n%2")
                            .arg(run.exitCode()).arg(QString::fromUtf8(errors))));

    const QStringList actualLines = splitLines(run.readAllStandardOutput());
    if (actualLines != expectedLines) {
        QFAIL(qPrintable(QStringLiteral("\n%1 prints differently from Node (- Node only, + engine only):\n%2")
                             .arg(QFileInfo(scenario).fileName(), lineDiff(expectedLines, actualLines))));
    }
}

QTEST_GUILESS_MAIN(TestOrdering)
#include "test_ordering.moc"
