#include "JsNatives.h"

#include <algorithm>
#include <js/ScriptPrivate.h>

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <js/Array.h>
#include <js/CallAndConstruct.h>
#include <js/CompilationAndEvaluation.h>
#include <js/Modules.h>
#include <js/Conversions.h>
#include <js/Exception.h>
#include <js/Promise.h>
#include <js/PropertyAndElement.h>
#include <js/PropertySpec.h>
#include <js/Proxy.h>
#include <js/SourceText.h>
#include <js/experimental/TypedData.h>
#include <js/String.h>
#include <js/CharacterEncoding.h>
#include <mozilla/Span.h>

#include "JavaScriptProgram.h"
#include "JsErrorText.h"
#include "JsLibrary.h"
#include "JsMicrotaskQueue.h"
#include "JsOperationValues.h"
#include "NodeOperations.h"
#include "JsChildProcessNatives.h"
#include "JsClusterNatives.h"
#include "JsNetNatives.h"
#include "JsProcessNatives.h"
#include "JsSharedMemory.h"
#include "TextSegmenter.h"
#include "JsAsyncContext.h"
#include "JsFileWatchers.h"
#include "JsSignals.h"
#include "JsStrings.h"
#include "JsVmNatives.h"
#include "JsWorkerNatives.h"

extern char** environ;

namespace loopscope {

namespace {

using PersistentValue = std::shared_ptr<JS::PersistentRooted<JS::Value>>;

bool defineString(JSContext* cx, JS::HandleObject object, const char* name, const std::string& value);
bool defineStringList(JSContext* cx, JS::HandleObject object, const char* name, const std::vector<std::string>& values);

PersistentValue keep(JSContext* cx, JS::HandleValue value) {
    return std::make_shared<JS::PersistentRooted<JS::Value>>(cx, value);
}


// ---- console and process

// write(fd, text, withoutNewline): one console line (fd 1 or 2).
bool write(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    const bool toStderr = numberArgument(cx, args, 0) == 2;
    const bool withoutNewline = args.get(2).isTrue();
    const OutputStream stream = toStderr ? (withoutNewline ? OutputStream::StderrWithoutNewline : OutputStream::Stderr)
                                         : (withoutNewline ? OutputStream::StdoutWithoutNewline : OutputStream::Stdout);
    program.runtime().log(program.callerLocation(), stringArgument(cx, args, 1), stream);
    program.runtime().noteHiddenTick();
    args.rval().setUndefined();
    return true;
}

// process.exit(): nothing after it runs; returning false with no exception pending
// unwinds every script frame, as an uncatchable error.
bool exitNow(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram::of(cx).runtime().exitProgram(int(numberArgument(cx, args, 0)));
    return false;
}

bool setExitCode(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram::of(cx).runtime().setExitCode(int(numberArgument(cx, args, 0)));
    args.rval().setUndefined();
    return true;
}

bool hrtime(JSContext*, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    args.rval().setDouble(double(uv_hrtime()));
    return true;
}

// loopTiming() -> [uv_hrtime() when the loop first ran (0 before), idle milliseconds since].
bool loopTiming(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    auto& runtime = JavaScriptProgram::of(cx).runtime();
    JS::RootedValueArray<2> values(cx);
    values[0].setDouble(double(runtime.loopStartHrtime()));
    values[1].setDouble(runtime.loopIdleMilliseconds());
    JSObject* array = JS::NewArrayObject(cx, values);
    if (!array)
        return false;
    args.rval().setObject(*array);
    return true;
}

bool loopNow(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    args.rval().setDouble(JavaScriptProgram::of(cx).runtime().loopNow());
    return true;
}

bool setHooks(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    if (args.length() < 1 || !args[0].isObject())
        return throwError(cx, "setHooks needs an object");
    JS::RootedObject hooks(cx, &args[0].toObject());
    JavaScriptProgram::of(cx).setLibraryHooks(hooks);
    args.rval().setUndefined();
    return true;
}

// processUsage() -> [rss bytes, user CPU microseconds, system CPU microseconds] (libuv's).
bool processUsage(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    size_t rss = 0;
    uv_resident_set_memory(&rss);
    uv_rusage_t usage{};
    uv_getrusage(&usage);
    JS::RootedValueArray<3> figures(cx);
    figures[0].setNumber(double(rss));
    figures[1].setNumber(double(usage.ru_utime.tv_sec) * 1e6 + double(usage.ru_utime.tv_usec));
    figures[2].setNumber(double(usage.ru_stime.tv_sec) * 1e6 + double(usage.ru_stime.tv_usec));
    JSObject* array = JS::NewArrayObject(cx, figures);
    if (!array)
        return false;
    args.rval().setObject(*array);
    return true;
}

// osInfo() -> what os.* reports: {hostname, release, cpus: [[model, speed], ...], totalmem,
// freemem, uptime, loadavg: [1, 5, 15], homedir, tmpdir}
bool osInfo(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JS::RootedObject info(cx, JS_NewPlainObject(cx));
    if (!info)
        return false;
    char text[1024];
    size_t size = sizeof text;
    if (uv_os_gethostname(text, &size) == 0 && !defineString(cx, info, "hostname", text))
        return false;
    uv_utsname_t name{};
    if (uv_os_uname(&name) == 0 && (!defineString(cx, info, "release", name.release) ||
                                    !defineString(cx, info, "version", name.version) ||
                                    !defineString(cx, info, "machine", name.machine)))
        return false;
    size = sizeof text;
    if (uv_os_homedir(text, &size) == 0 && !defineString(cx, info, "homedir", text))
        return false;
    size = sizeof text;
    if (uv_os_tmpdir(text, &size) == 0 && !defineString(cx, info, "tmpdir", text))
        return false;
    uv_cpu_info_t* cpus = nullptr;
    int count = 0;
    JS::RootedValueVector list(cx);
    if (uv_cpu_info(&cpus, &count) == 0) {
        for (int at = 0; at < count; ++at) {
            JS::RootedValueArray<2> cpu(cx);
            cpu[0].setString(newString(cx, cpus[at].model));
            cpu[1].setNumber(double(cpus[at].speed));
            JSObject* pair = JS::NewArrayObject(cx, cpu);
            if (!pair || !list.append(JS::ObjectValue(*pair))) {
                uv_free_cpu_info(cpus, count);
                return false;
            }
        }
        uv_free_cpu_info(cpus, count);
    }
    double load[3] = {0, 0, 0};
    uv_loadavg(load);
    double uptime = 0;
    uv_uptime(&uptime);
    JS::RootedValueArray<3> loads(cx);
    for (int at = 0; at < 3; ++at)
        loads[at].setNumber(load[at]);
    JS::RootedObject cpuList(cx, JS::NewArrayObject(cx, list));
    JS::RootedObject loadList(cx, JS::NewArrayObject(cx, loads));
    if (!cpuList || !loadList)
        return false;
    JS::RootedValue cpuValue(cx, JS::ObjectValue(*cpuList));
    JS::RootedValue loadValue(cx, JS::ObjectValue(*loadList));
    JS::RootedValue total(cx, JS::NumberValue(double(uv_get_total_memory())));
    JS::RootedValue free(cx, JS::NumberValue(double(uv_get_free_memory())));
    JS::RootedValue up(cx, JS::NumberValue(uptime));
    JS::RootedValue parallelism(cx, JS::NumberValue(double(uv_available_parallelism())));
    if (!JS_DefineProperty(cx, info, "cpus", cpuValue, JSPROP_ENUMERATE) ||
        !JS_DefineProperty(cx, info, "loadavg", loadValue, JSPROP_ENUMERATE) ||
        !JS_DefineProperty(cx, info, "totalmem", total, JSPROP_ENUMERATE) ||
        !JS_DefineProperty(cx, info, "freemem", free, JSPROP_ENUMERATE) ||
        !JS_DefineProperty(cx, info, "uptime", up, JSPROP_ENUMERATE) ||
        !JS_DefineProperty(cx, info, "availableParallelism", parallelism, JSPROP_ENUMERATE))
        return false;
    args.rval().setObject(*info);
    return true;
}

// ---- callbacks: nextTick, queueMicrotask, timers, immediates

// Runs a nextTick callback with its arguments (an array, or undefined for none) through the
// library's step that stands for Node's processTicksAndRejections at that argument count.
void runTick(JavaScriptProgram& program, const PersistentValue& function, const PersistentValue& list) {
    JSContext* cx = program.cx();
    JSAutoRealm realm(cx, program.global());
    std::uint32_t count = 0;
    if (list && list->get().isObject()) {
        JS::RootedObject array(cx, &list->get().toObject());
        if (!JS::GetArrayLength(cx, array, &count))
            JS_ClearPendingException(cx);
    }
    JS::RootedValueArray<2> arguments(cx);
    arguments[0].set(*function);
    arguments[1].set(list ? list->get() : JS::UndefinedValue());
    program.callDrainStep(int(std::min<std::uint32_t>(count, JavaScriptProgram::kTickStepWithSpread)), arguments);
}

bool nextTick(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    PersistentValue function = keep(cx, args.get(0));
    PersistentValue list = keep(cx, args.get(1));
    NodeRuntime& runtime = program.runtime();
    runtime.queueNextTick(runtime.callback(program.callerLocation(), stringArgument(cx, args, 2),
                                           [&program, function, list] { runTick(program, function, list); }));
    args.rval().setUndefined();
    return true;
}

bool queueMicrotask(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    PersistentValue function = keep(cx, args.get(0));
    NodeRuntime& runtime = program.runtime();
    runtime.queueMicrotask(runtime.callback(program.callerLocation(), stringArgument(cx, args, 1),
                                            [&program, function] { program.runMicrotask(*function); }));
    args.rval().setUndefined();
    return true;
}

// Runs the library's hook `name` for the Timeout or Immediate with this id (the library
// keeps the objects; the runtime only their numbers).
void callHook(JavaScriptProgram& program, const char* name, double id) {
    JSAutoRealm realm(program.cx(), program.global());
    JS::RootedValueArray<1> arguments(program.cx());
    arguments[0].setNumber(id);
    program.callHook(name, arguments);
}

// setTimer(ms, repeat, label) -> id; the library's runTimer hook runs the Timeout of that id.
bool setTimer(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    const double ms = numberArgument(cx, args, 0);
    TimerRequest request;
    request.where = program.callerLocation();
    request.label = stringArgument(cx, args, 2);
    request.delay = Nanoseconds(std::llround(ms * double(kMillisecond)));
    request.repeat = args.get(1).isTrue();
    auto id = std::make_shared<std::int64_t>(0);
    request.onFire = [&program, id](std::int64_t) {
        callHook(program, "runTimer", double(*id));
        if (!program.runtime().stopped())
            callHook(program, "afterTimer", double(*id));
        NodeTimerPtr timer = program.timer(*id);
        if (timer && !timer->active && !(timer->repeat && !timer->cleared))
            program.forgetTimer(*id);
    };
    *id = program.addTimer(program.runtime().armTimer(std::move(request)));
    args.rval().setNumber(double(*id));
    return true;
}

NodeTimerPtr timerArgument(JSContext* cx, const JS::CallArgs& args) {
    return JavaScriptProgram::of(cx).timer(std::int64_t(numberArgument(cx, args, 0)));
}

bool clearTimer(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    if (NodeTimerPtr timer = timerArgument(cx, args)) {
        program.runtime().clearTimer(timer, program.callerLocation());
        if (!timer->running)
            program.forgetTimer(std::int64_t(numberArgument(cx, args, 0)));
    }
    args.rval().setUndefined();
    return true;
}

bool refTimer(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    if (NodeTimerPtr timer = timerArgument(cx, args))
        JavaScriptProgram::of(cx).runtime().setTimerRef(timer, args.get(1).isTrue());
    args.rval().setUndefined();
    return true;
}

bool refreshTimer(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    if (NodeTimerPtr timer = timerArgument(cx, args))
        program.runtime().refreshTimer(timer, program.callerLocation());
    args.rval().setUndefined();
    return true;
}

bool timerIsActive(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    NodeTimerPtr timer = timerArgument(cx, args);
    args.rval().setBoolean(timer && timer->active);
    return true;
}

// setImmediate(label) -> id; the library's runImmediate hook runs the Immediate of that id.
bool setImmediate(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    NodeRuntime& runtime = program.runtime();
    auto id = std::make_shared<double>(0);
    QueuedCallback job = runtime.callback(program.callerLocation(), stringArgument(cx, args, 0),
                                          [&program, id] { callHook(program, "runImmediate", *id); });
    *id = double(job.id);
    args.rval().setNumber(*id);
    runtime.setImmediate(std::move(job));
    return true;
}

bool clearImmediate(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    program.runtime().clearImmediate(std::uint64_t(numberArgument(cx, args, 0)), program.callerLocation());
    args.rval().setUndefined();
    return true;
}

// An operation's failure as the Error a callback's first argument is.
bool errorValue(JSContext* cx, const OperationError& error, JS::MutableHandleValue out) {
    JSObject* made = operationErrorToJs(cx, error);
    if (!made)
        return false;
    out.setObject(*made);
    return true;
}

// ---- UTF-8 for Buffer and TextEncoder/TextDecoder: the engine's own converters, which the
// library's JavaScript ones (internal/string_bytes.js) stand in for where these decline.

// utf8ByteLength(string) -> bytes, a lone surrogate counted as U+FFFD's three.
bool utf8ByteLength(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JS::RootedString text(cx, JS::ToString(cx, args.get(0)));
    if (!text)
        return false;
    JSLinearString* linear = JS_EnsureLinearString(cx, text);
    if (!linear)
        return false;
    args.rval().setNumber(double(JS::GetDeflatedUTF8StringLength(linear)));
    return true;
}

// utf8Write(bytes, string, offset, capacity) -> [written, read]: whole characters only.
bool utf8Write(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    if (!args.get(0).isObject() || !JS_IsArrayBufferViewObject(&args[0].toObject()))
        return throwError(cx, "utf8Write needs bytes");
    JS::RootedObject view(cx, &args[0].toObject());
    JS::RootedString text(cx, JS::ToString(cx, args.get(1)));
    if (!text)
        return false;
    const std::size_t length = JS_GetArrayBufferViewByteLength(view);
    const std::size_t offset = std::min(length, std::size_t(std::max(0.0, numberArgument(cx, args, 2))));
    const std::size_t capacity = std::min(length - offset, std::size_t(std::max(0.0, numberArgument(cx, args, 3))));
    mozilla::Maybe<mozilla::Tuple<size_t, size_t>> done;
    {
        bool shared = false;
        JS::AutoCheckCannotGC noGC;
        char* data = static_cast<char*>(JS_GetArrayBufferViewData(view, &shared, noGC));
        // Encoding into the buffer may not allocate: the string is flattened first.
        done = JS_EncodeStringToUTF8BufferPartial(cx, text, mozilla::Span<char>(data + offset, capacity));
    }
    if (!done)
        return false;
    JS::RootedValueArray<2> result(cx);
    result[0].setNumber(double(mozilla::Get<1>(*done)));
    result[1].setNumber(double(mozilla::Get<0>(*done)));
    JSObject* array = JS::NewArrayObject(cx, result);
    if (!array)
        return false;
    args.rval().setObject(*array);
    return true;
}

bool isValidUtf8(const unsigned char* at, std::size_t length) {
    std::size_t i = 0;
    while (i < length) {
        const unsigned char c = at[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t need = 0;
        std::uint32_t min = 0;
        std::uint32_t point = 0;
        if ((c & 0xe0) == 0xc0) {
            need = 1, min = 0x80, point = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            need = 2, min = 0x800, point = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            need = 3, min = 0x10000, point = c & 0x07;
        } else {
            return false;
        }
        for (std::size_t k = 1; k <= need; ++k) {
            if (i + k >= length || (at[i + k] & 0xc0) != 0x80)
                return false;
            point = (point << 6) | (at[i + k] & 0x3f);
        }
        if (point < min || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff))
            return false;
        i += need + 1;
    }
    return true;
}

// utf8Decode(bytes, start, end) -> string, or undefined when the bytes are not valid
// UTF-8 (the library then replaces each bad sequence as V8 does).
bool utf8Decode(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    if (!args.get(0).isObject() || !JS_IsArrayBufferViewObject(&args[0].toObject()))
        return throwError(cx, "utf8Decode needs bytes");
    JS::RootedObject view(cx, &args[0].toObject());
    const std::size_t length = JS_GetArrayBufferViewByteLength(view);
    const std::size_t start = std::min(length, std::size_t(std::max(0.0, numberArgument(cx, args, 1))));
    const std::size_t end = std::min(length, std::size_t(std::max(double(start), numberArgument(cx, args, 2))));
    std::string copy;
    {
        bool shared = false;
        JS::AutoCheckCannotGC noGC;
        const auto* data = static_cast<const unsigned char*>(JS_GetArrayBufferViewData(view, &shared, noGC));
        if (!isValidUtf8(data + start, end - start)) {
            args.rval().setUndefined();
            return true;
        }
        copy.assign(reinterpret_cast<const char*>(data + start), end - start);
    }
    JSString* text = newString(cx, copy);
    if (!text)
        return false;
    args.rval().setString(text);
    return true;
}

// ---- fs, crypto and zlib (NodeOperations)

bool readCall(JSContext* cx, const JS::CallArgs& args, OperationCall& call) {
    call.name = stringArgument(cx, args, 0);
    if (!args.get(1).isObject())
        return throwError(cx, "an operation needs its arguments as an array");
    JS::RootedObject list(cx, &args[1].toObject());
    std::uint32_t length = 0;
    if (!JS::GetArrayLength(cx, list, &length))
        return false;
    for (std::uint32_t at = 0; at < length; ++at) {
        JS::RootedValue element(cx);
        OperationValue value;
        if (!JS_GetElement(cx, list, at, &element) || !operationValueFrom(cx, element, value))
            return false;
        call.arguments.push_back(std::move(value));
    }
    return true;
}

// operation(name, [arguments], label, callback): the work on a pool worker; then, in the
// poll phase, callback(error, value).
bool operation(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    OperationCall call;
    if (!readCall(cx, args, call))
        return false;
    PersistentValue callback = keep(cx, args.get(3));
    auto result = std::make_shared<OperationResult>();
    PoolWork work;
    work.where = program.callerLocation();
    work.label = stringArgument(cx, args, 2);
    work.computes = operationComputes(call.name);
    PoolStage stage;
    stage.work = [result, call = std::move(call)] { *result = runOperation(call); };
    work.stages.push_back(std::move(stage));
    program.runtime().startPoolJob(std::move(work), [&program, callback, result] {
        JSContext* context = program.cx();
        JSAutoRealm realm(context, program.global());
        JS::RootedValueArray<2> outcome(context);
        if (result->error) {
            if (!errorValue(context, *result->error, outcome[0]))
                return program.reportUncaughtException();
        } else {
            outcome[0].setNull();
            if (!operationValueToJs(context, result->value, outcome[1]))
                return program.reportUncaughtException();
        }
        JS::RootedValue callee(context, *callback);
        program.callGuarded(callee, JS::UndefinedHandleValue, outcome);
    });
    args.rval().setUndefined();
    return true;
}

// operationSync(name, [arguments]) -> value, or throws the operation's error.
bool operationSync(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    OperationCall call;
    if (!readCall(cx, args, call))
        return false;
    const OperationResult result = runOperation(call);
    if (result.error) {
        JS::RootedObject error(cx, operationErrorToJs(cx, *result.error));
        if (!error)
            return false;
        JS::RootedValue thrown(cx, JS::ObjectValue(*error));
        JS_SetPendingException(cx, thrown);
        return false;
    }
    return operationValueToJs(cx, result.value, args.rval());
}

// ---- http: the program's server (NodeServer) and its requests (HttpClientRequests)

// A string or an ArrayBufferView's bytes, as they go on the wire.
bool bytesArgument(JSContext* cx, JS::HandleValue value, std::string& out) {
    // A buffer's bytes are copied once, straight into `out` (a response can be megabytes).
    if (value.isObject() && JS_IsArrayBufferViewObject(&value.toObject())) {
        JSObject* view = &value.toObject();
        const std::size_t length = JS_GetArrayBufferViewByteLength(view);
        bool shared = false;
        JS::AutoCheckCannotGC noGC;
        const auto* data = static_cast<const char*>(JS_GetArrayBufferViewData(view, &shared, noGC));
        out.assign(data, length);
        return true;
    }
    OperationValue bytes;
    if (!operationValueFrom(cx, value, bytes))
        return false;
    if (const Bytes* data = std::get_if<Bytes>(&bytes))
        out.assign(data->begin(), data->end());
    else if (const std::string* text = std::get_if<std::string>(&bytes))
        out = *text;
    return true;
}

JSObject* flatHeaders(JSContext* cx, const HttpRequestDetails& details) {
    JS::RootedValueVector flat(cx);
    for (const auto& [name, value] : details.headers) {
        JS::RootedValue nameValue(cx, JS::StringValue(newString(cx, name)));
        JS::RootedValue valueValue(cx, JS::StringValue(newString(cx, value)));
        if (!flat.append(nameValue) || !flat.append(valueValue))
            return nullptr;
    }
    return JS::NewArrayObject(cx, flat);
}

// httpListen(port, onRequest, onConnection) -> the bound port. onRequest(id, method, url,
// version, [name, value, ...], body bytes, keepAlive, connection) runs as the request's
// poll-phase callback; onConnection(connection) as each accepted connection's.
bool httpListen(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    const double port = numberArgument(cx, args, 0);
    PersistentValue onRequest = keep(cx, args.get(1));
    PersistentValue onConnection = keep(cx, args.get(2));
    std::uint16_t bound = 0;
    try {
        bound = program.runtime().listenHttp(
            program.callerLocation(), std::uint16_t(port), program.scenario(),
            [&program, onRequest](std::uint64_t request, const HttpRequestDetails& details) {
                JSContext* context = program.cx();
                JSAutoRealm realm(context, program.global());
                JS::RootedValueArray<8> arguments(context);
                arguments[0].setNumber(double(request));
                arguments[1].setString(newString(context, details.method));
                arguments[2].setString(newString(context, details.url));
                arguments[3].setString(newString(context, details.httpVersion));
                JSObject* headers = flatHeaders(context, details);
                if (!headers || !operationValueToJs(context, Bytes(details.body.begin(), details.body.end()), arguments[5]))
                    return program.reportUncaughtException();
                arguments[4].setObject(*headers);
                arguments[6].setBoolean(details.keepAlive);
                arguments[7].setNumber(double(details.connection));
                JS::RootedValue callee(context, *onRequest);
                program.callGuarded(callee, JS::UndefinedHandleValue, arguments);
            },
            [&program, onConnection](std::uint64_t connection) {
                JSContext* context = program.cx();
                JSAutoRealm realm(context, program.global());
                JS::RootedValueArray<1> arguments(context);
                arguments[0].setNumber(double(connection));
                JS::RootedValue callee(context, *onConnection);
                program.callGuarded(callee, JS::UndefinedHandleValue, arguments);
            });
    } catch (const std::exception& error) {
        return throwListenError(cx, error.what());
    }
    args.rval().setNumber(double(bound));
    return true;
}

// httpRespond(id, status, bytes, keepAlive): the whole response, as the library made it.
bool httpRespond(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    std::string text;
    if (!bytesArgument(cx, args.get(2), text))
        return false;
    program.runtime().respondWith(program.callerLocation(), std::uint64_t(numberArgument(cx, args, 0)),
                                  int(numberArgument(cx, args, 1)), std::move(text), args.get(3).isTrue());
    args.rval().setUndefined();
    return true;
}

// httpRequest(port, bytes, label, callback(error, status, statusMessage, version,
// [name, value, ...], body bytes, keptConnection), keepAlive, reuse): one request to
// 127.0.0.1:port, answered in the poll phase; with keepAlive its connection may be kept
// (keptConnection, 0 if not) for a later request to pass as `reuse`.
bool httpRequest(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    const double port = numberArgument(cx, args, 0);
    std::string request;
    if (!bytesArgument(cx, args.get(1), request))
        return false;
    PersistentValue callback = keep(cx, args.get(3));
    const bool keepAlive = args.get(4).isTrue();
    const double reuse = args.get(5).isNumber() ? args.get(5).toNumber() : 0;
    program.runtime().requestHttp(
        program.callerLocation(), stringArgument(cx, args, 2), std::uint16_t(port), std::move(request), keepAlive,
        std::uint64_t(reuse), [&program, callback](const HttpClientResponse& response) {
            JSContext* context = program.cx();
            JSAutoRealm realm(context, program.global());
            JS::RootedValueArray<7> outcome(context);
            outcome[6].setNumber(double(response.keptConnection));
            if (!response.errorCode.empty()) {
                OperationError error;
                error.code = response.errorCode;
                error.message = response.error;
                if (!errorValue(context, error, outcome[0]))
                    return program.reportUncaughtException();
            } else {
                HttpRequestDetails headers;
                headers.headers = response.headers;
                JSObject* flat = flatHeaders(context, headers);
                if (!flat || !operationValueToJs(context, Bytes(response.body.begin(), response.body.end()), outcome[5]))
                    return program.reportUncaughtException();
                outcome[0].setNull();
                outcome[1].setInt32(response.status);
                outcome[2].setString(newString(context, response.statusMessage));
                outcome[3].setString(newString(context, response.httpVersion));
                outcome[4].setObject(*flat);
            }
            JS::RootedValue callee(context, *callback);
            program.callGuarded(callee, JS::UndefinedHandleValue, outcome);
        });
    args.rval().setUndefined();
    return true;
}

// httpClose(port): the program's server listening on that port stops.
bool httpClose(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram::of(cx).runtime().closeHttp(std::uint16_t(numberArgument(cx, args, 0)));
    args.rval().setUndefined();
    return true;
}

// ---- modules

// The source text as the engine's own UTF-16: SpiderMonkey 102 reads a UTF-8
// SourceText for CompileFunction as Latin-1, so a program's "é" would become "Ã©".
bool sourceArgument(JSContext* cx, const JS::CallArgs& args, std::u16string& out) {
    JS::RootedString text(cx, JS::ToString(cx, args.get(0)));
    if (!text)
        return false;
    out.resize(JS_GetStringLength(text));
    return JS_CopyStringChars(cx, mozilla::Range<char16_t>(out.data(), out.size()), text);
}

// compileFunction(source, filename, [parameter names], name?, file's own text?) -> function; the
// file's own text is what an uncaught error's source line is taken from.
bool compileFunction(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    const std::string source = stringArgument(cx, args, 0);
    std::u16string units;
    if (!sourceArgument(cx, args, units))
        return false;
    const std::string file = stringArgument(cx, args, 1);
    std::vector<std::string> names;
    if (args.get(2).isObject()) {
        JS::RootedObject list(cx, &args[2].toObject());
        std::uint32_t length = 0;
        JS::GetArrayLength(cx, list, &length);
        for (std::uint32_t at = 0; at < length; ++at) {
            JS::RootedValue name(cx);
            JS_GetElement(cx, list, at, &name);
            names.push_back(valueToUtf8(cx, name));
        }
    }
    std::vector<const char*> parameters;
    for (const std::string& name : names)
        parameters.push_back(name.c_str());
    const std::string name = args.get(3).isString() ? stringArgument(cx, args, 3) : std::string();
    program.rememberSource(file, args.get(4).isString() ? stringArgument(cx, args, 4) : source);
    JS::CompileOptions options(cx);
    // CompileFunction adds a hidden first line: starting at 0 keeps the lines the file's own.
    options.setFileAndLine(file.c_str(), 0);
    JS::SourceText<char16_t> text;
    if (!text.init(cx, units.data(), units.size(), JS::SourceOwnership::Borrowed))
        return false;
    JS::RootedObjectVector scope(cx);
    JSFunction* function = JS::CompileFunction(cx, scope, options, name.c_str(), unsigned(parameters.size()), parameters.data(), text);
    if (!function)
        return false;
    // The file's name is what an `import()` inside it resolves against.
    JS::RootedFunction compiled(cx, function);
    if (JSScript* script = JS_GetFunctionScript(cx, compiled))
        JS::SetScriptPrivate(script, JS::StringValue(newString(cx, file)));
    args.rval().setObject(*JS_GetFunctionObject(function));
    return true;
}

// compileModule(source, filename, file's own text?) -> an ES module record, its private value
// the filename.
bool compileModule(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    const std::string source = stringArgument(cx, args, 0);
    std::u16string units;
    if (!sourceArgument(cx, args, units))
        return false;
    const std::string file = stringArgument(cx, args, 1);
    program.rememberSource(file, args.get(2).isString() ? stringArgument(cx, args, 2) : source);
    JS::CompileOptions options(cx);
    options.setFileAndLine(file.c_str(), 1);
    JS::SourceText<char16_t> text;
    if (!text.init(cx, units.data(), units.size(), JS::SourceOwnership::Borrowed))
        return false;
    JS::RootedObject module(cx, JS::CompileModule(cx, options, text));
    if (!module)
        return false;
    JS::SetModulePrivate(module, JS::StringValue(newString(cx, file)));
    args.rval().setObject(*module);
    return true;
}

// runningAsyncFrames() -> what JsMicrotaskQueue::runningAsyncFrames finds for the microtask
// running now, or undefined.
bool runningAsyncFrames(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    return JsMicrotaskQueue::runningAsyncFrames(cx, JavaScriptProgram::of(cx).runningJob(), args.rval());
}

// parseSource(source, isModule) -> the syntax tree of Reflect.parse, with locations. Reflect.parse
// is set up on a holder of its own: the program's Reflect has no parse, as in Node.
bool parseSource(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JS::RootedObject holder(cx, JS_NewPlainObject(cx));
    JS::RootedObject reflect(cx, JS_NewPlainObject(cx));
    if (!holder || !reflect || !JS_DefineProperty(cx, holder, "Reflect", reflect, 0) || !JS_InitReflectParse(cx, holder))
        return false;
    JS::RootedObject parseOptions(cx, JS_NewPlainObject(cx));
    JS::RootedValue target(cx, JS::StringValue(newString(cx, args.get(1).toBoolean() ? "module" : "script")));
    if (!parseOptions || !JS_SetProperty(cx, parseOptions, "target", target))
        return false;
    JS::RootedValueArray<2> parseArguments(cx);
    parseArguments[0].set(args.get(0));
    parseArguments[1].setObject(*parseOptions);
    return JS_CallFunctionName(cx, reflect, "parse", parseArguments, args.rval());
}

// evaluateModule(record) -> the evaluation's promise (top-level await may keep it pending).
bool evaluateModule(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    if (!args.get(0).isObject())
        return throwError(cx, "evaluateModule needs a module record");
    JS::RootedObject module(cx, &args[0].toObject());
    if (!JS::ModuleInstantiate(cx, module))
        return false;
    return JS::ModuleEvaluate(cx, module, args.rval());
}

// moduleNamespace(record) -> the module's namespace object (require() of an ES module).
bool moduleNamespace(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    if (!args.get(0).isObject())
        return throwError(cx, "moduleNamespace needs a module record");
    JS::RootedObject module(cx, &args[0].toObject());
    JSObject* namespaceObject = JS::GetModuleNamespace(cx, module);
    if (!namespaceObject)
        return false;
    args.rval().setObject(*namespaceObject);
    return true;
}

// readFile(path) -> string; throws an Error with Node's code (ENOENT, EISDIR, ...).
bool readFile(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    const std::string path = stringArgument(cx, args, 0);
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        const int error = errno;
        return throwError(cx, std::string(error == ENOENT ? "ENOENT: no such file or directory" : std::strerror(error)) +
                                  ", open '" + path + "'", error == ENOENT ? "ENOENT" : "EIO");
    }
    if (S_ISDIR(info.st_mode))
        return throwError(cx, "EISDIR: illegal operation on a directory, read", "EISDIR");
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in)
        return throwError(cx, "EIO: cannot read '" + path + "'", "EIO");
    JSString* text = newString(cx, content.str());
    if (!text)
        return false;
    args.rval().setString(text);
    return true;
}

// statKind(path) -> 0 nothing there, 1 a file, 2 a directory
bool statKind(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    struct stat info {};
    const std::string path = stringArgument(cx, args, 0);
    int kind = 0;
    if (::stat(path.c_str(), &info) == 0)
        kind = S_ISDIR(info.st_mode) ? 2 : 1;
    args.rval().setInt32(kind);
    return true;
}

bool realPath(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    const std::string path = stringArgument(cx, args, 0);
    char resolved[PATH_MAX];
    const char* real = ::realpath(path.c_str(), resolved);
    JSString* text = newString(cx, real ? std::string(real) : path);
    if (!text)
        return false;
    args.rval().setString(text);
    return true;
}

// librarySource(name) -> the source of lib/<name>.js, or undefined
bool librarySource(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    const JsLibraryFile* file = jsLibraryFile(stringArgument(cx, args, 0));
    if (!file) {
        args.rval().setUndefined();
        return true;
    }
    JSString* text = newString(cx, file->source);
    if (!text)
        return false;
    args.rval().setString(text);
    return true;
}

// ---- promises (for util.inspect and unhandled rejections)

bool getPromiseDetails(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JS::RootedObject promise(cx, args.get(0).isObject() ? &args[0].toObject() : nullptr);
    if (!promise || !JS::IsPromiseObject(promise)) {
        args.rval().setUndefined();
        return true;
    }
    const JS::PromiseState state = JS::GetPromiseState(promise);
    JS::RootedValueArray<2> details(cx);
    details[0].setInt32(state == JS::PromiseState::Pending ? 0 : state == JS::PromiseState::Fulfilled ? 1 : 2);
    if (state != JS::PromiseState::Pending)
        details[1].set(JS::GetPromiseResult(promise));
    JSObject* array = JS::NewArrayObject(cx, details);
    if (!array)
        return false;
    args.rval().setObject(*array);
    return true;
}

// The handler all scripted proxies (`new Proxy(target, handler)`) share, taken from one made
// here: comparing with it calls nothing of the handler's class, whose type information the
// engine's library does not export (a sanitizer's checks of that call would need it).
const void* scriptedProxyHandler(JSContext* cx) {
    static std::atomic<const void*> shared{nullptr};
    if (const void* known = shared.load())
        return known;
    JS::RootedObject proxyConstructor(cx);
    JS::RootedObject target(cx, JS_NewPlainObject(cx));
    JS::RootedObject handler(cx, JS_NewPlainObject(cx));
    if (!target || !handler || !JS_GetClassObject(cx, JSProto_Proxy, &proxyConstructor))
        return nullptr;
    JS::RootedValueArray<2> arguments(cx);
    arguments[0].setObject(*target);
    arguments[1].setObject(*handler);
    JS::RootedValue callee(cx, JS::ObjectValue(*proxyConstructor));
    JS::RootedObject sample(cx);
    if (!JS::Construct(cx, callee, arguments, &sample) || !js::IsProxy(sample))
        return nullptr;
    shared = js::GetProxyHandler(sample);
    return shared.load();
}

bool getProxyDetails(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    args.rval().setUndefined();
    if (!args.get(0).isObject() || !js::IsProxy(&args[0].toObject()))
        return true;
    const void* scripted = scriptedProxyHandler(cx);
    if (!scripted)
        return false;
    if (js::GetProxyHandler(&args[0].toObject()) != scripted)
        return true;
    JSObject* proxy = &args[0].toObject();
    // A scripted proxy's private value is its target and its first reserved slot its
    // handler; both are null once revoked.
    JS::RootedValue target(cx, js::GetProxyPrivate(proxy));
    if (!args.get(1).toBoolean()) {
        args.rval().set(target.isObject() ? target : JS::NullValue());
        return true;
    }
    JS::RootedValueArray<2> details(cx);
    details[0].set(target.isObject() ? target : JS::NullValue());
    details[1].set(js::GetProxyReservedSlot(proxy, 0));
    JSObject* array = JS::NewArrayObject(cx, details);
    if (!array)
        return false;
    args.rval().setObject(*array);
    return true;
}

// takeRejections() -> [[promise, reason, handledLater, the async function that threw or undefined], ...]
bool takeRejections(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    std::vector<JavaScriptProgram::Rejection> rejections = JavaScriptProgram::of(cx).takeRejections();
    JS::RootedValueVector entries(cx);
    for (const JavaScriptProgram::Rejection& rejection : rejections) {
        JS::RootedObject promise(cx, *rejection.promise);
        JS::RootedValueArray<4> entry(cx);
        entry[0].setObject(*promise);
        entry[1].set(JS::GetPromiseResult(promise));
        entry[2].setBoolean(rejection.handledLater);
        if (rejection.thrower)
            entry[3].setObject(**rejection.thrower);
        JSObject* array = JS::NewArrayObject(cx, entry);
        if (!array || !entries.append(JS::ObjectValue(*array)))
            return false;
    }
    JSObject* list = JS::NewArrayObject(cx, entries);
    if (!list)
        return false;
    args.rval().setObject(*list);
    return true;
}

const JSFunctionSpec kNatives[] = {
    JS_FN("write", write, 2, 0),
    JS_FN("exit", exitNow, 1, 0),
    JS_FN("setExitCode", setExitCode, 1, 0),
    JS_FN("hrtime", hrtime, 0, 0),
    JS_FN("processUsage", processUsage, 0, 0),
    JS_FN("osInfo", osInfo, 0, 0),
    JS_FN("loopNow", loopNow, 0, 0),
    JS_FN("loopTiming", loopTiming, 0, 0),
    JS_FN("setHooks", setHooks, 1, 0),
    JS_FN("nextTick", nextTick, 3, 0),
    JS_FN("queueMicrotask", queueMicrotask, 2, 0),
    JS_FN("setTimer", setTimer, 3, 0),
    JS_FN("clearTimer", clearTimer, 1, 0),
    JS_FN("refTimer", refTimer, 2, 0),
    JS_FN("refreshTimer", refreshTimer, 1, 0),
    JS_FN("timerIsActive", timerIsActive, 1, 0),
    JS_FN("setImmediate", setImmediate, 1, 0),
    JS_FN("clearImmediate", clearImmediate, 1, 0),
    JS_FN("utf8ByteLength", utf8ByteLength, 1, 0),
    JS_FN("utf8Write", utf8Write, 4, 0),
    JS_FN("utf8Decode", utf8Decode, 3, 0),
    JS_FN("operation", operation, 4, 0),
    JS_FN("operationSync", operationSync, 2, 0),
    JS_FN("httpListen", httpListen, 3, 0),
    JS_FN("httpRespond", httpRespond, 4, 0),
    JS_FN("httpClose", httpClose, 1, 0),
    JS_FN("httpRequest", httpRequest, 6, 0),
    JS_FN("compileFunction", compileFunction, 3, 0),
    JS_FN("compileModule", compileModule, 2, 0),
    JS_FN("evaluateModule", evaluateModule, 1, 0),
    JS_FN("moduleNamespace", moduleNamespace, 1, 0),
    JS_FN("parseSource", parseSource, 2, 0),
    JS_FN("runningAsyncFrames", runningAsyncFrames, 0, 0),
    JS_FN("readFile", readFile, 1, 0),
    JS_FN("statKind", statKind, 1, 0),
    JS_FN("realPath", realPath, 1, 0),
    JS_FN("librarySource", librarySource, 1, 0),
    JS_FN("getPromiseDetails", getPromiseDetails, 1, 0),
    JS_FN("getProxyDetails", getProxyDetails, 1, 0),
    JS_FN("takeRejections", takeRejections, 0, 0),
    JS_FS_END,
};

bool defineString(JSContext* cx, JS::HandleObject object, const char* name, const std::string& value) {
    JS::RootedValue text(cx, JS::StringValue(newString(cx, value)));
    return JS_DefineProperty(cx, object, name, text, JSPROP_ENUMERATE);
}

bool defineStringList(JSContext* cx, JS::HandleObject object, const char* name, const std::vector<std::string>& values) {
    JS::RootedValueVector items(cx);
    for (const std::string& value : values)
        if (!items.append(JS::StringValue(newString(cx, value))))
            return false;
    JS::RootedObject list(cx, JS::NewArrayObject(cx, items));
    if (!list)
        return false;
    JS::RootedValue listValue(cx, JS::ObjectValue(*list));
    return JS_DefineProperty(cx, object, name, listValue, JSPROP_ENUMERATE);
}

JSObject* environment(JSContext* cx) {
    JS::RootedObject env(cx, JS_NewPlainObject(cx));
    if (!env)
        return nullptr;
    for (char** entry = environ; entry && *entry; ++entry) {
        const std::string pair = *entry;
        const std::size_t equals = pair.find('=');
        if (equals == std::string::npos || equals == 0)
            continue;
        if (!defineString(cx, env, pair.substr(0, equals).c_str(), pair.substr(equals + 1)))
            return nullptr;
    }
    return env;
}

}  // namespace

JSObject* makeNatives(JSContext* cx) {
    JS::RootedObject natives(cx, JS_NewPlainObject(cx));
    if (!natives || !JS_DefineFunctions(cx, natives, kNatives))
        return nullptr;
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    JS::RootedObject env(cx, environment(cx));
    JS::RootedValue envValue(cx, JS::ObjectOrNullValue(env));
    JS::RootedValue pid(cx, JS::Int32Value(int(::getpid())));
    JS::RootedValue ppid(cx, JS::Int32Value(int(::getppid())));
    if (!env || !JS_DefineProperty(cx, natives, "env", envValue, JSPROP_ENUMERATE) ||
        !JS_DefineProperty(cx, natives, "pid", pid, JSPROP_ENUMERATE) ||
        !JS_DefineProperty(cx, natives, "ppid", ppid, JSPROP_ENUMERATE) ||
        !defineString(cx, natives, "version", kNodeVersion) ||
        !defineString(cx, natives, "mainFile", program.scenario().program) ||
        !defineStringList(cx, natives, "programArguments", program.scenario().programArguments) ||
        !defineWorkerNatives(cx, natives) || !defineNetNatives(cx, natives) || !defineProcessNatives(cx, natives) || !JsSignals::defineNatives(cx, natives) || !JsFileWatchers::defineNatives(cx, natives) ||
        !JsAsyncContext::defineNatives(cx, natives) ||
        !defineSharedMemoryNatives(cx, natives) || !defineClusterNatives(cx, natives) || !defineVmNatives(cx, natives) ||
        !defineChildProcessNatives(cx, natives) || !defineTextSegmenterNatives(cx, natives))
        return nullptr;
    return natives;
}

}  // namespace loopscope
