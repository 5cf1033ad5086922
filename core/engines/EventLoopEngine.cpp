#include "EventLoopEngine.h"

#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <vector>

#include <uv.h>

#include "CpuAffinity.h"
#include "CpuBurn.h"
#include "HttpServer.h"
#include "LoadDriver.h"
#include "NetClient.h"
#include "NetPeer.h"
#include "NodeTimers.h"
#include "PhaseTracker.h"
#include "StopSignal.h"
#include "ThreadPoolJob.h"

namespace loopscope {

namespace {

const Lane kMainLane{LaneKind::Main, 0, 0};
const Lane kKernelLane{LaneKind::Kernel, 0, 0};

// Values of {i}, {tick} and {request}, fixed when their iteration, tick or request began.
struct Scope {
    std::int64_t i = 0;
    std::int64_t tick = 0;
    std::uint64_t request = 0;
};

std::string substitute(const std::string& text, const Scope& scope) {
    if (text.find('{') == std::string::npos)
        return text;
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t at = 0; at < text.size();) {
        if (text[at] == '{') {
            auto replace = [&](const char* name, std::int64_t value) {
                const std::size_t length = std::char_traits<char>::length(name);
                if (text.compare(at, length, name) != 0)
                    return false;
                out += std::to_string(value);
                at += length;
                return true;
            };
            if (replace("{i}", scope.i) || replace("{tick}", scope.tick) ||
                replace("{request}", std::int64_t(scope.request)))
                continue;
        }
        out += text[at++];
    }
    return out;
}

// A JavaScript promise, reduced to what ordering needs: settled or not, and the
// reactions waiting for it (each queues a microtask when it settles).
struct JsPromise {
    bool settled = false;
    std::vector<std::function<void()>> reactions;
};
using PromisePtr = std::shared_ptr<JsPromise>;

// A callback waiting in one of the queues, and what it was scheduled by.
struct QueuedCallback {
    std::uint64_t id = 0;
    std::uint64_t cause = 0;
    SourceLocation where;
    std::function<void()> body;
};

// One level of the interpreter's explicit stack. Running step lists on an explicit
// stack (not C++ recursion) is what lets `await` cut off "the rest of the async
// function" - the rest of each list, later repeat iterations, enclosing lists - and
// resume it later as a microtask.
struct Level {
    enum class Kind : std::uint8_t { List, Repeat, Call, Async };
    Kind kind = Kind::List;
    const StepList* list = nullptr;
    std::size_t next = 0;
    Scope scope;
    const Step* step = nullptr;  // the repeat / call / async step that opened the level
    PromisePtr promise;          // Async: the promise the call returned
};
using Levels = std::vector<Level>;

std::string jobLabel(const Step& step) {
    std::string label = stepKeyword(step.kind);
    if ((step.kind == StepKind::Call || step.kind == StepKind::Async) && !step.text.empty())
        label += " " + step.text;
    else if (step.kind == StepKind::Net && !step.text.empty())
        label += " " + step.text;
    return label;
}

// One request to libuv's pool as Node makes it, and the pool jobs it takes, each queued
// only when the one before it has completed: behind busy pool threads, every job queued
// after the first one passes the rest. fs.readFile is four jobs in Node 20 (open,
// fstat, read, close: lib/fs.js ReadFileContext), `takes` is the read; zlib.gzip of a
// buffer is two (the data written, then the final flush when the stream ends), `takes`
// is the first. crypto.pbkdf2 and dns.lookup are one job each.
struct PoolStage {
    const char* name = nullptr;  // null: the step's own single job
    Nanoseconds takes = 0;
};

std::vector<PoolStage> poolStages(StepKind kind, Nanoseconds takes) {
    if (kind == StepKind::ReadFile)
        return {{"open", 0}, {"fstat", 0}, {nullptr, takes}, {"close", 0}};
    if (kind == StepKind::Gzip)
        return {{nullptr, takes}, {"flush", 0}};
    return {{nullptr, takes}};
}

struct PoolRequest {
    std::uint64_t id = 0;
    std::uint64_t cause = 0;
    SourceLocation where;
    bool computes = false;
    std::string label;
    std::vector<PoolStage> stages;
    std::size_t next = 0;
    std::function<void()> onDone;
};

std::int64_t residentSetBytes() {
    std::FILE* statm = std::fopen("/proc/self/statm", "r");
    if (!statm)
        return 0;
    long pages = 0, resident = 0;
    const int read = std::fscanf(statm, "%ld %ld", &pages, &resident);
    std::fclose(statm);
    return read == 2 ? std::int64_t(resident) * sysconf(_SC_PAGESIZE) : 0;
}

// One run of a scenario. Everything here lives on the loop thread unless marked.
class LoopRun {
public:
    LoopRun(const Scenario& scenario, TraceSink& sink, std::optional<ClusterProcessRole> role)
        : scenario_(scenario), sink_(sink), role_(role),
          scale_(scenario.runtime.timeScale > 0 ? scenario.runtime.timeScale : 1.0),
          phases_([this](EventKind kind, Phase phase, std::int64_t value) { emitPhase(kind, phase, value); },
                  [this](std::int64_t) { sampleCounters(); }) {}

    EngineResult run();

private:
    // ---- trace ----
    // Wall time since the run began (not divided by time_scale), the clock every engine
    // and the load client report in.
    Nanoseconds now() const { return steadyNow() - start_; }
    Nanoseconds scaled(Nanoseconds scenarioTime) const { return Nanoseconds(double(scenarioTime) * scale_); }
    void emit(EventKind kind, const Lane& lane, QueueKind queue, std::uint64_t id, std::uint64_t cause,
              SourceLocation where, std::int64_t value = 0, std::string text = {}, Phase phase = Phase::None) {
        TraceEvent event;
        event.ts = now();
        event.kind = kind;
        event.phase = phase;
        event.queue = queue;
        event.lane = lane;
        event.id = id;
        event.cause = cause;
        event.step = where;
        event.value = value;
        event.text = std::move(text);
        sink_.record(event);
    }
    // On the loop thread only: stamped with the current phase.
    void emitMain(EventKind kind, QueueKind queue, std::uint64_t id, std::uint64_t cause, SourceLocation where,
                  std::int64_t value = 0, std::string text = {}) {
        emit(kind, kMainLane, queue, id, cause, where, value, std::move(text), phases_.current());
    }
    void emitPhase(EventKind kind, Phase phase, std::int64_t value) {
        emit(kind, kMainLane, QueueKind::None, 0, 0, {}, value, {}, phase);
    }
    void counter(const Lane& lane, const char* name, std::int64_t value) {
        emit(EventKind::Counter, lane, QueueKind::None, 0, 0, {}, value, name);
    }
    void sampleCounters();

    // ---- callbacks and queues ----
    std::uint64_t newId() { return nextId_++; }
    void runCallback(QueueKind from, QueuedCallback& job, bool dequeue = true);
    void runMacrotask(QueueKind from, QueuedCallback job);
    void drainTicksAndMicrotasks();
    void queueNextTick(QueuedCallback job);
    void queueMicrotask(QueuedCallback job);
    QueuedCallback makeCallback(SourceLocation where, std::function<void()> body) {
        return QueuedCallback{newId(), currentCallback_, where, std::move(body)};
    }
    QueuedCallback stepsCallback(SourceLocation where, const StepList* steps, Scope scope);

    // ---- promises ----
    PromisePtr resolvedPromise() {
        auto promise = std::make_shared<JsPromise>();
        promise->settled = true;
        return promise;
    }
    void resolve(const PromisePtr& promise);
    void then(const PromisePtr& promise, SourceLocation where, std::function<void()> reaction);
    PromisePtr promiseFor(const AwaitTarget& target, const Scope& scope);
    PromisePtr startPromiseStep(const Step& step, const Scope& scope);
    PromisePtr callAsync(const Step& step, const Scope& scope);

    // ---- the interpreter ----
    void execute(Levels& levels);
    void executeStep(const Step& step, const Scope& scope, Levels& levels);
    void finishLevel(Levels& levels);
    void suspendAt(const Step& awaitStep, const Scope& scope, Levels& levels);
    void resume(const std::shared_ptr<Levels>& continuation);
    Nanoseconds timerDue(double startMs, double msecs) const;
    void startTimer(const Step& step, const Scope& scope, std::function<void()> onFire = {});
    void clearTimer(const Step& step);
    void setImmediate(QueuedCallback job);
    void startPoolJob(const Step& step, std::function<void()> onDone);
    void queuePoolStage(const std::shared_ptr<PoolRequest>& request);
    void startNet(const Step& step, std::function<void()> onDone);
    void startWorker(const Step& step, std::function<void()> onDone);
    void startClose(const Step& step, const Scope& scope);
    void spendCpu(Nanoseconds duration);
    void blockWithoutCpu(Nanoseconds duration);

    // ---- the server and its load ----
    void startServer();
    void handleRequest(std::uint64_t request);
    void stopServerAndLoad();

    // ---- the loop ----
    void setUpLoop();
    void runMainScript();
    void runImmediates();
    void reachHorizon();
    void tearDown();
    void expectInbox();
    void postToInbox(std::function<void()> message);  // any thread
    void drainInbox();

    const Scenario& scenario_;
    TraceSink& sink_;
    const std::optional<ClusterProcessRole> role_;
    const double scale_;
    Nanoseconds start_ = 0;
    Nanoseconds horizonDeadline_ = 0;  // steady clock
    PhaseTracker phases_;
    StopSignal stopSignal_;
    bool stopped_ = false;
    bool horizonReached_ = false;

    uv_loop_t loop_{};
    uv_prepare_t prepare_{};
    uv_check_t immediateCheck_{};
    uv_check_t checkEnd_{};
    uv_idle_t immediateIdle_{};
    uv_timer_t horizonTimer_{};
    uv_async_t inboxAsync_{};
    std::unique_ptr<NodeTimers> timers_;

    std::uint64_t nextId_ = 1;
    std::uint64_t currentCallback_ = 0;
    bool draining_ = false;
    std::deque<QueuedCallback> nextTicks_;
    std::deque<QueuedCallback> microtasks_;
    std::deque<QueuedCallback> immediates_;
    std::map<std::string, NodeTimerPtr> timersById_;
    std::unordered_map<const NodeTimer*, std::uint64_t> timerJobIds_;

    PoolLanes poolLanes_;
    std::atomic<int> poolBusy_{0};
    std::atomic<int> poolQueued_{0};

    std::mutex inboxMutex_;
    std::vector<std::function<void()>> inbox_;  // guarded by inboxMutex_
    int inboxExpected_ = 0;

    std::unique_ptr<NetPeer> netPeer_;
    std::unique_ptr<NetClient> netClient_;
    std::unordered_map<std::uint64_t, std::function<void()>> netWaiting_;

    std::unique_ptr<HttpServer> server_;
    std::unique_ptr<LoadDriver> load_;

    std::map<std::uint64_t, std::thread> workerThreads_;
    std::vector<bool> workerLaneBusy_;

    Nanoseconds lastCounterSample_ = -kSecond;
};

// ------------------------------------------------------------------ callbacks

void LoopRun::runCallback(QueueKind from, QueuedCallback& job, bool dequeue) {
    // The horizon timer has millisecond steps; no callback starts once the run's time is up.
    if (!stopped_ && steadyNow() >= horizonDeadline_)
        reachHorizon();
    if (stopped_)
        return;
    if (dequeue)
        emitMain(EventKind::Dequeue, from, job.id, job.cause, job.where);
    emitMain(EventKind::CallbackBegin, from, job.id, job.cause, job.where);
    const std::uint64_t outer = currentCallback_;
    currentCallback_ = job.id;
    if (job.body)
        job.body();
    currentCallback_ = outer;
    emitMain(EventKind::CallbackEnd, from, job.id, job.cause, job.where);
}

// A callback the loop itself runs (timer, I/O, immediate, close): Node drains the
// nextTick and microtask queues after every one of them.
void LoopRun::runMacrotask(QueueKind from, QueuedCallback job) {
    if (stopped_)
        return;
    runCallback(from, job);
    drainTicksAndMicrotasks();
}

void LoopRun::drainTicksAndMicrotasks() {
    if (draining_)
        return;
    draining_ = true;
    do {
        while (!nextTicks_.empty() && !stopped_) {
            QueuedCallback job = std::move(nextTicks_.front());
            nextTicks_.pop_front();
            runCallback(QueueKind::NextTick, job);
        }
        while (!microtasks_.empty() && !stopped_) {
            QueuedCallback job = std::move(microtasks_.front());
            microtasks_.pop_front();
            runCallback(QueueKind::Microtask, job);
        }
    } while (!nextTicks_.empty() && !stopped_);
    draining_ = false;
}

void LoopRun::queueNextTick(QueuedCallback job) {
    emitMain(EventKind::Enqueue, QueueKind::NextTick, job.id, job.cause, job.where, 0, "nextTick");
    nextTicks_.push_back(std::move(job));
}

void LoopRun::queueMicrotask(QueuedCallback job) {
    emitMain(EventKind::Enqueue, QueueKind::Microtask, job.id, job.cause, job.where, 0, "microtask");
    microtasks_.push_back(std::move(job));
}

QueuedCallback LoopRun::stepsCallback(SourceLocation where, const StepList* steps, Scope scope) {
    return makeCallback(where, [this, steps, scope] {
        if (steps->empty())
            return;
        Levels levels{Level{Level::Kind::List, steps, 0, scope, nullptr, nullptr}};
        execute(levels);
    });
}

// ------------------------------------------------------------------ promises

void LoopRun::resolve(const PromisePtr& promise) {
    if (promise->settled)
        return;
    promise->settled = true;
    std::vector<std::function<void()>> reactions;
    reactions.swap(promise->reactions);
    for (auto& reaction : reactions)
        reaction();
}

void LoopRun::then(const PromisePtr& promise, SourceLocation where, std::function<void()> reaction) {
    // The job is created (and its cause taken) when it is queued, as V8 does.
    auto queueIt = [this, where, reaction = std::move(reaction)]() mutable {
        queueMicrotask(makeCallback(where, std::move(reaction)));
    };
    if (promise->settled)
        queueIt();
    else
        promise->reactions.push_back(std::move(queueIt));
}

// Microtask hops, as V8 counts them: a value 1 (the await's own reaction), a thenable
// 2 (NewPromiseResolveThenableJob, then the reaction), all/race one per input to reach
// the combinator and one more for the await itself.
PromisePtr LoopRun::promiseFor(const AwaitTarget& target, const Scope& scope) {
    switch (target.kind) {
    case AwaitTarget::Kind::Value:
        return resolvedPromise();
    case AwaitTarget::Kind::Thenable: {
        auto promise = std::make_shared<JsPromise>();
        queueMicrotask(makeCallback(target.where, [this, promise] { resolve(promise); }));
        return promise;
    }
    case AwaitTarget::Kind::Promise:
        if (target.promise.empty())
            return resolvedPromise();
        return startPromiseStep(target.promise.front(), scope);
    case AwaitTarget::Kind::All: {
        auto combined = std::make_shared<JsPromise>();
        if (target.inputs.empty()) {
            combined->settled = true;
            return combined;
        }
        auto remaining = std::make_shared<std::size_t>(target.inputs.size());
        for (const AwaitTarget& input : target.inputs)
            then(promiseFor(input, scope), input.where, [this, combined, remaining] {
                if (--*remaining == 0)
                    resolve(combined);
            });
        return combined;
    }
    case AwaitTarget::Kind::Race: {
        auto combined = std::make_shared<JsPromise>();
        for (const AwaitTarget& input : target.inputs)
            then(promiseFor(input, scope), input.where, [this, combined] { resolve(combined); });
        return combined;
    }
    }
    return resolvedPromise();
}

// The promise-returning twin of a step (fs.promises.readFile, timers/promises
// setTimeout, an async function call, ...). It settles inside the callback that ends
// the work, so whatever awaits it continues as a microtask after that callback.
PromisePtr LoopRun::startPromiseStep(const Step& step, const Scope& scope) {
    auto promise = std::make_shared<JsPromise>();
    auto settle = [this, promise] { resolve(promise); };
    switch (step.kind) {
    case StepKind::ReadFile:
    case StepKind::Pbkdf2:
    case StepKind::Gzip:
    case StepKind::DnsLookup:
        startPoolJob(step, settle);
        return promise;
    case StepKind::Net:
        startNet(step, settle);
        return promise;
    case StepKind::Worker:
        startWorker(step, settle);
        return promise;
    case StepKind::Sleep:
    case StepKind::SetTimeout:
        startTimer(step, scope, settle);
        return promise;
    case StepKind::Async:
        return callAsync(step, scope);
    default: {
        // Anything else runs now and is awaited as a value.
        Levels levels;
        Scope inner = scope;
        executeStep(step, inner, levels);
        execute(levels);
        return resolvedPromise();
    }
    }
}

// Calling an async function runs its body now, until its first await.
PromisePtr LoopRun::callAsync(const Step& step, const Scope& scope) {
    auto promise = std::make_shared<JsPromise>();
    emitMain(EventKind::FramePush, QueueKind::None, 0, currentCallback_, step.where, 0,
             step.text.empty() ? "async" : step.text);
    Levels levels{Level{Level::Kind::Async, &step.run, 0, scope, &step, promise}};
    execute(levels);
    return promise;
}

// ------------------------------------------------------------------ the interpreter

void LoopRun::execute(Levels& levels) {
    while (!levels.empty() && !stopped_) {
        Level& top = levels.back();
        if (top.next >= top.list->size()) {
            finishLevel(levels);
            continue;
        }
        const Step& step = (*top.list)[top.next++];
        const Scope scope = top.scope;
        executeStep(step, scope, levels);
    }
}

void LoopRun::finishLevel(Levels& levels) {
    Level& top = levels.back();
    switch (top.kind) {
    case Level::Kind::Repeat:
        if (top.scope.i < top.step->count) {
            ++top.scope.i;
            top.next = 0;
            return;
        }
        break;
    case Level::Kind::Call:
        emitMain(EventKind::FramePop, QueueKind::None, 0, currentCallback_, top.step->where);
        break;
    case Level::Kind::Async: {
        if (top.step)
            emitMain(EventKind::FramePop, QueueKind::None, 0, currentCallback_, top.step->where);
        PromisePtr promise = top.promise;
        levels.pop_back();
        if (promise)
            resolve(promise);
        return;
    }
    case Level::Kind::List:
        break;
    }
    levels.pop_back();
}

// `await`: everything after it inside the innermost async function (the rest of each
// list, later repeat iterations, enclosing lists) is cut off the stack and resumes as
// a microtask once the awaited thing settles. The caller of the async function goes on.
void LoopRun::suspendAt(const Step& awaitStep, const Scope& scope, Levels& levels) {
    std::size_t base = levels.size();
    while (base > 0 && levels[base - 1].kind != Level::Kind::Async)
        --base;
    base = base > 0 ? base - 1 : 0;
    auto continuation = std::make_shared<Levels>(std::make_move_iterator(levels.begin() + std::ptrdiff_t(base)),
                                                 std::make_move_iterator(levels.end()));
    levels.resize(base);
    for (auto level = continuation->rbegin(); level != continuation->rend(); ++level)
        if (level->step && (level->kind == Level::Kind::Call || level->kind == Level::Kind::Async))
            emitMain(EventKind::FramePop, QueueKind::None, 0, currentCallback_, level->step->where);
    const AwaitTarget fallback;
    const AwaitTarget& target = awaitStep.awaited.empty() ? fallback : awaitStep.awaited.front();
    PromisePtr awaited = promiseFor(target, scope);
    then(awaited, awaitStep.where, [this, continuation] { resume(continuation); });
}

void LoopRun::resume(const std::shared_ptr<Levels>& continuation) {
    for (const Level& level : *continuation)
        if (level.step && (level.kind == Level::Kind::Call || level.kind == Level::Kind::Async))
            emitMain(EventKind::FramePush, QueueKind::None, 0, currentCallback_, level.step->where, 0,
                     level.step->text.empty() ? stepKeyword(level.step->kind) : level.step->text);
    execute(*continuation);
}

void LoopRun::executeStep(const Step& step, const Scope& scope, Levels& levels) {
    switch (step.kind) {
    case StepKind::Log:
        emitMain(EventKind::Log, QueueKind::None, 0, currentCallback_, step.where, 0, substitute(step.text, scope));
        break;
    case StepKind::Cpu: {
        const std::string label = step.text.empty() ? "cpu" : substitute(step.text, scope);
        emitMain(EventKind::FramePush, QueueKind::None, 0, currentCallback_, step.where, 0, label);
        spendCpu(step.duration);
        emitMain(EventKind::FramePop, QueueKind::None, 0, currentCallback_, step.where);
        break;
    }
    case StepKind::ReadFileSync:
        emitMain(EventKind::FramePush, QueueKind::None, 0, currentCallback_, step.where, 0, "fs.readFileSync");
        blockWithoutCpu(step.duration);
        emitMain(EventKind::FramePop, QueueKind::None, 0, currentCallback_, step.where);
        break;
    case StepKind::Call:
        emitMain(EventKind::FramePush, QueueKind::None, 0, currentCallback_, step.where, 0,
                 step.text.empty() ? "call" : step.text);
        levels.push_back(Level{Level::Kind::Call, &step.run, 0, scope, &step, nullptr});
        break;
    case StepKind::Async:
        callAsync(step, scope);
        break;
    case StepKind::Await:
        suspendAt(step, scope, levels);
        break;
    case StepKind::Repeat:
        if (step.count > 0) {
            Scope inner = scope;
            inner.i = 1;
            levels.push_back(Level{Level::Kind::Repeat, &step.run, 0, inner, &step, nullptr});
        }
        break;
    case StepKind::SetTimeout:
    case StepKind::SetInterval:
        startTimer(step, scope);
        break;
    case StepKind::Sleep:
        startTimer(step, scope, [] {});
        break;
    case StepKind::ClearTimeout:
    case StepKind::ClearInterval:
        clearTimer(step);
        break;
    case StepKind::SetImmediate:
        setImmediate(stepsCallback(step.where, &step.run, scope));
        break;
    case StepKind::NextTick:
        queueNextTick(stepsCallback(step.where, &step.run, scope));
        break;
    case StepKind::QueueMicrotask:
        queueMicrotask(stepsCallback(step.where, &step.run, scope));
        break;
    case StepKind::Promise: {
        // Promise.resolve().then(run).then(then): `then` is one hop after `run` returns.
        auto afterRun = std::make_shared<JsPromise>();
        QueuedCallback run = stepsCallback(step.where, &step.run, scope);
        auto body = std::move(run.body);
        run.body = [this, body = std::move(body), afterRun] {
            body();
            resolve(afterRun);
        };
        queueMicrotask(std::move(run));
        if (step.hasThen)
            then(afterRun, step.where, [this, &step, scope] {
                Levels inner{Level{Level::Kind::List, &step.then, 0, scope, nullptr, nullptr}};
                execute(inner);
            });
        break;
    }
    case StepKind::ReadFile:
    case StepKind::Pbkdf2:
    case StepKind::Gzip:
    case StepKind::DnsLookup:
        startPoolJob(step, [this, &step, scope] {
            Levels inner{Level{Level::Kind::List, &step.then, 0, scope, nullptr, nullptr}};
            execute(inner);
        });
        break;
    case StepKind::Net:
        startNet(step, [this, &step, scope] {
            Levels inner{Level{Level::Kind::List, &step.then, 0, scope, nullptr, nullptr}};
            execute(inner);
        });
        break;
    case StepKind::Worker:
        startWorker(step, [this, &step, scope] {
            Levels inner{Level{Level::Kind::List, &step.then, 0, scope, nullptr, nullptr}};
            execute(inner);
        });
        break;
    case StepKind::Respond:
        emitMain(EventKind::RequestRespond, QueueKind::None, scope.request, currentCallback_, step.where,
                 std::int64_t(scope.request), std::to_string(step.count));
        if (server_ && scope.request != 0)
            server_->respond(scope.request, step.count);
        break;
    case StepKind::Close:
        startClose(step, scope);
        break;
    }
}

// ------------------------------------------------------------------ steps

void LoopRun::spendCpu(Nanoseconds duration) {
    if (!burnCpu(scaled(duration), &stopSignal_, horizonDeadline_))
        reachHorizon();
}

void LoopRun::blockWithoutCpu(Nanoseconds duration) {
    const Nanoseconds wanted = scaled(duration);
    const Nanoseconds left = horizonDeadline_ - steadyNow();
    stopSignal_.sleepFor(std::min(wanted, std::max<Nanoseconds>(0, left)));
    if (wanted > left)
        reachHorizon();
}

void LoopRun::startTimer(const Step& step, const Scope& scope, std::function<void()> onFire) {
    auto timer = std::make_shared<NodeTimer>();
    // Node: a delay below 1 ms (or not a number) becomes 1 ms; time_scale stretches it.
    const double delayMs = std::max(1.0, double(step.duration) / double(kMillisecond));
    timer->msecs = delayMs * scale_;
    timer->repeat = step.kind == StepKind::SetInterval;
    const std::uint64_t id = newId();
    const std::uint64_t cause = currentCallback_;
    const SourceLocation where = step.where;
    auto ticks = std::make_shared<std::int64_t>(0);
    std::weak_ptr<NodeTimer> weak = timer;
    const bool promiseTimer = static_cast<bool>(onFire);
    timer->onTimeout = [this, &step, scope, id, cause, where, ticks, weak, promiseTimer,
                        onFire = std::move(onFire)](NodeTimer& fired) {
        // NodeTimers took the interval's next start just before this call, without
        // updating the loop's time since: it is the loop's time now.
        const double nextStart = double(uv_now(&loop_));
        Scope inner = scope;
        const bool interval = step.kind == StepKind::SetInterval;
        if (interval)
            inner.tick = ++*ticks;
        QueuedCallback job{id, cause, where, {}};
        if (promiseTimer) {
            job.body = onFire;
        } else {
            job.body = [this, &step, inner] {
                if (step.run.empty())
                    return;
                Levels levels{Level{Level::Kind::List, &step.run, 0, inner, nullptr, nullptr}};
                execute(levels);
            };
        }
        auto timerNow = weak.lock();
        runCallback(QueueKind::Timers, job);
        if (interval && timerNow && !timerNow->cleared) {
            if (step.count > 0 && *ticks >= step.count)
                timers_->clear(timerNow);
            else
                emitMain(EventKind::Enqueue, QueueKind::Timers, id, cause, where, timerDue(nextStart, fired.msecs),
                         jobLabel(step));
        }
        // Its ticks and microtasks run once NodeTimers has put an interval back in its list.
    };
    timers_->start(timer);
    emitMain(EventKind::Enqueue, QueueKind::Timers, id, cause, where, timerDue(timer->idleStart, timer->msecs),
             jobLabel(step));
    timerJobIds_[timer.get()] = id;
    if (!step.timerId.empty())
        timersById_[step.timerId] = timer;
}

// When a timer that started at loop time `startMs` (uv_now) is due, in run time: the
// value of its Enqueue event, so the timers queue can say "due at".
Nanoseconds LoopRun::timerDue(double startMs, double msecs) const {
    const double dueNs = (startMs + msecs) * double(kMillisecond);
    return std::max<Nanoseconds>(0, Nanoseconds(dueNs) - start_);
}

void LoopRun::clearTimer(const Step& step) {
    auto found = timersById_.find(step.timerId);
    if (found == timersById_.end())
        return;
    const NodeTimerPtr& timer = found->second;
    // An interval clearing itself inside its own callback is not in a list right then.
    const bool live = timer->active || (timer->repeat && timer->counted);
    if (!live || timer->cleared)
        return;
    timers_->clear(timer);
    emitMain(EventKind::Dequeue, QueueKind::Timers, timerJobIds_[timer.get()], currentCallback_, step.where, 0,
             "cleared");
}

void LoopRun::setImmediate(QueuedCallback job) {
    emitMain(EventKind::Enqueue, QueueKind::Check, job.id, job.cause, job.where, 0, "setImmediate");
    immediates_.push_back(std::move(job));
    // Node starts an idle handle while immediates wait, so that poll does not block.
    if (!uv_is_active(reinterpret_cast<uv_handle_t*>(&immediateIdle_)))
        uv_idle_start(&immediateIdle_, [](uv_idle_t*) {});
}

// processImmediate(): the immediates queued before the check phase began run now;
// those they queue wait for the next iteration.
void LoopRun::runImmediates() {
    std::deque<QueuedCallback> batch;
    batch.swap(immediates_);
    for (QueuedCallback& job : batch) {
        if (stopped_)
            break;
        runMacrotask(QueueKind::Check, std::move(job));
    }
    if (immediates_.empty())
        uv_idle_stop(&immediateIdle_);
}

void LoopRun::startPoolJob(const Step& step, std::function<void()> onDone) {
    auto request = std::make_shared<PoolRequest>();
    request->id = newId();
    request->cause = currentCallback_;
    request->where = step.where;
    request->computes = computesOnThreadPool(step.kind);
    request->label = jobLabel(step);
    request->stages = poolStages(step.kind, scaled(step.duration));
    request->onDone = std::move(onDone);
    queuePoolStage(request);
}

// Each stage goes to the back of the pool's FIFO when the one before it has completed
// (on the loop thread, in the poll phase, as Node's internal callbacks do); only the
// last stage's completion runs the program's callback.
void LoopRun::queuePoolStage(const std::shared_ptr<PoolRequest>& request) {
    const PoolStage stage = request->stages[request->next++];
    const bool last = request->next == request->stages.size();
    const std::uint64_t id = request->id;
    const std::uint64_t cause = request->cause;
    const SourceLocation where = request->where;
    const bool computes = request->computes;
    const Nanoseconds takes = stage.takes;
    const std::string label = stage.name ? request->label + " (" + stage.name + ")" : request->label;
    emitMain(EventKind::Enqueue, QueueKind::PoolFifo, id, cause, where, 0, label);
    counter(kMainLane, "pool queue", ++poolQueued_);
    const int rc = ThreadPoolJob::queue(
        &loop_,
        [this, id, cause, where, computes, takes, label, last] {
            // On a pool worker.
            const Lane lane{LaneKind::PoolWorker, 0, poolLanes_.indexOfCallingThread()};
            emit(EventKind::Dequeue, lane, QueueKind::PoolFifo, id, cause, where);
            counter(lane, "pool queue", --poolQueued_);
            counter(lane, "pool busy", ++poolBusy_);
            emit(EventKind::WorkBegin, lane, QueueKind::PoolFifo, id, cause, where, 0, label);
            if (computes)
                burnCpu(takes, &stopSignal_);
            else
                stopSignal_.sleepFor(takes);
            // The completion is posted before the work is marked ended, so that no
            // moment of the trace shows the request nowhere.
            emit(EventKind::Enqueue, lane, QueueKind::Poll, id, cause, where, 0, label);
            emit(EventKind::WorkEnd, lane, QueueKind::PoolFifo, id, cause, where, 0, label);
            counter(lane, "pool busy", --poolBusy_);
        },
        [this, request, last](bool cancelled) {
            if (cancelled || stopped_)
                return;
            phases_.observe(Phase::Poll);
            if (!last) {
                // Node's own callback (readFileAfterOpen, ...) takes the completion and
                // queues the next job; the program's callback runs after the last one.
                emitMain(EventKind::Dequeue, QueueKind::Poll, request->id, request->cause, request->where);
                queuePoolStage(request);
                return;
            }
            runMacrotask(QueueKind::Poll, QueuedCallback{request->id, request->cause, request->where, request->onDone});
        });
    if (rc != 0)
        throw std::runtime_error(std::string("the thread pool refused a job: ") + uv_strerror(rc));
}

void LoopRun::startNet(const Step& step, std::function<void()> onDone) {
    if (!netClient_) {
        netPeer_ = std::make_unique<NetPeer>([this](std::uint64_t id) {
            // On the peer's thread: the answer is written, the kernel holds it for the loop.
            emit(EventKind::IoEnd, kKernelLane, QueueKind::None, id, 0, {});
            emit(EventKind::Enqueue, kKernelLane, QueueKind::Poll, id, 0, {}, 0, "net reply");
        });
        const std::uint16_t port = netPeer_->start();
        netClient_ = std::make_unique<NetClient>(&loop_, port, [this](std::uint64_t id, const std::string& error) {
            auto found = netWaiting_.find(id);
            if (found == netWaiting_.end())
                return;
            auto job = std::move(found->second);
            netWaiting_.erase(found);
            if (!error.empty())
                emitMain(EventKind::Log, QueueKind::None, 0, id, {}, 0, "net error: " + error);
            job();
        });
    }
    const std::uint64_t id = newId();
    const std::uint64_t cause = currentCallback_;
    const SourceLocation where = step.where;
    emit(EventKind::IoBegin, kKernelLane, QueueKind::None, id, cause, where, 0, jobLabel(step));
    netWaiting_[id] = [this, id, cause, where, onDone = std::move(onDone)] {
        if (stopped_)
            return;
        phases_.observe(Phase::Poll);
        runMacrotask(QueueKind::Poll, QueuedCallback{id, cause, where, onDone});
    };
    netClient_->request(id, scaled(step.duration));
}

void LoopRun::startWorker(const Step& step, std::function<void()> onDone) {
    const std::uint64_t id = newId();
    const std::uint64_t cause = currentCallback_;
    const SourceLocation where = step.where;
    std::uint32_t laneIndex = 0;
    while (laneIndex < workerLaneBusy_.size() && workerLaneBusy_[laneIndex])
        ++laneIndex;
    if (laneIndex == workerLaneBusy_.size())
        workerLaneBusy_.push_back(true);
    workerLaneBusy_[laneIndex] = true;
    const Lane lane{LaneKind::Worker, 0, laneIndex};
    const Nanoseconds takes = scaled(step.duration);
    expectInbox();
    emitMain(EventKind::ThreadCreate, QueueKind::None, id, cause, where, 0, "worker");
    auto message = [this, id, cause, where, laneIndex, onDone = std::move(onDone)] {
        auto thread = workerThreads_.find(id);
        if (thread != workerThreads_.end()) {
            thread->second.join();
            workerThreads_.erase(thread);
        }
        workerLaneBusy_[laneIndex] = false;
        runMacrotask(QueueKind::Poll, QueuedCallback{id, cause, where, onDone});
    };
    workerThreads_[id] = std::thread([this, id, cause, where, lane, takes, message = std::move(message)]() mutable {
        // A worker thread has its own event loop, as worker_threads do; the script it
        // runs is the computation, then it posts its message to the main thread.
        struct WorkerScript {
            LoopRun* run;
            std::uint64_t id, cause;
            SourceLocation where;
            Lane lane;
            Nanoseconds takes;
        } script{this, id, cause, where, lane, takes};
        uv_loop_t workerLoop;
        uv_loop_init(&workerLoop);
        uv_timer_t start;
        uv_timer_init(&workerLoop, &start);
        start.data = &script;
        uv_timer_start(&start, [](uv_timer_t* handle) {
            auto* s = static_cast<WorkerScript*>(handle->data);
            s->run->emit(EventKind::WorkBegin, s->lane, QueueKind::None, s->id, s->cause, s->where, 0, "worker");
            burnCpu(s->takes, &s->run->stopSignal_);
            s->run->emit(EventKind::WorkEnd, s->lane, QueueKind::None, s->id, s->cause, s->where, 0, "worker");
            uv_close(reinterpret_cast<uv_handle_t*>(handle), nullptr);
        }, 0, 0);
        uv_run(&workerLoop, UV_RUN_DEFAULT);
        uv_loop_close(&workerLoop);
        emit(EventKind::ThreadExit, lane, QueueKind::None, id, cause, where, 0, "worker");
        emit(EventKind::Enqueue, lane, QueueKind::Poll, id, cause, where, 0, "worker message");
        postToInbox(std::move(message));
    });
}

void LoopRun::startClose(const Step& step, const Scope& scope) {
    struct Closing {
        uv_idle_t handle;
        LoopRun* run;
        QueuedCallback job;
    };
    auto* closing = new Closing{{}, this, stepsCallback(step.where, &step.run, scope)};
    uv_idle_init(&loop_, &closing->handle);
    closing->handle.data = closing;
    emitMain(EventKind::Enqueue, QueueKind::Close, closing->job.id, closing->job.cause, step.where, 0, "close");
    // A real handle closed for real: libuv runs its close callback in the close phase,
    // last closed first.
    uv_close(reinterpret_cast<uv_handle_t*>(&closing->handle), [](uv_handle_t* handle) {
        std::unique_ptr<Closing> done(static_cast<Closing*>(handle->data));
        if (done->run->stopped_)
            return;
        done->run->phases_.observe(Phase::Close);
        done->run->runMacrotask(QueueKind::Close, std::move(done->job));
    });
}

// ------------------------------------------------------------------ inbox (worker messages)

void LoopRun::expectInbox() {
    if (inboxExpected_++ == 0)
        uv_ref(reinterpret_cast<uv_handle_t*>(&inboxAsync_));
}

void LoopRun::postToInbox(std::function<void()> message) {
    {
        std::lock_guard lock(inboxMutex_);
        inbox_.push_back(std::move(message));
    }
    uv_async_send(&inboxAsync_);
}

void LoopRun::drainInbox() {
    std::vector<std::function<void()>> messages;
    {
        std::lock_guard lock(inboxMutex_);
        messages.swap(inbox_);
    }
    if (!messages.empty() && !stopped_)
        phases_.observe(Phase::Poll);
    for (auto& message : messages) {
        if (--inboxExpected_ == 0)
            uv_unref(reinterpret_cast<uv_handle_t*>(&inboxAsync_));
        if (!stopped_)
            message();
    }
}

// ------------------------------------------------------------------ server and load

// The scenario's server is a real HTTP server on the JavaScript thread's loop; its
// load is a real client on its own thread. Once every request has ended the server
// closes, so the run ends like a program whose last work is done.
void LoopRun::startServer() {
    if (!scenario_.server || scenario_.totalRequests() == 0)
        return;
    server_ = std::make_unique<HttpServer>(&loop_, [this](std::uint64_t request) { handleRequest(request); });
    if (role_) {
        // The primary owns the socket and the load; it ends the server by closing the channel.
        server_->numberRequests(std::uint64_t(role_->process) + 1, std::uint64_t(role_->processes));
        server_->serveFromIpc(role_->channelFd);
        return;
    }
    const std::uint16_t port = server_->listen();
    expectInbox();  // the message that the load is over
    // start_ is CLOCK_MONOTONIC (steady_clock), the clock of uv_hrtime().
    load_ = std::make_unique<LoadDriver>(scenario_, port, std::uint64_t(start_), scaled(scenario_.runtime.horizon),
                                         sink_, [this] {
                                             // On the client's thread.
                                             postToInbox([this] {
                                                 if (server_)
                                                     server_->close();
                                             });
                                         });
    load_->start();
}

void LoopRun::handleRequest(std::uint64_t request) {
    if (stopped_)
        return;
    phases_.observe(Phase::Poll);
    const SourceLocation where = scenario_.server->where;
    emitMain(EventKind::RequestArrive, QueueKind::Poll, request, 0, where, std::int64_t(request));
    QueuedCallback job = makeCallback(where, [this, request] {
        Scope scope;
        scope.request = request;
        Levels levels{Level{Level::Kind::Async, &scenario_.server->handler, 0, scope, nullptr,
                            std::make_shared<JsPromise>()}};
        execute(levels);
    });
    // The request's bytes were in the socket: a poll-phase callback like any other I/O.
    emitMain(EventKind::Enqueue, QueueKind::Poll, job.id, 0, where, std::int64_t(request), "request");
    runCallback(QueueKind::Poll, job);
    drainTicksAndMicrotasks();
}

void LoopRun::stopServerAndLoad() {
    if (load_) {
        load_->cancel();
        load_->wait();
    }
    if (server_)
        server_->close();
}

// ------------------------------------------------------------------ the loop

void LoopRun::sampleCounters() {
    const Nanoseconds at = now();
    if (at - lastCounterSample_ < kMillisecond)
        return;
    lastCounterSample_ = at;
    counter(kMainLane, "RSS bytes", residentSetBytes());
    counter(kMainLane, "timers", std::int64_t(timers_ ? timers_->activeCount() : 0));
    counter(kMainLane, "immediates", std::int64_t(immediates_.size()));
}

void LoopRun::setUpLoop() {
    uv_loop_init(&loop_);
    loop_.data = this;
    timers_ = std::make_unique<NodeTimers>(
        &loop_, [this] { phases_.observe(Phase::Timers); }, [this] { drainTicksAndMicrotasks(); });

    uv_prepare_init(&loop_, &prepare_);
    prepare_.data = this;
    uv_prepare_start(&prepare_, [](uv_prepare_t* handle) {
        auto* self = static_cast<LoopRun*>(handle->data);
        self->phases_.observe(Phase::IdlePrepare);
        self->phases_.observe(Phase::Poll);
    });
    uv_unref(reinterpret_cast<uv_handle_t*>(&prepare_));

    // libuv runs check handles newest first: checkEnd_ is started first so it runs last.
    uv_check_init(&loop_, &checkEnd_);
    checkEnd_.data = this;
    uv_check_start(&checkEnd_, [](uv_check_t* handle) {
        static_cast<LoopRun*>(handle->data)->phases_.observe(Phase::Close);
    });
    uv_unref(reinterpret_cast<uv_handle_t*>(&checkEnd_));

    uv_check_init(&loop_, &immediateCheck_);
    immediateCheck_.data = this;
    uv_check_start(&immediateCheck_, [](uv_check_t* handle) {
        auto* self = static_cast<LoopRun*>(handle->data);
        self->phases_.observe(Phase::Check);
        self->runImmediates();
    });
    uv_unref(reinterpret_cast<uv_handle_t*>(&immediateCheck_));

    uv_idle_init(&loop_, &immediateIdle_);

    uv_async_init(&loop_, &inboxAsync_, [](uv_async_t* handle) { static_cast<LoopRun*>(handle->data)->drainInbox(); });
    inboxAsync_.data = this;
    uv_unref(reinterpret_cast<uv_handle_t*>(&inboxAsync_));

    uv_timer_init(&loop_, &horizonTimer_);
    horizonTimer_.data = this;
    // From the run's start, which for a cluster process is its primary's.
    const Nanoseconds horizon = std::max<Nanoseconds>(0, horizonDeadline_ - steadyNow());
    uv_timer_start(&horizonTimer_, [](uv_timer_t* handle) {
        auto* self = static_cast<LoopRun*>(handle->data);
        self->phases_.observe(Phase::Timers);
        self->reachHorizon();
    }, std::uint64_t((horizon + kMillisecond - 1) / kMillisecond), 0);
    uv_unref(reinterpret_cast<uv_handle_t*>(&horizonTimer_));
}

void LoopRun::reachHorizon() {
    if (stopped_)
        return;
    stopped_ = true;
    horizonReached_ = true;
    stopSignal_.requestStop();
    uv_stop(&loop_);
}

void LoopRun::runMainScript() {
    const SourceLocation where = scenario_.main.empty() ? SourceLocation{} : scenario_.main.front().where;
    if (scenario_.runtime.module == ModuleKind::Esm) {
        // An ES module is evaluated as a promise job once loading it (I/O) completes:
        // in the poll phase of the first iteration, inside a microtask checkpoint.
        expectInbox();
        const std::uint64_t loadedId = newId();
        emitMain(EventKind::Enqueue, QueueKind::Poll, loadedId, 0, where, 0, "module loaded");
        postToInbox([this, where, loadedId] {
            QueuedCallback loaded{loadedId, 0, where, {}};
            loaded.body = [this, where] {
                QueuedCallback module = makeCallback(where, [this] {
                    auto promise = std::make_shared<JsPromise>();
                    Levels levels{Level{Level::Kind::Async, &scenario_.main, 0, Scope{}, nullptr, promise}};
                    execute(levels);
                });
                queueMicrotask(std::move(module));
            };
            runMacrotask(QueueKind::Poll, std::move(loaded));
        });
        return;
    }
    phases_.enterMainScript();
    QueuedCallback main = makeCallback(where, [this] {
        // Top-level await is not JavaScript in CommonJS; should a scenario still have
        // one, the main script behaves as the body of an async function.
        auto promise = std::make_shared<JsPromise>();
        Levels levels{Level{Level::Kind::Async, &scenario_.main, 0, Scope{}, nullptr, promise}};
        execute(levels);
    });
    runCallback(QueueKind::None, main, false);
    drainTicksAndMicrotasks();
}

void LoopRun::tearDown() {
    stopped_ = true;
    stopSignal_.requestStop();
    stopServerAndLoad();
    for (auto& [id, thread] : workerThreads_)
        thread.join();
    workerThreads_.clear();
    if (netClient_)
        netClient_->close();
    timers_->close();
    auto closeHandle = [](auto* handle) {
        auto* h = reinterpret_cast<uv_handle_t*>(handle);
        if (!uv_is_closing(h))
            uv_close(h, nullptr);
    };
    closeHandle(&prepare_);
    closeHandle(&checkEnd_);
    closeHandle(&immediateCheck_);
    closeHandle(&immediateIdle_);
    closeHandle(&inboxAsync_);
    closeHandle(&horizonTimer_);
    // Let pool jobs still running return (they see the stop) and closes complete.
    while (uv_run(&loop_, UV_RUN_DEFAULT) != 0) {
    }
    uv_loop_close(&loop_);
    server_.reset();
    load_.reset();
    netClient_.reset();
    netPeer_.reset();
}

EngineResult LoopRun::run() {
    EngineResult result;
    start_ = role_ ? role_->origin : steadyNow();
    horizonDeadline_ = start_ + scaled(scenario_.runtime.horizon);
    pinToCores(scenario_.runtime.cores);
    emit(EventKind::RunBegin, kMainLane, QueueKind::None, 0, 0, {}, std::int64_t(EngineKind::EventLoop),
         std::string("event loop on libuv ") + uv_version_string() +
             " (timers run at the top of each iteration)");
    setUpLoop();
    try {
        runMainScript();
        startServer();
        if (!stopped_)
            uv_run(&loop_, UV_RUN_DEFAULT);
    } catch (const std::exception& error) {
        result.ok = false;
        result.error = error.what();
        stopped_ = true;
    }
    phases_.finish();
    tearDown();
    std::string endText;
    if (horizonReached_)
        endText = kStoppedAtHorizon;
    if (!result.ok)
        endText = result.error;
    emit(EventKind::RunEnd, kMainLane, QueueKind::None, 0, 0, {}, result.ok ? 0 : 1, endText);
    sink_.flush();
    return result;
}

}  // namespace

EngineResult EventLoopEngine::run(const Scenario& scenario, TraceSink& sink) {
    LoopRun run(scenario, sink, role_);
    return run.run();
}

}  // namespace loopscope
