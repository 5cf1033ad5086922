#include "LoopState.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "ConsoleOutput.h"
#include "QueueNames.h"
#include "RequestNumbers.h"

namespace loopscope {
namespace {

// The run's begin and end belong to every process; anything else of another process of a
// cluster is not what a state shows.
bool concernsState(const LoopState& state, const TraceEvent& event) {
    return event.lane.process == state.process || event.kind == EventKind::RunBegin || event.kind == EventKind::RunEnd;
}

bool isFollowedMain(const LoopState& state, const Lane& lane) {
    return lane.kind == LaneKind::Main && lane.process == state.process;
}

template <typename Container>
auto findEntry(Container& entries, std::uint64_t id) {
    return std::find_if(entries.begin(), entries.end(), [id](const QueueEntry& entry) { return entry.id == id; });
}

// Removes entry `id` from `entries`; returns it (or an empty entry with that id).
template <typename Container>
QueueEntry takeEntry(Container& entries, std::uint64_t id, bool* found = nullptr) {
    auto it = findEntry(entries, id);
    if (it == entries.end()) {
        if (found)
            *found = false;
        return QueueEntry{id, {}, {}, 0, 0};
    }
    QueueEntry entry = std::move(*it);
    entries.erase(it);
    if (found)
        *found = true;
    return entry;
}

LaneSlot& slotAt(std::vector<LaneSlot>& slots, std::uint32_t index) {
    if (slots.size() <= index)
        slots.resize(static_cast<std::size_t>(index) + 1);
    return slots[index];
}

std::string fallbackLabel(const TraceEvent& event) {
    return std::string(queueName(event.queue)) + " #" + std::to_string(event.id);
}

std::string entryLabel(const TraceEvent& event) { return event.text.empty() ? fallbackLabel(event) : event.text; }

// The label of the job `id` as the state knows it: from the pool FIFO, the lanes, or the event.
std::string jobLabel(const LoopState& state, const TraceEvent& event) {
    if (!event.text.empty())
        return event.text;
    for (const QueueEntry& entry : state.queue(QueueKind::PoolFifo))
        if (entry.id == event.id)
            return entry.label;
    if (state.lastDequeued.id == event.id && !state.lastDequeued.label.empty())
        return state.lastDequeued.label;
    for (const auto* lanes : {&state.poolLanes, &state.workerThreads})
        for (const LaneSlot& slot : *lanes)
            if (slot.busy && slot.job.id == event.id)
                return slot.job.label;
    for (const QueueEntry& entry : state.kernelIo)
        if (entry.id == event.id)
            return entry.label;
    return "job #" + std::to_string(event.id);
}

// What a callback is called on the stack: its own text, else the entry it came from.
std::string callbackName(const LoopState& state, const TraceEvent& event) {
    if (!event.text.empty())
        return event.text;
    // A callback's entry has usually just left its queue: searching a queue of a million
    // waiting timers for it at every callback would make a big run quadratic.
    const bool justDequeued = state.lastDequeued.id == event.id && event.id != 0;
    const QueueEntry* entry = justDequeued ? &state.lastDequeued : nullptr;
    if (!entry && event.queue != QueueKind::None) {
        auto found = findEntry(state.queue(event.queue), event.id);
        if (found != state.queue(event.queue).end())
            entry = &*found;
    }
    if (!entry || entry->label.empty())
        return callbackLabel(event.queue, event.phase);
    if (entry->label.find("callback") != std::string::npos || event.queue == QueueKind::Microtask)
        return entry->label;
    return entry->label + " callback";
}

void setThreadActivity(LoopState& state, std::uint32_t index, ThreadActivity activity) {
    if (state.threads.size() <= index)
        state.threads.resize(static_cast<std::size_t>(index) + 1, ThreadActivity::Absent);
    ThreadActivity& current = state.threads[index];
    auto count = [&](ThreadActivity a, int delta) {
        if (a == ThreadActivity::Running)
            state.threadsRunning += delta;
        else if (a == ThreadActivity::Blocked)
            state.threadsBlocked += delta;
        if (a == ThreadActivity::Running || a == ThreadActivity::Blocked)
            state.threadsAlive += delta;
    };
    count(current, -1);
    current = activity;
    count(current, +1);
    state.peakThreads = std::max(state.peakThreads, state.threadsAlive);
}

std::string quoted(const std::string& text) { return "\u201c" + text + "\u201d"; }

std::string mainThreadNote(const LoopState& state) {
    if (state.callStack.empty())
        return "the main thread is free";
    return "the main thread keeps running " + state.callStack.back().name;
}

std::string phaseSentence(Phase phase) {
    switch (phase) {
    case Phase::MainScript: return "the main script runs from top to bottom";
    case Phase::Timers: return "timers phase: callbacks of due timers run";
    case Phase::Pending: return "pending phase: deferred system callbacks run";
    case Phase::IdlePrepare: return "idle/prepare phase: libuv's own housekeeping";
    case Phase::Poll: return "poll phase: the loop waits for I/O and runs completed I/O callbacks";
    case Phase::Check: return "check phase: setImmediate callbacks run";
    case Phase::Close: return "close phase: 'close' callbacks run";
    case Phase::None: break;
    }
    return "between phases";
}

// A callback of the followed main thread starts: it leaves its queue for the stack.
void beginCallback(LoopState& state, const TraceEvent& event) {
    StackFrame frame;
    frame.name = callbackName(state, event);
    // The entry is usually gone already (a Dequeue came first): a search of a queue of a
    // million timers at every callback would make a big run quadratic.
    auto& queue = state.queue(event.queue);
    const bool atFront = !queue.empty() && queue.front().id == event.id;
    const bool justDequeued = state.lastDequeued.id == event.id && event.id != 0;
    if (event.queue != QueueKind::None && (atFront || !justDequeued))
        takeEntry(queue, event.id);
    frame.step = event.step;
    frame.id = event.id;
    frame.isCallback = true;
    state.callStack.push_back(std::move(frame));
}

void endCallback(LoopState& state) {
    // Frames a callback pushed end with it (a thrown error unwinds them too).
    while (!state.callStack.empty()) {
        const bool wasCallback = state.callStack.back().isCallback;
        state.callStack.pop_back();
        if (wasCallback)
            break;
    }
}

void enqueue(LoopState& state, const TraceEvent& event) {
    QueueEntry entry{event.id, entryLabel(event), event.step, event.ts, 0};
    auto& queue = state.queue(event.queue);
    if (event.queue == QueueKind::Timers) {
        // Timers fire by due time, then in the order they were created.
        entry.due = event.value;
        auto at = std::upper_bound(queue.begin(), queue.end(), entry.due,
                                   [](Nanoseconds due, const QueueEntry& c) { return due < c.due; });
        queue.insert(at, std::move(entry));
    } else {
        queue.push_back(std::move(entry));
    }
}

void dequeue(LoopState& state, const TraceEvent& event) {
    bool found = false;
    QueueEntry entry = takeEntry(state.queue(event.queue), event.id, &found);
    // A pool worker that takes a job from the queue is busy with it from this
    // moment, before its WorkBegin: no instant shows the job nowhere.
    if (found && event.queue == QueueKind::PoolFifo && event.lane.kind == LaneKind::PoolWorker) {
        QueueEntry onLane = entry;
        onLane.since = event.ts;
        onLane.due = 0;
        slotAt(state.poolLanes, event.lane.index) = LaneSlot{true, std::move(onLane)};
    }
    if (found)
        state.lastDequeued = std::move(entry);
}

// A pool worker or worker thread starts a job: the lane shows it, with the label and
// step it had while it waited.
void beginWork(LoopState& state, const TraceEvent& event) {
    QueueEntry job;
    bool found = false;
    if (event.lane.kind == LaneKind::PoolWorker)
        job = takeEntry(state.queue(QueueKind::PoolFifo), event.id, &found);
    if (!found && event.lane.kind == LaneKind::PoolWorker && event.lane.index < state.poolLanes.size() &&
        state.poolLanes[event.lane.index].job.id == event.id) {
        job = state.poolLanes[event.lane.index].job;
        found = true;
    }
    if (!found && state.lastDequeued.id == event.id) {
        job = state.lastDequeued;
        found = true;
    }
    if (!event.text.empty() || !found)
        job.label = jobLabel(state, event);
    if (event.step.line > 0 || !found)
        job.step = event.step;
    job.id = event.id;
    job.since = event.ts;
    job.due = event.value > 0 ? event.ts + event.value : 0;
    if (event.lane.kind == LaneKind::PoolWorker)
        slotAt(state.poolLanes, event.lane.index) = LaneSlot{true, std::move(job)};
    else if (event.lane.kind == LaneKind::Worker)
        slotAt(state.workerThreads, event.lane.index) = LaneSlot{true, std::move(job)};
}

void endWork(LoopState& state, const TraceEvent& event) {
    std::vector<LaneSlot>* slots = nullptr;
    if (event.lane.kind == LaneKind::PoolWorker)
        slots = &state.poolLanes;
    else if (event.lane.kind == LaneKind::Worker)
        slots = &state.workerThreads;
    if (slots && event.lane.index < slots->size())
        (*slots)[event.lane.index] = LaneSlot{};
}

}  // namespace

int LoopState::poolBusy() const {
    return static_cast<int>(std::count_if(poolLanes.begin(), poolLanes.end(), [](const LaneSlot& s) { return s.busy; }));
}

int LoopState::workersBusy() const {
    return static_cast<int>(
        std::count_if(workerThreads.begin(), workerThreads.end(), [](const LaneSlot& s) { return s.busy; }));
}

std::string formatDuration(Nanoseconds duration) {
    char buffer[64];
    const double ns = static_cast<double>(duration);
    auto trimmed = [&](double value, const char* unit) {
        if (value == static_cast<double>(static_cast<std::int64_t>(value)))
            std::snprintf(buffer, sizeof buffer, "%lld %s", static_cast<long long>(value), unit);
        else if (value >= 100)
            std::snprintf(buffer, sizeof buffer, "%.0f %s", value, unit);
        else if (value >= 10)
            std::snprintf(buffer, sizeof buffer, "%.1f %s", value, unit);
        else
            std::snprintf(buffer, sizeof buffer, "%.2f %s", value, unit);
        return std::string(buffer);
    };
    const Nanoseconds magnitude = duration < 0 ? -duration : duration;
    if (magnitude >= kSecond)
        return trimmed(ns / kSecond, "s");
    if (magnitude >= kMillisecond)
        return trimmed(ns / kMillisecond, "ms");
    if (magnitude >= kMicrosecond)
        return trimmed(ns / kMicrosecond, "us");
    return trimmed(ns, "ns");
}

std::string narrate(const LoopState& before, const TraceEvent& event) {
    const std::string lane = laneName(event.lane);
    switch (event.kind) {
    case EventKind::RunBegin:
        return event.value == static_cast<std::int64_t>(EngineKind::ThreadPerRequest)
                   ? "The run starts: one thread per request"
                   : "The run starts: node runs the main script";
    case EventKind::RunEnd:
        if (event.value != 0)
            return "The run failed: " + (event.text.empty() ? std::string("unknown error") : event.text);
        if (before.exitCode && *before.exitCode != 0)
            return "The program exits with code " + std::to_string(*before.exitCode) + ": the run ends";
        if (!event.text.empty())
            return "The run ends: " + event.text;
        return "Nothing is left to wait for: the loop exits and the run ends";
    case EventKind::LoopIteration:
        return "Loop iteration " + std::to_string(event.value) + " begins";
    case EventKind::PhaseEnter: {
        std::string sentence = phaseSentence(event.phase);
        if (event.phase != Phase::MainScript && before.iteration > 0)
            sentence = "Iteration " + std::to_string(before.iteration) + ", " + sentence;
        else
            sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
        return sentence;
    }
    case EventKind::PhaseLeave:
        return std::string("The ") + phaseName(event.phase) + " phase is done";
    case EventKind::CallbackBegin: {
        const std::string label = callbackName(before, event);
        if (event.lane.kind != LaneKind::Main)
            return lane + " runs " + label;
        if (event.queue == QueueKind::None)
            return label == "main script" ? "The main script starts" : "The main thread runs " + label;
        return "The main thread takes " + label + " from the " + queueName(event.queue) + " queue and runs it";
    }
    case EventKind::CallbackEnd: {
        if (event.lane.kind != LaneKind::Main)
            return lane + " finished its callback";
        std::string name = "the callback";
        if (!before.callStack.empty())
            name = before.callStack.back().name;
        return name + " returns; next, nextTicks and microtasks are drained";
    }
    case EventKind::FramePush:
        return (event.text.empty() ? std::string("a function") : event.text) + " is called: a new frame on the stack";
    case EventKind::FramePop:
        return (before.callStack.empty() ? std::string("a function") : before.callStack.back().name) +
               " returns: its frame leaves the stack";
    case EventKind::Enqueue: {
        const std::string label = entryLabel(event);
        switch (event.queue) {
        case QueueKind::NextTick:
            return "process.nextTick queues " + label + "; it runs as soon as the current operation ends";
        case QueueKind::Microtask:
            return label + " joins the microtask queue";
        case QueueKind::Timers:
            return "setTimeout schedules " + label + " to be due at " + formatDuration(event.value) +
                   "; the script goes on";
        case QueueKind::Check:
            return "setImmediate queues " + label + " for the check phase";
        case QueueKind::Close:
            return label + " waits for the close phase";
        case QueueKind::Poll:
            return label + " completed; its callback waits for the poll phase";
        case QueueKind::Pending:
            return label + " waits for the pending phase";
        case QueueKind::PoolFifo: {
            const int busy = before.poolBusy();
            const int lanes = static_cast<int>(before.poolLanes.size());
            if (lanes > 0 && busy >= lanes)
                return label + " waits in the thread-pool queue: all " + std::to_string(lanes) + " workers are busy";
            return label + " is queued for the thread pool";
        }
        case QueueKind::None:
            break;
        }
        return label + " is queued";
    }
    case EventKind::Dequeue: {
        std::string label = entryLabel(event);
        if (event.queue != QueueKind::None)
            for (const QueueEntry& entry : before.queue(event.queue))
                if (entry.id == event.id)
                    label = entry.label;
        return label + " leaves the " + queueName(event.queue) + " queue";
    }
    case EventKind::WorkBegin: {
        const std::string label = jobLabel(before, event);
        if (event.lane.kind == LaneKind::PoolWorker)
            return label + " handed to " + lane + "; " + mainThreadNote(before);
        if (event.lane.kind == LaneKind::Worker)
            return lane + " starts computing " + label + "; " + mainThreadNote(before);
        return lane + " works on " + label;
    }
    case EventKind::WorkEnd: {
        const std::string label = jobLabel(before, event);
        if (event.lane.kind == LaneKind::PoolWorker || event.lane.kind == LaneKind::Worker)
            return lane + " finished " + label + "; its callback waits for the poll phase";
        return lane + " finished " + label;
    }
    case EventKind::IoBegin:
        return entryLabel(event) + " handed to the kernel; no thread waits for it";
    case EventKind::IoEnd:
        return "The kernel reports " + jobLabel(before, event) + " done; its callback waits for the poll phase";
    case EventKind::Log:
        return "console.log prints " + quoted(event.text);
    case EventKind::RequestArrive:
        return "Request " + requestNumberText(std::uint64_t(event.value)) + " arrives (" + std::to_string(before.requestsInFlight() + 1) +
               " in flight)";
    case EventKind::RequestRespond:
        return "Request " + requestNumberText(std::uint64_t(event.value)) + " is answered" +
               (event.text.empty() ? std::string() : " with " + event.text);
    case EventKind::ThreadCreate:
        return lane + " is created (" + std::to_string(before.threadsAlive + 1) + " threads alive)";
    case EventKind::ThreadBlock:
        return lane + " blocks and waits" + (event.text.empty() ? std::string() : " for " + event.text);
    case EventKind::ThreadRun:
        return lane + " runs again";
    case EventKind::ThreadExit:
        return lane + " exits";
    case EventKind::Counter:
        return event.text + " = " + std::to_string(event.value);
    case EventKind::RequestSend:
        return "The load client sends request " + std::to_string(event.id);
    case EventKind::RequestDone:
        return "The load client gets " + (event.text.empty() ? std::string("its answer") : event.text) +
               " for request " + std::to_string(event.id);
    case EventKind::ProcessMessage:
        break;  // a cluster's primary keeps these to itself
    }
    return {};
}

bool narrates(const LoopState& state, const TraceEvent& event) {
    return concernsState(state, event) && event.kind != EventKind::Counter && event.lane.kind != LaneKind::Client;
}

namespace {

void applyEventTo(LoopState& state, const TraceEvent& event, bool narrated) {
    ++state.eventsApplied;
    state.time = std::max(state.time, event.ts);
    state.processes = std::max(state.processes, int(event.lane.process) + 1);
    if (!concernsState(state, event))
        return;
    if (narrated && narrates(state, event))
        state.narration = narrate(state, event);
    if (event.step.line > 0)
        state.currentStep = event.step;

    switch (event.kind) {
    case EventKind::RunBegin:
        state.started = true;
        state.engine = static_cast<EngineKind>(event.value);
        break;
    case EventKind::RunEnd:
        state.finished = true;
        if (event.value != 0)
            state.runError = event.text.empty() ? "error " + std::to_string(event.value) : event.text;
        else
            state.endNote = event.text;
        if (state.phase != Phase::None)
            state.phase = Phase::None;
        break;
    case EventKind::LoopIteration:
        if (isFollowedMain(state, event.lane))
            state.iteration = event.value;
        break;
    case EventKind::PhaseEnter:
        if (isFollowedMain(state, event.lane))
            state.phase = event.phase;
        break;
    case EventKind::PhaseLeave:
        if (isFollowedMain(state, event.lane) && state.phase == event.phase)
            state.phase = Phase::None;
        break;
    case EventKind::CallbackBegin:
        if (isFollowedMain(state, event.lane))
            beginCallback(state, event);
        break;
    case EventKind::CallbackEnd:
        if (isFollowedMain(state, event.lane))
            endCallback(state);
        break;
    case EventKind::FramePush:
        if (isFollowedMain(state, event.lane))
            state.callStack.push_back(StackFrame{event.text.empty() ? "anonymous" : event.text, event.step, 0, false});
        break;
    case EventKind::FramePop:
        if (isFollowedMain(state, event.lane) && !state.callStack.empty() && !state.callStack.back().isCallback)
            state.callStack.pop_back();
        break;
    case EventKind::Enqueue:
        if (event.queue != QueueKind::None)
            enqueue(state, event);
        break;
    case EventKind::Dequeue:
        if (event.queue != QueueKind::None)
            dequeue(state, event);
        break;
    case EventKind::WorkBegin:
        beginWork(state, event);
        break;
    case EventKind::WorkEnd:
        endWork(state, event);
        break;
    case EventKind::IoBegin:
        state.kernelIo.push_back(QueueEntry{event.id, entryLabel(event), event.step, event.ts, 0});
        break;
    case EventKind::IoEnd:
        takeEntry(state.kernelIo, event.id);
        break;
    case EventKind::Log:
        ++state.consoleLines;
        state.console.push_back(ConsoleLine{event.ts, event.text});
        while (state.console.size() > kConsoleTail)
            state.console.pop_front();
        break;
    case EventKind::RequestArrive:
        ++state.requestsArrived;
        break;
    case EventKind::RequestRespond:
        ++state.requestsAnswered;
        break;
    case EventKind::ThreadCreate:
        if (event.lane.kind == LaneKind::Thread)
            setThreadActivity(state, event.lane.index, ThreadActivity::Running);
        break;
    case EventKind::ThreadBlock:
        if (event.lane.kind == LaneKind::Thread)
            setThreadActivity(state, event.lane.index, ThreadActivity::Blocked);
        break;
    case EventKind::ThreadRun:
        if (event.lane.kind == LaneKind::Thread)
            setThreadActivity(state, event.lane.index, ThreadActivity::Running);
        break;
    case EventKind::ThreadExit:
        if (event.lane.kind == LaneKind::Thread)
            setThreadActivity(state, event.lane.index, ThreadActivity::Exited);
        break;
    case EventKind::Counter:
        if (event.text == kExitCodeCounter && isFollowedMain(state, event.lane))
            state.exitCode = int(event.value);
        break;
    case EventKind::RequestSend:
    case EventKind::RequestDone:
    case EventKind::ProcessMessage:
        break;
    }
}

}  // namespace

void applyEvent(LoopState& state, const TraceEvent& event) { applyEventTo(state, event, true); }

void applyEventUnnarrated(LoopState& state, const TraceEvent& event) { applyEventTo(state, event, false); }

LoopState apply(LoopState state, const TraceEvent& event) {
    applyEvent(state, event);
    return state;
}

LoopState replay(const Trace& trace, std::size_t count, std::uint16_t process) {
    LoopState state;
    state.process = process;
    count = std::min(count, trace.size());
    for (std::size_t i = 0; i < count; ++i)
        applyEvent(state, trace[i]);
    return state;
}

}  // namespace loopscope
