// Hand-built traces that follow core/TraceEvent.h the way the event-loop engine
// reports a run: enqueue -> dequeue -> work/callback, phases around callbacks.
#pragma once

#include <string>

#include "TraceEvent.h"

namespace loopscope::testing {

class TraceBuilder {
public:
    Trace trace;
    Nanoseconds now = 0;

    TraceBuilder& at(Nanoseconds ts) {
        now = ts;
        return *this;
    }
    TraceEvent& add(EventKind kind) {
        TraceEvent e;
        e.ts = now;
        e.kind = kind;
        trace.push_back(e);
        return trace.back();
    }
    void runBegin(EngineKind engine = EngineKind::EventLoop) { add(EventKind::RunBegin).value = static_cast<int>(engine); }
    void runEnd() { add(EventKind::RunEnd); }
    void iteration(int n) { add(EventKind::LoopIteration).value = n; }
    void enter(Phase phase) { add(EventKind::PhaseEnter).phase = phase; }
    void leave(Phase phase) { add(EventKind::PhaseLeave).phase = phase; }
    void callbackBegin(std::uint64_t id, QueueKind from, const std::string& label, int line = 0) {
        TraceEvent& e = add(EventKind::CallbackBegin);
        e.id = id;
        e.queue = from;
        e.text = label;
        e.step = {line, 5};
    }
    void callbackEnd(std::uint64_t id) { add(EventKind::CallbackEnd).id = id; }
    void push(const std::string& frame) { add(EventKind::FramePush).text = frame; }
    void pop() { add(EventKind::FramePop); }
    void enqueue(QueueKind queue, std::uint64_t id, const std::string& label, std::int64_t value = 0, int line = 0) {
        TraceEvent& e = add(EventKind::Enqueue);
        e.queue = queue;
        e.id = id;
        e.text = label;
        e.value = value;
        e.step = {line, 5};
    }
    void dequeue(QueueKind queue, std::uint64_t id) {
        TraceEvent& e = add(EventKind::Dequeue);
        e.queue = queue;
        e.id = id;
    }
    void work(EventKind kind, LaneKind laneKind, std::uint32_t index, std::uint64_t id, const std::string& label = {}) {
        TraceEvent& e = add(kind);
        e.lane = Lane{laneKind, 0, index};
        e.id = id;
        e.text = label;
    }
    void io(EventKind kind, std::uint64_t id, const std::string& label = {}) {
        TraceEvent& e = add(kind);
        e.lane = Lane{LaneKind::Kernel, 0, 0};
        e.id = id;
        e.text = label;
    }
    void log(const std::string& text) { add(EventKind::Log).text = text; }
    void thread(EventKind kind, std::uint32_t index) { add(kind).lane = Lane{LaneKind::Thread, 0, index}; }
    void request(EventKind kind, std::int64_t number) { add(kind).value = number; }
};

// `reads` fs.readFile calls of `takes` each from the main script, on `workers` pool
// workers, with their callbacks in the poll phase, as libuv runs them.
inline Trace readsOnPool(int reads, int workers, Nanoseconds takes) {
    TraceBuilder b;
    b.runBegin();
    b.enter(Phase::MainScript);
    b.callbackBegin(1, QueueKind::None, "main script", 1);
    for (int r = 0; r < reads; ++r) {
        const std::uint64_t id = 100 + static_cast<std::uint64_t>(r);
        b.at(b.now + 10 * kMicrosecond);
        b.enqueue(QueueKind::PoolFifo, id, "fs.readFile #" + std::to_string(r + 1), 0, 2);
        if (r < workers) {
            b.dequeue(QueueKind::PoolFifo, id);
            b.work(EventKind::WorkBegin, LaneKind::PoolWorker, static_cast<std::uint32_t>(r), id);
        }
    }
    b.callbackEnd(1);
    b.leave(Phase::MainScript);
    // Worker w runs reads w, w + workers, ... back to back.
    int started = workers;
    int completed = 0;
    Nanoseconds waveEnd = takes;
    int iteration = 0;
    while (completed < reads) {
        b.at(waveEnd);
        const int waveSize = std::min(workers, reads - completed);
        for (int w = 0; w < waveSize; ++w) {
            const std::uint64_t id = 100 + static_cast<std::uint64_t>(completed + w);
            b.work(EventKind::WorkEnd, LaneKind::PoolWorker, static_cast<std::uint32_t>(w), id);
            b.enqueue(QueueKind::Poll, id, "readFile callback #" + std::to_string(completed + w + 1), 0, 3);
            if (started < reads) {
                const std::uint64_t next = 100 + static_cast<std::uint64_t>(started);
                b.dequeue(QueueKind::PoolFifo, next);
                b.work(EventKind::WorkBegin, LaneKind::PoolWorker, static_cast<std::uint32_t>(w), next);
                ++started;
            }
        }
        b.iteration(++iteration);
        b.enter(Phase::Poll);
        for (int w = 0; w < waveSize; ++w) {
            const std::uint64_t id = 100 + static_cast<std::uint64_t>(completed + w);
            b.at(b.now + 50 * kMicrosecond);
            b.callbackBegin(id, QueueKind::Poll, "readFile callback #" + std::to_string(completed + w + 1), 3);
            b.log("read " + std::to_string(completed + w + 1));
            b.callbackEnd(id);
        }
        b.leave(Phase::Poll);
        completed += waveSize;
        waveEnd += takes;
    }
    b.runEnd();
    return b.trace;
}

}  // namespace loopscope::testing
