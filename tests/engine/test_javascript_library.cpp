// The real-JavaScript twins of the library's scenarios (resources/programs) run as the
// article tells: the timer waits for the main script, the pool runs eight hashes four at
// a time, three users' reads are pool jobs, a CPU loop in a handler holds the others,
// worker threads take that loop off the main thread, and a cluster's two processes share it.
#include <QtTest>

#include <algorithm>
#include <map>
#include <set>

#include "ChildRun.h"
#include "ConsoleOutput.h"

using namespace loopscope;
using namespace loopscope::testing;

namespace {

std::string program(const char* name) { return std::string(LOOPSCOPE_SOURCE_DIR "/resources/programs/") + name; }

std::string printed(const Outcome& run) {
    ConsoleOutput console;
    console.take(run.events);
    return console.standardOutput();
}

std::vector<TraceEvent> withLabel(const Outcome& run, EventKind kind, const std::string& part) {
    std::vector<TraceEvent> found;
    for (const TraceEvent& event : run.events)
        if (event.kind == kind && event.text.find(part) != std::string::npos)
            found.push_back(event);
    return found;
}

}  // namespace

class TestJavaScriptLibrary : public QObject {
    Q_OBJECT
private slots:
    void theTimerWaitsForTheMainScript() {
        const Outcome run = runChild(program("timer.js"));
        QVERIFY2(run.ok, run.error.c_str());
        QCOMPARE(printed(run), std::string("Start\nEnd\nTimer finished\n"));
        const std::vector<double> at = run.logMs("Timer finished");
        QCOMPARE(int(at.size()), 1);
        QVERIFY(at[0] >= 2000);
    }

    void eightHashesRunFourAtATime() {
        const Outcome run = runChild(program("thread-pool.js"));
        QVERIFY2(run.ok, run.error.c_str());
        const std::string out = printed(run);
        QVERIFY2(out.rfind("eight hashes queued; the main thread is free\n", 0) == 0, out.c_str());
        QVERIFY2(out.size() > 18 && out.compare(out.size() - 18, 18, "all 8 hashes done\n") == 0, out.c_str());
        const auto begins = withLabel(run, EventKind::WorkBegin, "crypto.pbkdf2");
        QCOMPARE(int(begins.size()), 8);
        std::set<std::uint32_t> lanes;
        for (const TraceEvent& begin : begins)
            lanes.insert(begin.lane.index);
        QCOMPARE(int(lanes.size()), 4);
    }

    void readFileSyncBlocksAndReadFileDoesNot() {
        const Outcome run = runChild(program("blocking-vs-non-blocking.js"));
        QVERIFY2(run.ok, run.error.c_str());
        const std::string out = printed(run);
        QVERIFY2(out.find("read 8388608 bytes synchronously\n") != std::string::npos, out.c_str());
        QVERIFY2(out.find("read 8388608 bytes on the pool\n") != std::string::npos, out.c_str());
        // The synchronous read is no pool job; the asynchronous one is 16 reads of 512 KiB.
        QCOMPARE(int(withLabel(run, EventKind::WorkBegin, "(read)").size()), 16);
    }

    void threeUsersReadsArePoolJobs() {
        const Outcome run = runChild(program("three-users-file-server.yaml"));
        QVERIFY2(run.ok, run.error.c_str());
        QCOMPARE(run.count(EventKind::RequestArrive), 3);
        for (const char* stage : {"(open)", "(fstat)", "(close)"})
            QCOMPARE(int(withLabel(run, EventKind::WorkBegin, stage).size()), 3);
        for (const TraceEvent& read : withLabel(run, EventKind::WorkBegin, "(read)"))
            QCOMPARE(read.lane.kind, LaneKind::PoolWorker);
        int answered = 0;
        for (const TraceEvent& done : withLabel(run, EventKind::RequestDone, "200"))
            answered += done.lane.kind == LaneKind::Client;
        QCOMPARE(answered, 3);
    }

    void aCpuLoopInOneHandlerHoldsTheOthers() {
        const Outcome run = runChild(program("cpu-heavy-route.yaml"));
        QVERIFY2(run.ok, run.error.c_str());
        const auto sends = withLabel(run, EventKind::RequestSend, "");
        QCOMPARE(int(sends.size()), 4);
        // The first request's handler is still computing when the second user asks.
        auto firstRequest = std::find_if(run.events.begin(), run.events.end(), [](const TraceEvent& e) {
            return e.kind == EventKind::RequestArrive;
        });
        QVERIFY(firstRequest != run.events.end());
        auto firstAnswer = std::find_if(run.events.begin(), run.events.end(), [](const TraceEvent& e) {
            return e.kind == EventKind::RequestRespond;
        });
        QVERIFY(firstAnswer != run.events.end());
        Nanoseconds secondSent = 0;
        for (const TraceEvent& send : sends)
            if (send.id == 2)
                secondSent = send.ts;
        QVERIFY(secondSent > 0);
        QVERIFY2(firstAnswer->ts > secondSent, "the calculation ends after the second user asked");
        QCOMPARE(int(withLabel(run, EventKind::RequestDone, "200").size()), 4);
    }

    void workerThreadsComputeSideBySide() {
        const Outcome run = runChild(program("worker-threads.yaml"));
        QVERIFY2(run.ok, run.error.c_str());
        QCOMPARE(int(withLabel(run, EventKind::RequestDone, "200").size()), 4);
        // Each request's calculation is the script of a worker of its own, on a worker lane.
        struct Span {
            Nanoseconds begin = -1, end = -1;
        };
        std::map<std::uint32_t, std::vector<Span>> byLane;
        for (const TraceEvent& e : run.events) {
            if (e.lane.kind != LaneKind::Worker || e.text != "main script of worker-threads.js")
                continue;
            if (e.kind == EventKind::WorkBegin)
                byLane[e.lane.index].push_back(Span{e.ts, -1});
            else if (e.kind == EventKind::WorkEnd && !byLane[e.lane.index].empty())
                byLane[e.lane.index].back().end = e.ts;
        }
        std::vector<Span> spans;
        for (const auto& [lane, list] : byLane)
            spans.insert(spans.end(), list.begin(), list.end());
        QCOMPARE(int(spans.size()), 4);
        QVERIFY2(byLane.size() >= 2, "the second request's worker starts while the first computes");
        std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
        for (const Span& span : spans)
            QVERIFY(span.end > span.begin);
        // The main thread hands each request on at once: the second worker starts before
        // the first has finished (the four requests come 10 ms apart; each computes far longer).
        QVERIFY(spans[1].begin < spans[0].end);
        const std::string out = printed(run);
        for (int user = 1; user <= 4; ++user) {
            const std::string handed = "request " + std::to_string(user) + ": calculation handed to a worker\n";
            const std::string answered = "request " + std::to_string(user) + ": answered\n";
            QVERIFY2(out.find(handed) != std::string::npos && out.find(handed) < out.find(answered), out.c_str());
        }
    }

    void aClusterDealsTheRequestsToTwoProcesses() {
        const Outcome run = runChild(program("cluster.yaml"));
        QVERIFY2(run.ok, run.error.c_str());
        QCOMPARE(int(withLabel(run, EventKind::RequestDone, "200").size()), 4);
        // The primary (process 0) deals the four connections in turn to the workers (1 and
        // 2): each serves two, on its own process's main thread. (When a worker notices a
        // connection depends on how long it computes, so arrival times do not show the turn.)
        std::map<std::uint16_t, int> arrivals;
        for (const TraceEvent& e : run.events)
            if (e.kind == EventKind::RequestArrive)
                ++arrivals[e.lane.process];
        QCOMPARE(arrivals, (std::map<std::uint16_t, int>{{1, 2}, {2, 2}}));
        const std::uint16_t first = 1;
        const std::uint16_t second = 2;
        // Each worker's handler is a request callback of its own process; the second starts
        // while the first still computes (10 ms apart; each computes far longer).
        std::map<std::uint16_t, std::vector<std::pair<Nanoseconds, Nanoseconds>>> handlers;
        std::map<std::uint64_t, Nanoseconds> open;
        for (const TraceEvent& e : run.events) {
            if (e.lane.kind != LaneKind::Main || e.lane.process == 0)
                continue;
            if (e.kind == EventKind::CallbackBegin && e.queue == QueueKind::Poll)
                open[e.id] = e.ts;
            else if (e.kind == EventKind::CallbackEnd && open.count(e.id) && e.ts - open[e.id] > 20 * kMillisecond)
                handlers[e.lane.process].push_back({open[e.id], e.ts});
        }
        QCOMPARE(int(handlers[first].size()), 2);
        QCOMPARE(int(handlers[second].size()), 2);
        const auto& [earlier, later] = handlers[first][0].first < handlers[second][0].first
                                           ? std::pair(handlers[first][0], handlers[second][0])
                                           : std::pair(handlers[second][0], handlers[first][0]);
        QVERIFY(later.first < earlier.second);
        const std::string out = printed(run);
        QVERIFY2(out.rfind("primary ", 0) == 0, out.c_str());
        for (const char* line : {"worker 1 exited with code 0\n", "worker 2 exited with code 0\n"})
            QVERIFY2(out.find(line) != std::string::npos, out.c_str());
        QCOMPARE(int(withLabel(run, EventKind::Log, "resizes for /").size()), 4);
    }
};

QTEST_GUILESS_MAIN(TestJavaScriptLibrary)
#include "test_javascript_library.moc"
