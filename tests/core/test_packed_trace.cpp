// PackedTrace: every field of every kind of event comes back exactly, at the extremes too;
// random access and the cursor agree; texts are stored once; and the state index and the
// timeline's spans built over it are those of the plain trace.
#include "PackedTrace.h"

#include <QtTest>

#include <limits>
#include <random>

#include "LoopStateIndex.h"
#include "support/TraceBuilder.h"
#include "TraceSpans.h"
#include "support/SameEvent.h"

using namespace loopscope;

namespace {

Trace everyKindAndField() {
    Trace trace;
    std::mt19937_64 random(1234);
    const std::size_t kinds = std::size_t(EventKind::ProcessMessage) + 1;
    for (std::size_t k = 0; k < 3000; ++k) {
        TraceEvent event;
        event.kind = EventKind(k % kinds);
        event.phase = Phase(random() % (std::uint64_t(Phase::Close) + 1));
        event.queue = QueueKind(random() % (std::uint64_t(QueueKind::PoolFifo) + 1));
        event.lane = Lane{LaneKind(random() % (std::uint64_t(LaneKind::Client) + 1)), std::uint16_t(random() % 4),
                          std::uint32_t(random() % 3)};
        // Timestamps mostly grow, sometimes step back (another lane's event arriving late).
        event.ts = trace.empty() ? 0 : trace.back().ts + std::int64_t(random() % 5000) - 1000;
        event.id = random() % 3 == 0 ? 0 : random() % 100000;
        event.cause = random() % 4 == 0 ? random() % 1000 : 0;
        event.step = random() % 3 == 0 ? SourceLocation{} : SourceLocation{int(random() % 400), int(random() % 80)};
        event.value = std::int64_t(random() % 2000) - 1000;
        event.text = random() % 2 ? std::string() : "text " + std::to_string(random() % 50);
        trace.push_back(event);
    }
    return trace;
}

Trace extremes() {
    TraceEvent low;
    low.ts = std::numeric_limits<Nanoseconds>::min();
    low.kind = EventKind::ProcessMessage;
    low.phase = Phase::Close;
    low.queue = QueueKind::PoolFifo;
    low.lane = Lane{LaneKind::Client, 0xffff, 0xffffffffu};
    low.id = ~std::uint64_t(0);
    low.cause = ~std::uint64_t(0);
    low.step = SourceLocation{std::numeric_limits<int>::max(), std::numeric_limits<int>::min()};
    low.value = std::numeric_limits<std::int64_t>::min();
    const char text[] = "nul \0 inside, and UTF-8: \u00e9\u2192";
    low.text = std::string(text, sizeof text - 1);
    TraceEvent high = low;
    high.ts = std::numeric_limits<Nanoseconds>::max();
    high.id = 1;
    high.cause = 0;
    high.value = std::numeric_limits<std::int64_t>::max();
    high.text = std::string(100000, 'x');
    TraceEvent zero;
    zero.kind = EventKind::RunBegin;
    return {zero, low, high, low, zero};
}

using loopscope::testing::compareEvents;

}  // namespace

class TestPackedTrace : public QObject {
    Q_OBJECT

private slots:
    void everyFieldOfEveryKindRoundTrips() {
        const Trace trace = everyKindAndField();
        const PackedTrace packed = PackedTrace::fromTrace(trace);
        QCOMPARE(packed.size(), trace.size());
        const Trace back = packed.toTrace();
        QCOMPARE(back.size(), trace.size());
        for (std::size_t i = 0; i < trace.size(); ++i)
            compareEvents(back[i], trace[i]);
    }

    void extremeValuesRoundTrip() {
        const Trace trace = extremes();
        const PackedTrace packed = PackedTrace::fromTrace(trace);
        for (std::size_t i = 0; i < trace.size(); ++i)
            compareEvents(packed.at(i), trace[i]);
        QCOMPARE(packed.endTime(), std::numeric_limits<Nanoseconds>::max());
    }

    void randomAccessEqualsSequentialReading() {
        const Trace trace = everyKindAndField();
        const PackedTrace packed = PackedTrace::fromTrace(trace);
        std::mt19937 random(5);
        for (int k = 0; k < 500; ++k) {
            const std::size_t i = std::uniform_int_distribution<std::size_t>(0, trace.size() - 1)(random);
            compareEvents(packed.at(i), trace[i]);
            QCOMPARE(packed.timestampAt(i), trace[i].ts);
        }
        // A cursor started anywhere (block starts, block ends, the last event) reads on from there.
        for (std::size_t start : {std::size_t(0), std::size_t(63), std::size_t(64), std::size_t(65), std::size_t(1000),
                                  trace.size() - 1}) {
            PackedTrace::Cursor cursor = packed.cursor(start);
            for (std::size_t i = start; i < std::min(trace.size(), start + 200); ++i, cursor.next()) {
                QCOMPARE(cursor.position(), i);
                compareEvents(cursor.event(), trace[i]);
            }
        }
        QVERIFY(packed.cursor(trace.size()).atEnd());
        QVERIFY(packed.cursor(trace.size() + 5).atEnd());
        const Trace middle = packed.toTrace(100, 130);
        QCOMPARE(middle.size(), std::size_t(30));
        compareEvents(middle.front(), trace[100]);
        QVERIFY(packed.toTrace(130, 100).empty());
    }

    void textsAreStoredOnce() {
        PackedTrace packed;
        TraceEvent event;
        event.kind = EventKind::Log;
        for (int k = 0; k < 10000; ++k) {
            event.text = "line " + std::to_string(k % 7);
            packed.append(event);
        }
        event.text.clear();
        packed.append(event);
        QCOMPARE(packed.texts().size(), std::size_t(8));  // the empty text and seven lines
        QCOMPARE(packed.at(9999).text, std::string("line 3"));
        QCOMPARE(packed.at(10000).text, std::string());
        // Ten thousand events of one lane and a few texts take a few bytes each.
        QVERIFY2(packed.memoryBytes() < 10000 * 8, qPrintable(QString::number(packed.memoryBytes())));
    }

    void manyDistinctTextsStayFindable() {
        TextTable table;
        for (int k = 0; k < 50000; ++k)
            QCOMPARE(table.intern("timer " + std::to_string(k)), std::uint32_t(k + 1));
        for (int k = 0; k < 50000; k += 997)
            QCOMPARE(table.intern("timer " + std::to_string(k)), std::uint32_t(k + 1));
        QCOMPARE(std::string(table.text(12346)), std::string("timer 12345"));
        QCOMPARE(table.intern(""), std::uint32_t(0));
        QCOMPARE(table.size(), std::size_t(50001));
    }

    void countUpToFollowsTheRunningMaximum() {
        PackedTrace packed;
        const Nanoseconds times[] = {10, 30, 20, 40, 40, 35, 50};
        for (std::size_t k = 0; k < 200; ++k) {
            TraceEvent event;
            event.ts = times[k % 7] + Nanoseconds(k / 7) * 100;
            packed.append(event);
        }
        QCOMPARE(packed.countUpTo(9), std::size_t(0));
        QCOMPARE(packed.countUpTo(10), std::size_t(1));
        QCOMPARE(packed.countUpTo(25), std::size_t(1));
        QCOMPARE(packed.countUpTo(30), std::size_t(3));  // the 20 after the 30 counts once 30 has passed
        QCOMPARE(packed.countUpTo(40), std::size_t(6));
        QCOMPARE(packed.countUpTo(2000), std::size_t(140));  // past two block boundaries: 20 groups of 7
        QCOMPARE(packed.countUpTo(1 << 30), packed.size());
        QCOMPARE(PackedTrace().countUpTo(0), std::size_t(0));
    }

    void spansOverThePackedTraceAreThoseOfThePlainTrace() {
        const Trace trace = testing::readsOnPool(300, 4, kMillisecond);
        SpanSet plain;
        for (const TraceEvent& event : trace)
            plain.add(event);
        SpanSet packed;
        const PackedTrace stored = PackedTrace::fromTrace(trace);
        for (PackedTrace::Cursor c = stored.cursor(); !c.atEnd(); c.next())
            packed.add(c.event());
        QCOMPARE(packed.rows().size(), plain.rows().size());
        QVERIFY(plain.spanCount() > 600);
        QCOMPARE(packed.spanCount(), plain.spanCount());
        for (std::size_t r = 0; r < plain.rows().size(); ++r)
            for (std::size_t i = 0; i < plain.rows()[r].spans.size(); ++i) {
                const Span& a = plain.rows()[r].spans[i];
                const Span& b = packed.rows()[r].spans[i];
                QCOMPARE(b.begin, a.begin);
                QCOMPARE(b.end, a.end);
                QCOMPARE(b.id, a.id);
                QCOMPARE(packed.label(b.label), plain.label(a.label));
                QVERIFY(packed.step(b.step) == plain.step(a.step));
            }
        // Every read's spans (its work on a worker, its callback) and when it was enqueued.
        const std::vector<SpanRef> refs = packed.spansOf(107);
        QCOMPARE(refs.size(), std::size_t(2));
        QVERIFY(packed.rows()[refs[0].row].spans[refs[0].index].begin <=
                packed.rows()[refs[1].row].spans[refs[1].index].begin);
        QVERIFY(packed.enqueuedAt(107) >= 0);
        QCOMPARE(packed.enqueuedAt(107), plain.enqueuedAt(107));
        QCOMPARE(packed.enqueuedAt(999999), Nanoseconds(-1));
    }

    void enqueuedAtKeepsTheFirstEnqueueInAnyOrder() {
        testing::TraceBuilder b;
        b.at(10).enqueue(QueueKind::Timers, 5, "timer");
        b.at(20).enqueue(QueueKind::Timers, 9, "timer");
        b.at(30).enqueue(QueueKind::Timers, 7, "late");  // lower than one seen before
        b.at(40).enqueue(QueueKind::Poll, 5, "again");   // the same id, later
        SpanSet set;
        for (const TraceEvent& event : b.trace)
            set.add(event);
        QCOMPARE(set.enqueuedAt(5), Nanoseconds(10));
        QCOMPARE(set.enqueuedAt(9), Nanoseconds(20));
        QCOMPARE(set.enqueuedAt(7), Nanoseconds(30));
        QCOMPARE(set.enqueuedAt(8), Nanoseconds(-1));
    }

    void indexOverThePackedTraceReplaysExactly() {
        const Trace trace = testing::readsOnPool(400, 4, kMillisecond);
        const PackedTrace packed = PackedTrace::fromTrace(trace);
        LoopStateIndex byEvent(64);
        for (const TraceEvent& event : trace)
            byEvent.add(event);
        LoopStateIndex byTrace(64);
        QCOMPARE(byTrace.extend(packed), trace.size());
        QCOMPARE(byEvent.checkpointCount(), byTrace.checkpointCount());
        QCOMPARE(byEvent.latest(), replay(trace, trace.size()));
        for (std::size_t at : {std::size_t(0), std::size_t(1), std::size_t(63), std::size_t(64), std::size_t(777),
                               trace.size() / 2, trace.size() - 1})
            QCOMPARE(byEvent.stateAt(packed, at), replay(trace, at));
    }

    // A state holding many waiting entries is copied into a checkpoint rarely: at least
    // 16 events per entry it holds after the checkpoint before, so checkpoints never hold
    // more entries than a sixteenth of the events; a small state is checkpointed at every
    // interval. Seeking still gives the replayed state.
    void checkpointsOfBigStatesAreSpacedByTheirSize() {
        testing::TraceBuilder b;
        b.runBegin();
        for (std::uint64_t id = 1; id <= 5000; ++id)
            b.at(Nanoseconds(id)).enqueue(QueueKind::Timers, id, "t");
        for (std::uint64_t id = 1; id <= 5000; ++id)
            b.at(Nanoseconds(5000 + id)).dequeue(QueueKind::Timers, id);
        for (int k = 0; k < 5000; ++k)
            b.at(Nanoseconds(10000 + k)).log("small again");
        LoopStateIndex index(100);
        for (const TraceEvent& event : b.trace)
            index.add(event);
        // None while 5000 timers pile up, few while they leave, then one every 100 events
        // (a console tail of 64 lines is 1024 events' worth: every 1100 events).
        QVERIFY2(index.checkpointCount() < 15, qPrintable(QString::number(index.checkpointCount())));
        QVERIFY(index.checkpointCount() > 3);
        const PackedTrace packed = PackedTrace::fromTrace(b.trace);
        for (std::size_t at : {std::size_t(100), std::size_t(4000), std::size_t(7000), std::size_t(9999),
                               std::size_t(12345), b.trace.size() - 1})
            QCOMPARE(index.stateAt(packed, at), replay(b.trace, at));
    }
};

QTEST_MAIN(TestPackedTrace)
#include "test_packed_trace.moc"
