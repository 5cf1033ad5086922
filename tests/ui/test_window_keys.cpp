// The window as a teacher presenting drives it: the playback keys (and a presenter
// remote's) work wherever the focus is, except in a text field; the wheel zooms the
// timeline around the pointer and Shift+wheel scrolls it; hovering a span says what it is.
#include <QtTest>

#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabBar>
#include <QTextBrowser>
#include <QWheelEvent>
#include <qcustomplot.h>

#include "MainWindow.h"
#include "PlaybackController.h"
#include "TimelineView.h"
#include "TraceStore.h"
#include "support/SyntheticTrace.h"
#include "support/TraceBuilder.h"

using namespace loopscope;

namespace {

// A finished run in the window's event-loop store, without running the engine.
void load(MainWindow& window, Trace trace) {
    TraceStore* store = window.eventLoopStore();
    store->append(std::move(trace));
    store->markFinished(true, {});
    store->drain();
    QTRY_VERIFY(store->isIdle());
}

void showActive(MainWindow& window) {
    window.resize(1280, 720);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
}

SpanSet spansOf(const Trace& trace) {
    SpanSet set;
    for (const TraceEvent& e : trace)
        set.add(e);
    return set;
}

// A wheel turn of `notches` (120 eighths of a degree each) at `pixel` of the plot.
void turnWheel(QCustomPlot* plot, const QPointF& pixel, int notches, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QWheelEvent wheel(pixel, plot->mapToGlobal(pixel), QPoint(), QPoint(0, 120 * notches), Qt::NoButton, modifiers,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(plot, &wheel);
}

}  // namespace

class TestWindowKeys : public QObject {
    Q_OBJECT
private slots:
    void playbackKeysWorkWhereverTheFocusIs() {
        MainWindow window(QStringLiteral(":/scenarios/timer.yaml"));
        load(window, testing::readsOnPool(8, 4, 20 * kMillisecond));
        showActive(window);
        PlaybackController* playback = window.playback();
        const std::size_t events = window.eventLoopStore()->size();
        QVERIFY(events > 10);
        const int listRow = window.scenarioList()->currentRow();
        // The scenario list, the timeline, the code, the teaching text, a tab bar, the
        // engine choice and the scrubber: each would take some of these keys for itself.
        QList<QWidget*> targets{window.scenarioList(), window.timeline()->plot(), window.codeView(),
                                window.findChild<QTextBrowser*>(), window.findChild<QTabBar*>(), window.engineChoice(),
                                window.findChild<QSlider*>()};
        QVERIFY(!targets.contains(nullptr));
        for (QWidget* target : targets) {
            target->setFocusPolicy(Qt::StrongFocus);
            const QByteArray name = target->metaObject()->className();
            target->setFocus();
            QTRY_COMPARE(QApplication::focusWidget(), target);
            QTest::keyClick(target, Qt::Key_Home);
            QVERIFY2(playback->position() == 0, name);
            QTest::keyClick(target, Qt::Key_End);
            QVERIFY2(playback->position() == events, name);
            QTest::keyClick(target, Qt::Key_Home);
            QTest::keyClick(target, Qt::Key_Right);
            QVERIFY2(playback->position() == 1, name);
            QTest::keyClick(target, Qt::Key_Right);
            QCOMPARE(playback->position(), std::size_t(2));
            QTest::keyClick(target, Qt::Key_Left);
            QCOMPARE(playback->position(), std::size_t(1));
            // A presenter remote's next / previous.
            QTest::keyClick(target, Qt::Key_PageDown);
            QCOMPARE(playback->position(), std::size_t(2));
            QTest::keyClick(target, Qt::Key_PageUp);
            QCOMPARE(playback->position(), std::size_t(1));
            QTest::keyClick(target, Qt::Key_End);
            QCOMPARE(playback->position(), events);
            QTest::keyClick(target, Qt::Key_Space);
            QVERIFY2(playback->isPlaying(), name);
            // The remote's blank-screen keys pause; neither starts playing again.
            QTest::keyClick(target, Qt::Key_B);
            QVERIFY(!playback->isPlaying());
            QTest::keyClick(target, Qt::Key_B);
            QVERIFY(!playback->isPlaying());
            QTest::keyClick(target, Qt::Key_Space);
            QVERIFY(playback->isPlaying());
            QTest::keyClick(target, Qt::Key_Period);
            QVERIFY(!playback->isPlaying());
            QCOMPARE(playback->speed(), 1.0);
            QTest::keyClick(target, Qt::Key_Plus, Qt::ShiftModifier);
            QCOMPARE(playback->speed(), 2.0);
            QTest::keyClick(target, Qt::Key_Minus);
            QTest::keyClick(target, Qt::Key_Minus);
            QCOMPARE(playback->speed(), 0.5);
            QTest::keyClick(target, Qt::Key_Equal);
            QCOMPARE(playback->speed(), 1.0);
            QCOMPARE(QApplication::focusWidget(), target);
        }
        // The list's own Home/End/Space did not run: the open scenario stays marked.
        QCOMPARE(window.scenarioList()->currentRow(), listRow);
    }

    void aTextFieldKeepsItsKeys() {
        MainWindow window(QStringLiteral(":/scenarios/timer.yaml"));
        load(window, testing::readsOnPool(8, 4, 20 * kMillisecond));
        auto* field = new QLineEdit;
        window.statusBar()->addPermanentWidget(field);
        showActive(window);
        PlaybackController* playback = window.playback();
        playback->seekEvent(5);
        field->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), field);
        QTest::keyClicks(field, QStringLiteral("b. +-="));
        QTest::keyClick(field, Qt::Key_Home);
        QTest::keyClick(field, Qt::Key_Right);
        QTest::keyClick(field, Qt::Key_Space);
        QTest::keyClick(field, Qt::Key_End);
        QTest::keyClick(field, Qt::Key_Left);
        QCOMPARE(field->text(), QStringLiteral("b . +-="));
        QCOMPARE(field->cursorPosition(), field->text().size() - 1);
        QCOMPARE(playback->position(), std::size_t(5));
        QVERIFY(!playback->isPlaying());
        QCOMPARE(playback->speed(), 1.0);

        // A spin box's text is a text field too.
        QSpinBox* threadpool = window.threadpoolSetting();
        threadpool->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), threadpool);
        threadpool->selectAll();
        QTest::keyClicks(threadpool, QStringLiteral("16"));
        QTest::keyClick(threadpool, Qt::Key_Home);
        QTest::keyClick(threadpool, Qt::Key_Right);
        QTest::keyClick(threadpool, Qt::Key_End);
        QCOMPARE(threadpool->value(), 16);
        QCOMPARE(playback->position(), std::size_t(5));
    }

    void theWheelZoomsAroundThePointerAndShiftScrolls() {
        const SpanSet set = spansOf(testing::readsOnPool(8, 4, 20 * kMillisecond));
        TimelineView view;
        view.resize(1200, 500);
        view.show();
        view.setSources(&set, nullptr);
        view.zoomTo(100 * kMillisecond, 200 * kMillisecond);
        view.plot()->replot();
        QCPAxis* time = view.plot()->xAxis;
        const double y = view.plot()->axisRect()->center().y();
        const QPointF pointer(time->coordToPixel(double(130 * kMillisecond)), y);
        const double tolerance = double(100 * kMicrosecond);

        turnWheel(view.plot(), pointer, 1);  // towards you: closer
        QCOMPARE_LT(time->range().size(), double(90 * kMillisecond));
        QVERIFY(std::abs(time->pixelToCoord(pointer.x()) - double(130 * kMillisecond)) < tolerance);
        const double zoomedIn = time->range().size();
        turnWheel(view.plot(), pointer, -2);  // away: wider than before, still around the pointer
        QCOMPARE_GT(time->range().size(), double(100 * kMillisecond));
        QVERIFY(std::abs(time->pixelToCoord(pointer.x()) - double(130 * kMillisecond)) < tolerance);
        QVERIFY(time->range().size() > zoomedIn);

        // Shift+wheel: the same span of time, later by a tenth of it per notch.
        view.zoomTo(10 * kMillisecond, 60 * kMillisecond);
        turnWheel(view.plot(), pointer, -2, Qt::ShiftModifier);
        QVERIFY(std::abs(time->range().size() - double(50 * kMillisecond)) < 1.0);
        QVERIFY(std::abs(time->range().lower - double(20 * kMillisecond)) < 1.0);
        turnWheel(view.plot(), pointer, 1, Qt::ShiftModifier);
        QVERIFY(std::abs(time->range().lower - double(15 * kMillisecond)) < 1.0);
    }

    void hoverSaysWhatASpanIs() {
        testing::TraceBuilder b;
        b.runBegin();
        b.enter(Phase::MainScript);
        b.callbackBegin(1, QueueKind::None, "main script", 3);
        b.enqueue(QueueKind::Timers, 7, "setTimeout", 2 * kSecond, 4);
        b.at(kMillisecond);
        b.callbackEnd(1);
        b.leave(Phase::MainScript);
        b.at(2 * kSecond);
        b.iteration(1);
        b.enter(Phase::Timers);
        b.dequeue(QueueKind::Timers, 7);
        b.callbackBegin(7, QueueKind::Timers, "", 4);
        b.at(2 * kSecond + 1200 * kMicrosecond);
        b.callbackEnd(7);
        b.leave(Phase::Timers);
        b.runEnd();
        const SpanSet set = spansOf(b.trace);
        TimelineView view;
        view.resize(1200, 500);
        view.show();
        view.setSources(&set, nullptr);
        view.setScenarioSource(QStringLiteral("timer.yaml"),
                               QStringLiteral("loopscope: 1\nmain:\n  - log: Start\n  - setTimeout:\n      delay: 2s\n"));
        view.zoomTo(2 * kSecond - kMillisecond, 2 * kSecond + 3 * kMillisecond);
        view.plot()->replot();
        const QPointF onTheCallback(view.plot()->xAxis->coordToPixel(double(2 * kSecond + 600 * kMicrosecond)),
                                    view.plot()->yAxis->coordToPixel(0.5));
        QCOMPARE(view.toolTipAt(onTheCallback),
                 QStringLiteral("<b>setTimeout</b><br>a callback from the timers queue<br>lane: main thread<br>"
                                "start 2 s, took 1.20 ms<br>scenario step: <code>setTimeout:</code> (timer.yaml line 4)"));
        const QPointF beside(view.plot()->xAxis->coordToPixel(double(2 * kSecond + 2 * kMillisecond)),
                             view.plot()->yAxis->coordToPixel(0.5));
        QVERIFY(view.toolTipAt(beside).isEmpty());
    }
};

QTEST_MAIN(TestWindowKeys)
#include "test_window_keys.moc"
