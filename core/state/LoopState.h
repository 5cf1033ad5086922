// What the event-loop panels show at one moment of a run, and the pure reducer that
// computes it from the TraceEvent stream (see DESIGN.md, "Engines").
//
// The reducer is total: any event sequence, even one from a crashed or cancelled run,
// gives a LoopState; events that refer to something unknown are ignored.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "TraceEvent.h"

namespace loopscope {

// A callback, job or timer waiting somewhere (a queue, the pool FIFO, the kernel), with
// the label the panels show for it.
struct QueueEntry {
    std::uint64_t id = 0;
    std::string label;
    SourceLocation step;
    Nanoseconds since = 0;  // when it joined
    Nanoseconds due = 0;    // timers: when it becomes due; otherwise 0
    friend bool operator==(const QueueEntry&, const QueueEntry&) = default;
};

struct StackFrame {
    std::string name;
    SourceLocation step;
    std::uint64_t id = 0;     // the callback id for a callback frame, 0 for a call
    bool isCallback = false;  // pushed by CallbackBegin rather than FramePush
    friend bool operator==(const StackFrame&, const StackFrame&) = default;
};

// One thread that does work for the loop: a pool worker, a worker thread, or a
// thread-per-request thread.
struct LaneSlot {
    bool busy = false;
    QueueEntry job;  // valid when busy
    friend bool operator==(const LaneSlot&, const LaneSlot&) = default;
};

enum class ThreadActivity : std::uint8_t { Absent, Running, Blocked, Exited };

struct ConsoleLine {
    Nanoseconds ts = 0;
    std::string text;
    friend bool operator==(const ConsoleLine&, const ConsoleLine&) = default;
};

constexpr std::size_t kQueueKindCount = static_cast<std::size_t>(QueueKind::PoolFifo) + 1;
// Console lines kept in a LoopState; the whole console is in the trace itself.
constexpr std::size_t kConsoleTail = 64;

struct LoopState {
    std::size_t eventsApplied = 0;  // how many events of the trace this state reflects
    Nanoseconds time = 0;           // timestamp of the last event applied
    bool started = false;
    bool finished = false;
    EngineKind engine = EngineKind::EventLoop;
    std::string runError;           // RunEnd with a non-zero value
    std::string endNote;            // why a run that did not fail ended early (RunEnd's text)
    std::optional<int> exitCode;    // a JavaScript program's exit code, once it has ended

    // A cluster run has several event-loop processes; a state follows one of them (its
    // loop, stack, queues, pool, console and requests). Set it before the first event.
    std::uint16_t process = 0;
    int processes = 1;              // how many the events so far show (highest lane.process + 1)

    Phase phase = Phase::None;      // the main loop of `process`
    std::int64_t iteration = 0;     // 1-based, 0 before the first iteration
    std::vector<StackFrame> callStack;  // bottom first

    std::array<std::deque<QueueEntry>, kQueueKindCount> queues;  // PoolFifo = jobs waiting for a worker
    std::vector<LaneSlot> poolLanes;    // index = pool worker
    std::vector<QueueEntry> kernelIo;  // network I/O in flight, oldest first
    std::vector<LaneSlot> workerThreads;

    // Thread-per-request threads: one activity per thread index.
    std::vector<ThreadActivity> threads;
    int threadsAlive = 0;
    int threadsRunning = 0;
    int threadsBlocked = 0;
    int peakThreads = 0;

    std::size_t consoleLines = 0;       // lines printed so far
    std::deque<ConsoleLine> console;    // the last kConsoleTail of them

    int requestsArrived = 0;
    int requestsAnswered = 0;
    int requestsInFlight() const { return requestsArrived - requestsAnswered; }

    // The entry that left a queue last: the callback or job that starts right after
    // a Dequeue keeps the label and step it had in the queue.
    QueueEntry lastDequeued;

    std::string narration;              // the current event, in one plain sentence
    SourceLocation currentStep;         // the step of the current event (for highlighting)

    const std::deque<QueueEntry>& queue(QueueKind kind) const { return queues[static_cast<std::size_t>(kind)]; }
    std::deque<QueueEntry>& queue(QueueKind kind) { return queues[static_cast<std::size_t>(kind)]; }
    int poolBusy() const;
    int workersBusy() const;
    friend bool operator==(const LoopState&, const LoopState&) = default;
};

// Applies one event in place. `apply(state, e)` below is the same as a value function.
void applyEvent(LoopState& state, const TraceEvent& event);
// The same without the narration: for replaying a stretch of events of which only the last
// narrated one is shown (narrating is most of what applying an event costs).
void applyEventUnnarrated(LoopState& state, const TraceEvent& event);
// Whether applying `event` to `state` sets its narration.
bool narrates(const LoopState& state, const TraceEvent& event);
LoopState apply(LoopState state, const TraceEvent& event);

// The state after the first `count` events of `trace` (count is clamped to its size),
// following the loop of `process`.
LoopState replay(const Trace& trace, std::size_t count, std::uint16_t process = 0);

// The plain-English sentence for one event, given the state just before it.
std::string narrate(const LoopState& before, const TraceEvent& event);

// "2 s", "20 ms", "250 us", "1.50 ms": a duration the way a teacher would say it.
std::string formatDuration(Nanoseconds duration);

}  // namespace loopscope
