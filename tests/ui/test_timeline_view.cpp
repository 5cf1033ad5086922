// The timeline: level of detail, lanes, hit testing, click-to-seek, thread aggregation.
#include <QtTest>
#include <qcustomplot.h>

#include "TimelineView.h"
#include "support/SyntheticTrace.h"
#include "support/TraceBuilder.h"

using namespace loopscope;

namespace {

SpanSet spansOf(const Trace& trace) {
    SpanSet set;
    for (const TraceEvent& e : trace)
        set.add(e);
    return set;
}

QStringList rowNames(const SpanPlottable& plottable) {
    QStringList names;
    for (const TimelineRow& row : plottable.rows())
        names << row.name;
    return names;
}

void saveIfAsked(TimelineView& view, const QString& name) {
    if (!qEnvironmentVariableIsEmpty("LOOPSCOPE_SAVE_RENDERS"))
        view.plot()->savePng(qEnvironmentVariable("LOOPSCOPE_SAVE_RENDERS") + "/" + name + ".png", view.width(), view.height());
}

}  // namespace

class TestTimelineView : public QObject {
    Q_OBJECT
private slots:
    void spansFollowTheEvents() {
        const SpanSet set = spansOf(testing::readsOnPool(8, 4, 20 * kMillisecond));
        // main thread + 4 pool workers
        QCOMPARE(set.rows().size(), std::size_t(5));
        const int worker2 = set.rowOf(Lane{LaneKind::PoolWorker, 0, 1});
        QVERIFY(worker2 >= 0);
        const auto& spans = set.rows()[worker2].spans;
        QCOMPARE(spans.size(), std::size_t(2));
        QCOMPARE(spans[0].begin, 20 * kMicrosecond);
        QCOMPARE(spans[0].end, 20 * kMillisecond);
        QCOMPARE(QString::fromStdString(std::string(set.label(spans[1].label))), QStringLiteral("fs.readFile #6"));
        // Read #2: queued by the main script, worked on by worker 2, called back on main.
        const auto refs = set.spansOf(101);
        QCOMPARE(refs.size(), std::size_t(2));
        QCOMPARE(int(refs[0].row), worker2);
        QCOMPARE(int(refs[1].row), set.rowOf(Lane{LaneKind::Main, 0, 0}));
        QCOMPARE(set.enqueuedAt(101), 20 * kMicrosecond);
    }

    void lanesAreOrderedMainPoolKernel() {
        testing::TraceBuilder b;
        b.io(EventKind::IoBegin, 9, "net");
        b.work(EventKind::WorkBegin, LaneKind::PoolWorker, 1, 3, "read");
        b.callbackBegin(1, QueueKind::None, "main script");
        b.at(kMillisecond);
        b.callbackEnd(1);
        b.work(EventKind::WorkEnd, LaneKind::PoolWorker, 1, 3);
        b.io(EventKind::IoEnd, 9);
        const SpanSet set = spansOf(b.trace);
        TimelineView view;
        view.resize(1200, 500);
        view.show();
        view.setSources(&set, nullptr);
        QCOMPARE(rowNames(*view.spans()), (QStringList{"main thread", "pool worker 2", "kernel (network)"}));
    }

    void levelOfDetailBoundsTheRectanglesDrawn() {
        const Trace trace = testing::busyServer(1000000);
        const SpanSet set = spansOf(trace);
        QVERIFY(set.spanCount() > 150000);
        TimelineView view;
        view.resize(1600, 900);
        view.show();
        view.setSources(&set, nullptr);
        view.fitAll();
        view.plot()->replot();
        const int rows = int(view.spans()->rows().size());
        const int width = view.plot()->axisRect()->width();
        const int zoomedOut = view.spans()->lastDrawnRects();
        QVERIFY2(zoomedOut > 0, "nothing drawn");
        // At most one rectangle per merge distance per row, however many spans there are.
        QVERIFY2(zoomedOut <= rows * (width / 2 + 2), qPrintable(QString::number(zoomedOut)));
        saveIfAsked(view, "timeline_zoomed_out");

        view.zoomTo(10 * kMillisecond, 12 * kMillisecond);
        view.plot()->replot();
        const int zoomedIn = view.spans()->lastDrawnRects();
        QVERIFY(zoomedIn > 0);
        QVERIFY(zoomedIn < 200);
        saveIfAsked(view, "timeline_zoomed_in");
    }

    void hoverAndClickFindTheSpanUnderTheCursor() {
        const SpanSet set = spansOf(testing::readsOnPool(8, 4, 20 * kMillisecond));
        TimelineView view;
        view.resize(1200, 500);
        view.show();
        view.setSources(&set, nullptr);
        view.zoomTo(0, 45 * kMillisecond);
        view.plot()->replot();
        const int row = set.rowOf(Lane{LaneKind::PoolWorker, 0, 2});
        int display = -1;
        for (int i = 0; i < int(view.spans()->rows().size()); ++i)
            if (view.spans()->rows()[i].row == row)
                display = i;
        QVERIFY(display >= 0);
        const QPointF inside(view.plot()->xAxis->coordToPixel(double(30 * kMillisecond)),
                             view.plot()->yAxis->coordToPixel(display + 0.5));
        const SpanHit hit = view.spans()->spanAt(inside);
        QVERIFY(hit.valid());
        QCOMPARE(QString::fromStdString(std::string(set.label(hit.span.label))), QStringLiteral("fs.readFile #7"));

        QSignalSpy seeks(&view, &TimelineView::seekRequested);
        view.selectSpanAt(inside);
        QCOMPARE(seeks.size(), 1);
        QCOMPARE(seeks.front().front().value<Nanoseconds>(), hit.span.begin);
        QCOMPARE(view.spans()->selectedSpan().span.id, hit.span.id);
        view.plot()->replot();
        saveIfAsked(view, "timeline_selected");

        // Between rows there is nothing to hit; a click there seeks to that time.
        const QPointF gap(inside.x(), view.plot()->yAxis->coordToPixel(display + 0.98));
        QVERIFY(!view.spans()->spanAt(gap).valid());
    }

    void manyThreadsAggregateIntoCounts() {
        const Trace trace = testing::threadPerRequest(3000);
        const SpanSet set = spansOf(trace);
        QCOMPARE(set.rows().size(), std::size_t(3000));
        TimelineView view;
        view.resize(1600, 600);
        view.show();
        view.setSources(nullptr, &set);
        QCOMPARE(rowNames(*view.spans()), (QStringList{"threads running", "threads blocked"}));
        view.fitAll();
        view.plot()->replot();
        QVERIFY(view.spans()->lastDrawnRects() > 10);
        // At most 15 threads overlap (722 us each, one every 50 us).
        int peakRunning = 0, peakBlocked = 0;
        for (const ThreadCountSample& s : set.threadCounts()) {
            peakRunning = std::max(peakRunning, s.running);
            peakBlocked = std::max(peakBlocked, s.blocked);
        }
        QVERIFY(peakBlocked >= 13 && peakBlocked <= 15);
        QVERIFY(peakRunning >= 1 && peakRunning <= 3);
        QCOMPARE(set.threadCounts().back().running + set.threadCounts().back().blocked, 0);

        const SpanSet few = spansOf(testing::threadPerRequest(5));
        view.setSources(nullptr, &few);
        QCOMPARE(rowNames(*view.spans()), (QStringList{"thread 1", "thread 2", "thread 3", "thread 4", "thread 5"}));
    }
};

QTEST_MAIN(TestTimelineView)
#include "test_timeline_view.moc"
