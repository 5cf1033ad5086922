// What the window shows matches the run: the Scenarios list marks the scenario that is
// open, the code view says when the loop waits instead of pointing at a stale line, and
// the loop panel's chips show their whole text on a 1280x720 projector, in projector type too.
#include <QtTest>

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTextBlock>
#include <qcustomplot.h>

#include "EventLoopPanel.h"
#include "MainWindow.h"
#include "PlaybackController.h"
#include "TimelineView.h"
#include "TraceStore.h"

using namespace loopscope;

namespace {

QString builtInOf(const MainWindow& window) {
    const QList<QListWidgetItem*> selected = window.scenarioList()->selectedItems();
    return selected.size() == 1 ? selected.front()->data(Qt::UserRole).toString() : QString();
}

QAction* menuAction(MainWindow& window, const QString& menu, const QString& text) {
    for (QAction* top : window.menuBar()->actions())
        if (top->text() == menu && top->menu())
            for (QAction* action : top->menu()->actions())
                if (action->text() == text)
                    return action;
    return nullptr;
}

bool runToEnd(MainWindow& window) {
    QSignalSpy finished(&window, &MainWindow::runFinished);
    window.setEngineExecutable(QStringLiteral(LOOPSCOPE_BINARY));
    if (!window.startRun() || !finished.wait(60000))
        return false;
    return finished.front().at(0).toBool() && window.eventLoopStore()->isIdle();
}

QString highlightedCode(const MainWindow& window) {
    const int line = window.highlightedCodeLine();
    return line < 0 ? QString() : window.codeView()->document()->findBlockByNumber(line).text();
}

// The loop panel as painted now: what it cut, and the chip texts.
const LoopViewReport& paintedPanel(MainWindow& window) {
    window.loopPanel()->repaint();
    return window.loopPanel()->lastPaint();
}

// With LOOPSCOPE_SAVE_RENDERS=DIR, a picture of the window as it is now.
void saveIfAsked(MainWindow& window, const QString& name) {
    if (!qEnvironmentVariableIsEmpty("LOOPSCOPE_SAVE_RENDERS"))
        window.grab().save(qEnvironmentVariable("LOOPSCOPE_SAVE_RENDERS") + "/" + name + ".png");
}

}  // namespace

class TestWindowShowsRun : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(QStringLiteral(LOOPSCOPE_BINARY)), LOOPSCOPE_BINARY " is not built");
        QCoreApplication::setOrganizationName(QStringLiteral("loopscope-tests"));
    }

    void theScenarioListMarksTheOpenScenario() {
        const QString timerFile = QStringLiteral(LOOPSCOPE_SOURCE_DIR "/resources/scenarios/timer.yaml");
        MainWindow window(timerFile);
        window.show();
        QCOMPARE(builtInOf(window), QStringLiteral(":/scenarios/timer.yaml"));
        // Taking the focus (the first widget that can) does not mark another one.
        window.scenarioList()->setFocus();
        QApplication::processEvents();
        QCOMPARE(builtInOf(window), QStringLiteral(":/scenarios/timer.yaml"));

        QVERIFY(window.openScenario(QStringLiteral(":/scenarios/thread-pool.yaml")));
        QCOMPARE(builtInOf(window), QStringLiteral(":/scenarios/thread-pool.yaml"));

        // A file of its own is none of the built-ins, even under a built-in's name.
        QTemporaryDir dir;
        const QString own = dir.filePath(QStringLiteral("timer.yaml"));
        QFile file(own);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("loopscope: 1\ntitle: My timer\nmain:\n  - log: mine\n");
        file.close();
        QVERIFY(window.openScenario(own));
        QCOMPARE(builtInOf(window), QString());
        QVERIFY(window.scenarioList()->selectedItems().isEmpty());

        // Open Recent and Reload go through the same door.
        QAction* recent = menuAction(window, QStringLiteral("&File"), QStringLiteral("Open &Recent"));
        QVERIFY(recent && recent->menu());
        QAction* timerEntry = nullptr;
        for (QAction* action : recent->menu()->actions())
            if (action->text() == timerFile)
                timerEntry = action;
        QVERIFY(timerEntry);
        timerEntry->trigger();
        QCOMPARE(builtInOf(window), QStringLiteral(":/scenarios/timer.yaml"));
        window.scenarioList()->setCurrentRow(0);  // a glance at another row, not opened
        QAction* reload = menuAction(window, QStringLiteral("&File"), QStringLiteral("Re&load"));
        QVERIFY(reload);
        reload->trigger();
        QCOMPARE(builtInOf(window), QStringLiteral(":/scenarios/timer.yaml"));
    }

    void whileNoCallbackRunsTheCodeViewSaysWhatTheLoopWaitsFor() {
        MainWindow window(QStringLiteral(LOOPSCOPE_SOURCE_DIR "/resources/scenarios/timer.yaml"));
        window.resize(1280, 720);
        window.show();
        QVERIFY(runToEnd(window));
        PlaybackController* playback = window.playback();
        QLabel* banner = window.codeWaitBanner();

        // 1.01 s: Start and End printed, the loop waits in poll for the 2 s timer.
        playback->seekTime(1010 * kMillisecond);
        QVERIFY(window.loopPanel()->state().callStack.empty());
        QCOMPARE(window.highlightedCodeLine(), -1);
        QVERIFY(banner->isVisibleTo(&window));
        QVERIFY2(banner->text().contains(QStringLiteral("poll phase")) &&
                     banner->text().contains(QStringLiteral("waiting for the timer due at 2")),
                 qPrintable(banner->text()));
        saveIfAsked(window, QStringLiteral("window_waiting"));

        // The timer's callback runs: its line is marked and the banner goes.
        const Trace& trace = window.eventLoopStore()->trace();
        std::size_t timerCallback = 0;
        for (std::size_t i = 0; i < trace.size() && timerCallback == 0; ++i)
            if (trace[i].kind == EventKind::CallbackBegin && trace[i].queue == QueueKind::Timers)
                timerCallback = i + 1;
        QVERIFY(timerCallback > 0);
        playback->seekEvent(timerCallback + 1);  // and its console.log
        QVERIFY(!banner->isVisibleTo(&window));
        QVERIFY2(highlightedCode(window).contains(QStringLiteral("Timer finished")), qPrintable(highlightedCode(window)));

        // In the main script, before the loop: its lines, no banner.
        playback->seekEvent(4);
        QVERIFY(!window.loopPanel()->state().callStack.empty());
        QVERIFY(!banner->isVisibleTo(&window));
        QVERIFY(window.highlightedCodeLine() >= 0);

        playback->toEnd();
        QCOMPARE(window.highlightedCodeLine(), -1);
        QVERIFY2(banner->text().contains(QStringLiteral("ended")), qPrintable(banner->text()));
    }

    void theLoopPanelFitsA1280x720Projector() {
        MainWindow window(QStringLiteral(":/scenarios/timer.yaml"));
        window.resize(1280, 720);
        window.show();
        // The window fits such a screen at all.
        QVERIFY2(window.minimumSizeHint().width() <= 1280 && window.minimumSizeHint().height() <= 720,
                 qPrintable(QStringLiteral("%1x%2").arg(window.minimumSizeHint().width()).arg(window.minimumSizeHint().height())));
        QVERIFY(runToEnd(window));
        for (const bool projector : {false, true}) {
            window.setProjectorMode(projector);
            QApplication::processEvents();
            const QByteArray mode = projector ? "projector mode" : "normal type";
            // In the main script, and once the loop has exited: nothing cut either.
            for (const std::size_t event : {std::size_t(4), window.eventLoopStore()->size()}) {
                window.playback()->seekEvent(event);
                const QStringList cut = paintedPanel(window).cutTexts;
                QVERIFY2(cut.isEmpty(), qPrintable(mode + ": " + cut.join(QStringLiteral(" | "))));
            }
            window.playback()->seekTime(1010 * kMillisecond);
            const LoopViewReport& painted = paintedPanel(window);
            QVERIFY2(painted.cutTexts.isEmpty(), qPrintable(mode + ": " + painted.cutTexts.join(QStringLiteral(" | "))));
            // The timer's chip: its whole label and when it is due, on the chip and as its tooltip.
            const auto chip = std::find_if(painted.chips.begin(), painted.chips.end(), [](const LoopViewReport::Chip& c) {
                return c.text.startsWith(QStringLiteral("setTimeout"));
            });
            QVERIFY2(chip != painted.chips.end(), mode);
            QVERIFY2(chip->text.contains(QStringLiteral("due at 2")), qPrintable(chip->text));
            QCOMPARE(window.loopPanel()->toolTipAt(chip->rect.center().toPoint()), chip->text);
            saveIfAsked(window, QStringLiteral("window_1280x720_") + (projector ? "projector" : "normal"));
        }
    }

    // Projector type on a 1280x720 screen leaves the timeline little height: its lanes keep
    // a readable height and no note label covers a lane or another label.
    void theTimelineFitsA1280x720Projector() {
        MainWindow window(QStringLiteral(":/scenarios/thread-pool.yaml"));
        window.engineChoice()->setCurrentIndex(0);
        window.resize(1280, 720);
        window.show();
        QVERIFY(runToEnd(window));
        for (const bool projector : {false, true}) {
            window.setProjectorMode(projector);
            QApplication::processEvents();
            QCustomPlot* plot = window.timeline()->plot();
            plot->replot();
            const int rows = int(window.timeline()->spans()->rows().size());
            QCOMPARE(rows, 5);  // the main thread and four pool workers
            const double rowPixels = std::abs(plot->yAxis->coordToPixel(1) - plot->yAxis->coordToPixel(0));
            QVERIFY2(rowPixels >= 20, qPrintable(QString::number(rowPixels)));
            const double lanesTop = std::min(plot->yAxis->coordToPixel(0), plot->yAxis->coordToPixel(rows));
            std::vector<QRectF> shown;
            for (int i = 0; i < plot->itemCount(); ++i) {
                auto* label = qobject_cast<QCPItemText*>(plot->item(i));
                if (!label || !label->visible())
                    continue;
                const QRectF box = QRectF(label->topLeft->pixelPosition(), label->bottomRight->pixelPosition()).normalized();
                QVERIFY2(box.bottom() <= lanesTop + 1, qPrintable(label->text()));
                for (const QRectF& other : shown)
                    QVERIFY2(!box.intersects(other), qPrintable(label->text()));
                shown.push_back(box);
            }
            if (!projector)
                QCOMPARE(int(shown.size()), 3);  // all three notes, on the band's three lines
            saveIfAsked(window, QStringLiteral("window_1280x720_timeline_") + (projector ? "projector" : "normal"));
        }
    }
};

QTEST_MAIN(TestWindowShowsRun)
#include "test_window_shows_run.moc"
