#include "JsChildProcessNatives.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>

#include <js/Array.h>
#include <js/Conversions.h>
#include <js/ArrayBuffer.h>
#include <js/PropertyAndElement.h>
#include <js/experimental/TypedData.h>

#include "ChildProcesses.h"
#include "JavaScriptProgram.h"
#include "JsStrings.h"

namespace loopscope {

namespace {

// The library's description of a child's descriptors: [kind, value, kind, value, ...],
// kind 0 nothing, 1 a pipe (value: its handle), 2 this process's descriptor `value`.
bool readStdio(JSContext* cx, JS::HandleValue value, std::vector<ChildStdio>& out) {
    if (!value.isObject())
        return true;
    JS::RootedObject list(cx, &value.toObject());
    std::uint32_t length = 0;
    if (!JS::GetArrayLength(cx, list, &length))
        return false;
    JS::RootedValue kind(cx);
    JS::RootedValue number(cx);
    for (std::uint32_t at = 0; at + 1 < length; at += 2) {
        if (!JS_GetElement(cx, list, at, &kind) || !JS_GetElement(cx, list, at + 1, &number))
            return false;
        ChildStdio slot;
        const int k = kind.isNumber() ? int(kind.toNumber()) : 0;
        const double v = number.isNumber() ? number.toNumber() : 0;
        slot.kind = k == 1 ? ChildStdio::Kind::Pipe : k == 2 ? ChildStdio::Kind::Inherit : ChildStdio::Kind::Ignore;
        if (slot.kind == ChildStdio::Kind::Pipe)
            slot.pipe = TcpSockets::Handle(v);
        else
            slot.fd = int(v);
        out.push_back(slot);
    }
    return true;
}

// (file, args, env or undefined, cwd, stdio, detached): arguments 0 to 5 of both spawns.
bool readCommand(JSContext* cx, const JS::CallArgs& args, ChildCommand& command) {
    command.file = stringArgument(cx, args, 0);
    if (!readStringList(cx, args.get(1), command.arguments))
        return false;
    if (args.get(2).isObject()) {
        command.environment.emplace();
        if (!readStringList(cx, args.get(2), *command.environment))
            return false;
    }
    if (args.get(3).isString())
        command.cwd = stringArgument(cx, args, 3);
    if (!readStdio(cx, args.get(4), command.stdio))
        return false;
    command.detached = JS::ToBoolean(args.get(5));
    return true;
}

JSObject* newBytes(JSContext* cx, const std::string& bytes) {
    void* contents = std::malloc(bytes.empty() ? 1 : bytes.size());
    if (!contents)
        return nullptr;
    std::memcpy(contents, bytes.data(), bytes.size());
    JS::RootedObject buffer(cx, JS::NewArrayBufferWithContents(cx, bytes.size(), contents));
    if (!buffer) {
        std::free(contents);
        return nullptr;
    }
    return JS_NewUint8ArrayWithBuffer(cx, buffer, 0, std::int64_t(bytes.size()));
}

bool returnList(JSContext* cx, const JS::CallArgs& args, const JS::HandleValueArray& items) {
    JSObject* list = JS::NewArrayObject(cx, items);
    if (!list)
        return false;
    args.rval().setObject(*list);
    return true;
}

// pipeOpen(name) -> handle: a pipe for a child's descriptor; its callbacks are "NAME data".
bool pipeOpen(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    static const char* const kNames[] = {"child stdin", "child stdout", "child stderr", "child stdio"};
    const int fd = int(numberArgument(cx, args, 0));
    const char* name = kNames[fd >= 0 && fd < 3 ? fd : 3];
    args.rval().setNumber(double(program.runtime().tcp().openPipe(program.callerLocation(), name)));
    return true;
}

// childSpawn(file, args, env, cwd, stdio, detached, onExit(status, signal)) -> [id or
// error, pid]; onExit runs as a poll-phase callback "child exit".
bool childSpawn(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    ChildCommand command;
    if (!readCommand(cx, args, command))
        return false;
    auto onExit = std::make_shared<JS::PersistentRooted<JS::Value>>(cx, args.get(6));
    const SourceLocation where = program.callerLocation();
    int pid = 0;
    NodeRuntime& runtime = program.runtime();
    const std::int64_t id = runtime.children().spawn(
        command,
        [&program, &runtime, onExit, where](std::int64_t status, int signal) {
            if (runtime.stopped())
                return;
            runtime.runMessage(runtime.callback(where, "child exit", [&program, onExit, status, signal] {
                JSContext* context = program.cx();
                JSAutoRealm realm(context, program.global());
                JS::RootedValueArray<2> arguments(context);
                arguments[0].setNumber(double(status));
                arguments[1].setInt32(signal);
                JS::RootedValue callee(context, *onExit);
                program.callGuarded(callee, JS::UndefinedHandleValue, arguments);
            }));
        },
        pid);
    JS::RootedValueArray<2> outcome(cx);
    outcome[0].setNumber(double(id));
    outcome[1].setInt32(pid);
    return returnList(cx, args, outcome);
}

// childKill(id, signal) -> 0 or a libuv error
bool childKill(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    args.rval().setInt32(program.runtime().children().kill(ChildProcesses::Id(numberArgument(cx, args, 0)),
                                                           int(numberArgument(cx, args, 1))));
    return true;
}

// childRef(id, refed)
bool childRef(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    program.runtime().children().setRef(ChildProcesses::Id(numberArgument(cx, args, 0)), JS::ToBoolean(args.get(1)));
    args.rval().setUndefined();
    return true;
}

// childSpawnSync(file, args, env, cwd, stdio, detached, input, timeoutMs, maxBuffer,
// killSignal) -> [error, pid, status or null, signal, [output per descriptor or null]]
bool childSpawnSync(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    ChildCommand command;
    if (!readCommand(cx, args, command))
        return false;
    ChildSyncLimits limits;
    if (args.get(6).isObject() && JS_IsArrayBufferViewObject(&args[6].toObject())) {
        JSObject* view = &args[6].toObject();
        const std::size_t length = JS_GetArrayBufferViewByteLength(view);
        bool shared = false;
        JS::AutoCheckCannotGC noGC;
        const auto* data = static_cast<const char*>(JS_GetArrayBufferViewData(view, &shared, noGC));
        limits.input.assign(data, length);
    }
    const double timeout = args.get(7).isNumber() ? args[7].toNumber() : 0;
    if (timeout > 0 && std::isfinite(timeout))
        limits.timeout = Nanoseconds(timeout * double(kMillisecond));
    const double maxBuffer = args.get(8).isNumber() ? args[8].toNumber() : INFINITY;
    if (std::isfinite(maxBuffer) && maxBuffer >= 0)
        limits.maxBuffer = std::size_t(maxBuffer);
    limits.killSignal = args.get(9).isNumber() ? int(args[9].toNumber()) : 15;
    limits.deadline = program.runtime().horizonDeadline();
    const ChildOutcome outcome = ChildProcesses::runToEnd(command, limits);

    JS::RootedValueVector outputs(cx);
    for (const auto& output : outcome.output) {
        JS::RootedValue item(cx, JS::NullValue());
        if (output) {
            JSObject* bytes = newBytes(cx, *output);
            if (!bytes)
                return false;
            item.setObject(*bytes);
        }
        if (!outputs.append(item))
            return false;
    }
    JSObject* outputList = JS::NewArrayObject(cx, outputs);
    if (!outputList)
        return false;
    JS::RootedValueArray<5> result(cx);
    result[0].setInt32(outcome.error);
    result[1].setInt32(outcome.pid);
    if (outcome.status)
        result[2].setNumber(double(*outcome.status));
    else
        result[2].setNull();
    result[3].setInt32(outcome.signal);
    result[4].setObject(*outputList);
    return returnList(cx, args, result);
}

const JSFunctionSpec kChildProcessNatives[] = {
    JS_FN("pipeOpen", pipeOpen, 1, 0),
    JS_FN("childSpawn", childSpawn, 7, 0),
    JS_FN("childKill", childKill, 2, 0),
    JS_FN("childRef", childRef, 2, 0),
    JS_FN("childSpawnSync", childSpawnSync, 10, 0),
    JS_FS_END,
};

}  // namespace

bool defineChildProcessNatives(JSContext* cx, JS::HandleObject natives) {
    return JS_DefineFunctions(cx, natives, kChildProcessNatives);
}

}  // namespace loopscope
