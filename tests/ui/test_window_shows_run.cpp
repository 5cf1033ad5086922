// What the window shows matches the run: the Scenarios list marks the scenario that is
// open, the code view says when the loop waits instead of pointing at a stale line, and
// the loop panel's chips show their whole text on a 1280x720 projector, in projector type too.
#include <QtTest>

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBlock>
#include <qcustomplot.h>

#include "ComparisonView.h"
#include "EventLoopPanel.h"
#include "MainWindow.h"
#include "PlaybackController.h"
#include "TickSpacing.h"
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

// Brings the tab that holds `page` to the front.
void showTab(MainWindow& window, QWidget* page) {
    for (QTabWidget* tabs : window.findChildren<QTabWidget*>())
        if (tabs->indexOf(page) >= 0)
            tabs->setCurrentWidget(page);
    QApplication::processEvents();
}

// Lets layouts, queued replots and the layouts they start run to their end.
void settle(MainWindow& window) {
    for (int round = 0; round < 4; ++round) {
        QApplication::processEvents();
        for (QCustomPlot* plot : window.findChildren<QCustomPlot*>())
            if (plot->isVisible())
                plot->replot();
    }
    QApplication::processEvents();
}

// What is wrong with one axis's tick labels as drawn now: two that touch (across a
// horizontal axis, up a vertical one), its title longer than the plot, or fewer than two
// labels on an axis with room for five (the next step of the form 1, 2, 2.5 or 5 times a
// power of ten is at most 2.5 times the least spacing, so such an axis always holds two).
QString tickLabelProblem(const QCustomPlot& plot, const QCPAxis& axis) {
    const QFontMetricsF metrics(axis.tickLabelFont());
    const bool across = axis.orientation() == Qt::Horizontal;
    const QVector<double> ticks = axis.tickVector();
    const QVector<QString> labels = axis.tickVectorLabels();
    std::vector<std::pair<double, double>> spans;  // from, to along the axis, in pixels
    QStringList shown;
    double widest = across ? 0 : metrics.height();
    for (int i = 0; i < ticks.size() && i < labels.size(); ++i) {
        if (!axis.range().contains(ticks[i]))
            continue;
        const double centre = axis.coordToPixel(ticks[i]);
        const double half = (across ? metrics.horizontalAdvance(labels[i]) : metrics.height()) / 2;
        widest = std::max(widest, 2 * half);
        spans.emplace_back(centre - half, centre + half);
        shown << labels[i];
    }
    std::sort(spans.begin(), spans.end());
    const QString where = QStringLiteral("%1 axis of \"%2\" (%3 px): %4")
                              .arg(across ? QStringLiteral("x") : QStringLiteral("y"),
                                   qobject_cast<QCPTextElement*>(plot.plotLayout()->element(0, 0))
                                       ? qobject_cast<QCPTextElement*>(plot.plotLayout()->element(0, 0))->text()
                                       : QString())
                              .arg(across ? axis.axisRect()->width() : axis.axisRect()->height())
                              .arg(shown.join(u' '));
    const double length = across ? axis.axisRect()->width() : axis.axisRect()->height();
    if (spans.size() < 2 && length >= 5 * (widest + kTickLabelGap))
        return QStringLiteral("fewer than two tick labels on the ") + where;
    if (spans.empty())
        return QStringLiteral("no tick label on the ") + where;
    for (std::size_t i = 1; i < spans.size(); ++i)
        if (spans[i].first < spans[i - 1].second + 1)
            return QStringLiteral("tick labels touch on the ") + where;
    // The title is centred on the axis and must not run off the plot.
    const double title = QFontMetricsF(axis.labelFont()).horizontalAdvance(axis.label());
    const QRect area = axis.axisRect()->rect();
    const double centre = across ? area.center().x() : area.center().y();
    const double room = 2 * std::min(centre, (across ? plot.width() : plot.height()) - centre);
    if (title > room)
        return QStringLiteral("the title \"%1\" (%2 px) is cut on the ").arg(axis.label()).arg(title) + where;
    return {};
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
        const Trace& trace = window.eventLoopStore()->trace().toTrace();
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

    // Eight pool lanes in projector type on a 1280x720 screen: each lane keeps the height of
    // its name and of the labels on its bars; the lanes that do not fit scroll, and
    // scrolling reaches the last one.
    void eightPoolLanesKeepTheirHeightOnA1280x720Projector() {
        MainWindow window(QStringLiteral(":/scenarios/thread-pool-8.yaml"));
        window.engineChoice()->setCurrentIndex(0);
        window.resize(1280, 720);
        window.show();
        QVERIFY(runToEnd(window));
        TimelineView* timeline = window.timeline();
        QCustomPlot* plot = timeline->plot();
        for (const bool projector : {false, true}) {
            window.setProjectorMode(projector);
            settle(window);
            const QByteArray mode = projector ? "projector mode: " : "normal type: ";
            const int rows = int(timeline->spans()->rows().size());
            QCOMPARE(rows, 9);  // the main thread and eight pool workers
            const double rowPixels = std::abs(plot->yAxis->coordToPixel(1) - plot->yAxis->coordToPixel(0));
            const double laneName = QFontMetricsF(plot->yAxis->tickLabelFont()).height();
            QVERIFY2(rowPixels >= laneName + 2,
                     qPrintable(mode + QStringLiteral("rows of %1 px, lane names %2 px high").arg(rowPixels).arg(laneName)));
            // The bars hold the label written on them (pool workers' "crypto.pbkdf2").
            const double bar = rowPixels * (SpanPlottable::kBarBottom - SpanPlottable::kBarTop);
            const double spanLabel = QFontMetricsF(timeline->spans()->labelFont()).height();
            QVERIFY2(bar >= spanLabel - 1,
                     qPrintable(mode + QStringLiteral("bars of %1 px, their labels %2 px high").arg(bar).arg(spanLabel)));
            // The lanes shown fit the lane area, and the rest are a scroll away.
            const int shown = timeline->shownRows();
            QVERIFY(shown >= 1 && shown <= rows);
            QVERIFY2(shown * rowPixels <= plot->axisRect()->height() + 1, mode);
            QCOMPARE(timeline->rowScroll()->isVisibleTo(&window), shown < rows);
            // The lane names shown are the shown lanes', one per lane, none touching.
            const QVector<double> ticks = plot->yAxis->tickVector();
            QCOMPARE(int(ticks.size()), shown);
            for (int i = 1; i < ticks.size(); ++i)
                QVERIFY2(std::abs(plot->yAxis->coordToPixel(ticks[i]) - plot->yAxis->coordToPixel(ticks[i - 1])) >= laneName, mode);
            if (shown < rows) {
                timeline->rowScroll()->setValue(timeline->rowScroll()->maximum());
                settle(window);
                QCOMPARE(timeline->firstShownRow() + timeline->shownRows(), rows);
                QCOMPARE(plot->yAxis->tickVectorLabels().last(), QStringLiteral("pool worker 8"));
                // A lane scrolled away is not hit where it would be, above the first shown.
                const int hidden = timeline->firstShownRow() - 1;
                const QPointF above(plot->xAxis->coordToPixel(100e6), plot->yAxis->coordToPixel(hidden + 0.5));
                QVERIFY(!timeline->spans()->spanAt(above).valid());
                QVERIFY(timeline->spans()->spanAt(QPointF(above.x(), plot->yAxis->coordToPixel(hidden + 1.5))).valid());
                timeline->rowScroll()->setValue(0);
                settle(window);
                QCOMPARE(plot->yAxis->tickVectorLabels().first(), QStringLiteral("main thread"));
            }
            saveIfAsked(window, QStringLiteral("window_1280x720_pool8_") + (projector ? "projector" : "normal"));
        }
        // Projector type on this screen needs the scrolling: nine readable lanes do not fit.
        QVERIFY(timeline->shownRows() < 9);
    }

    // A program that ends on an uncaught error: Problems lists it with its file, line and
    // column, the program's line is marked, and the next run that does not throw clears it.
    void anUncaughtErrorIsAProblemWithItsLineMarked() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("throws.js"));
        QFile program(file);
        QVERIFY(program.open(QIODevice::WriteOnly));
        program.write("console.log('start');\n"
                      "setTimeout(() => {\n"
                      "  if (process.env.NO_SUCH_VARIABLE_FOR_THIS_TEST === undefined)\n"
                      "    throw new RangeError('the value is out of range');\n"
                      "}, 5);\n");
        program.close();
        MainWindow window(file);
        window.resize(1280, 720);
        window.show();
        QCOMPARE(window.problemList()->count(), 0);
        QSignalSpy finished(&window, &MainWindow::runFinished);
        window.setEngineExecutable(QStringLiteral(LOOPSCOPE_BINARY));
        QVERIFY(window.startRun());
        QVERIFY(finished.wait(60000));
        QCOMPARE(window.problemList()->count(), 1);
        const QString problem = window.problemList()->item(0)->text();
        QCOMPARE(problem, QStringLiteral("%1:4:5: error: uncaught RangeError: the value is out of range").arg(QFileInfo(file).canonicalFilePath()));
        QCOMPARE(window.problems(), QStringList{problem});
        // The marked line of the program view is the throw.
        const QList<QTextEdit::ExtraSelection> marked = window.codeView()->extraSelections();
        QCOMPARE(marked.size(), 1);
        QCOMPARE(marked.front().cursor.block().blockNumber(), 3);

        // The same program, fixed: the run's problem goes.
        QVERIFY(program.open(QIODevice::WriteOnly | QIODevice::Truncate));
        program.write("console.log('start');\n");
        program.close();
        QVERIFY(window.openScenario(file));
        finished.clear();
        QVERIFY(window.startRun());
        QVERIFY(finished.wait(60000));
        QCOMPARE(window.problemList()->count(), 0);
    }

    // A problem in a file deep in folders wraps onto more lines instead of running off to
    // the right, in projector type too.
    void aLongProblemWrapsOnA1280x720Projector() {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("a-folder-with-a-rather-long-name-for-the-scenarios-of-a-course/"
                                                           "and-one-more-level-of-folders-below-it-for-this-week"));
        QVERIFY(QDir().mkpath(folder));
        const QString file = folder + QStringLiteral("/the-first-timer-scenario-of-the-week.yaml");
        QVERIFY(QFile::copy(QStringLiteral(LOOPSCOPE_TEST_DATA "/bad/unknown-step.yaml"), file));
        MainWindow window(file);
        window.resize(1280, 720);
        window.show();
        QListWidget* problems = window.problemList();
        QCOMPARE(problems->count(), 1);
        showTab(window, problems);
        for (const bool projector : {false, true}) {
            window.setProjectorMode(projector);
            settle(window);
            const QByteArray mode = projector ? "projector mode" : "normal type";
            const QString text = problems->item(0)->text();
            QVERIFY2(QFontMetrics(problems->font()).horizontalAdvance(text) > problems->viewport()->width(), mode);
            QVERIFY2(problems->horizontalScrollBar()->maximum() == 0, mode);
            const QRect shown = problems->visualItemRect(problems->item(0));
            QVERIFY2(shown.width() <= problems->viewport()->width(), mode);
            QVERIFY2(shown.height() >= 2 * QFontMetrics(problems->font()).height(), mode);  // on two lines or more
        }
    }

    // Both engines compared on a 1280x720 projector: the summary table needs no sideways
    // scrolling and cuts no name, figure or header; the plots' tick labels never touch and
    // their axis titles are whole.
    void theComparisonFitsA1280x720Projector() {
        MainWindow window(QStringLiteral(":/scenarios/three-users-file-server.yaml"));
        window.engineChoice()->setCurrentIndex(2);
        window.resize(1280, 720);
        window.show();
        QSignalSpy finished(&window, &MainWindow::runFinished);
        window.setEngineExecutable(QStringLiteral(LOOPSCOPE_BINARY));
        QVERIFY(window.startRun());
        QVERIFY(finished.wait(120000));
        QVERIFY(finished.front().at(0).toBool());
        QTRY_VERIFY(window.eventLoopStore()->isIdle() && window.threadStore()->isIdle());
        showTab(window, window.comparison());
        QTableWidget* table = window.comparison()->table();
        for (const bool projector : {false, true}) {
            window.setProjectorMode(projector);
            settle(window);
            const QByteArray mode = projector ? "projector mode: " : "normal type: ";
            QVERIFY2(!table->isColumnHidden(3), "the ratio column shows with both engines");
            QCOMPARE(table->horizontalScrollBar()->maximum(), 0);
            int columns = 0;
            for (int c = 0; c < table->columnCount(); ++c)
                columns += table->isColumnHidden(c) ? 0 : table->columnWidth(c);
            QVERIFY2(columns <= table->viewport()->width(),
                     qPrintable(mode + QStringLiteral("columns %1 px in %2 px").arg(columns).arg(table->viewport()->width())));
            // Every header whole.
            const QFontMetrics headerMetrics(table->horizontalHeader()->font());
            for (int c = 0; c < table->columnCount(); ++c) {
                const QString text = table->horizontalHeaderItem(c)->text();
                QVERIFY2(headerMetrics.horizontalAdvance(text) + 8 <= table->columnWidth(c),
                         qPrintable(mode + text + QStringLiteral(" in %1 px").arg(table->columnWidth(c))));
            }
            // Every figure on one line, every name wrapped whole into its row.
            const QFontMetrics metrics(table->font());
            for (int r = 0; r < table->rowCount(); ++r) {
                for (int c = 0; c < table->columnCount(); ++c) {
                    const QString text = table->item(r, c)->text();
                    const int width = table->columnWidth(c) - 6;
                    QVERIFY2(!text.isEmpty(), qPrintable(mode + QStringLiteral("row %1 column %2 is empty").arg(r).arg(c)));
                    const QRect needed = c == 0 ? metrics.boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap, text)
                                                : metrics.boundingRect(text);
                    QVERIFY2(needed.width() <= width && needed.height() <= table->rowHeight(r),
                             qPrintable(mode + text + QStringLiteral(": needs %1x%2 px, has %3x%4")
                                                       .arg(needed.width()).arg(needed.height()).arg(width).arg(table->rowHeight(r))));
                }
            }
            const QList<QCustomPlot*> plots = window.comparison()->findChildren<QCustomPlot*>();
            QCOMPARE(int(plots.size()), 3);
            for (QCustomPlot* plot : plots)
                for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
                    const QString problem = tickLabelProblem(*plot, *axis);
                    QVERIFY2(problem.isEmpty(), qPrintable(mode + problem));
                }
            saveIfAsked(window, QStringLiteral("window_1280x720_comparison_") + (projector ? "projector" : "normal"));
        }
    }
};

QTEST_MAIN(TestWindowShowsRun)
#include "test_window_shows_run.moc"
