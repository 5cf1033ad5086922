#include "RequestRunner.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>

#include "CpuBurn.h"

namespace loopscope {

namespace {

void replaceAll(std::string& text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

const Lane kKernelLane{LaneKind::Kernel, 0, 0};

}  // namespace

void RequestRunner::runMain() {
    Context main;
    main.lane = Lane{LaneKind::Main, 0, 0};
    trace_.emit(EventKind::PhaseEnter, main.lane, 0, 0, {}, {}, QueueKind::None, Phase::MainScript);
    runSteps(scenario_.main, main, Scope{});
    joinForks(main);
    trace_.emit(EventKind::PhaseLeave, main.lane, 0, 0, {}, {}, QueueKind::None, Phase::MainScript);
}

bool RequestRunner::serve(const ServedRequest& request) {
    Context context;
    context.lane = request.lane;
    context.request = request;
    const auto number = static_cast<std::int64_t>(request.number);
    trace_.emit(EventKind::RequestArrive, context.lane, request.number, number);
    trace_.counter("requests in flight", ++requestsInFlight_);
    if (scenario_.server) {
        Step handler;
        handler.where = scenario_.server->where;
        runCallback(scenario_.server->handler, context, Scope{}, handler, QueueKind::Poll);
    }
    joinForks(context);
    if (*context.responded)
        return true;
    // Unanswered: the connection closes, and the request is no longer in flight.
    trace_.counter("requests in flight", --requestsInFlight_);
    return false;
}

std::string RequestRunner::expand(const std::string& text, const Context& context, const Scope& scope) const {
    std::string out = text;
    replaceAll(out, "{i}", std::to_string(scope.i));
    replaceAll(out, "{tick}", std::to_string(scope.tick));
    replaceAll(out, "{request}", std::to_string(context.request.number));
    return out;
}

void RequestRunner::runSteps(const StepList& steps, Context& context, Scope scope) {
    for (const Step& step : steps) {
        if (stop_.stopRequested())
            return;
        runStep(step, context, scope);
    }
}

void RequestRunner::runCallback(const StepList& body, Context& context, Scope scope, const Step& from,
                                QueueKind queue) {
    const std::uint64_t id = nextId_++;
    trace_.emit(EventKind::CallbackBegin, context.lane, id, 0, {}, from.where, queue);
    runSteps(body, context, scope);
    trace_.emit(EventKind::CallbackEnd, context.lane, id, 0, {}, from.where, queue);
}

bool RequestRunner::block(Nanoseconds duration, const Context& context, const Step& step) {
    trace_.emit(EventKind::ThreadBlock, context.lane, 0, 0, stepKeyword(step.kind), step.where);
    stop_.sleepFor(std::min(trace_.scaled(duration), trace_.untilHorizon()));
    if (trace_.horizonPassed())
        stopRun_();
    trace_.emit(EventKind::ThreadRun, context.lane, 0, 0, {}, step.where);
    return !stop_.stopRequested();
}

void RequestRunner::compute(Nanoseconds duration, const Context& context, const Step& step, const std::string& label) {
    const std::uint64_t id = nextId_++;
    trace_.emit(EventKind::WorkBegin, context.lane, id, 0, label, step.where);
    // In slices, so that a computation longer than the horizon still ends the run on time.
    Nanoseconds left = trace_.scaled(duration);
    while (left > 0 && !stop_.stopRequested()) {
        const Nanoseconds slice = std::min<Nanoseconds>(left, 5 * kMillisecond);
        burnCpu(slice);
        left -= slice;
        if (trace_.horizonPassed())
            stopRun_();
    }
    trace_.emit(EventKind::WorkEnd, context.lane, id, 0, label, step.where);
}

void RequestRunner::callPeer(const Step& step, Context& context) {
    const std::uint64_t id = nextId_++;
    trace_.emit(EventKind::ThreadBlock, context.lane, id, 0, "net " + step.text, step.where);
    trace_.emit(EventKind::IoBegin, kKernelLane, id, 0, step.text, step.where);
    const std::string error = peer_ ? peer_->query(id, trace_.scaled(step.duration)) : "no net peer";
    trace_.emit(EventKind::IoEnd, kKernelLane, id, 0, step.text, step.where);
    trace_.emit(EventKind::ThreadRun, context.lane, id, 0, {}, step.where);
    if (!error.empty() && !stop_.stopRequested())
        trace_.reportProblem("net " + step.text + ": " + error);
}

void RequestRunner::respond(Context& context, int status, const Step& step) {
    if (context.request.fd < 0 || context.responded->exchange(true))
        return;  // as in Node, a second res.end() sends nothing
    ThreadPerConnectionServer::respond(context.request, status);
    trace_.emit(EventKind::RequestRespond, context.lane, context.request.number,
                static_cast<std::int64_t>(context.request.number), std::to_string(status), step.where);
    trace_.counter("requests in flight", --requestsInFlight_);
}

void RequestRunner::awaitTarget(const AwaitTarget& target, Context& context, Scope scope) {
    switch (target.kind) {
    case AwaitTarget::Kind::Value:
    case AwaitTarget::Kind::Thenable:
        return;  // already settled: a blocking program does not wait for a value
    case AwaitTarget::Kind::Promise:
        runSteps(target.promise, context, scope);
        return;
    case AwaitTarget::Kind::All:
    case AwaitTarget::Kind::Race:
        awaitForked(target, context, scope);
        return;
    }
}

// Promise.all and Promise.race as thread-per-request code writes them: a fork-join.
// Each input runs on a thread of its own (ThreadCreate on a new Thread lane) while the
// caller blocks until every input (all) or the first one (race) has finished. Race
// losers run on, as the losing promises do in Node, and are joined before the
// request's connection closes.
void RequestRunner::awaitForked(const AwaitTarget& target, Context& context, Scope scope) {
    if (target.inputs.empty())
        return;  // Promise.all([]) is already settled; Promise.race([]) never is, but blocks nobody here
    struct Joined {
        std::mutex mutex;
        std::condition_variable changed;
        std::size_t finished = 0;
    };
    auto joined = std::make_shared<Joined>();
    const bool race = target.kind == AwaitTarget::Kind::Race;
    const std::size_t needed = race ? 1 : target.inputs.size();
    trace_.emit(EventKind::ThreadBlock, context.lane, 0, 0, race ? "Promise.race" : "Promise.all", target.where);
    const std::size_t firstFork = context.forks.size();
    for (const AwaitTarget& input : target.inputs) {
        const ThreadLanes::Admission admission = lanes_.admit();
        const Lane lane{LaneKind::Thread, 0, admission.number};
        trace_.emit(EventKind::ThreadCreate, lane, admission.number);
        trace_.counter("threads alive", admission.alive);
        Context fork;
        fork.lane = lane;
        fork.request = context.request;
        fork.responded = context.responded;
        context.forks.emplace_back([this, &input, joined, scope, fork = std::move(fork)]() mutable {
            runFork(input, fork, scope);
            std::lock_guard<std::mutex> lock(joined->mutex);
            ++joined->finished;
            joined->changed.notify_all();
        });
    }
    {
        // Every fork ends soon after a stop: its blocking steps watch the StopSignal.
        std::unique_lock<std::mutex> lock(joined->mutex);
        joined->changed.wait(lock, [&] { return joined->finished >= needed; });
    }
    if (!race) {
        for (std::size_t k = firstFork; k < context.forks.size(); ++k)
            context.forks[k].join();
        context.forks.erase(context.forks.begin() + static_cast<std::ptrdiff_t>(firstFork), context.forks.end());
    }
    trace_.emit(EventKind::ThreadRun, context.lane, 0, 0, {}, target.where);
}

// The body of one forked thread: its input, then the threads it forked in turn.
void RequestRunner::runFork(const AwaitTarget& input, Context& fork, Scope scope) {
    awaitTarget(input, fork, scope);
    joinForks(fork);
    const int stillAlive = lanes_.retire();
    trace_.emit(EventKind::ThreadExit, fork.lane, fork.lane.index);
    trace_.counter("threads alive", stillAlive);
}

void RequestRunner::joinForks(Context& context) {
    for (std::thread& fork : context.forks)
        fork.join();
    context.forks.clear();
}

void RequestRunner::runTimer(const Step& step, Context& context, Scope scope) {
    const Nanoseconds delay = std::max(step.duration, kMillisecond);
    if (step.kind == StepKind::SetTimeout) {
        if (block(delay, context, step))
            runCallback(step.run, context, scope, step, QueueKind::Timers);
        return;
    }
    auto cleared = [&] { return !step.timerId.empty() && context.clearedIntervals.count(step.timerId) != 0; };
    for (int tick = 1; step.count == 0 || tick <= step.count; ++tick) {
        if (!block(delay, context, step) || cleared())
            return;
        Scope inTick = scope;
        inTick.tick = tick;
        runCallback(step.run, context, inTick, step, QueueKind::Timers);
        if (cleared())
            return;
    }
}

void RequestRunner::runStep(const Step& step, Context& context, Scope scope) {
    switch (step.kind) {
    case StepKind::Log:
        trace_.emit(EventKind::Log, context.lane, 0, 0, expand(step.text, context, scope), step.where);
        return;
    case StepKind::Cpu:
        compute(step.duration, context, step, step.text.empty() ? "cpu" : expand(step.text, context, scope));
        return;
    case StepKind::Call:
    case StepKind::Async:
        trace_.emit(EventKind::FramePush, context.lane, 0, 0, step.text, step.where);
        runSteps(step.run, context, scope);
        trace_.emit(EventKind::FramePop, context.lane, 0, 0, step.text, step.where);
        return;
    case StepKind::SetTimeout:
    case StepKind::SetInterval:
        runTimer(step, context, scope);
        return;
    case StepKind::SetImmediate:
        runCallback(step.run, context, scope, step, QueueKind::Check);
        return;
    case StepKind::NextTick:
        runCallback(step.run, context, scope, step, QueueKind::NextTick);
        return;
    case StepKind::QueueMicrotask:
        runCallback(step.run, context, scope, step, QueueKind::Microtask);
        return;
    case StepKind::Promise:
        runCallback(step.run, context, scope, step, QueueKind::Microtask);
        if (step.hasThen)
            runCallback(step.then, context, scope, step, QueueKind::Microtask);
        return;
    case StepKind::ReadFile:
    case StepKind::ReadFileSync:
    case StepKind::Sleep:
        if (block(step.duration, context, step) && step.kind == StepKind::ReadFile)
            runCallback(step.then, context, scope, step, QueueKind::Poll);
        return;
    case StepKind::Pbkdf2:
    case StepKind::Gzip:
    case StepKind::DnsLookup:
    case StepKind::Worker:
        if (computesOnThreadPool(step.kind) || step.kind == StepKind::Worker)
            compute(step.duration, context, step, stepKeyword(step.kind));
        else if (!block(step.duration, context, step))
            return;
        runCallback(step.then, context, scope, step, QueueKind::Poll);
        return;
    case StepKind::Net:
        callPeer(step, context);
        runCallback(step.then, context, scope, step, QueueKind::Poll);
        return;
    case StepKind::Respond:
        respond(context, step.count, step);
        return;
    case StepKind::Await:
        for (const AwaitTarget& target : step.awaited)
            awaitTarget(target, context, scope);
        return;
    case StepKind::Repeat:
        for (int i = 1; i <= step.count && !stop_.stopRequested(); ++i) {
            Scope iteration = scope;
            iteration.i = i;
            runSteps(step.run, context, iteration);
        }
        return;
    case StepKind::ClearTimeout:
        return;  // the blocking twin of a timer has already run when anything could clear it
    case StepKind::ClearInterval:
        context.clearedIntervals.insert(step.timerId);
        return;
    case StepKind::Close:
        runCallback(step.run, context, scope, step, QueueKind::Close);
        return;
    }
}

}  // namespace loopscope
