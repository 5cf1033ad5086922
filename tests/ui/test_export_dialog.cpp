// The Export dialog writes the file and fills the clipboard with what its controls say.
#include <QtTest>
#include <QApplication>
#include <QClipboard>
#include <QImageReader>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QTemporaryDir>

#include "ExportDialog.h"
#include "SlideRenderer.h"
#include "Theme.h"
#include "support/TraceBuilder.h"

using namespace loopscope;

namespace {

int pixelsNear(const QImage& image, const QColor& color, int tolerance = 2) {
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    int count = 0;
    for (int y = 0; y < argb.height(); ++y) {
        const QRgb* line = reinterpret_cast<const QRgb*>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x)
            if (std::abs(qRed(line[x]) - color.red()) <= tolerance && std::abs(qGreen(line[x]) - color.green()) <= tolerance &&
                std::abs(qBlue(line[x]) - color.blue()) <= tolerance)
                ++count;
    }
    return count;
}

}  // namespace

class TestExportDialog : public QObject {
    Q_OBJECT
    Trace trace_ = testing::readsOnPool(8, 4, 20 * kMillisecond);

    SlideSource source() {
        SlideSource s;
        s.title = QStringLiteral("Eight reads, four workers");
        s.eventLoop = &trace_;
        return s;
    }

private slots:
    void exportsTheChosenFormatSizeAndView() {
        QTemporaryDir dir;
        ExportDialog dialog(source(), 10 * kMillisecond);
        dialog.setView(SlideView::Loop);
        dialog.setSize({800, 450});
        dialog.setTheme(QStringLiteral("dark"));
        dialog.setFormat(SlideFormat::Svg);
        dialog.setPath(dir.filePath(QStringLiteral("loop.png")));
        dialog.setFormat(SlideFormat::Png);
        QCOMPARE(dialog.path(), dir.filePath(QStringLiteral("loop.png")));
        dialog.setFormat(SlideFormat::Svg);
        QCOMPARE(dialog.path(), dir.filePath(QStringLiteral("loop.svg")));  // the extension follows the format
        QVERIFY2(dialog.exportToFile(), qPrintable(dialog.status()));
        QFile svg(dir.filePath(QStringLiteral("loop.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray text = svg.readAll();
        QVERIFY(text.contains("viewBox=\"0 0 800 450\""));
        QVERIFY(text.contains(">Eight reads, four workers</text>"));
        QVERIFY(text.contains(">t = 10 ms</text>"));  // the playhead became the moment
        QCOMPARE(dialog.status(), QStringLiteral("Saved %1.").arg(dir.filePath(QStringLiteral("loop.svg"))));
    }

    // The preview is the slide the file will hold, scaled into the dialog: the loop at the
    // playhead, with the four pool workers busy in the pool colour.
    void previewShowsTheSlide() {
        ExportDialog dialog(source(), 10 * kMillisecond);
        dialog.setView(SlideView::Loop);
        dialog.show();
        QLabel* preview = dialog.findChild<QLabel*>(QStringLiteral("preview"));
        QVERIFY(preview);
        QTRY_VERIFY_WITH_TIMEOUT(!preview->pixmap().isNull(), 5000);
        const QImage shown = preview->pixmap().toImage();
        if (!qEnvironmentVariableIsEmpty("LOOPSCOPE_SAVE_RENDERS"))
            dialog.grab().save(qEnvironmentVariable("LOOPSCOPE_SAVE_RENDERS") + QStringLiteral("/export_dialog.png"));

        SlideOptions options;
        QString error;
        QVERIFY2(dialog.slideOptions(&options, &error), qPrintable(error));
        QCOMPARE(options.view, SlideView::Loop);
        QCOMPARE(options.at, 10 * kMillisecond);
        QCOMPARE(options.size, QSize(1920, 1080));
        const QImage slide = SlideRenderer(source()).image(options);
        const QImage expected =
            slide.scaled(preview->size() - QSize(4, 4), Qt::KeepAspectRatio, Qt::SmoothTransformation);
        QCOMPARE(shown.size(), expected.size());
        QCOMPARE(shown.convertToFormat(QImage::Format_ARGB32), expected.convertToFormat(QImage::Format_ARGB32));

        // What the slide shows at 10 ms: four reads on the four workers.
        const Theme theme = Theme::light();
        QCOMPARE(slide.pixelColor(2, 2), theme.background);
        const int busyPool = pixelsNear(slide, theme.pool);
        SlideOptions idleOptions = options;
        idleOptions.at = 0;
        const int idlePool = pixelsNear(SlideRenderer(source()).image(idleOptions), theme.pool);
        QVERIFY2(busyPool > idlePool + 4 * 400, qPrintable(QStringLiteral("%1 vs %2").arg(busyPool).arg(idlePool)));
    }

    void copiesTheImage() {
        ExportDialog dialog(source(), -1);
        dialog.setSize({640, 360});
        QVERIFY(dialog.copyImage());
        QCOMPARE(QApplication::clipboard()->image().size(), QSize(640, 360));
    }

    void badMomentAndUnwritablePathAreShownNotWritten() {
        QTemporaryDir dir;
        ExportDialog dialog(source(), -1);
        dialog.setMoment(QStringLiteral("soon"));
        dialog.setPath(dir.filePath(QStringLiteral("x.png")));
        QVERIFY(!dialog.exportToFile());
        QCOMPARE(dialog.status(), QStringLiteral("The moment must be a time such as 250ms or 1.5s, not \u201csoon\u201d."));
        dialog.setMoment(QString());
        dialog.setPath(dir.filePath(QStringLiteral("missing/x.png")));
        QVERIFY(!dialog.exportToFile());
        QCOMPARE(dialog.status(), QStringLiteral("Cannot write %1: the directory %2 does not exist.")
                                      .arg(dir.filePath(QStringLiteral("missing/x.png")), dir.filePath(QStringLiteral("missing"))));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).size(), 0);
        // Only one engine ran: the comparison cannot be drawn.
        dialog.setView(SlideView::Comparison);
        QVERIFY(!dialog.exportToFile());
        QVERIFY2(dialog.status().contains(QStringLiteral("needs both engines")), qPrintable(dialog.status()));
    }

    // The dialog writes through the same writer as the command line: a symbolic link
    // writes the file it points to, and a full device is a reason on screen.
    void exportWritesThroughALinkAndReportsAFullDevice() {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("slides")));
        const QString real = dir.filePath(QStringLiteral("slides/loop.png"));
        QFile old(real);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
        old.close();
        const QString link = dir.filePath(QStringLiteral("loop.png"));
        QVERIFY(QFile::link(QStringLiteral("slides/loop.png"), link));
        ExportDialog dialog(source(), -1);
        dialog.setSize({320, 180});
        dialog.setFormat(SlideFormat::Png);
        dialog.setPath(link);
        QVERIFY2(dialog.exportToFile(), qPrintable(dialog.status()));
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(QImageReader(real).size(), QSize(320, 180));
        QCOMPARE(QDir(dir.filePath(QStringLiteral("slides"))).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{QStringLiteral("loop.png")});

        if (!QFileInfo(QStringLiteral("/dev/full")).exists())
            QSKIP("no /dev/full here");
        dialog.setPath(QStringLiteral("/dev/full"));
        QVERIFY(!dialog.exportToFile());
        QCOMPARE(dialog.status(), QStringLiteral("Cannot write /dev/full: No space left on device."));
    }

    void ctrlEIsAddedToTheWindow() {
        QMainWindow window;
        QMenu* file = window.menuBar()->addMenu(QStringLiteral("&File"));
        QAction* action = ExportDialog::addExportAction(&window, file, [] { return std::nullopt; });
        QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+E")));
        QVERIFY(file->actions().contains(action));
    }
};

QTEST_MAIN(TestExportDialog)
#include "test_export_dialog.moc"
