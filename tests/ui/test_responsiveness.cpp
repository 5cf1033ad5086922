// While a run streams 1,000,000 events into the window, the GUI thread never stalls
// for 50 ms: a heartbeat timer measures the gaps. The machine running the tests may be
// busy, so a gap is measured in the GUI thread's own CPU time (the work it did between
// two beats); wall-clock gaps are reported alongside.
#include <QtTest>
#include <atomic>
#include <ctime>
#include <thread>

#include "EventLoopPanel.h"
#include "MainWindow.h"
#include "PlaybackController.h"
#include "TimelineView.h"
#include "TraceStore.h"
#include "support/SyntheticTrace.h"

using namespace loopscope;

namespace {

qint64 threadCpuNs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

}  // namespace

class TestResponsiveness : public QObject {
    Q_OBJECT
private slots:
    void millionEventStreamNeverStallsTheGuiThread() {
        Trace events = testing::busyServer(1000000);
        QVERIFY(events.size() >= 999000);
        const std::size_t total = events.size();

        MainWindow window(QStringLiteral(":/scenarios/timer.yaml"));
        window.resize(1600, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        TraceStore* store = window.eventLoopStore();
        window.timeline()->setLive(true);

        qint64 worstCpu = 0, worstWall = 0;
        qint64 lastCpu = threadCpuNs();
        QElapsedTimer wall;
        wall.start();
        qint64 lastWall = 0;
        int beats = 0;
        QTimer heartbeat;
        heartbeat.setInterval(5);
        connect(&heartbeat, &QTimer::timeout, this, [&] {
            const qint64 cpu = threadCpuNs();
            const qint64 now = wall.nsecsElapsed();
            worstCpu = std::max(worstCpu, cpu - lastCpu);
            worstWall = std::max(worstWall, now - lastWall);
            lastCpu = cpu;
            lastWall = now;
            ++beats;
        });
        QSignalSpy finished(store, &TraceStore::finished);
        heartbeat.start();
        lastCpu = threadCpuNs();
        lastWall = wall.nsecsElapsed();

        // The reader thread: batches as fast as it can hand them over (faster than a real run).
        std::thread reader([&] {
            constexpr std::size_t kBatch = 4096;
            for (std::size_t i = 0; i < total; i += kBatch) {
                std::vector<TraceEvent> batch(std::make_move_iterator(events.begin() + std::ptrdiff_t(i)),
                                              std::make_move_iterator(events.begin() + std::ptrdiff_t(std::min(total, i + kBatch))));
                store->append(std::move(batch));
            }
            store->markFinished(true, QString());
        });
        const bool done = finished.wait(240000);
        reader.join();
        heartbeat.stop();
        QVERIFY(done);
        QCOMPARE(store->size(), total);
        QVERIFY(store->isIdle());
        // The panels followed the stream to its end.
        QCOMPARE(window.playback()->position(), total);
        QVERIFY(window.loopPanel()->state().finished);
        qInfo("%d beats in %.2f s; worst gap: %.1f ms of GUI-thread CPU, %.1f ms wall", beats,
              double(wall.nsecsElapsed()) / 1e9, double(worstCpu) / 1e6, double(worstWall) / 1e6);
        QVERIFY(beats > 20);
        QVERIFY2(worstCpu < 50 * 1000000, qPrintable(QStringLiteral("GUI thread busy for %1 ms between beats")
                                                         .arg(double(worstCpu) / 1e6)));

        // Scrubbing anywhere in the million events is immediate too.
        QElapsedTimer scrub;
        qint64 worstSeek = 0;
        for (int i = 0; i <= 20; ++i) {
            scrub.start();
            window.playback()->seekEvent(total - std::size_t(i) * (total / 20));
            QApplication::processEvents();
            worstSeek = std::max(worstSeek, scrub.nsecsElapsed());
        }
        qInfo("worst seek and repaint: %.1f ms", double(worstSeek) / 1e6);
    }
};

QTEST_MAIN(TestResponsiveness)
#include "test_responsiveness.moc"
