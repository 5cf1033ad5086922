// IndexedTraceBuilder: a run handed over in batches of any size is built on three threads
// into exactly what building it event by event in one thread gives (the same packed events,
// spans and states); a reader much faster than the builders waits instead of piling batches
// up; a builder given up on stops without waiting for the rest of the run.
#include "IndexedTraceBuilder.h"

#include <QtTest>

#include "support/SameEvent.h"
#include "support/SyntheticTrace.h"

using namespace loopscope;

namespace {

IndexedTrace builtInOrder(const Trace& trace) {
    IndexedTrace built;
    built.add(trace);
    return built;
}

IndexedTrace builtInBatches(const Trace& trace, std::size_t batchSize) {
    IndexedTraceBuilder builder;
    for (std::size_t at = 0; at < trace.size(); at += batchSize)
        builder.add(std::vector<TraceEvent>(trace.begin() + std::ptrdiff_t(at),
                                            trace.begin() + std::ptrdiff_t(std::min(trace.size(), at + batchSize))));
    return builder.finish();
}

bool sameSpan(const Span& a, const Span& b) {
    return a.begin == b.begin && a.end == b.end && a.id == b.id && a.label == b.label && a.step == b.step &&
           a.kind == b.kind && a.queue == b.queue;
}

}  // namespace

class TestIndexedTraceBuilder : public QObject {
    Q_OBJECT

private slots:
    void builtOnThreeThreadsIsBuiltInOrder_data() {
        QTest::addColumn<int>("batchSize");
        QTest::newRow("one event a batch") << 1;
        QTest::newRow("7 events") << 7;
        QTest::newRow("as the file reader hands them over") << 8192;
        QTest::newRow("one batch") << 0;
    }

    void builtOnThreeThreadsIsBuiltInOrder() {
        QFETCH(int, batchSize);
        const Trace trace = testing::busyServer(batchSize == 1 ? 20000 : 120000);
        const IndexedTrace expected = builtInOrder(trace);
        const IndexedTrace built = builtInBatches(trace, batchSize == 0 ? trace.size() : std::size_t(batchSize));

        QCOMPARE(built.trace.size(), trace.size());
        QVERIFY(built.isIndexed());
        std::size_t at = 0;
        for (auto cursor = built.trace.cursor(); !cursor.atEnd(); cursor.next(), ++at) {
            testing::compareEvents(cursor.event(), trace[at]);
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(QString("event %1 differs").arg(at)));
        }

        QCOMPARE(built.spans.spanCount(), expected.spans.spanCount());
        QVERIFY(built.spans.spanCount() > trace.size() / 8);
        QCOMPARE(built.spans.rows().size(), expected.spans.rows().size());
        for (std::size_t row = 0; row < built.spans.rows().size(); ++row) {
            const auto& mine = built.spans.rows()[row].spans;
            const auto& theirs = expected.spans.rows()[row].spans;
            QCOMPARE(built.spans.rows()[row].name, expected.spans.rows()[row].name);
            QCOMPARE(mine.size(), theirs.size());
            for (std::size_t k = 0; k < mine.size(); ++k)
                QVERIFY2(sameSpan(mine[k], theirs[k]), qPrintable(QString("row %1 span %2").arg(row).arg(k)));
        }
        QCOMPARE(built.spans.endTime(), expected.spans.endTime());

        QCOMPARE(built.index.checkpointCount(), expected.index.checkpointCount());
        for (std::size_t count : {std::size_t(0), trace.size() / 3, trace.size() / 2 + 17, trace.size()})
            QCOMPARE(built.index.stateAt(built.trace, count), expected.index.stateAt(expected.trace, count));
    }

    // Far more batches than may wait: the reader is held back, and nothing is lost.
    void aFastReaderWaitsForTheBuilders() {
        const Trace trace = testing::busyServer(30000);
        const IndexedTrace built = builtInBatches(trace, 3);
        QCOMPARE(built.trace.size(), trace.size());
        QCOMPARE(built.spans.spanCount(), builtInOrder(trace).spans.spanCount());
        QCOMPARE(built.index.latest(), replay(trace, trace.size()));
    }

    void nothingAddedIsAnEmptyRun() {
        IndexedTraceBuilder builder;
        builder.add({});
        const IndexedTrace built = builder.finish();
        QCOMPARE(built.trace.size(), std::size_t(0));
        QCOMPARE(built.spans.spanCount(), std::size_t(0));
        QVERIFY(built.isIndexed());
    }

    // A load the user cancelled: the builder is dropped with batches still waiting.
    void aBuilderGivenUpOnStops() {
        const Trace trace = testing::busyServer(200000);
        for (int attempt = 0; attempt < 20; ++attempt) {
            IndexedTraceBuilder builder;
            for (std::size_t at = 0; at < 7 * 8192; at += 8192)
                builder.add(std::vector<TraceEvent>(trace.begin() + std::ptrdiff_t(at),
                                                    trace.begin() + std::ptrdiff_t(at + 8192)));
        }  // each destructor returns (a hang fails the test by its timeout)
    }
};

QTEST_GUILESS_MAIN(TestIndexedTraceBuilder)
#include "test_indexed_trace_builder.moc"
