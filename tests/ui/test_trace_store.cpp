// TraceStore: events appended in batches are taken in packed, indexed and spanned; how many
// wait is known; a run built elsewhere is adopted whole; a load can be cancelled, and the store is usable again after clear().
#include "TraceStore.h"

#include <QSignalSpy>
#include <QtTest>
#include <thread>

#include "support/TraceBuilder.h"

using namespace loopscope;

class TestTraceStore : public QObject {
    Q_OBJECT

private slots:
    void batchesAreTakenInWhole() {
        const Trace trace = testing::readsOnPool(200, 4, kMillisecond);
        TraceStore store(EngineKind::EventLoop);
        std::size_t appended = 0;
        for (std::size_t at = 0; at < trace.size(); at += 100) {
            std::vector<TraceEvent> batch(trace.begin() + std::ptrdiff_t(at),
                                          trace.begin() + std::ptrdiff_t(std::min(trace.size(), at + 100)));
            appended += batch.size();
            store.append(std::move(batch));
            QCOMPARE(store.pendingEvents(), appended - store.size());
        }
        store.markFinished(true, QString());
        QSignalSpy finished(&store, &TraceStore::finished);
        store.drain();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(store.pendingEvents(), std::size_t(0));
        QCOMPARE(store.size(), trace.size());
        QVERIFY(store.isIdle());
        QCOMPARE(store.index().indexedEvents(), trace.size());
        QCOMPARE(store.stateAt(trace.size()), replay(trace, trace.size()));
        QCOMPARE(store.event(trace.size() - 1).ts, trace.back().ts);
        QCOMPARE(store.eventsUpTo(trace.back().ts), trace.size());
        QVERIFY(store.spans().spanCount() > 300);
    }

    // A run read from a file comes built, whole, from another thread.
    void anAdoptedRunIsTakenInAtOnce() {
        const Trace trace = testing::readsOnPool(200, 4, kMillisecond);
        IndexedTrace built;
        built.add(trace);
        const std::size_t spans = built.spans.spanCount();
        TraceStore store(EngineKind::EventLoop);
        QSignalSpy finished(&store, &TraceStore::finished);
        std::thread reader([&] {
            store.adopt(std::move(built));
            store.markFinished(true, QString());
        });
        reader.join();
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(finished.at(0).at(0).toBool());
        QVERIFY(store.isIdle());
        QCOMPARE(store.size(), trace.size());
        QCOMPARE(store.spans().spanCount(), spans);
        QCOMPARE(store.stateAt(trace.size()), replay(trace, trace.size()));
        QCOMPARE(store.eventsUpTo(trace.back().ts), trace.size());

        // Cancelled before the GUI thread took it: nothing of it is kept.
        store.clear();
        IndexedTrace again;
        again.add(trace);
        store.adopt(std::move(again));
        store.cancel();
        QCOMPARE(store.size(), std::size_t(0));
        QVERIFY(!store.succeeded());
    }

    void cancelDropsWhatWasNotTakenIn() {
        const Trace trace = testing::readsOnPool(50, 4, kMillisecond);
        TraceStore store(EngineKind::EventLoop);
        store.append(Trace(trace));
        QCOMPARE(store.pendingEvents(), trace.size());
        QSignalSpy finished(&store, &TraceStore::finished);
        store.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("cancelled"));
        QCOMPARE(store.size(), std::size_t(0));
        QCOMPARE(store.pendingEvents(), std::size_t(0));
        QVERIFY(!store.succeeded());
        // Whatever still arrives is dropped, until the store is cleared for a new run.
        store.append(Trace(trace));
        QCOMPARE(store.pendingEvents(), std::size_t(0));
        store.clear();
        store.append(Trace(trace));
        store.drain();
        QCOMPARE(store.size(), trace.size());
    }
};

QTEST_MAIN(TestTraceStore)
#include "test_trace_store.moc"
