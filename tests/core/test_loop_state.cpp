// The loop-state reducer and its checkpoint index, on hand-built traces.
#include <QtTest>

#include <random>

#include "ConsoleOutput.h"
#include "LoopState.h"
#include "LoopStateIndex.h"
#include "RequestNumbers.h"
#include "support/TraceBuilder.h"

using namespace loopscope;
using loopscope::testing::TraceBuilder;
using loopscope::testing::readsOnPool;

namespace {

QStringList labels(const std::deque<QueueEntry>& chips) {
    QStringList out;
    for (const QueueEntry& chip : chips)
        out << QString::fromStdString(chip.label);
    return out;
}

QStringList frames(const LoopState& state) {
    QStringList out;
    for (const StackFrame& frame : state.callStack)
        out << QString::fromStdString(frame.name);
    return out;
}

// Index of the first event matching `pred`, or -1.
template <typename Pred>
std::size_t firstIndex(const Trace& trace, Pred pred) {
    for (std::size_t i = 0; i < trace.size(); ++i)
        if (pred(trace[i]))
            return i;
    return static_cast<std::size_t>(-1);
}

}  // namespace

class TestLoopState : public QObject {
    Q_OBJECT
private slots:
    void emptyStateBeforeAnyEvent() {
        LoopState state;
        QCOMPARE(state.phase, Phase::None);
        QCOMPARE(state.iteration, 0);
        QVERIFY(state.callStack.empty());
        QCOMPARE(state.requestsInFlight(), 0);
    }

    void queuesKeepArrivalOrderAndCallbacksLeaveThem() {
        TraceBuilder b;
        b.runBegin();
        b.enter(Phase::MainScript);
        b.callbackBegin(1, QueueKind::None, "main script");
        b.enqueue(QueueKind::Microtask, 10, "promise A");
        b.enqueue(QueueKind::NextTick, 11, "tick A");
        b.enqueue(QueueKind::Microtask, 12, "promise B");
        b.enqueue(QueueKind::NextTick, 13, "tick B");
        b.enqueue(QueueKind::Check, 14, "immediate");
        b.callbackEnd(1);
        b.callbackBegin(11, QueueKind::NextTick, "tick A");
        LoopState state = replay(b.trace, b.trace.size());
        QCOMPARE(labels(state.queue(QueueKind::NextTick)), QStringList{"tick B"});
        QCOMPARE(labels(state.queue(QueueKind::Microtask)), (QStringList{"promise A", "promise B"}));
        QCOMPARE(labels(state.queue(QueueKind::Check)), QStringList{"immediate"});
        QCOMPARE(frames(state), QStringList{"tick A"});
        QCOMPARE(state.phase, Phase::MainScript);
        QCOMPARE(QString::fromStdString(state.narration),
                 QStringLiteral("The main thread takes tick A from the nextTick queue and runs it"));

        b.callbackEnd(11);
        b.dequeue(QueueKind::NextTick, 13);
        b.callbackBegin(13, QueueKind::NextTick, "tick B");
        b.callbackEnd(13);
        state = replay(b.trace, b.trace.size());
        QVERIFY(state.queue(QueueKind::NextTick).empty());
        QVERIFY(state.callStack.empty());
        QCOMPARE(state.queue(QueueKind::Microtask).size(), std::size_t(2));
    }

    void timersAreOrderedByDueTimeThenCreation() {
        TraceBuilder b;
        b.enqueue(QueueKind::Timers, 1, "t100", 100 * kMillisecond);
        b.enqueue(QueueKind::Timers, 2, "t10", 10 * kMillisecond);
        b.enqueue(QueueKind::Timers, 3, "t50", 50 * kMillisecond);
        b.enqueue(QueueKind::Timers, 4, "t10 second", 10 * kMillisecond);
        LoopState state = replay(b.trace, b.trace.size());
        QCOMPARE(labels(state.queue(QueueKind::Timers)), (QStringList{"t10", "t10 second", "t50", "t100"}));
        QCOMPARE(state.queue(QueueKind::Timers).front().due, 10 * kMillisecond);
        QCOMPARE(QString::fromStdString(state.narration),
                 QStringLiteral("setTimeout schedules t10 second to be due at 10 ms; the script goes on"));
    }

    void framesNestInsideCallbacksAndUnwindWithThem() {
        TraceBuilder b;
        b.callbackBegin(7, QueueKind::Timers, "timeout");
        b.push("handler");
        b.push("validate");
        LoopState state = replay(b.trace, b.trace.size());
        QCOMPARE(frames(state), (QStringList{"timeout", "handler", "validate"}));
        b.pop();
        QCOMPARE(frames(replay(b.trace, b.trace.size())), (QStringList{"timeout", "handler"}));
        // The callback ends with a frame still open (an exception): the stack unwinds.
        b.callbackEnd(7);
        QVERIFY(replay(b.trace, b.trace.size()).callStack.empty());
        // A pop with nothing to pop is ignored, not a crash.
        b.pop();
        b.pop();
        QVERIFY(replay(b.trace, b.trace.size()).callStack.empty());
    }

    void framePopNeverRemovesACallbackFrame() {
        TraceBuilder b;
        b.callbackBegin(7, QueueKind::Check, "immediate");
        b.pop();
        QCOMPARE(frames(replay(b.trace, b.trace.size())), QStringList{"immediate"});
    }

    // A callback whose event and queue entry have no text is named for its queue, as the
    // Chrome trace names it (QueueNames.h); one with an entry keeps the entry's label.
    void unlabelledCallbacksAreNamedForTheirQueue() {
        TraceBuilder b;
        b.callbackBegin(1, QueueKind::None, "");
        b.trace.back().phase = Phase::MainScript;
        QCOMPARE(frames(replay(b.trace, b.trace.size())), QStringList{"main script"});
        b.callbackEnd(1);
        b.callbackBegin(2, QueueKind::Timers, "");
        QCOMPARE(frames(replay(b.trace, b.trace.size())), QStringList{"timer callback"});
        b.callbackEnd(2);
        b.callbackBegin(3, QueueKind::Pending, "");
        QCOMPARE(frames(replay(b.trace, b.trace.size())), QStringList{"pending callback"});
        b.callbackEnd(3);
        b.enqueue(QueueKind::Check, 4, "tick");
        b.callbackBegin(4, QueueKind::Check, "");
        QCOMPARE(frames(replay(b.trace, b.trace.size())), QStringList{"tick callback"});
    }

    void eightReadsOnFourWorkersFirstWave() {
        const Trace trace = readsOnPool(8, 4, 20 * kMillisecond);
        const std::size_t mainEnd = firstIndex(trace, [](const TraceEvent& e) {
            return e.kind == EventKind::PhaseLeave && e.phase == Phase::MainScript;
        });
        QVERIFY(mainEnd != static_cast<std::size_t>(-1));
        LoopState state = replay(trace, mainEnd + 1);
        QCOMPARE(state.poolBusy(), 4);
        QCOMPARE(state.queue(QueueKind::PoolFifo).size(), std::size_t(4));
        QCOMPARE(labels(state.queue(QueueKind::PoolFifo)),
                 (QStringList{"fs.readFile #5", "fs.readFile #6", "fs.readFile #7", "fs.readFile #8"}));
        QCOMPARE(QString::fromStdString(state.poolLanes[1].job.label), QStringLiteral("fs.readFile #2"));
        QCOMPARE(state.poolLanes[1].job.since, 20 * kMicrosecond);
        QVERIFY(state.callStack.empty());
    }

    // A worker has taken the job from the queue but not yet begun it: the job is on
    // the worker's lane, never in neither place (the main thread's events can land
    // between the worker's Dequeue and its WorkBegin).
    void jobTakenFromThePoolQueueIsOnItsLaneAtOnce() {
        TraceBuilder b;
        b.runBegin();
        b.enter(Phase::MainScript);
        b.enqueue(QueueKind::PoolFifo, 7, "fs.readFile");
        b.at(5 * kMicrosecond);
        b.dequeue(QueueKind::PoolFifo, 7);
        b.trace.back().lane = Lane{LaneKind::PoolWorker, 0, 2};
        b.leave(Phase::MainScript);
        LoopState taken = replay(b.trace, b.trace.size());
        QVERIFY(taken.queue(QueueKind::PoolFifo).empty());
        QCOMPARE(taken.poolBusy(), 1);
        QCOMPARE(QString::fromStdString(taken.poolLanes[2].job.label), QStringLiteral("fs.readFile"));
        QCOMPARE(taken.poolLanes[2].job.since, 5 * kMicrosecond);

        b.at(9 * kMicrosecond);
        b.work(EventKind::WorkBegin, LaneKind::PoolWorker, 2, 7);
        LoopState begun = replay(b.trace, b.trace.size());
        QCOMPARE(begun.poolBusy(), 1);
        QCOMPARE(QString::fromStdString(begun.poolLanes[2].job.label), QStringLiteral("fs.readFile"));
        QCOMPARE(begun.poolLanes[2].job.since, 9 * kMicrosecond);
        b.work(EventKind::WorkEnd, LaneKind::PoolWorker, 2, 7);
        QCOMPARE(replay(b.trace, b.trace.size()).poolBusy(), 0);
    }

    // The same in the second process of a cluster, when the state follows that process.
    void jobTakenFromThePoolQueueIsOnItsLaneInAnyFollowedProcess() {
        TraceBuilder b;
        b.runBegin();
        b.enqueue(QueueKind::PoolFifo, 7, "fs.readFile");
        b.at(5 * kMicrosecond);
        b.dequeue(QueueKind::PoolFifo, 7);
        b.trace.back().lane = Lane{LaneKind::PoolWorker, 0, 2};
        for (TraceEvent& event : b.trace)
            if (event.kind != EventKind::RunBegin)
                event.lane.process = 1;
        const LoopState taken = replay(b.trace, b.trace.size(), 1);
        QVERIFY(taken.queue(QueueKind::PoolFifo).empty());
        QCOMPARE(taken.poolBusy(), 1);
        QCOMPARE(taken.poolLanes[2].job.since, 5 * kMicrosecond);
    }

    void eightReadsOnFourWorkersSecondWave() {
        const Trace trace = readsOnPool(8, 4, 20 * kMillisecond);
        // Just after the fourth job of the second wave started.
        std::size_t lastStart = 0;
        for (std::size_t i = 0; i < trace.size(); ++i)
            if (trace[i].kind == EventKind::WorkBegin && trace[i].id == 107)
                lastStart = i;
        QVERIFY(lastStart > 0);
        LoopState state = replay(trace, lastStart + 1);
        QCOMPARE(state.poolBusy(), 4);
        QVERIFY(state.queue(QueueKind::PoolFifo).empty());
        QStringList onLanes;
        for (const LaneSlot& slot : state.poolLanes)
            onLanes << QString::fromStdString(slot.job.label);
        QCOMPARE(onLanes, (QStringList{"fs.readFile #5", "fs.readFile #6", "fs.readFile #7", "fs.readFile #8"}));
        // The four completed reads wait for the poll phase.
        QCOMPARE(labels(state.queue(QueueKind::Poll)), (QStringList{"readFile callback #1", "readFile callback #2",
                                                                     "readFile callback #3", "readFile callback #4"}));
        QCOMPARE(QString::fromStdString(state.narration),
                 QStringLiteral("fs.readFile #8 handed to pool worker 4; the main thread is free"));

        // After the run: every read printed, in order, every lane idle.
        LoopState end = replay(trace, trace.size());
        QCOMPARE(end.poolBusy(), 0);
        QVERIFY(end.queue(QueueKind::Poll).empty());
        QCOMPARE(end.consoleLines, std::size_t(8));
        QCOMPARE(QString::fromStdString(end.console.back().text), QStringLiteral("read 8"));
        QCOMPARE(end.iteration, 2);
        QVERIFY(end.finished);
        QCOMPARE(QString::fromStdString(end.narration),
                 QStringLiteral("Nothing is left to wait for: the loop exits and the run ends"));
    }

    void phaseAndIterationFollowTheLoop() {
        TraceBuilder b;
        b.iteration(3);
        b.enter(Phase::Timers);
        LoopState state = replay(b.trace, b.trace.size());
        QCOMPARE(state.iteration, 3);
        QCOMPARE(state.phase, Phase::Timers);
        QCOMPARE(QString::fromStdString(state.narration),
                 QStringLiteral("Iteration 3, timers phase: callbacks of due timers run"));
        b.leave(Phase::Timers);
        QCOMPARE(replay(b.trace, b.trace.size()).phase, Phase::None);
        // Another process's loop does not move the panel's phase.
        b.enter(Phase::Check);
        b.trace.back().lane.process = 1;
        QCOMPARE(replay(b.trace, b.trace.size()).phase, Phase::None);
    }

    void kernelIoInFlight() {
        TraceBuilder b;
        b.io(EventKind::IoBegin, 1, "net database");
        b.io(EventKind::IoBegin, 2, "net payments-api");
        LoopState state = replay(b.trace, b.trace.size());
        QCOMPARE(state.kernelIo.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(state.narration),
                 QStringLiteral("net payments-api handed to the kernel; no thread waits for it"));
        b.io(EventKind::IoEnd, 1);
        state = replay(b.trace, b.trace.size());
        QCOMPARE(state.kernelIo.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(state.kernelIo.front().label), QStringLiteral("net payments-api"));
        QCOMPARE(QString::fromStdString(state.narration),
                 QStringLiteral("The kernel reports net database done; its callback waits for the poll phase"));
    }

    void workerThreadsAreTheirOwnLanes() {
        TraceBuilder b;
        b.work(EventKind::WorkBegin, LaneKind::Worker, 1, 5, "resize image");
        LoopState state = replay(b.trace, b.trace.size());
        QCOMPARE(state.workerThreads.size(), std::size_t(2));
        QVERIFY(!state.workerThreads[0].busy);
        QVERIFY(state.workerThreads[1].busy);
        QCOMPARE(state.workersBusy(), 1);
        QCOMPARE(state.poolBusy(), 0);
        b.work(EventKind::WorkEnd, LaneKind::Worker, 1, 5);
        QCOMPARE(replay(b.trace, b.trace.size()).workersBusy(), 0);
    }

    void threadPerRequestCounts() {
        TraceBuilder b;
        b.runBegin(EngineKind::ThreadPerRequest);
        for (std::uint32_t t = 0; t < 5; ++t) {
            b.request(EventKind::RequestArrive, static_cast<int>(t + 1));
            b.thread(EventKind::ThreadCreate, t);
        }
        b.thread(EventKind::ThreadBlock, 0);
        b.thread(EventKind::ThreadBlock, 1);
        b.thread(EventKind::ThreadBlock, 2);
        b.thread(EventKind::ThreadRun, 1);
        b.thread(EventKind::ThreadExit, 4);
        b.request(EventKind::RequestRespond, 5);
        LoopState state = replay(b.trace, b.trace.size());
        QCOMPARE(state.engine, EngineKind::ThreadPerRequest);
        QCOMPARE(state.threadsAlive, 4);
        QCOMPARE(state.threadsBlocked, 2);
        QCOMPARE(state.threadsRunning, 2);
        QCOMPARE(state.peakThreads, 5);
        QCOMPARE(state.requestsArrived, 5);
        QCOMPARE(state.requestsInFlight(), 4);
        // Blocking twice or exiting twice does not count twice.
        b.thread(EventKind::ThreadBlock, 0);
        b.thread(EventKind::ThreadExit, 4);
        state = replay(b.trace, b.trace.size());
        QCOMPARE(state.threadsBlocked, 2);
        QCOMPARE(state.threadsAlive, 4);
    }

    void aLaterServersRequestsAreNarratedWithTheirOwnNumbers() {
        TraceBuilder b;
        b.runBegin();
        b.request(EventKind::RequestArrive, 1);
        b.request(EventKind::RequestArrive, std::int64_t(requestId(1, 1)));
        LoopState state = replay(b.trace, b.trace.size());
        QCOMPARE(QString::fromStdString(state.narration), QStringLiteral("Request 1 (server 2) arrives (2 in flight)"));
        b.request(EventKind::RequestRespond, 1);
        state = replay(b.trace, b.trace.size());
        QCOMPARE(QString::fromStdString(state.narration), QStringLiteral("Request 1 is answered"));
        QCOMPARE(state.requestsInFlight(), 1);
    }

    void consoleKeepsCountAndABoundedTail() {
        TraceBuilder b;
        for (int i = 1; i <= 200; ++i) {
            b.at(i * kMillisecond);
            b.log("line " + std::to_string(i));
        }
        LoopState state = replay(b.trace, b.trace.size());
        QCOMPARE(state.consoleLines, std::size_t(200));
        QCOMPARE(state.console.size(), kConsoleTail);
        QCOMPARE(QString::fromStdString(state.console.front().text),
                 QStringLiteral("line %1").arg(200 - kConsoleTail + 1));
        QCOMPARE(state.console.back().ts, 200 * kMillisecond);
    }

    void failedRunKeepsItsError() {
        TraceBuilder b;
        b.runBegin();
        TraceEvent& end = b.add(EventKind::RunEnd);
        end.value = 2;
        end.text = "the engine crashed (signal 11)";
        LoopState state = replay(b.trace, b.trace.size());
        QVERIFY(state.finished);
        QCOMPARE(QString::fromStdString(state.runError), QStringLiteral("the engine crashed (signal 11)"));
        QCOMPARE(QString::fromStdString(state.narration),
                 QStringLiteral("The run failed: the engine crashed (signal 11)"));
    }

    // How a run that did not fail ended: a program's exit code, or the reason it was cut.
    void aRunsEndSaysHowItEnded() {
        {
            TraceBuilder b;
            b.runBegin();
            TraceEvent& code = b.add(EventKind::Counter);
            code.text = kExitCodeCounter;
            code.value = 1;
            b.add(EventKind::RunEnd);
            const LoopState state = replay(b.trace, b.trace.size());
            QCOMPARE(state.exitCode, std::optional<int>(1));
            QCOMPARE(QString::fromStdString(state.narration), QStringLiteral("The program exits with code 1: the run ends"));
        }
        {
            TraceBuilder b;
            b.runBegin();
            b.add(EventKind::RunEnd).text = stoppedAtEventLimit(kMaxRunEvents);
            const LoopState state = replay(b.trace, b.trace.size());
            const std::string note = "stopped after 8,000,000 events: the program logs or schedules without end";
            QCOMPARE(state.exitCode, std::nullopt);
            QCOMPARE(state.endNote, note);
            QCOMPARE(state.narration, "The run ends: " + note);
            QCOMPARE(stoppedAtEventLimit(999), std::string("stopped after 999 events: the program logs or schedules without end"));
            QCOMPARE(stoppedAtEventLimit(1000), std::string("stopped after 1,000 events: the program logs or schedules without end"));
            QVERIFY(isStoppedAtEventLimit(stoppedAtEventLimit(12345678)));
            QVERIFY(!isStoppedAtEventLimit(kStoppedAtHorizon));
        }
        {
            TraceBuilder b;
            b.runBegin();
            b.add(EventKind::RunEnd);
            const LoopState state = replay(b.trace, b.trace.size());
            QVERIFY(state.endNote.empty());
            QCOMPARE(QString::fromStdString(state.narration),
                     QStringLiteral("Nothing is left to wait for: the loop exits and the run ends"));
        }
    }

    void scrubbingBackwardsEqualsForwardReplay() {
        const Trace trace = readsOnPool(3000, 4, kMillisecond);
        QVERIFY(trace.size() > 20000);
        const PackedTrace packed = PackedTrace::fromTrace(trace);
        LoopStateIndex index(256);
        QCOMPARE(index.extend(packed), trace.size());
        // 3000 reads wait in the pool's FIFO at first: checkpoints are sparse while the
        // state is big, then every 256 events.
        QVERIFY2(index.checkpointCount() > 1, qPrintable(QString::number(index.checkpointCount())));
        QVERIFY2(index.checkpointCount() < trace.size() / 256 + 1, qPrintable(QString::number(index.checkpointCount())));
        QCOMPARE(index.latest(), replay(trace, trace.size()));
        std::mt19937 random(7);
        std::size_t position = trace.size();
        for (int step = 0; step < 40; ++step) {
            position = std::uniform_int_distribution<std::size_t>(0, position)(random);
            QCOMPARE(index.stateAt(packed, position), replay(trace, position));
        }
        for (std::size_t at : {std::size_t(0), std::size_t(1), std::size_t(255), std::size_t(256), std::size_t(257),
                               trace.size() - 1, trace.size(), trace.size() + 10})
            QCOMPARE(index.stateAt(packed, at), replay(trace, at));
    }

    void indexGrowsInChunksLikeAStream() {
        const Trace full = readsOnPool(500, 4, kMillisecond);
        PackedTrace streamed;
        LoopStateIndex index(100);
        std::size_t taken = 0;
        for (std::size_t i = 0; i < full.size(); i += 333) {
            for (std::size_t k = i; k < std::min(full.size(), i + 333); ++k)
                streamed.append(full[k]);
            // A bounded amount of work per call, as the GUI does.
            while (index.indexedEvents() < streamed.size())
                taken += index.extend(streamed, 50);
        }
        QCOMPARE(taken, full.size());
        const PackedTrace packed = PackedTrace::fromTrace(full);
        LoopStateIndex whole(100);
        whole.extend(packed);
        QCOMPARE(index.checkpointCount(), whole.checkpointCount());
        for (std::size_t at : {std::size_t(0), std::size_t(99), std::size_t(100), std::size_t(1234), full.size()})
            QCOMPARE(index.stateAt(streamed, at), whole.stateAt(packed, at));
    }

    void stateAtTimeIncludesEveryEventUpToThatTime() {
        const PackedTrace trace = PackedTrace::fromTrace(readsOnPool(8, 4, 20 * kMillisecond));
        LoopStateIndex index(4);
        index.extend(trace);
        // Just before the first wave ends: four reads on the lanes, four waiting.
        LoopState before = index.stateAtTime(trace, 20 * kMillisecond - 1);
        QCOMPARE(before.poolBusy(), 4);
        QCOMPARE(before.queue(QueueKind::PoolFifo).size(), std::size_t(4));
        QVERIFY(before.queue(QueueKind::Poll).empty());
        // At 20 ms every event of that instant has happened: the second wave runs.
        LoopState at = index.stateAtTime(trace, 20 * kMillisecond);
        QCOMPARE(at.poolBusy(), 4);
        QVERIFY(at.queue(QueueKind::PoolFifo).empty());
        QCOMPARE(at.queue(QueueKind::Poll).size(), std::size_t(4));
        QCOMPARE(index.eventsUpTo(trace, -1), std::size_t(0));
        QCOMPARE(index.eventsUpTo(trace, kSecond), trace.size());
    }

    void eventsOutOfTimestampOrderStillScrubMonotonically() {
        TraceBuilder b;
        b.at(10).log("a");
        b.at(30).log("b");
        b.at(20).log("c");  // a pool thread's event that arrived late
        b.at(40).log("d");
        const PackedTrace packed = PackedTrace::fromTrace(b.trace);
        LoopStateIndex index(2);
        index.extend(packed);
        QCOMPARE(index.eventsUpTo(packed, 25), std::size_t(1));
        QCOMPARE(index.eventsUpTo(packed, 30), std::size_t(3));
        QCOMPARE(index.stateAtTime(packed, 35).consoleLines, std::size_t(3));
    }

    // A cluster run: the state follows one process's loop; the other process's events
    // change nothing it shows, except how many processes there are.
    void stateFollowsOneProcessOfACluster() {
        TraceBuilder b;
        b.runBegin();
        auto inProcess = [&](std::uint16_t process, auto&& addEvents) {
            const std::size_t first = b.trace.size();
            addEvents();
            for (std::size_t i = first; i < b.trace.size(); ++i)
                b.trace[i].lane.process = process;
        };
        inProcess(0, [&] {
            b.at(1).enter(Phase::Timers);
            b.enqueue(QueueKind::Check, 1, "setImmediate A");
            b.add(EventKind::Log).text = "from process 1";
        });
        inProcess(1, [&] {
            b.at(2).enter(Phase::Poll);
            b.enqueue(QueueKind::NextTick, 2, "nextTick B");
            b.add(EventKind::Log).text = "from process 2";
            b.add(EventKind::RequestArrive).value = 2;
            b.work(EventKind::WorkBegin, LaneKind::PoolWorker, 1, 3, "fs.readFile");
            b.trace.back().lane.process = 1;
            b.callbackBegin(4, QueueKind::None, "main");
        });
        const LoopState first = replay(b.trace, b.trace.size());
        const LoopState second = replay(b.trace, b.trace.size(), 1);
        QCOMPARE(first.processes, 2);
        QCOMPARE(second.processes, 2);
        QCOMPARE(first.process, std::uint16_t(0));
        QCOMPARE(second.process, std::uint16_t(1));
        QCOMPARE(first.phase, Phase::Timers);
        QCOMPARE(second.phase, Phase::Poll);
        QCOMPARE(labels(first.queue(QueueKind::Check)), QStringList{"setImmediate A"});
        QVERIFY(first.queue(QueueKind::NextTick).empty());
        QCOMPARE(labels(second.queue(QueueKind::NextTick)), QStringList{"nextTick B"});
        QVERIFY(second.queue(QueueKind::Check).empty());
        QCOMPARE(first.console.size(), std::size_t(1));
        QCOMPARE(first.console.front().text, std::string("from process 1"));
        QCOMPARE(second.console.front().text, std::string("from process 2"));
        QCOMPARE(first.requestsArrived, 0);
        QCOMPARE(second.requestsArrived, 1);
        QCOMPARE(first.poolBusy(), 0);
        QCOMPARE(second.poolBusy(), 1);
        QVERIFY(first.callStack.empty());
        QCOMPARE(frames(second), QStringList{"main"});
        // The run's begin and end, sent by process 1, count for every process.
        QVERIFY(second.started);
        b.at(9).runEnd();
        QVERIFY(replay(b.trace, b.trace.size(), 1).finished);
        // A one-process run has one process.
        QCOMPARE(replay(b.trace, 1).processes, 1);
    }

    // The index follows the process it is told to, and starts over when told another.
    void indexFollowsTheChosenProcess() {
        TraceBuilder b;
        b.runBegin();
        for (int k = 0; k < 50; ++k) {
            b.at(k + 1).enqueue(QueueKind::Check, std::uint64_t(k + 1), "immediate " + std::to_string(k));
            b.trace.back().lane.process = std::uint16_t(k % 2);
        }
        const PackedTrace packed = PackedTrace::fromTrace(b.trace);
        LoopStateIndex index(8);
        index.extend(packed);
        QCOMPARE(index.process(), std::uint16_t(0));
        QCOMPARE(index.latest().queue(QueueKind::Check).size(), std::size_t(25));
        QCOMPARE(index.latest().queue(QueueKind::Check).front().label, std::string("immediate 0"));
        index.follow(1);
        QCOMPARE(index.indexedEvents(), std::size_t(0));
        index.extend(packed);
        QCOMPARE(index.latest().queue(QueueKind::Check).front().label, std::string("immediate 1"));
        QCOMPARE(index.stateAt(packed, 20), replay(b.trace, 20, 1));
        index.clear();  // keeps following process 2
        index.extend(packed);
        QCOMPARE(index.latest(), replay(b.trace, b.trace.size(), 1));
    }

    void formatDurationReadsNaturally() {
        QCOMPARE(QString::fromStdString(formatDuration(2 * kSecond)), QStringLiteral("2 s"));
        QCOMPARE(QString::fromStdString(formatDuration(20 * kMillisecond)), QStringLiteral("20 ms"));
        QCOMPARE(QString::fromStdString(formatDuration(1500 * kMicrosecond)), QStringLiteral("1.50 ms"));
        QCOMPARE(QString::fromStdString(formatDuration(250 * kMicrosecond)), QStringLiteral("250 us"));
        QCOMPARE(QString::fromStdString(formatDuration(12345 * kMicrosecond)), QStringLiteral("12.3 ms"));
        QCOMPARE(QString::fromStdString(formatDuration(0)), QStringLiteral("0 ns"));
    }
};

QTEST_APPLESS_MAIN(TestLoopState)
#include "test_loop_state.moc"
