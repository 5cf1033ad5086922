// `loopscope run FILE --png/--svg/--pdf/--frames`: pictures without a display, and
// clean failures for paths that cannot be written.
#include <QtTest>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

#include "support/LoopscopeProcess.h"
#include "support/PngSize.h"

namespace {

const QString kScenario = QStringLiteral(LOOPSCOPE_SOURCE_DIR "/resources/scenarios/thread-pool.yaml");

using loopscope::testing::Outcome;

// Runs loopscope as a shell on a machine without any display would.
Outcome runHeadless(const QStringList& arguments) {
    return loopscope::testing::runLoopscope(arguments, 120000, loopscope::testing::Display::None);
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

using loopscope::testing::pngSize;

}  // namespace

class TestExportCli : public QObject {
    Q_OBJECT
private slots:
    void everyFormatWithoutADisplay() {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("pool.png"));
        const QString svg = dir.filePath(QStringLiteral("pool.svg"));
        const QString pdf = dir.filePath(QStringLiteral("pool.pdf"));
        const Outcome run = runHeadless({QStringLiteral("run"), kScenario, QStringLiteral("--png"), png,
                                       QStringLiteral("--svg"), svg, QStringLiteral("--pdf"), pdf,
                                       QStringLiteral("--width"), QStringLiteral("1600"), QStringLiteral("--height"),
                                       QStringLiteral("900"), QStringLiteral("--theme"), QStringLiteral("dark")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(pngSize(png), QSize(1600, 900));
        const QByteArray svgText = readAll(svg);
        QXmlStreamReader xml(svgText);
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(svgText.contains("viewBox=\"0 0 1600 900\""));
        QVERIFY(svgText.contains(">pool worker 4</text>"));
        const QByteArray pdfBytes = readAll(pdf);
        QVERIFY(pdfBytes.startsWith("%PDF-"));
        // One page object: "/Type /Page" not followed by a letter ("/Type /Pages" is the page tree).
        static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![a-zA-Z])"));
        int pages = 0;
        for (auto it = page.globalMatch(QString::fromLatin1(pdfBytes)); it.hasNext(); it.next())
            ++pages;
        QCOMPARE(pages, 1);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 3);
    }

    void loopViewAtTwoTimesGivesTwoPictures() {
        QTemporaryDir dir;
        const QString early = dir.filePath(QStringLiteral("early.png"));
        const QString late = dir.filePath(QStringLiteral("late.png"));
        Outcome run = runHeadless({QStringLiteral("run"), kScenario, QStringLiteral("--view"), QStringLiteral("loop"),
                                 QStringLiteral("--at"), QStringLiteral("0ms"), QStringLiteral("--png"), early});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = runHeadless({QStringLiteral("run"), kScenario, QStringLiteral("--view"), QStringLiteral("loop"),
                         QStringLiteral("--at"), QStringLiteral("10s"), QStringLiteral("--png"), late});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(pngSize(early), QSize(1920, 1080));
        QCOMPARE(pngSize(late), QSize(1920, 1080));
        QVERIFY(readAll(early) != readAll(late));
    }

    void framesWithProgress() {
        QTemporaryDir dir;
        const QString frames = dir.filePath(QStringLiteral("frames"));
        const Outcome run = runHeadless({QStringLiteral("run"), kScenario, QStringLiteral("--frames"), frames,
                                       QStringLiteral("--fps"), QStringLiteral("10"), QStringLiteral("--width"),
                                       QStringLiteral("640"), QStringLiteral("--height"), QStringLiteral("360")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QStringList files = QDir(frames).entryList(QDir::Files, QDir::Name);
        // Eight 72 ms hashes on 4 workers take at least 144 ms: frames at 0, 100 ms, and the end.
        QVERIFY2(files.size() >= 3, qPrintable(files.join(u' ')));
        QCOMPARE(files.first(), QStringLiteral("frame-00001.png"));
        QVERIFY2(run.err.contains(QStringLiteral("frame %1 of %1").arg(files.size())), qPrintable(run.err));
        QCOMPARE(pngSize(QDir(frames).filePath(files.last())), QSize(640, 360));
    }

    void unwritablePathsFailWithExitCodeOne_data() {
        QTest::addColumn<QString>("relative");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing directory") << QStringLiteral("missing/out.png")
                                           << QStringLiteral("the directory %1/missing does not exist");
        QTest::newRow("a directory as the file") << QStringLiteral("taken") << QStringLiteral("it is a directory");
    }

    void unwritablePathsFailWithExitCodeOne() {
        QFETCH(QString, relative);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("taken")));
        const QString target = dir.filePath(relative);
        const Outcome run = runHeadless({QStringLiteral("run"), kScenario, QStringLiteral("--png"), target});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed(),
                 QStringLiteral("loopscope: cannot write %1: %2").arg(target, reason.contains(u'%') ? reason.arg(dir.path()) : reason));
        QVERIFY(!QFileInfo(target).isFile());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }

    void readOnlyDirectoryFailsWithExitCodeOne() {
        QTemporaryDir dir;
        QString readOnly = dir.filePath(QStringLiteral("read-only"));
        QVERIFY(QDir().mkdir(readOnly));
        QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::ExeOwner);
        if (QFileInfo(readOnly).isWritable())  // root writes anywhere but /proc
            readOnly = QStringLiteral("/proc");
        const QString target = readOnly + QStringLiteral("/out.svg");
        const Outcome run = runHeadless({QStringLiteral("run"), kScenario, QStringLiteral("--svg"), target});
        QFile::setPermissions(dir.filePath(QStringLiteral("read-only")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed(),
                 QStringLiteral("loopscope: cannot write %1: the directory %2 is not writable").arg(target, readOnly));
        QVERIFY(!QFileInfo::exists(target));
    }

    void comparisonOfBothEnginesOnTheSameLoad() {
        QTemporaryDir dir;
        const QString svg = dir.filePath(QStringLiteral("comparison.svg"));
        const QString scenario = QStringLiteral(LOOPSCOPE_SOURCE_DIR "/resources/scenarios/three-users-file-server.yaml");
        const Outcome run = runHeadless({QStringLiteral("run"), scenario, QStringLiteral("--view"), QStringLiteral("comparison"),
                                       QStringLiteral("--svg"), svg});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QByteArray text = readAll(svg);
        for (const char* label : {">How long each request took</text>", ">Requests in flight</text>", ">latency p50</text>",
                                  ">latency p99</text>", ">peak threads</text>", ">event loop</text>"})
            QVERIFY2(text.contains(label), label);
        // Three users, each answered, on both engines.
        QCOMPARE(text.count(">3 of 3</text>"), qsizetype(2));
    }

    // Pictures go through the same writer as traces: a link's target, standard output,
    // and a full device is an error.
    void picturesFollowTheRulesOfEveryOutput() {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("slides")));
        const QString link = dir.filePath(QStringLiteral("pool.svg"));
        QVERIFY(QFile::link(QStringLiteral("slides/pool.svg"), link));  // dangling: the run creates its target
        Outcome run = runHeadless({QStringLiteral("run"), kScenario, QStringLiteral("--svg"), link});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(QFileInfo(link).isSymLink());
        QVERIFY(readAll(dir.filePath(QStringLiteral("slides/pool.svg"))).contains(">pool worker 4</text>"));
        QCOMPARE(QDir(dir.filePath(QStringLiteral("slides"))).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("pool.svg")});

        run = runHeadless({QStringLiteral("run"), kScenario, QStringLiteral("--svg"), QStringLiteral("-")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.startsWith(QStringLiteral("<?xml")));
        QVERIFY(run.out.contains(QStringLiteral(">pool worker 4</text>")));

        if (!QFileInfo(QStringLiteral("/dev/full")).exists())
            QSKIP("no /dev/full here");
        run = runHeadless({QStringLiteral("run"), kScenario, QStringLiteral("--png"), QStringLiteral("/dev/full")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed(), QStringLiteral("loopscope: cannot write /dev/full: No space left on device"));
    }

    // SIGTERM in the middle of --frames: the frames already written are whole, and no
    // temporary file is left among them.
    void framesEndedBySigtermLeaveOnlyWholeFrames() {
        QTemporaryDir dir;
        const QString frames = dir.filePath(QStringLiteral("frames"));
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            environment.remove(QString::fromLatin1(name));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(LOOPSCOPE_BINARY),
                      {QStringLiteral("run"), kScenario, QStringLiteral("--frames"), frames, QStringLiteral("--fps"),
                       QStringLiteral("240"), QStringLiteral("--width"), QStringLiteral("640"), QStringLiteral("--height"),
                       QStringLiteral("360")});
        QByteArray progress;
        QDeadlineTimer deadline(120000);
        while (!progress.contains("loopscope: frame 3 of") && !deadline.hasExpired() &&
               process.state() != QProcess::NotRunning) {
            process.waitForReadyRead(1000);
            progress += process.readAllStandardError();
        }
        QVERIFY2(progress.contains("loopscope: frame 3 of"), progress.constData());
        process.terminate();  // SIGTERM, mid-export
        QVERIFY(process.waitForFinished(30000));
        progress += process.readAllStandardError();
        QVERIFY2(process.exitStatus() == QProcess::CrashExit, progress.right(400).constData());  // ended by the signal
        const QStringList written = QDir(frames).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
        QVERIFY(written.size() >= 3);
        static const QRegularExpression frameName(QStringLiteral("^frame-\\d{5}\\.png$"));
        for (const QString& name : written) {
            QVERIFY2(frameName.match(name).hasMatch(), qPrintable(name));
            QCOMPARE(pngSize(QDir(frames).filePath(name)), QSize(640, 360));
            // Whole, not cut short: a PNG ends with its IEND chunk.
            QVERIFY2(readAll(QDir(frames).filePath(name)).endsWith(QByteArray("IEND\xae\x42\x60\x82", 8)), qPrintable(name));
        }
    }

    void comparisonNeedsBothEngines() {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("c.png"));
        const Outcome run = runHeadless({QStringLiteral("run"), kScenario, QStringLiteral("--mode"), QStringLiteral("event-loop"),
                                       QStringLiteral("--view"), QStringLiteral("comparison"), QStringLiteral("--png"), target});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed(), QStringLiteral("loopscope: --view comparison needs both engines; use --mode both"));
        QVERIFY(!QFileInfo::exists(target));
    }
};

QTEST_MAIN(TestExportCli)
#include "test_export_cli.moc"
