#include "JavaScriptProgram.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include <js/Array.h>
#include <js/CallAndConstruct.h>
#include <js/CompilationAndEvaluation.h>
#include <js/Context.h>
#include <js/ErrorReport.h>
#include <js/Exception.h>
#include <js/Interrupt.h>
#include <js/MemoryCallbacks.h>
#include <js/Modules.h>
#include <js/Promise.h>
#include <js/PropertyAndElement.h>
#include <js/SavedFrameAPI.h>
#include <js/SourceText.h>
#include <js/Stack.h>
#include <js/Value.h>

#include "JsCluster.h"
#include "JsErrorText.h"
#include "JsLibrary.h"
#include "JsMicrotaskQueue.h"
#include "JsAsyncContext.h"
#include "JsFileWatchers.h"
#include "JsSignals.h"
#include "JsWeakReferences.h"
#include "JsVmNatives.h"
#include "JsWatchdog.h"
#include "JsNatives.h"
#include "JsStrings.h"
#include "JsWorkers.h"
#include "MessagePortHub.h"
#include "WorkerLaneSink.h"
#include "WorkerLink.h"

namespace loopscope {

namespace {

bool isLibraryFile(const char* file) {
    return std::string_view(file).rfind("node:", 0) == 0;
}

// What the runtime itself may add to the process's resident memory beside the program's
// heap: thread stacks, each Worker's engine (about 2.5 MiB), compiled code, I/O buffers.
constexpr std::size_t kRuntimeMemorySlack = 64 * 1024 * 1024;

}  // namespace

JavaScriptProgram::JavaScriptProgram(const Scenario& scenario, NodeRuntime& runtime, SpiderMonkeyContext& engine,
                                     WorkerLink* worker)
    : scenario_(scenario), runtime_(runtime), engine_(engine), worker_(worker),
      workers_(std::make_unique<JsWorkers>(*this, worker)), cluster_(std::make_unique<JsCluster>(*this)),
      mainFile_(scenario.program),
      microtasks_(std::make_unique<JsMicrotaskQueue>(*this)),
      weakReferences_(std::make_unique<JsWeakReferences>(*this)), signals_(std::make_unique<JsSignals>(*this)),
      fileWatchers_(std::make_unique<JsFileWatchers>(*this)),
      asyncContext_(std::make_unique<JsAsyncContext>(engine.cx())),
      hooks_(engine.cx()),
      drainSteps_(engine.cx(), JS::ValueVector(engine.cx())) {
    JS_SetContextPrivate(cx(), this);
    JS::SetJobQueue(cx(), microtasks_.get());
    JS::SetPromiseRejectionTrackerCallback(cx(), &JavaScriptProgram::trackRejection, this);
    JS::SetModuleResolveHook(JS_GetRuntime(cx()), &JavaScriptProgram::resolveModule);
    JS::SetModuleMetadataHook(JS_GetRuntime(cx()), &JavaScriptProgram::describeModule);
    JS::SetModuleDynamicImportHook(JS_GetRuntime(cx()), &JavaScriptProgram::importDynamically);
    runtime_.setAfterDrain([this] {
        weakReferences_->clearKeptObjects();
        return processRejections();
    });
    runtime_.setInterruptRunningCode([this] { JS_RequestInterruptCallback(cx()); });
    JS_AddInterruptCallback(cx(), &JavaScriptProgram::onInterrupt);
    JS::SetOutOfMemoryCallback(cx(), &JavaScriptProgram::onOutOfMemory, this);
}

JavaScriptProgram::~JavaScriptProgram() {
    workers_->stopAll();
    MessagePortHub::instance().release(*this);
    cluster_.reset();
    watchdog_.reset();
    JS::SetOutOfMemoryCallback(cx(), nullptr, nullptr);
    runtime_.setAfterDrain({});
    runtime_.setInterruptRunningCode({});
    JS::SetPromiseRejectionTrackerCallback(cx(), nullptr, nullptr);
    JS::SetModuleResolveHook(JS_GetRuntime(cx()), nullptr);
    JS::SetModuleMetadataHook(JS_GetRuntime(cx()), nullptr);
    JS::SetModuleDynamicImportHook(JS_GetRuntime(cx()), nullptr);
    JS::SetJobQueue(cx(), nullptr);
    JS_SetContextPrivate(cx(), nullptr);
}

JavaScriptProgram& JavaScriptProgram::of(JSContext* cx) {
    return *static_cast<JavaScriptProgram*>(JS_GetContextPrivate(cx));
}

ProgramHooks JavaScriptProgram::hooks() {
    ProgramHooks hooks;
    hooks.start = [this] { start(); };
    hooks.beforeExit = [this] {
        runtime_.runCallbackNow(runtime_.callback({}, "process 'beforeExit'", [this] {
            callHook("emitBeforeExit", JS::HandleValueArray::empty());
        }));
    };
    hooks.exit = [this] {
        runtime_.runCallbackNow(runtime_.callback({}, "process 'exit'", [this] {
            callHook("emitExit", JS::HandleValueArray::empty());
        }));
    };
    hooks.stop = [this] {
        watchdog_.reset();  // it may post to the loop
        signals_->closeAll();
        fileWatchers_->closeAll();
        workers_->stopAll();
        cluster_->stop();
        MessagePortHub::instance().release(*this);
        if (worker_)
            worker_->detach();
    };
    return hooks;
}

// Runs lib/internal/loader.js with the natives; it defines the globals, then the runtime
// runs the main module (as a promise job when it is an ES module, as Node 20 does).
void JavaScriptProgram::start() {
    cluster_->start();
    JSContext* context = cx();
    // A main thread waiting in the loop runs no script to interrupt: it hears of the memory
    // limit as a message (the stop happens once, whichever comes first).
    watchdog_ = std::make_unique<JsWatchdog>(
        context, runtime_.horizonDeadline(), worker_ ? 0 : std::size_t(scenario_.runtime.heapBytes) + kRuntimeMemorySlack,
        [this] {
            runtime_.postFromThread([this] {
                outOfMemory_ = true;
                stopWithoutException();
            });
        });
    JSAutoRealm realm(context, engine_.global());
    const JsLibraryFile* loader = jsLibraryFile("internal/loader");
    if (!loader)
        throw std::logic_error("the JavaScript library has no internal/loader");
    JS::RootedObject natives(context, makeNatives(context));
    if (!natives)
        throw std::runtime_error("the JavaScript natives could not be made");
    JS::CompileOptions options(context);
    options.setFileAndLine("node:internal/loader", 1);
    JS::SourceText<mozilla::Utf8Unit> text;
    if (!text.init(context, loader->source.data(), loader->source.size(), JS::SourceOwnership::Borrowed))
        throw std::runtime_error("out of memory");
    const char* parameters[] = {"natives"};
    JS::RootedObjectVector scope(context);
    JS::RootedFunction function(context, JS::CompileFunction(context, scope, options, "loader", 1, parameters, text));
    if (!function)
        throw std::runtime_error("the JavaScript library does not compile: " + pendingExceptionText(context));
    JS::RootedValue result(context);
    JS::RootedValueArray<1> arguments(context);
    arguments[0].setObject(*natives);
    if (!JS_CallFunction(context, nullptr, function, arguments, &result))
        throw std::runtime_error("the JavaScript library failed to start: " + pendingExceptionText(context));
    if (worker_) {
        worker_->attach(runtime_, context, [this](const std::string& tape) {
            runtime_.runMessage(runtime_.callback({}, "parentPort message", [this, tape] {
                JSAutoRealm realm(cx(), engine_.global());
                JS::RootedValueArray<1> arguments(cx());
                arguments[0].setString(newString(cx(), tape));
                callHook("parentMessage", arguments);
            }));
        });
        if (worker_->terminating()) {
            runtime_.exitProgram(1);
            return;
        }
        worker_->report(WorkerReport{WorkerReport::Kind::Online, {}, {}, 0});
    }
    const bool evalSource = worker_ && worker_->script().isEval;
    runtime_.runMainScript(
        SourceLocation{1, 1},
        [this, evalSource] {
            JSAutoRealm realm(cx(), engine_.global());
            JS::RootedValueArray<2> arguments(cx());
            arguments[0].setString(newString(cx(), mainFile_));
            if (evalSource)
                arguments[1].setString(newString(cx(), worker_->script().evalSource));
            callHook("runMain", arguments);
        },
        evalSource ? std::nullopt : mainModuleKind());
}

void JavaScriptProgram::setParentPortRef(bool refed) {
    if (!worker_ || refed == parentPortRefed_)
        return;
    parentPortRefed_ = refed;
    if (refed)
        runtime_.holdLoop();
    else
        runtime_.releaseLoop();
}

void JavaScriptProgram::setLibraryHooks(JS::HandleObject hooks) {
    hooks_ = hooks;
}

JSObject* JavaScriptProgram::libraryHook(const char* name) {
    JS::RootedObject hooks(cx(), hooks_);
    JS::RootedValue hook(cx());
    if (!hooks || !JS_GetProperty(cx(), hooks, name, &hook) || !hook.isObject())
        throw std::logic_error(std::string("the JavaScript library has no hook ") + name);
    return &hook.toObject();
}

// Whether the main file is an ES module, as the loader decides it (its extension, its
// package.json, its syntax); unknown when the loader cannot tell (the file is missing).
std::optional<ModuleKind> JavaScriptProgram::mainModuleKind() {
    JSContext* context = cx();
    JSAutoRealm realm(context, engine_.global());
    JS::RootedValue hook(context, JS::ObjectOrNullValue(libraryHook("mainIsModule")));
    JS::RootedValueArray<1> arguments(context);
    arguments[0].setString(newString(context, mainFile_));
    JS::RootedValue answer(context);
    if (!JS::Call(context, JS::UndefinedHandleValue, hook, arguments, &answer)) {
        JS_ClearPendingException(context);
        return std::nullopt;
    }
    if (!answer.isBoolean())
        return std::nullopt;
    return answer.toBoolean() ? ModuleKind::Esm : ModuleKind::CommonJs;
}

void JavaScriptProgram::callHook(const char* name, const JS::HandleValueArray& arguments) {
    JSAutoRealm realm(cx(), engine_.global());
    JS::RootedValue hook(cx(), JS::ObjectOrNullValue(libraryHook(name)));
    callGuarded(hook, JS::UndefinedHandleValue, arguments);
}

void JavaScriptProgram::callGuarded(JS::HandleValue function, JS::HandleValue self,
                                    const JS::HandleValueArray& arguments) {
    JSContext* context = cx();
    JSAutoRealm realm(context, engine_.global());
    JS::RootedValue result(context);
    const bool ok = JS::Call(context, self, function, arguments, &result);
    showFrames({}, {});  // the callback has returned: none of its frames is left
    if (!ok)
        reportUncaught();
}

void JavaScriptProgram::runMicrotask(JS::HandleValue job) {
    struct Running {
        JavaScriptProgram& program;
        const JS::Value* outer;
        Running(JavaScriptProgram& program, const JS::Value* job) : program(program), outer(program.runningJob_) {
            ++program.microtaskDepth_;
            program.runningJob_ = job;
        }
        ~Running() {
            --program.microtaskDepth_;
            program.runningJob_ = outer;
        }
    } running(*this, job.address());
    const DrainPlace place = runtime().drainPlace();
    if (place.caller == DrainCaller::Loop && !place.processingTicks)
        callGuarded(job, JS::UndefinedHandleValue, JS::HandleValueArray::empty());
    else
        callDrainStep(place.processingTicks ? kMicrotaskStep : kFirstMicrotaskStep, JS::HandleValueArray(job));
}

void JavaScriptProgram::callDrainStep(int kind, const JS::HandleValueArray& arguments) {
    if (drainSteps_.empty()) {
        JSAutoRealm realm(cx(), engine_.global());
        JS::RootedObject steps(cx(), libraryHook("drainSteps"));
        std::uint32_t count = 0;
        if (!JS::GetArrayLength(cx(), steps, &count) || !drainSteps_.resize(count))
            throw std::logic_error("the JavaScript library's drain steps cannot be read");
        JS::RootedValue step(cx());
        for (std::uint32_t at = 0; at < count; ++at) {
            if (!JS_GetElement(cx(), steps, at, &step))
                throw std::logic_error("the JavaScript library's drain steps cannot be read");
            drainSteps_[at].set(step);
        }
    }
    const std::size_t index = std::size_t(runtime().drainPlace().caller) * kDrainStepKinds + std::size_t(kind);
    JS::RootedValue step(cx(), drainSteps_[index]);
    callGuarded(step, JS::UndefinedHandleValue, arguments);
}

// Node's process._fatalException: 'uncaughtException' listeners get the error if there
// are any; otherwise it is printed and the process exits with code 1 (or 7 when the
// handling itself throws).
void JavaScriptProgram::reportUncaught() {
    JSContext* context = cx();
    if (!JS_IsExceptionPending(context)) {
        stopWithoutException();
        return;
    }
    JS::ExceptionStack stack(context);
    if (!JS::StealPendingExceptionStack(context, &stack))
        return;
    // The engine reports its heap limit as the string "out of memory" thrown.
    if (stack.exception().isString() && valueToUtf8(context, stack.exception()) == "out of memory") {
        outOfMemory_ = true;
        stopWithoutException();
        return;
    }
    if (reportingFatal_) {
        printFatal(stack.exception(), stack);
        runtime_.exitProgram(7);
        return;
    }
    reportingFatal_ = true;
    JS::RootedValue handle(context, JS::ObjectOrNullValue(libraryHook("handleUncaught")));
    JS::RootedValueArray<1> arguments(context);
    arguments[0].set(stack.exception());
    JS::RootedValue handled(context);
    const bool ran = JS::Call(context, JS::UndefinedHandleValue, handle, arguments, &handled);
    reportingFatal_ = false;
    if (ran && handled.isTrue())
        return;
    if (!ran && !JS_IsExceptionPending(context))
        return;  // a listener called process.exit()
    if (!ran) {
        JS::ExceptionStack inner(context);
        if (JS::StealPendingExceptionStack(context, &inner))
            printFatal(inner.exception(), inner);
        runtime_.exitProgram(7);
        return;
    }
    if (worker_)
        reportToParent(stack.exception());
    else
        printFatal(stack.exception(), stack);
    JS::RootedValue emitExit(context, JS::ObjectOrNullValue(libraryHook("exitAfterFatal")));
    JS::RootedValue ignored(context);
    if (!JS::Call(context, JS::UndefinedHandleValue, emitExit, JS::HandleValueArray::empty(), &ignored))
        JS_ClearPendingException(context);
    runtime_.exitProgram(runtime_.exitCode() == 0 ? 1 : runtime_.exitCode());
}

// A script ended with no exception to report: process.exit(), the horizon's interrupt,
// or the heap's limit, which Node reports as a fatal error with SIGABRT's exit code.
void JavaScriptProgram::stopWithoutException() {
    if (!outOfMemory_ || runtime_.stopped())
        return;
    runtime_.log({}, "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n"
                     "(the program's memory is limited to runtime.heap = " +
                         std::to_string(scenario_.runtime.heapBytes / (1024 * 1024)) + " MiB)",
                 OutputStream::Stderr);
    runtime_.exitProgram(134);
}

// At the horizon or past the memory limit (the watchdog's requests) or at
// worker.terminate(): the script stops here, uncatchable.
bool JavaScriptProgram::onInterrupt(JSContext* cx) {
    JavaScriptProgram& self = of(cx);
    if (self.worker_ && self.worker_->terminating()) {
        self.runtime_.exitProgram(1);
        return false;
    }
    if (self.watchdog_ && self.watchdog_->memoryExceeded()) {
        self.outOfMemory_ = true;
        return false;
    }
    if (!self.runtime_.stopIfPastHorizon()) {
        // vm's `timeout`: the running script's own deadline.
        const Nanoseconds deadline = self.scriptDeadline_;
        if (deadline != 0 && steadyNow() >= deadline) {
            self.scriptTimedOut_ = true;
            return false;
        }
        return true;
    }
    // Node would run this script for ever; say where it was, since the run ends silently
    // at the horizon otherwise.
    // Only library frames: the runtime's drain explains it better.
    const std::string place = self.worker_ ? std::string() : self.runningPlace();
    if (!place.empty() && self.runtime_.explainHorizonOnce())
        self.runtime_.log({}, "loopscope: the run reached its horizon while the program was still running JavaScript at " +
                                  place + " (code that never returns to the event loop, or a horizon too short for it)",
                          OutputStream::Stderr);
    return false;
}

// "file:line" of the innermost frame in the program's own files; empty when there is none.
std::string JavaScriptProgram::runningPlace() {
    JSContext* context = cx();
    JS::RootedObject frame(context);
    if (!JS::CaptureCurrentStack(context, &frame, JS::StackCapture(JS::MaxFrames(64))))
        return {};
    while (frame) {
        JS::RootedString source(context);
        JS::GetSavedFrameSource(context, nullptr, frame, &source);
        const std::string file = source ? toUtf8(context, source) : std::string();
        if (!file.empty() && !isLibraryFile(file.c_str())) {
            std::uint32_t line = 0;
            JS::GetSavedFrameLine(context, nullptr, frame, &line);
            return file + ":" + std::to_string(line);
        }
        JS::RootedObject parent(context);
        JS::GetSavedFrameParent(context, nullptr, frame, &parent);
        frame = parent;
    }
    return {};
}

Nanoseconds JavaScriptProgram::swapScriptDeadline(Nanoseconds deadline) {
    return std::exchange(scriptDeadline_, deadline);
}

bool JavaScriptProgram::takeScriptTimeout() {
    const bool timedOut = scriptTimedOut_;
    scriptTimedOut_ = false;
    return timedOut;
}

void JavaScriptProgram::onOutOfMemory(JSContext*, void* data) {
    static_cast<JavaScriptProgram*>(data)->outOfMemory_ = true;
}

void JavaScriptProgram::printFatal(JS::HandleValue error, const JS::ExceptionStack& stack) {
    JS::RootedObject site(cx(), reportingRejection_ ? nullptr : stack.stack());
    const std::string text = fatalExceptionText(cx(), error, site, *this);
    runtime_.log(callerLocation(), text, OutputStream::Stderr);
}

// A worker's uncaught exception is its parent's 'error' event, as a structured clone.
void JavaScriptProgram::reportToParent(JS::HandleValue error) {
    JSContext* context = cx();
    JS::RootedValue serialize(context, JS::ObjectOrNullValue(libraryHook("serializeError")));
    JS::RootedValueArray<1> arguments(context);
    arguments[0].set(error);
    JS::RootedValue tape(context);
    if (!JS::Call(context, JS::UndefinedHandleValue, serialize, arguments, &tape) || !tape.isString()) {
        JS_ClearPendingException(context);
        return;
    }
    worker_->report(WorkerReport{WorkerReport::Kind::Error, valueToUtf8(context, tape), {}, 0});
}

SourceLocation JavaScriptProgram::locationIn(const std::string& file, int line, int column) const {
    if (file != mainFile_)
        return {};
    return SourceLocation{line, column};
}

const std::string* JavaScriptProgram::sourceOf(const std::string& file) const {
    auto found = sources_.find(file);
    return found == sources_.end() ? nullptr : &found->second;
}

SourceLocation JavaScriptProgram::callerLocation() {
    JSContext* context = cx();
    JS::RootedObject stack(context);
    if (!JS::CaptureCurrentStack(context, &stack, JS::StackCapture(JS::MaxFrames(32))) || !stack)
        return {};
    std::vector<ShownFrame> frames;  // innermost first, as captured
    std::vector<SourceLocation> lines;
    JS::RootedObject frame(context, stack);
    while (frame) {
        JS::RootedString source(context);
        JS::GetSavedFrameSource(context, nullptr, frame, &source);
        std::string file = source ? toUtf8(context, source) : std::string();
        if (!isLibraryFile(file.c_str())) {
            std::uint32_t line = 0;
            std::uint32_t column = 0;
            JS::RootedString name(context);
            JS::GetSavedFrameLine(context, nullptr, frame, &line);
            JS::GetSavedFrameColumn(context, nullptr, frame, &column);
            JS::GetSavedFrameFunctionDisplayName(context, nullptr, frame, &name);
            // SpiderMonkey guesses names for anonymous functions from where they are
            // ("server<", "main/<"); V8, and so Node's stacks, call them anonymous.
            std::string shown = name ? toUtf8(context, name) : std::string();
            if (shown.empty() || shown.back() == '<')
                shown = "(anonymous)";
            frames.push_back({std::move(shown), std::move(file)});
            lines.push_back(locationIn(frames.back().file, int(line), int(column)));
        }
        JS::RootedObject parent(context);
        JS::GetSavedFrameParent(context, nullptr, frame, &parent);
        frame = parent;
    }
    std::reverse(frames.begin(), frames.end());
    std::reverse(lines.begin(), lines.end());
    showFrames(frames, lines);
    return lines.empty() ? SourceLocation{} : lines.back();
}

// Pops the shown frames that are no longer on the stack, then pushes the new ones.
void JavaScriptProgram::showFrames(const std::vector<ShownFrame>& frames, const std::vector<SourceLocation>& lines) {
    std::size_t same = 0;
    while (same < frames.size() && same < shownFrames_.size() && frames[same].name == shownFrames_[same].name &&
           frames[same].file == shownFrames_[same].file)
        ++same;
    while (shownFrames_.size() > same) {
        runtime_.popFrame({});
        shownFrames_.pop_back();
    }
    for (std::size_t at = same; at < frames.size(); ++at) {
        runtime_.pushFrame(lines[at], frames[at].name);
        shownFrames_.push_back(frames[at]);
    }
}

std::int64_t JavaScriptProgram::addTimer(NodeTimerPtr timer) {
    const std::int64_t id = nextTimerId_++;
    timers_[id] = std::move(timer);
    return id;
}

NodeTimerPtr JavaScriptProgram::timer(std::int64_t id) const {
    auto found = timers_.find(id);
    return found == timers_.end() ? nullptr : found->second;
}

// `import x from 'specifier'` in the module whose private value is `referrer` (its
// filename): the library's resolveModule hook finds, compiles and caches the record.
JSObject* JavaScriptProgram::resolveModule(JSContext* cx, JS::HandleValue referrer, JS::HandleObject request) {
    JavaScriptProgram& self = of(cx);
    JS::RootedValueArray<2> arguments(cx);
    arguments[0].setString(JS::GetModuleRequestSpecifier(cx, request));
    arguments[1].set(referrer);
    JS::RootedValue hook(cx, JS::ObjectOrNullValue(self.libraryHook("resolveModule")));
    JS::RootedValue module(cx);
    if (!JS::Call(cx, JS::UndefinedHandleValue, hook, arguments, &module))
        return nullptr;
    if (!module.isObject()) {
        JS_ReportErrorASCII(cx, "the module loader returned no module");
        return nullptr;
    }
    return &module.toObject();
}

// `import(specifier)` from a module or a CommonJS file (both carry their filename as
// their private value): the module is found as a static import would find it, then
// linked and evaluated at once; the program's promise settles with the evaluation's.
namespace {

// Node's TypeError for an import() in code run through vm with no callback for it.
bool rejectVmImport(JSContext* cx, JS::HandleValue referrer, JS::HandleObject request, JS::HandleObject promise) {
    JS::RootedString file(cx, JS_GetEmptyString(cx));
    JS::RootedString message(cx, newString(cx, "A dynamic import callback was not specified."));
    JS::RootedValue error(cx);
    JS::Rooted<mozilla::Maybe<JS::Value>> noCause(cx, mozilla::Nothing());
    if (!message || !JS::CreateError(cx, JSEXN_TYPEERR, nullptr, file, 0, 0, nullptr, message, noCause, &error))
        return false;
    JS::RootedObject object(cx, &error.toObject());
    JS::RootedValue code(cx, JS::StringValue(newString(cx, "ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING")));
    if (!JS_SetProperty(cx, object, "code", code))
        return false;
    JS::RootedObject rejected(cx, JS::CallOriginalPromiseReject(cx, error));
    return rejected && JS::FinishDynamicModuleImport(cx, rejected, referrer, request, promise);
}

}  // namespace

bool JavaScriptProgram::importDynamically(JSContext* cx, JS::HandleValue referrer, JS::HandleObject request,
                                          JS::HandleObject promise) {
    JavaScriptProgram& self = of(cx);
    JS::RootedValue from(cx, referrer);
    if (from.isString() && toUtf8(cx, from.toString()) == kVmScriptReferrer)
        return rejectVmImport(cx, referrer, request, promise);
    if (!from.isString())
        from.setString(newString(cx, self.mainFile_));
    JS::RootedObject module(cx, resolveModule(cx, from, request));
    JS::RootedValue evaluation(cx);
    const bool evaluated = module && JS::ModuleInstantiate(cx, module) && JS::ModuleEvaluate(cx, module, &evaluation);
    JS::RootedObject evaluationPromise(cx);
    if (evaluated && evaluation.isObject()) {
        evaluationPromise = &evaluation.toObject();
    } else {
        JS::RootedValue error(cx);
        if (!JS_GetPendingException(cx, &error))
            return false;  // uncatchable: the run is being stopped
        JS_ClearPendingException(cx);
        evaluationPromise = JS::CallOriginalPromiseReject(cx, error);
        if (!evaluationPromise)
            return false;
    }
    return JS::FinishDynamicModuleImport(cx, evaluationPromise, referrer, request, promise);
}

// import.meta: url, filename and dirname, as Node 20 gives them.
bool JavaScriptProgram::describeModule(JSContext* cx, JS::HandleValue referrer, JS::HandleObject meta) {
    JavaScriptProgram& self = of(cx);
    JS::RootedValueArray<2> arguments(cx);
    arguments[0].set(referrer);
    arguments[1].setObject(*meta);
    JS::RootedValue hook(cx, JS::ObjectOrNullValue(self.libraryHook("describeModule")));
    JS::RootedValue ignored(cx);
    return JS::Call(cx, JS::UndefinedHandleValue, hook, arguments, &ignored);
}

void JavaScriptProgram::trackRejection(JSContext* cx, bool, JS::HandleObject promise,
                                       JS::PromiseRejectionHandlingState state, void* data) {
    auto* self = static_cast<JavaScriptProgram*>(data);
    Rejection rejection;
    rejection.promise = std::make_unique<JS::PersistentRooted<JSObject*>>(cx, promise);
    rejection.handledLater = state == JS::PromiseRejectionHandlingState::Handled;
    if (!rejection.handledLater && self->runningMicrotask()) {
        if (JSObject* thrower = JsMicrotaskQueue::asyncFunctionSettling(self->runningJob(), promise))
            rejection.thrower = std::make_unique<JS::PersistentRooted<JSObject*>>(cx, thrower);
    }
    self->rejections_.push_back(std::move(rejection));
}

std::vector<JavaScriptProgram::Rejection> JavaScriptProgram::takeRejections() {
    std::vector<Rejection> taken;
    taken.swap(rejections_);
    return taken;
}

bool JavaScriptProgram::processRejections() {
    if (rejections_.empty())
        return false;
    JSContext* context = cx();
    JSAutoRealm realm(context, engine_.global());
    JS::RootedValue process(context, JS::ObjectOrNullValue(libraryHook("processRejections")));
    JS::RootedValue more(context);
    if (!JS::Call(context, JS::UndefinedHandleValue, process, JS::HandleValueArray::empty(), &more)) {
        // Node places an unhandled rejection where its error was made, not where the
        // library rethrew it.
        reportingRejection_ = true;
        reportUncaught();
        reportingRejection_ = false;
        return false;
    }
    return more.isTrue();
}

}  // namespace loopscope
