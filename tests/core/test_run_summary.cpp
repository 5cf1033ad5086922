// The comparison's figures, computed from a trace: latencies, percentiles, throughput,
// peak threads and memory.
#include <QtTest>

#include "RunSummary.h"
#include "support/TraceBuilder.h"

using namespace loopscope;

class TestRunSummary : public QObject {
    Q_OBJECT
private slots:
    void percentilesUseTheNearestRank() {
        QCOMPARE(percentile({}, 0.5), Nanoseconds(-1));
        QCOMPARE(percentile({7}, 0.99), Nanoseconds(7));
        std::vector<Nanoseconds> hundred;
        for (int i = 100; i >= 1; --i)
            hundred.push_back(i);
        QCOMPARE(percentile(hundred, 0.50), Nanoseconds(50));
        QCOMPARE(percentile(hundred, 0.99), Nanoseconds(99));
        QCOMPARE(percentile(hundred, 1.0), Nanoseconds(100));
        QCOMPARE(percentile(hundred, 0.0), Nanoseconds(1));
    }

    void requestsAreTimedFromArrivalToResponse() {
        testing::TraceBuilder b;
        b.runBegin(EngineKind::ThreadPerRequest);
        b.at(0).request(EventKind::RequestArrive, 1);
        b.thread(EventKind::ThreadCreate, 0);
        b.at(1 * kMillisecond).request(EventKind::RequestArrive, 2);
        b.thread(EventKind::ThreadCreate, 1);
        b.at(10 * kMillisecond).request(EventKind::RequestRespond, 1);
        b.thread(EventKind::ThreadExit, 0);
        b.at(31 * kMillisecond).request(EventKind::RequestRespond, 2);
        b.thread(EventKind::ThreadExit, 1);
        b.at(40 * kMillisecond).request(EventKind::RequestArrive, 3);  // never answered
        b.thread(EventKind::ThreadCreate, 2);
        b.add(EventKind::Counter).text = "RSS bytes";
        b.trace.back().value = 5 << 20;
        b.add(EventKind::Counter).text = "RSS bytes";
        b.trace.back().value = 3 << 20;
        const RunSummary s = summarizeRun(b.trace);
        QCOMPARE(s.engine, EngineKind::ThreadPerRequest);
        QCOMPARE(s.requests.size(), std::size_t(3));
        QCOMPARE(s.answered, 2);
        QCOMPARE(s.requests[0].latency(), 10 * kMillisecond);
        QCOMPARE(s.requests[1].latency(), 30 * kMillisecond);
        QCOMPARE(s.requests[2].latency(), Nanoseconds(-1));
        QCOMPARE(s.latencyP50, 10 * kMillisecond);
        QCOMPARE(s.latencyP99, 30 * kMillisecond);
        QCOMPARE(s.latencyMax, 30 * kMillisecond);
        // Two answers between the first arrival (0) and the last answer (31 ms).
        QCOMPARE(s.throughputPerSecond, 2.0 / 0.031);
        QCOMPARE(s.peakThreads, 3);  // two request threads at once, and the accepting thread
        QCOMPARE(s.peakRssBytes, std::int64_t(5 << 20));
        QCOMPARE(s.duration, 40 * kMillisecond);
        const std::vector<int> inFlight = [&] {
            std::vector<int> v;
            for (const ConcurrencySample& c : s.inFlight)
                v.push_back(c.value);
            return v;
        }();
        QCOMPARE(inFlight, (std::vector<int>{1, 2, 1, 0, 1}));
    }

    void theClientsViewWinsWhenTheTraceHasIt() {
        testing::TraceBuilder b;
        b.runBegin();
        auto client = [&b](EventKind kind, std::uint64_t number, const std::string& status) {
            TraceEvent& e = b.add(kind);
            e.lane = Lane{LaneKind::Client, 0, 0};
            e.id = number;
            e.text = status;
        };
        b.at(0);
        client(EventKind::RequestSend, 1, {});
        client(EventKind::RequestSend, 2, {});
        b.at(2 * kMillisecond).request(EventKind::RequestArrive, 1);  // the server saw it later
        b.at(5 * kMillisecond).request(EventKind::RequestRespond, 1);
        b.at(6 * kMillisecond);
        client(EventKind::RequestDone, 1, "200");
        b.at(9 * kMillisecond);
        client(EventKind::RequestDone, 2, "connection reset by peer");
        const RunSummary s = summarizeRun(b.trace);
        QCOMPARE(s.requests.size(), std::size_t(2));
        QCOMPARE(s.answered, 1);
        QCOMPARE(s.requests[0].latency(), 6 * kMillisecond);  // send to answer, not 3 ms at the server
        QCOMPARE(s.requests[1].latency(), Nanoseconds(-1));  // failed
        QCOMPARE(s.inFlight.back().value, 0);
    }

    void theEventLoopCountsItsMainThreadAndTheWorkersItUsed() {
        const RunSummary s = summarizeRun(testing::readsOnPool(8, 4, 20 * kMillisecond));
        QCOMPARE(s.engine, EngineKind::EventLoop);
        QCOMPARE(s.peakThreads, 5);
        QCOMPARE(s.answered, 0);
        QCOMPARE(s.latencyP50, Nanoseconds(-1));
        QCOMPARE(s.throughputPerSecond, 0.0);
        QCOMPARE(s.peakRssBytes, std::int64_t(-1));
    }
};

QTEST_MAIN(TestRunSummary)
#include "test_run_summary.moc"
