#include "NodeTraceConversion.h"

#include <algorithm>
#include <deque>
#include <iterator>
#include <limits>
#include <optional>
#include <queue>
#include <unordered_map>
#include <unordered_set>

#include "NodeResourceQueues.h"

namespace loopscope {
namespace {

constexpr std::string_view kCallbackSuffix = "_CALLBACK";
// How far a callback's cause is looked for up the chain of triggers (a promise made by a
// promise made by the main script): the chains of real programs are a few links long.
constexpr int kMaxTriggerHops = 64;
// Bounds that keep a hostile trace linear: callbacks nest a few deep in Node (a tick in a
// socket's callback in the HTTP parser's), and few events share a microsecond.
constexpr std::size_t kMaxNesting = 64;
constexpr int kMaxSameTimeEvents = 256;

bool hasCategory(std::string_view categories, std::string_view wanted) {
    while (!categories.empty()) {
        const std::size_t comma = categories.find(',');
        if (categories.substr(0, comma) == wanted)
            return true;
        if (comma == std::string_view::npos)
            break;
        categories.remove_prefix(comma + 1);
    }
    return false;
}

bool endsWith(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Which thread is JavaScript's: the one the metadata names so (a cut-short trace may have
// lost the metadata Node writes last), else the thread of the first bootstrap or
// async_hooks event, which only the main thread of a process without workers writes.
struct MainThread {
    std::int64_t pid = 0;
    std::int64_t tid = 0;
};

MainThread findMainThread(const std::vector<ChromeTraceEvent>& events, NodeTraceFacts& facts) {
    std::optional<MainThread> named;
    std::optional<MainThread> firstJavaScript;
    for (const ChromeTraceEvent& event : events) {
        if (event.phase == 'M') {
            if (event.name == "thread_name" && event.argName == "JavaScriptMainThread" && !named)
                named = MainThread{event.pid, event.tid};
            if (event.name == "version" && !event.argNode.empty())
                facts.nodeVersion = std::string(event.argNode);
        } else if (!firstJavaScript && (hasCategory(event.category, "node.bootstrap") ||
                                        hasCategory(event.category, "node.async_hooks"))) {
            firstJavaScript = MainThread{event.pid, event.tid};
        }
        if (event.phase == 'b' && event.name == "Environment" && !event.argScript.empty() && facts.script.empty())
            facts.script = std::string(event.argScript);
    }
    if (named)
        return *named;
    if (firstJavaScript)
        return *firstJavaScript;
    return events.empty() ? MainThread{} : MainThread{events.front().pid, events.front().pid};
}

class Converter {
public:
    // `origin` is the time of the first event: the run's time 0.
    Converter(MainThread main, NodeTraceFacts& facts, Nanoseconds origin, std::size_t expectedEvents)
        : main_(main), facts_(facts), origin_(origin) {
        trace_.reserve(expectedEvents + 2);
        trace_.emplace_back().kind = EventKind::RunBegin;  // its text once the version is known
    }

    void take(const ChromeTraceEvent& event) {
        if (event.pid != main_.pid)
            return;
        if (event.tid == main_.tid)
            onMainThread(event);
        else if (event.phase == 'B' || event.phase == 'E')
            onOtherThread(event);
    }

    Trace finish(bool complete);

private:
    struct OpenCallback {
        std::uint64_t id = 0;
        QueueKind queue = QueueKind::None;
        std::string text;
        std::uint64_t cause = 0;
    };
    struct PoolJob {
        std::uint64_t id = 0;
        std::uint64_t cause = 0;
    };

    void onMainThread(const ChromeTraceEvent& event);
    void onOtherThread(const ChromeTraceEvent& event);
    void onAsyncHook(const ChromeTraceEvent& event);
    void onPhase(const ChromeTraceEvent& event);
    void onMilestone(const ChromeTraceEvent& event);
    void beginCallback(Nanoseconds ts, OpenCallback callback);
    void endCallback(Nanoseconds ts, std::uint64_t id);
    std::uint64_t causeOf(std::uint64_t asyncId) const;
    std::uint64_t runningCallback() const { return stack_.empty() ? 0 : stack_.back().id; }
    void emit(Nanoseconds ts, EventKind kind, Lane lane, QueueKind queue, std::uint64_t id, std::uint64_t cause,
              std::string text = {});
    void enterPhase(Nanoseconds ts, Phase phase);
    void leavePhase(Nanoseconds ts, Phase phase);
    void leavePhasesBefore(Nanoseconds ts);

    MainThread main_;
    NodeTraceFacts& facts_;
    Nanoseconds origin_ = 0;
    Trace trace_;  // in time order as it is made: the events come in time order
    struct LeavesLater {
        bool operator()(const TraceEvent& a, const TraceEvent& b) const { return a.ts > b.ts; }
    };
    // Phases entered whose leave is not yet due, the earliest on top.
    std::priority_queue<TraceEvent, std::vector<TraceEvent>, LeavesLater> phaseLeaves_;
    std::vector<OpenCallback> stack_;  // the running callback last; those below it were interrupted
    std::unordered_map<std::uint64_t, std::uint64_t> triggers_;  // async id -> triggerAsyncId
    std::unordered_set<std::uint64_t> ranCallbacks_;
    std::unordered_map<std::string_view, std::deque<PoolJob>> queuedJobs_;  // by job name
    std::unordered_map<std::int64_t, std::uint32_t> poolLanes_;            // tid -> pool lane
    std::unordered_map<std::int64_t, PoolJob> runningJobs_;                // tid -> its job
    std::uint64_t nextJobId_ = kImportedJobIdBase;
    std::string_view lastFsDone_;  // the fs request whose completion the next callback reports
    bool inMainScript_ = false;
};

void Converter::emit(Nanoseconds ts, EventKind kind, Lane lane, QueueKind queue, std::uint64_t id, std::uint64_t cause,
                     std::string text) {
    ts = std::max<Nanoseconds>(0, ts - origin_);
    leavePhasesBefore(ts);
    TraceEvent& event = trace_.emplace_back();
    event.ts = ts;
    event.kind = kind;
    event.lane = lane;
    event.queue = queue;
    event.id = id;
    event.cause = cause;
    event.text = std::move(text);
}

// A phase (an 'X' event) is known when Node writes it, after what ran inside it, but
// stamped with its start: its enter goes before the events of its start time...
void Converter::enterPhase(Nanoseconds ts, Phase phase) {
    ts = std::max<Nanoseconds>(0, ts - origin_);
    leavePhasesBefore(ts + 1);  // a phase that ends when this one begins has left
    auto at = trace_.end();
    for (int step = 0; step < kMaxSameTimeEvents && std::prev(at) != trace_.begin() && std::prev(at)->ts >= ts &&
                       std::prev(at)->kind != EventKind::PhaseLeave;
         ++step)
        --at;
    TraceEvent enter;
    enter.ts = ts;
    enter.kind = EventKind::PhaseEnter;
    enter.phase = phase;
    trace_.insert(at, enter);
}

// ... and its leave after those of its end time.
void Converter::leavePhase(Nanoseconds ts, Phase phase) {
    TraceEvent leave;
    leave.ts = std::max<Nanoseconds>(0, ts - origin_);
    leave.kind = EventKind::PhaseLeave;
    leave.phase = phase;
    phaseLeaves_.push(leave);
}

void Converter::leavePhasesBefore(Nanoseconds ts) {
    while (!phaseLeaves_.empty() && phaseLeaves_.top().ts < ts) {
        trace_.push_back(phaseLeaves_.top());
        phaseLeaves_.pop();
    }
}

std::uint64_t Converter::causeOf(std::uint64_t asyncId) const {
    auto trigger = triggers_.find(asyncId);
    if (trigger == triggers_.end())
        return 0;
    std::uint64_t cause = trigger->second;
    // A resource that never ran a callback of its own (a promise, a socket being set up)
    // draws no span: its own trigger is the callback that scheduled it.
    for (int hop = 0; hop < kMaxTriggerHops && cause != 0 && !ranCallbacks_.count(cause); ++hop) {
        auto next = triggers_.find(cause);
        if (next == triggers_.end() || next->second == cause)
            break;
        cause = next->second;
    }
    return ranCallbacks_.count(cause) ? cause : 0;
}

// A callback that begins while another runs (nextTicks drained before a socket's callback
// returns, the HTTP parser's callbacks inside the socket's) interrupts it: one lane shows
// one callback at a time, and the outer one resumes as a new span with the same id.
void Converter::beginCallback(Nanoseconds ts, OpenCallback callback) {
    if (!stack_.empty()) {
        const OpenCallback& outer = stack_.back();
        emit(ts, EventKind::CallbackEnd, Lane{}, outer.queue, outer.id, outer.cause);
    }
    ranCallbacks_.insert(callback.id);
    emit(ts, EventKind::CallbackBegin, Lane{}, callback.queue, callback.id, callback.cause, callback.text);
    if (stack_.size() >= kMaxNesting)
        stack_.erase(stack_.begin());  // never resumed: a trace of Node does not nest so deep
    stack_.push_back(std::move(callback));
}

void Converter::endCallback(Nanoseconds ts, std::uint64_t id) {
    auto it = std::find_if(stack_.rbegin(), stack_.rend(), [id](const OpenCallback& open) { return open.id == id; });
    if (it == stack_.rend())
        return;  // its begin was before the trace (or in a file of the set that is missing)
    const OpenCallback& running = stack_.back();
    emit(ts, EventKind::CallbackEnd, Lane{}, running.queue, running.id, running.cause);
    stack_.erase(std::prev(it.base()), stack_.end());
    if (!stack_.empty()) {
        const OpenCallback& outer = stack_.back();
        emit(ts, EventKind::CallbackBegin, Lane{}, outer.queue, outer.id, outer.cause, outer.text);
    }
}

void Converter::onMainThread(const ChromeTraceEvent& event) {
    if (hasCategory(event.category, "node.async_hooks")) {
        onAsyncHook(event);
        return;
    }
    if (event.phase == 'X' && hasCategory(event.category, "node.environment")) {
        onPhase(event);
        return;
    }
    if (event.phase == 'I' && hasCategory(event.category, "node.bootstrap")) {
        onMilestone(event);
        return;
    }
    if (hasCategory(event.category, "node.threadpoolwork.async")) {
        // Queued with uv_queue_work: the job waits in libuv's first-in-first-out queue.
        if (event.phase == 'b') {
            queuedJobs_[event.name].push_back(PoolJob{nextJobId_++, runningCallback()});
            facts_.sawPoolWork = true;
        }
        lastFsDone_ = {};
        return;
    }
    if (hasCategory(event.category, "node.fs.async")) {
        facts_.sawFsRequests = true;
        lastFsDone_ = event.phase == 'e' ? event.name : std::string_view();
        return;
    }
}

void Converter::onAsyncHook(const ChromeTraceEvent& event) {
    if (!endsWith(event.name, kCallbackSuffix)) {
        // The resource's creation ('b') names what triggered it; its destruction ('e') is
        // not drawn.
        if (event.phase == 'b' && event.triggerAsyncId >= 0)
            triggers_.try_emplace(event.id, std::uint64_t(event.triggerAsyncId));
        return;
    }
    const std::string_view type = event.name.substr(0, event.name.size() - kCallbackSuffix.size());
    if (event.phase == 'b') {
        // The main script has returned when the first callback runs: its nextTicks and
        // microtasks are drained after it, not inside it.
        if (stack_.size() == 1 && stack_.front().id == kMainScriptAsyncId)
            endCallback(event.ts, kMainScriptAsyncId);
        std::string text(type);
        if (!lastFsDone_.empty())
            text += ": fs." + std::string(lastFsDone_);
        lastFsDone_ = {};
        beginCallback(event.ts, OpenCallback{event.id, queueOfAsyncResource(type), std::move(text), causeOf(event.id)});
    } else if (event.phase == 'e') {
        endCallback(event.ts, event.id);
    }
}

void Converter::onPhase(const ChromeTraceEvent& event) {
    Phase phase = Phase::None;
    if (event.name == "RunTimers")
        phase = Phase::Timers;
    else if (event.name == "CheckImmediate")
        phase = Phase::Check;
    else
        return;
    enterPhase(event.ts, phase);
    leavePhase(event.ts + std::max<Nanoseconds>(0, event.duration), phase);
}

// The main script runs from the end of Node's bootstrap to the start of the loop: its
// nextTicks and microtasks, drained before the loop starts, are part of it.
void Converter::onMilestone(const ChromeTraceEvent& event) {
    if (event.name == "bootstrapComplete" && !inMainScript_) {
        inMainScript_ = true;
        enterPhase(event.ts, Phase::MainScript);
        beginCallback(event.ts, OpenCallback{kMainScriptAsyncId, QueueKind::None, "main script", 0});
    } else if (event.name == "loopStart" && inMainScript_) {
        inMainScript_ = false;
        endCallback(event.ts, kMainScriptAsyncId);
        leavePhase(event.ts, Phase::MainScript);
    }
}

void Converter::onOtherThread(const ChromeTraceEvent& event) {
    if (!hasCategory(event.category, "node.threadpoolwork.sync"))
        return;
    const auto [lane, added] = poolLanes_.try_emplace(event.tid, std::uint32_t(poolLanes_.size()));
    const Lane pool{LaneKind::PoolWorker, 0, lane->second};
    if (event.phase == 'B') {
        // libuv hands out queued jobs in order: this thread took the oldest of this name.
        PoolJob job;
        auto queued = queuedJobs_.find(event.name);
        if (queued != queuedJobs_.end() && !queued->second.empty()) {
            job = queued->second.front();
            queued->second.pop_front();
        } else {
            job.id = nextJobId_++;  // queued before the trace began
        }
        runningJobs_[event.tid] = job;
        emit(event.ts, EventKind::WorkBegin, pool, QueueKind::PoolFifo, job.id, job.cause, std::string(event.name));
    } else {
        auto running = runningJobs_.find(event.tid);
        if (running == runningJobs_.end())
            return;
        emit(event.ts, EventKind::WorkEnd, pool, QueueKind::PoolFifo, running->second.id, running->second.cause,
             std::string(event.name));
        runningJobs_.erase(running);
    }
}

Trace Converter::finish(bool complete) {
    leavePhasesBefore(std::numeric_limits<Nanoseconds>::max());
    TraceEvent& begin = trace_.front();
    begin.value = std::int64_t(EngineKind::EventLoop);
    begin.text = "Node " + (facts_.nodeVersion.empty() ? std::string("(version unknown)") : "v" + facts_.nodeVersion) +
                 ", as its trace events recorded it";
    // Every main-lane event carries the phase the loop is in, as the engines stamp it.
    Phase current = Phase::None;
    for (TraceEvent& event : trace_) {
        if (event.kind == EventKind::PhaseEnter)
            current = event.phase;
        else if (event.kind == EventKind::PhaseLeave)
            current = current == event.phase ? Phase::None : current;
        else if (event.lane.kind == LaneKind::Main)
            event.phase = current;
    }
    TraceEvent end;
    end.kind = EventKind::RunEnd;
    end.ts = trace_.back().ts;
    if (!complete)
        end.text = "the trace ends without its closing ]}: the process died before Node finished writing it";
    trace_.push_back(std::move(end));
    return std::move(trace_);
}

}  // namespace

Trace convertNodeTrace(const std::vector<ChromeTraceEvent>& events, bool complete, NodeTraceFacts& facts) {
    const MainThread main = findMainThread(events, facts);
    // In time order; the events of one thread are already, so sorting indices is cheap.
    std::vector<std::uint32_t> order;
    order.reserve(events.size());
    for (std::size_t k = 0; k < events.size(); ++k)
        if (events[k].phase != 'M' && events[k].pid == main.pid)
            order.push_back(std::uint32_t(k));
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return events[a].ts < events[b].ts; });
    Converter converter(main, facts, order.empty() ? 0 : events[order.front()].ts, order.size());
    for (std::uint32_t index : order)
        converter.take(events[index]);
    return converter.finish(complete);
}

}  // namespace loopscope
