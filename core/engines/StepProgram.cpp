#include "StepProgram.h"

namespace loopscope {

namespace {

std::string substitute(const std::string& text, const StepScope& scope) {
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

std::string jobLabel(const Step& step) {
    std::string label = stepKeyword(step.kind);
    if ((step.kind == StepKind::Call || step.kind == StepKind::Async) && !step.text.empty())
        label += " " + step.text;
    else if (step.kind == StepKind::Net && !step.text.empty())
        label += " " + step.text;
    return label;
}

// The pool jobs one request takes in Node 20: fs.readFile is four (open, fstat, read,
// close: lib/fs.js ReadFileContext), `takes` is the read; zlib.gzip of a buffer is two
// (the data written, then the final flush when the stream ends), `takes` is the first;
// crypto.pbkdf2 and dns.lookup are one each.
std::vector<PoolStage> poolStages(StepKind kind, Nanoseconds takes) {
    if (kind == StepKind::ReadFile)
        return {{"open", 0, {}}, {"fstat", 0, {}}, {nullptr, takes, {}}, {"close", 0, {}}};
    if (kind == StepKind::Gzip)
        return {{nullptr, takes, {}}, {"flush", 0, {}}};
    return {{nullptr, takes, {}}};
}

PromisePtr resolvedPromise() {
    auto promise = std::make_shared<JsPromise>();
    promise->settled = true;
    return promise;
}

void resolve(const PromisePtr& promise) {
    if (promise->settled)
        return;
    promise->settled = true;
    std::vector<std::function<void()>> reactions;
    reactions.swap(promise->reactions);
    for (auto& reaction : reactions)
        reaction();
}

bool opensFrame(const StepLevel& level) {
    return level.step && (level.kind == StepLevel::Kind::Call || level.kind == StepLevel::Kind::Async);
}

}  // namespace

void StepProgram::start() {
    const SourceLocation where = scenario_.main.empty() ? SourceLocation{} : scenario_.main.front().where;
    runtime_.runMainScript(where, [this] {
        // Top-level await is not JavaScript in CommonJS; should a scenario still have
        // one, the main script behaves as the body of an async function.
        StepLevels levels{StepLevel{StepLevel::Kind::Async, &scenario_.main, 0, StepScope{}, nullptr,
                                    std::make_shared<JsPromise>()}};
        execute(levels);
    });
    if (scenario_.server && scenario_.totalRequests() > 0)
        runtime_.startServer(scenario_.server->where, scenario_,
                             [this](std::uint64_t request) { handleRequest(request); });
}

void StepProgram::handleRequest(std::uint64_t request) {
    StepScope scope;
    scope.request = request;
    StepLevels levels{StepLevel{StepLevel::Kind::Async, &scenario_.server->handler, 0, scope, nullptr,
                                std::make_shared<JsPromise>()}};
    execute(levels);
}

// ------------------------------------------------------------------ promises

void StepProgram::then(const PromisePtr& promise, SourceLocation where, std::function<void()> reaction) {
    // The job is created (and its cause taken) when it is queued, as V8 does.
    auto queueIt = [this, where, reaction = std::move(reaction)]() mutable {
        runtime_.queueMicrotask(runtime_.callback(where, "microtask", std::move(reaction)));
    };
    if (promise->settled)
        queueIt();
    else
        promise->reactions.push_back(std::move(queueIt));
}

// Microtask hops, as V8 counts them: a value 1 (the await's own reaction), a thenable
// 2 (NewPromiseResolveThenableJob, then the reaction), all/race one per input to reach
// the combinator and one more for the await itself.
PromisePtr StepProgram::promiseFor(const AwaitTarget& target, const StepScope& scope) {
    switch (target.kind) {
    case AwaitTarget::Kind::Value:
        return resolvedPromise();
    case AwaitTarget::Kind::Thenable: {
        auto promise = std::make_shared<JsPromise>();
        runtime_.queueMicrotask(runtime_.callback(target.where, "microtask", [promise] { resolve(promise); }));
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
            then(promiseFor(input, scope), input.where, [combined, remaining] {
                if (--*remaining == 0)
                    resolve(combined);
            });
        return combined;
    }
    case AwaitTarget::Kind::Race: {
        auto combined = std::make_shared<JsPromise>();
        for (const AwaitTarget& input : target.inputs)
            then(promiseFor(input, scope), input.where, [combined] { resolve(combined); });
        return combined;
    }
    }
    return resolvedPromise();
}

// The promise-returning twin of a step (fs.promises.readFile, timers/promises
// setTimeout, an async function call, ...). It settles inside the callback that ends
// the work, so whatever awaits it continues as a microtask after that callback.
PromisePtr StepProgram::startPromiseStep(const Step& step, const StepScope& scope) {
    auto promise = std::make_shared<JsPromise>();
    auto settle = [promise] { resolve(promise); };
    switch (step.kind) {
    case StepKind::ReadFile:
    case StepKind::Pbkdf2:
    case StepKind::Gzip:
    case StepKind::DnsLookup:
        startPoolJob(step, settle);
        return promise;
    case StepKind::Net:
        runtime_.startNet(step.where, jobLabel(step), step.duration, settle);
        return promise;
    case StepKind::Worker:
        runtime_.startWorker(step.where, step.duration, settle);
        return promise;
    case StepKind::Sleep:
    case StepKind::SetTimeout:
        startTimer(step, scope, settle);
        return promise;
    case StepKind::Async:
        return callAsync(step, scope);
    default: {
        // Anything else runs now and is awaited as a value.
        StepLevels levels;
        executeStep(step, scope, levels);
        execute(levels);
        return resolvedPromise();
    }
    }
}

// Calling an async function runs its body now, until its first await.
PromisePtr StepProgram::callAsync(const Step& step, const StepScope& scope) {
    auto promise = std::make_shared<JsPromise>();
    runtime_.pushFrame(step.where, step.text.empty() ? "async" : step.text);
    StepLevels levels{StepLevel{StepLevel::Kind::Async, &step.run, 0, scope, &step, promise}};
    execute(levels);
    return promise;
}

// ------------------------------------------------------------------ the interpreter

void StepProgram::execute(StepLevels& levels) {
    while (!levels.empty() && !runtime_.stopped()) {
        StepLevel& top = levels.back();
        if (top.next >= top.list->size()) {
            finishLevel(levels);
            continue;
        }
        const Step& step = (*top.list)[top.next++];
        const StepScope scope = top.scope;
        executeStep(step, scope, levels);
    }
}

void StepProgram::runList(const StepList* steps, const StepScope& scope) {
    StepLevels levels{StepLevel{StepLevel::Kind::List, steps, 0, scope, nullptr, nullptr}};
    execute(levels);
}

void StepProgram::finishLevel(StepLevels& levels) {
    StepLevel& top = levels.back();
    switch (top.kind) {
    case StepLevel::Kind::Repeat:
        if (top.scope.i < top.step->count) {
            ++top.scope.i;
            top.next = 0;
            return;
        }
        break;
    case StepLevel::Kind::Call:
        runtime_.popFrame(top.step->where);
        break;
    case StepLevel::Kind::Async: {
        if (top.step)
            runtime_.popFrame(top.step->where);
        PromisePtr promise = top.promise;
        levels.pop_back();
        if (promise)
            resolve(promise);
        return;
    }
    case StepLevel::Kind::List:
        break;
    }
    levels.pop_back();
}

// `await`: everything after it inside the innermost async function (the rest of each
// list, later repeat iterations, enclosing lists) is cut off the stack and resumes as
// a microtask once the awaited thing settles. The caller of the async function goes on.
void StepProgram::suspendAt(const Step& awaitStep, const StepScope& scope, StepLevels& levels) {
    std::size_t base = levels.size();
    while (base > 0 && levels[base - 1].kind != StepLevel::Kind::Async)
        --base;
    base = base > 0 ? base - 1 : 0;
    auto continuation = std::make_shared<StepLevels>(std::make_move_iterator(levels.begin() + std::ptrdiff_t(base)),
                                                     std::make_move_iterator(levels.end()));
    levels.resize(base);
    for (auto level = continuation->rbegin(); level != continuation->rend(); ++level)
        if (opensFrame(*level))
            runtime_.popFrame(level->step->where);
    const AwaitTarget fallback;
    const AwaitTarget& target = awaitStep.awaited.empty() ? fallback : awaitStep.awaited.front();
    PromisePtr awaited = promiseFor(target, scope);
    then(awaited, awaitStep.where, [this, continuation] { resume(continuation); });
}

void StepProgram::resume(const std::shared_ptr<StepLevels>& continuation) {
    for (const StepLevel& level : *continuation)
        if (opensFrame(level))
            runtime_.pushFrame(level.step->where,
                               level.step->text.empty() ? stepKeyword(level.step->kind) : level.step->text);
    execute(*continuation);
}

QueuedCallback StepProgram::stepsCallback(SourceLocation where, const char* label, const StepList* steps,
                                          StepScope scope) {
    return runtime_.callback(where, label, [this, steps, scope] {
        if (steps->empty())
            return;
        runList(steps, scope);
    });
}

// The completion callback of I/O: the step's `then` list.
std::function<void()> StepProgram::thenCallback(const Step& step, const StepScope& scope) {
    return [this, &step, scope] { runList(&step.then, scope); };
}

void StepProgram::executeStep(const Step& step, const StepScope& scope, StepLevels& levels) {
    switch (step.kind) {
    case StepKind::Log:
        runtime_.log(step.where, substitute(step.text, scope));
        break;
    case StepKind::Cpu:
        runtime_.runCpu(step.where, step.text.empty() ? "cpu" : substitute(step.text, scope), step.duration);
        break;
    case StepKind::ReadFileSync:
        runtime_.blockWithoutCpu(step.where, "fs.readFileSync", step.duration);
        break;
    case StepKind::Call:
        runtime_.pushFrame(step.where, step.text.empty() ? "call" : step.text);
        levels.push_back(StepLevel{StepLevel::Kind::Call, &step.run, 0, scope, &step, nullptr});
        break;
    case StepKind::Async:
        callAsync(step, scope);
        break;
    case StepKind::Await:
        suspendAt(step, scope, levels);
        break;
    case StepKind::Repeat:
        if (step.count > 0) {
            StepScope inner = scope;
            inner.i = 1;
            levels.push_back(StepLevel{StepLevel::Kind::Repeat, &step.run, 0, inner, &step, nullptr});
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
        runtime_.setImmediate(stepsCallback(step.where, "setImmediate", &step.run, scope));
        break;
    case StepKind::NextTick:
        runtime_.queueNextTick(stepsCallback(step.where, "nextTick", &step.run, scope));
        break;
    case StepKind::QueueMicrotask:
        runtime_.queueMicrotask(stepsCallback(step.where, "microtask", &step.run, scope));
        break;
    case StepKind::Promise: {
        // Promise.resolve().then(run).then(then): `then` is one hop after `run` returns.
        auto afterRun = std::make_shared<JsPromise>();
        QueuedCallback run = stepsCallback(step.where, "microtask", &step.run, scope);
        run.body = [body = std::move(run.body), afterRun] {
            body();
            resolve(afterRun);
        };
        runtime_.queueMicrotask(std::move(run));
        if (step.hasThen)
            then(afterRun, step.where, [this, &step, scope] { runList(&step.then, scope); });
        break;
    }
    case StepKind::ReadFile:
    case StepKind::Pbkdf2:
    case StepKind::Gzip:
    case StepKind::DnsLookup:
        startPoolJob(step, thenCallback(step, scope));
        break;
    case StepKind::Net:
        runtime_.startNet(step.where, jobLabel(step), step.duration, thenCallback(step, scope));
        break;
    case StepKind::Worker:
        runtime_.startWorker(step.where, step.duration, thenCallback(step, scope));
        break;
    case StepKind::Respond:
        runtime_.respond(step.where, scope.request, step.count);
        break;
    case StepKind::Close:
        runtime_.queueClose(stepsCallback(step.where, "close", &step.run, scope));
        break;
    }
}

void StepProgram::startTimer(const Step& step, const StepScope& scope, std::function<void()> onFire) {
    TimerRequest request;
    request.where = step.where;
    request.label = jobLabel(step);
    request.delay = step.duration;
    request.repeat = step.kind == StepKind::SetInterval;
    request.times = request.repeat ? step.count : 0;
    if (onFire) {
        // A promise timer (timers/promises): its callback settles the promise.
        request.onFire = [onFire = std::move(onFire)](std::int64_t) { onFire(); };
    } else {
        request.onFire = [this, &step, scope](std::int64_t tick) {
            if (step.run.empty())
                return;
            StepScope inner = scope;
            if (step.kind == StepKind::SetInterval)
                inner.tick = tick;
            runList(&step.run, inner);
        };
    }
    NodeTimerPtr timer = runtime_.armTimer(std::move(request));
    if (!step.timerId.empty())
        timersById_[step.timerId] = timer;
}

void StepProgram::clearTimer(const Step& step) {
    auto found = timersById_.find(step.timerId);
    if (found != timersById_.end())
        runtime_.clearTimer(found->second, step.where);
}

void StepProgram::startPoolJob(const Step& step, std::function<void()> onDone) {
    runtime_.startPoolJob(PoolWork{step.where, jobLabel(step), computesOnThreadPool(step.kind),
                                   poolStages(step.kind, step.duration)},
                          std::move(onDone));
}

}  // namespace loopscope
