// A scenario's program run on a NodeRuntime: interprets the steps of `main` and of the
// server's handler, and of every callback they schedule, by calling the runtime (queue
// this callback, arm this timer, start this pool job, ...). Promises, async functions
// and `await` live here: the runtime only sees the microtasks they queue.
//
// Step lists run on an explicit stack of Levels (not C++ recursion): that is what lets
// `await` cut off "the rest of the async function" - the rest of each list, later
// repeat iterations, enclosing lists - and resume it later as a microtask.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "NodeRuntime.h"
#include "Scenario.h"

namespace loopscope {

// Values of {i}, {tick} and {request}, fixed when their iteration, tick or request began.
struct StepScope {
    std::int64_t i = 0;
    std::int64_t tick = 0;
    std::uint64_t request = 0;
};

// A JavaScript promise, reduced to what ordering needs: settled or not, and the
// reactions waiting for it (each queues a microtask when it settles).
struct JsPromise {
    bool settled = false;
    std::vector<std::function<void()>> reactions;
};
using PromisePtr = std::shared_ptr<JsPromise>;

// One level of the interpreter's stack.
struct StepLevel {
    enum class Kind : std::uint8_t { List, Repeat, Call, Async };
    Kind kind = Kind::List;
    const StepList* list = nullptr;
    std::size_t next = 0;
    StepScope scope;
    const Step* step = nullptr;  // the repeat / call / async step that opened the level
    PromisePtr promise;          // Async: the promise the call returned
};
using StepLevels = std::vector<StepLevel>;

class StepProgram {
public:
    StepProgram(const Scenario& scenario, NodeRuntime& runtime) : scenario_(scenario), runtime_(runtime) {}

    // Runs the main script and starts the server, if the scenario has one and a load.
    void start();

private:
    // ---- promises
    void then(const PromisePtr& promise, SourceLocation where, std::function<void()> reaction);
    PromisePtr promiseFor(const AwaitTarget& target, const StepScope& scope);
    PromisePtr startPromiseStep(const Step& step, const StepScope& scope);
    PromisePtr callAsync(const Step& step, const StepScope& scope);

    // ---- the interpreter
    void execute(StepLevels& levels);
    void runList(const StepList* steps, const StepScope& scope);
    void executeStep(const Step& step, const StepScope& scope, StepLevels& levels);
    void finishLevel(StepLevels& levels);
    void suspendAt(const Step& awaitStep, const StepScope& scope, StepLevels& levels);
    void resume(const std::shared_ptr<StepLevels>& continuation);
    QueuedCallback stepsCallback(SourceLocation where, const char* label, const StepList* steps, StepScope scope);
    std::function<void()> thenCallback(const Step& step, const StepScope& scope);
    void startTimer(const Step& step, const StepScope& scope, std::function<void()> onFire = {});
    void clearTimer(const Step& step);
    void startPoolJob(const Step& step, std::function<void()> onDone);
    void handleRequest(std::uint64_t request);

    const Scenario& scenario_;
    NodeRuntime& runtime_;
    std::map<std::string, NodeTimerPtr> timersById_;
};

}  // namespace loopscope
