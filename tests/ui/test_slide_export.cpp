// Slides from a real run of the thread-pool scenario: every format at the asked size,
// text kept as text, the loop view at the asked moment, frames, and unwritable paths.
#include <QtTest>
#include <QDir>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <algorithm>
#include <mutex>

#include "EngineProcess.h"
#include "ScenarioParser.h"
#include "SlideWriter.h"

using namespace loopscope;

namespace {

const QString kScenario = QStringLiteral(LOOPSCOPE_SOURCE_DIR "/resources/scenarios/thread-pool.yaml");

QSize pngHeaderSize(const QByteArray& bytes) {
    // The IHDR chunk follows the 8-byte signature: length, "IHDR", width, height (big-endian).
    if (bytes.size() < 24 || !bytes.startsWith("\x89PNG\r\n\x1a\n") || bytes.mid(12, 4) != "IHDR")
        return {};
    auto word = [&](int at) {
        return (quint32(quint8(bytes[at])) << 24) | (quint32(quint8(bytes[at + 1])) << 16) |
               (quint32(quint8(bytes[at + 2])) << 8) | quint32(quint8(bytes[at + 3]));
    };
    return QSize(int(word(16)), int(word(20)));
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every <text> of an SVG, in document order; empty and `ok` false when it is not XML.
QStringList svgTexts(const QByteArray& svg, bool* ok, QString* viewBox = nullptr) {
    QStringList texts;
    QXmlStreamReader xml(svg);
    int depthInText = 0;
    QString current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("svg") && viewBox)
            *viewBox = xml.attributes().value(QStringLiteral("viewBox")).toString();
        if (xml.isStartElement() && xml.name() == QLatin1String("text")) {
            ++depthInText;
            current.clear();
        } else if (xml.isCharacters() && depthInText > 0) {
            current += xml.text();
        } else if (xml.isEndElement() && xml.name() == QLatin1String("text")) {
            --depthInText;
            texts << current.trimmed();
        }
    }
    *ok = !xml.hasError();
    return texts;
}

int pdfPageCount(const QByteArray& pdf) {
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![a-zA-Z])"));
    int pages = 0;
    for (auto it = page.globalMatch(QString::fromLatin1(pdf)); it.hasNext(); it.next())
        ++pages;
    return pages;
}

int countStartingWith(const QStringList& texts, const QString& prefix) {
    return int(std::count_if(texts.begin(), texts.end(), [&](const QString& t) { return t.startsWith(prefix); }));
}

// What each pool lane shows: the text drawn right after its "worker N" label (a job or "idle").
// Only the lanes: a job that has just ended may still be in the poll queue panel as a completion.
QStringList laneTexts(const QStringList& texts) {
    static const QRegularExpression laneLabel(QStringLiteral("^worker [0-9]+$"));
    QStringList lanes;
    for (qsizetype i = 0; i + 1 < texts.size(); ++i)
        if (laneLabel.match(texts[i]).hasMatch())
            lanes << texts[i + 1];
    return lanes;
}

}  // namespace

class TestSlideExport : public QObject {
    Q_OBJECT
    Scenario scenario_;
    Trace trace_;
    std::unique_ptr<SlideRenderer> renderer_;
    Nanoseconds firstWave_ = 0;
    Nanoseconds secondWave_ = 0;
    int runningInSecondWave_ = 0;  // jobs on the lanes at secondWave_ (none wait then)
    QString jobLabel_;

    QString pathIn(const QTemporaryDir& dir, const char* name) { return dir.filePath(QString::fromLatin1(name)); }

private slots:
    void initTestCase() {
        ParseResult parsed = parseScenarioFile(kScenario.toStdString());
        QVERIFY2(parsed.ok(), "thread-pool.yaml parses");
        scenario_ = *parsed.scenario;
        EngineOptions options;
        options.executable = LOOPSCOPE_ENGINE_BINARY;
        CollectedRun run = runToTrace(kScenario.toStdString(), options);
        QVERIFY2(run.ok, run.error.c_str());
        trace_ = std::move(run.trace);

        // The two waves, as this run really had them: jobs 1-4 start at once, jobs 5-8
        // start as the first ones finish.
        std::vector<Nanoseconds> begins, ends;
        for (const TraceEvent& e : trace_) {
            if (e.lane.kind != LaneKind::PoolWorker)
                continue;
            if (e.kind == EventKind::WorkBegin) {
                begins.push_back(e.ts);
                jobLabel_ = QString::fromStdString(e.text);
            } else if (e.kind == EventKind::WorkEnd) {
                ends.push_back(e.ts);
            }
        }
        QCOMPARE(begins.size(), std::size_t(8));
        QCOMPARE(ends.size(), std::size_t(8));
        std::sort(begins.begin(), begins.end());
        std::sort(ends.begin(), ends.end());
        // Four jobs run and four wait between the fourth start and the first end (the fifth
        // starts only when a worker is free). Once the eighth has started none waits; how
        // many still run then depends on how the two cores were shared, so it is counted.
        QVERIFY(begins[3] < ends[0]);
        firstWave_ = (begins[3] + ends[0]) / 2;
        // The moment is halfway to the next end.
        const auto ended = int(std::count_if(ends.begin(), ends.end(), [&](Nanoseconds end) { return end <= begins[7]; }));
        QVERIFY(ended >= 4 && ended < 8);
        runningInSecondWave_ = 8 - ended;
        secondWave_ = (begins[7] + ends[std::size_t(ended)]) / 2;
        renderer_ = std::make_unique<SlideRenderer>(slideSourceFor(scenario_, &trace_, nullptr));
    }

    void everyFormatHasTheAskedSize() {
        QTemporaryDir dir;
        SlideOptions options;
        options.size = QSize(1280, 720);
        QString error;
        QVERIFY2(writeSlide(*renderer_, options, SlideFormat::Png, pathIn(dir, "t.png"), &error), qPrintable(error));
        QVERIFY2(writeSlide(*renderer_, options, SlideFormat::Svg, pathIn(dir, "t.svg"), &error), qPrintable(error));
        QVERIFY2(writeSlide(*renderer_, options, SlideFormat::Pdf, pathIn(dir, "t.pdf"), &error), qPrintable(error));

        QCOMPARE(pngHeaderSize(readAll(pathIn(dir, "t.png"))), QSize(1280, 720));
        bool ok = false;
        QString viewBox;
        svgTexts(readAll(pathIn(dir, "t.svg")), &ok, &viewBox);
        QVERIFY(ok);
        QCOMPARE(viewBox, QStringLiteral("0 0 1280 720"));
        const QByteArray pdf = readAll(pathIn(dir, "t.pdf"));
        QVERIFY(pdf.startsWith("%PDF-"));
        QCOMPARE(pdfPageCount(pdf), 1);
        // 1280 x 720 px at 96 dpi is a 960 x 720 pt page.
        const QRegularExpressionMatch box =
            QRegularExpression(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]")).match(QString::fromLatin1(pdf));
        QVERIFY(box.hasMatch());
        QCOMPARE(box.captured(1).toDouble(), 960.0);
        QCOMPARE(box.captured(2).toDouble(), 540.0);
        // Text is set in a font, not painted as pixels.
        QVERIFY(pdf.contains("/FontFile2"));
        QVERIFY(!pdf.contains("/Subtype /Image"));
        // Only the files asked for: the temporary files were renamed into place.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 3);
    }

    void svgKeepsTitleLanesAndAxisAsText() {
        QTemporaryDir dir;
        QString error;
        QVERIFY2(writeSlide(*renderer_, {}, SlideFormat::Svg, pathIn(dir, "t.svg"), &error), qPrintable(error));
        bool ok = false;
        const QStringList texts = svgTexts(readAll(pathIn(dir, "t.svg")), &ok);
        QVERIFY(ok);
        QVERIFY2(texts.contains(QString::fromStdString(scenario_.title)), qPrintable(texts.join(u'|')));
        QVERIFY(texts.contains(QStringLiteral("main thread")));
        for (int worker = 1; worker <= 4; ++worker)
            QVERIFY(texts.contains(QStringLiteral("pool worker %1").arg(worker)));
        QVERIFY(texts.contains(QStringLiteral("time since the run started")));
        // Tick labels carry their unit.
        QVERIFY2(texts.indexOf(QRegularExpression(QStringLiteral("^[1-9][0-9.]* (ms|s)$"))) >= 0, qPrintable(texts.join(u'|')));
        QVERIFY(texts.contains(QStringLiteral("thread-pool / worker job")));  // the legend
        QVERIFY(!readAll(pathIn(dir, "t.svg")).contains("<image"));
    }

    void theLoopViewShowsTheAskedMoment() {
        SlideOptions options;
        options.view = SlideView::Loop;
        options.size = QSize(960, 540);
        options.at = firstWave_;
        const QImage first = renderer_->image(options);
        QCOMPARE(renderer_->image(options), first);  // the same moment draws the same picture
        options.at = secondWave_;
        QVERIFY(renderer_->image(options) != first);
    }

    void theSecondWaveShowsItsRunningJobsAndNoneWaiting() {
        QTemporaryDir dir;
        SlideOptions options;
        options.view = SlideView::Loop;
        options.at = secondWave_;
        QString error;
        QVERIFY2(writeSlide(*renderer_, options, SlideFormat::Svg, pathIn(dir, "second.svg"), &error), qPrintable(error));
        options.at = firstWave_;
        QVERIFY2(writeSlide(*renderer_, options, SlideFormat::Svg, pathIn(dir, "first.svg"), &error), qPrintable(error));
        bool ok = false;
        const QStringList second = svgTexts(readAll(pathIn(dir, "second.svg")), &ok);
        QVERIFY(ok);
        const QStringList first = svgTexts(readAll(pathIn(dir, "first.svg")), &ok);
        QVERIFY(ok);
        QVERIFY(!jobLabel_.isEmpty());
        for (int worker = 1; worker <= 4; ++worker)
            QVERIFY(second.contains(QStringLiteral("worker %1").arg(worker)));
        const QStringList lanes = laneTexts(second);
        QCOMPARE(lanes.size(), 4);
        QCOMPARE(countStartingWith(lanes, jobLabel_.left(10)), runningInSecondWave_);
        QCOMPARE(lanes.count(QStringLiteral("idle")), 4 - runningInSecondWave_);
        QVERIFY2(second.contains(QStringLiteral("Waiting for a worker: none")), qPrintable(second.join(u'|')));
        // In the first wave the other four wait in the pool's queue.
        QCOMPARE(countStartingWith(laneTexts(first), jobLabel_.left(10)), 4);
        QVERIFY(countStartingWith(first, jobLabel_.left(10)) >= 4 + 2);
        QVERIFY2(first.contains(QStringLiteral("Waiting for a worker (first in, first out): 4")), qPrintable(first.join(u'|')));
    }

    void framesCoverTheRun() {
        QTemporaryDir dir;
        SlideOptions options;
        options.size = QSize(480, 270);
        const QString frames = dir.filePath(QStringLiteral("frames"));
        int calls = 0;
        int lastTotal = 0;
        QString error;
        QVERIFY2(writeFrames(*renderer_, options, 20, frames,
                             [&](int written, int total) {
                                 ++calls;
                                 QCOMPARE(written, calls);
                                 lastTotal = total;
                             },
                             &error),
                 qPrintable(error));
        const int expected = frameCount(renderer_->endTime(), 20);
        QVERIFY(expected >= 2);
        QCOMPARE(calls, expected);
        QCOMPARE(lastTotal, expected);
        const QStringList files = QDir(frames).entryList(QDir::Files | QDir::Hidden, QDir::Name);
        QCOMPARE(files.size(), expected);
        QCOMPARE(files.first(), QStringLiteral("frame-00001.png"));
        QCOMPARE(files.last(), QStringLiteral("frame-%1.png").arg(expected, 5, 10, QLatin1Char('0')));
        QCOMPARE(QImageReader(QDir(frames).filePath(files.last())).size(), QSize(480, 270));
        QVERIFY(QImage(QDir(frames).filePath(files.first())) != QImage(QDir(frames).filePath(files.last())));
    }

    void unwritablePathsFailWithTheReasonAndLeaveNoFile() {
        QTemporaryDir dir;
        QString error;
        const QString missing = dir.filePath(QStringLiteral("no-such-dir/t.png"));
        QVERIFY(!writeSlide(*renderer_, {}, SlideFormat::Png, missing, &error));
        QCOMPARE(error, QStringLiteral("cannot write %1: the directory %2 does not exist")
                            .arg(missing, dir.filePath(QStringLiteral("no-such-dir"))));
        QVERIFY(!canWriteFile(missing, nullptr));

        const QString directory = dir.filePath(QStringLiteral("a-directory"));
        QVERIFY(QDir().mkdir(directory));
        QVERIFY(!writeSlide(*renderer_, {}, SlideFormat::Svg, directory, &error));
        QCOMPARE(error, QStringLiteral("cannot write %1: it is a directory").arg(directory));

        // A directory nobody may create files in (root may write anywhere but /proc).
        QString readOnly = dir.filePath(QStringLiteral("read-only"));
        QVERIFY(QDir().mkdir(readOnly));
        QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::ExeOwner);
        if (QFileInfo(readOnly).isWritable())
            readOnly = QStringLiteral("/proc");
        const QString blocked = readOnly + QStringLiteral("/t.pdf");
        QVERIFY(!canWriteFile(blocked, &error));
        QVERIFY(!writeSlide(*renderer_, {}, SlideFormat::Pdf, blocked, &error));
        QVERIFY2(error.startsWith(QStringLiteral("cannot write %1: ").arg(blocked)), qPrintable(error));
        QVERIFY(!QFileInfo::exists(blocked));
        QFile::setPermissions(dir.filePath(QStringLiteral("read-only")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

        // Nothing was left behind: not the targets, not a temporary file.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
        QCOMPARE(QDir(directory).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }
};

QTEST_MAIN(TestSlideExport)
#include "test_slide_export.moc"
