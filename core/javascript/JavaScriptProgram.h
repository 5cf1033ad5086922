// A real JavaScript program run on a NodeRuntime, as Node 20 runs it: the engine is
// SpiderMonkey; its promise jobs are the runtime's microtasks; setTimeout, setImmediate,
// process.nextTick and the rest call the runtime; Node's built-in modules are the
// JavaScript files of lib/ over the natives of JsNatives.cpp.
//
// The second program driver beside StepProgram: everything here runs on the runtime's
// loop thread.
#pragma once

#include <cstdint>
#include <map>
#include <unordered_map>
#include <memory>
#include <string>
#include <vector>

#include <jsapi.h>
#include <js/Promise.h>

#include "NodeRuntime.h"
#include "Scenario.h"
#include "SpiderMonkeyContext.h"

namespace loopscope {

class JsCluster;
class JsMicrotaskQueue;
class JsWeakReferences;
class JsSignals;
class JsFileWatchers;
class JsAsyncContext;
class JsWatchdog;
class JsWorkers;
class WorkerLink;

class JavaScriptProgram {
public:
    // The library's drain steps per caller: a tick with 0-4 arguments, with more, a microtask.
    static constexpr int kDrainStepKinds = 8;
    static constexpr int kTickStepWithSpread = 5;
    static constexpr int kMicrotaskStep = 6;
    static constexpr int kFirstMicrotaskStep = 7;

    // `worker`: set when the program is a worker_threads Worker's, on the worker's thread.
    JavaScriptProgram(const Scenario& scenario, NodeRuntime& runtime, SpiderMonkeyContext& engine,
                      WorkerLink* worker = nullptr);
    ~JavaScriptProgram();
    JavaScriptProgram(const JavaScriptProgram&) = delete;
    JavaScriptProgram& operator=(const JavaScriptProgram&) = delete;

    // What the runtime calls (NodeRuntime::run).
    ProgramHooks hooks();

    // ---- for the natives and the microtask queue
    static JavaScriptProgram& of(JSContext* cx);
    JSContext* cx() const { return engine_.cx(); }
    JSObject* global() const { return engine_.global(); }
    NodeRuntime& runtime() { return runtime_; }
    const Scenario& scenario() const { return scenario_; }
    // Calls `function` as a callback's body; an exception it throws is the program's
    // uncaught exception (Node's 'uncaughtException', else the error printed and exit 1).
    void callGuarded(JS::HandleValue function, JS::HandleValue self, const JS::HandleValueArray& arguments);
    // Runs a microtask (a promise job, a queueMicrotask callback) as callGuarded does: as it
    // is where V8 runs microtasks natively, else through the library's runMicrotask, whose
    // frames stand for Node's runNextTicks or processTicksAndRejections.
    void runMicrotask(JS::HandleValue job);
    // Calls the library's step `kind` (see internal/process/task_queues.js) for the drain
    // running now with `arguments`, as callGuarded does.
    void callDrainStep(int kind, const JS::HandleValueArray& arguments);
    bool runningMicrotask() const { return microtaskDepth_ > 0; }
    // The microtask running now (innermost), or null.
    JSObject* runningJob() const { return runningJob_ && runningJob_->isObject() ? &runningJob_->toObject() : nullptr; }
    // The pending exception as the program's uncaught exception (see callGuarded).
    void reportUncaughtException() { reportUncaught(); }
    // Where the program's own code is now: the innermost frame that is not Node's
    // library. It also brings the trace's call stack up to date with the program's own
    // frames, so the stack panel shows them at every Node API call.
    SourceLocation callerLocation();
    std::string runningPlace();
    // The program's line for a place in one of its files (only the main file has lines
    // in the trace's locations).
    SourceLocation locationIn(const std::string& file, int line, int column) const;
    // A source file the program loaded (for error messages with the line).
    void rememberSource(const std::string& file, std::string text) { sources_[file] = std::move(text); }
    const std::string* sourceOf(const std::string& file) const;

    // Timers and immediates, by the ids the library holds.
    std::int64_t addTimer(NodeTimerPtr timer);
    NodeTimerPtr timer(std::int64_t id) const;
    void forgetTimer(std::int64_t id) { timers_.erase(id); }
    // Promise rejections nobody handled yet, for the library's processPromiseRejections().
    struct Rejection {
        std::unique_ptr<JS::PersistentRooted<JSObject*>> promise;
        bool handledLater = false;
        // The async function whose throw rejected it, when the running microtask resumed one.
        std::unique_ptr<JS::PersistentRooted<JSObject*>> thrower;
    };
    std::vector<Rejection> takeRejections();
    // The library's functions the runtime calls back (set once by the bootstrap).
    void setLibraryHooks(JS::HandleObject hooks);
    JSObject* libraryHook(const char* name);
    // Calls the library's hook `name` as a callback's body (see callGuarded).
    void callHook(const char* name, const JS::HandleValueArray& arguments);
    std::optional<ModuleKind> mainModuleKind();
    // The Workers this program started, and, in a worker, its link to the parent.
    JsWorkers& workers() { return *workers_; }
    JsSignals& signals() { return *signals_; }
    JsFileWatchers& fileWatchers() { return *fileWatchers_; }
    JsAsyncContext& asyncContext() { return *asyncContext_; }
    // Node's cluster: the workers this program forks, or, in a forked worker, its primary.
    JsCluster& cluster() { return *cluster_; }
    WorkerLink* workerLink() const { return worker_; }
    // vm's `timeout`: the steady-clock deadline of the script running under one (0: none);
    // returns the one it replaces. takeScriptTimeout() tells, once, that a deadline stopped
    // a script.
    Nanoseconds swapScriptDeadline(Nanoseconds deadline);
    bool takeScriptTimeout();
    // parentPort's 'message' listeners keep a worker's loop alive (parentPort.ref()).
    void setParentPortRef(bool refed);

private:
    void start();
    void reportUncaught();
    void printFatal(JS::HandleValue error, const JS::ExceptionStack& stack);
    void reportToParent(JS::HandleValue error);
    bool processRejections();
    static bool onInterrupt(JSContext* cx);
    static void onOutOfMemory(JSContext* cx, void* data);
    void stopWithoutException();
    static JSObject* resolveModule(JSContext* cx, JS::HandleValue referrer, JS::HandleObject request);
    static bool describeModule(JSContext* cx, JS::HandleValue referrer, JS::HandleObject meta);
    static bool importDynamically(JSContext* cx, JS::HandleValue referrer, JS::HandleObject request,
                                  JS::HandleObject promise);
    static void trackRejection(JSContext* cx, bool mutedErrors, JS::HandleObject promise,
                               JS::PromiseRejectionHandlingState state, void* data);

    const Scenario& scenario_;
    NodeRuntime& runtime_;
    SpiderMonkeyContext& engine_;
    WorkerLink* const worker_;
    std::unique_ptr<JsWorkers> workers_;
    std::unique_ptr<JsCluster> cluster_;
    bool parentPortRefed_ = false;
    std::string mainFile_;
    std::unique_ptr<JsMicrotaskQueue> microtasks_;
    std::unique_ptr<JsWeakReferences> weakReferences_;
    std::unique_ptr<JsSignals> signals_;
    std::unique_ptr<JsFileWatchers> fileWatchers_;
    std::unique_ptr<JsAsyncContext> asyncContext_;
    std::unique_ptr<JsWatchdog> watchdog_;
    bool outOfMemory_ = false;
    Nanoseconds scriptDeadline_ = 0;
    bool scriptTimedOut_ = false;
    JS::PersistentRooted<JSObject*> hooks_;
    // The library's drain steps, fetched on first use: one lookup less for every tick.
    JS::PersistentRooted<JS::ValueVector> drainSteps_;
    std::map<std::string, std::string> sources_;
    std::unordered_map<std::int64_t, NodeTimerPtr> timers_;
    std::int64_t nextTimerId_ = 1;
    std::vector<Rejection> rejections_;
    // The program's frames the trace shows on the stack now, outermost first: function
    // name and file, which tell a frame from the next (its line moves as it runs).
    struct ShownFrame {
        std::string name;
        std::string file;
    };
    std::vector<ShownFrame> shownFrames_;
    void showFrames(const std::vector<ShownFrame>& frames, const std::vector<SourceLocation>& lines);
    bool reportingFatal_ = false;
    bool reportingRejection_ = false;
    int microtaskDepth_ = 0;
    const JS::Value* runningJob_ = nullptr;  // the rooted value runMicrotask was given
};

}  // namespace loopscope
