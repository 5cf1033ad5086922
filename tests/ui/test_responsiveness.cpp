// While a run streams 1,000,000 events into the window, the GUI thread keeps beating: a
// heartbeat timer measures the gaps, and none may hold the stream taken in at once. The machine running the tests may be
// busy, so a gap is measured in the GUI thread's own CPU time (the work it did between
// two beats); wall-clock gaps are reported alongside. Seeking anywhere afterwards starts
// from the index's checkpoints and shows the state a replay from the start gives.
#include <QtTest>
#include <algorithm>
#include <atomic>
#include <ctime>
#include <thread>

#include "EventLoopPanel.h"
#include "LoopStateIndex.h"
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
        heartbeat.stop();
        // The stretch from the last beat to the end of the stream counts as a gap too, so a
        // stream taken in at once fails however few beats came before it.
        worstCpu = std::max(worstCpu, threadCpuNs() - lastCpu);
        worstWall = std::max(worstWall, wall.nsecsElapsed() - lastWall);
        reader.join();
        QVERIFY(done);
        QCOMPARE(store->size(), total);
        QVERIFY(store->isIdle());
        // The panels followed the stream to its end.
        QCOMPARE(window.playback()->position(), total);
        QVERIFY(window.loopPanel()->state().finished);
        qInfo("%d beats in %.2f s; worst gap: %.1f ms of GUI-thread CPU, %.1f ms wall", beats,
              double(wall.nsecsElapsed()) / 1e9, double(worstCpu) / 1e6, double(worstWall) / 1e6);
        // How many beats fit depends on how fast this machine takes the stream in (0.17 s
        // and 20 beats on a quick one); what matters is that the heartbeat ran while it did.
        QVERIFY(beats > 0);
        // The store takes in 8 ms slices; a beat may also hold a replot. 250 ms of GUI-thread CPU
        // leaves room for a machine whose cores are shared many times over (63 ms was seen at a
        // load of 14 on two cores, 121 ms with a build and two test suites on two cores) and
        // still fails when the whole million (seconds) is taken in at once.
        QVERIFY2(worstCpu < 250 * 1000000, qPrintable(QStringLiteral("GUI thread busy for %1 ms between beats")
                                                         .arg(double(worstCpu) / 1e6)));

        // Scrubbing anywhere in the million events is immediate too: the index holds a
        // checkpoint every `interval` events, so a seek replays fewer than that from the
        // one before it, and it shows what a replay from the very start shows.
        const LoopStateIndex& index = store->index();
        QCOMPARE(index.indexedEvents(), total);
        QCOMPARE(index.checkpointCount(), total / index.interval() + 1);
        std::vector<std::pair<std::size_t, LoopState>> shown;
        qint64 worstSeekCpu = 0;
        QElapsedTimer scrub;
        qint64 worstSeekWall = 0;
        for (int i = 0; i <= 20; ++i) {
            const std::size_t position = total - std::size_t(i) * (total / 20);
            const qint64 cpuBefore = threadCpuNs();
            scrub.start();
            window.playback()->seekEvent(position);
            QApplication::processEvents();
            worstSeekCpu = std::max(worstSeekCpu, threadCpuNs() - cpuBefore);
            worstSeekWall = std::max(worstSeekWall, scrub.nsecsElapsed());
            QCOMPARE(window.playback()->position(), position);
            QCOMPARE(window.loopPanel()->state().eventsApplied, position);
            shown.emplace_back(position, window.loopPanel()->state());
        }
        std::sort(shown.begin(), shown.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        LoopState fromStart;
        std::size_t applied = 0;
        PackedTrace::Cursor cursor = store->trace().cursor();
        for (const auto& [position, state] : shown) {
            for (; applied < position; ++applied, cursor.next())
                applyEvent(fromStart, cursor.event());
            QVERIFY2(state == fromStart, qPrintable(QStringLiteral("the state shown after seeking to event %1 is not "
                                                                   "the state replayed from the start")
                                                        .arg(position)));
        }
        qInfo("worst seek and repaint: %.1f ms of GUI-thread CPU, %.1f ms wall", double(worstSeekCpu) / 1e6,
              double(worstSeekWall) / 1e6);
        // Loose: what a seek costs is a short replay and a repaint, not the trace's length.
        QVERIFY2(worstSeekCpu < 200 * 1000000, qPrintable(QStringLiteral("a seek took %1 ms of GUI-thread CPU")
                                                              .arg(double(worstSeekCpu) / 1e6)));
    }
};

QTEST_MAIN(TestResponsiveness)
#include "test_responsiveness.moc"
