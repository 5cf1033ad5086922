#include "JsClusterNatives.h"

#include <signal.h>

#include <cstring>
#include <stdexcept>

#include <js/Array.h>
#include <js/PropertyAndElement.h>

#include "JavaScriptProgram.h"
#include "JsCluster.h"
#include "JsStrings.h"

namespace loopscope {

namespace {

JsCluster& clusterOf(JSContext* cx) { return JavaScriptProgram::of(cx).cluster(); }

int idArgument(JSContext* cx, const JS::CallArgs& args) { return int(numberArgument(cx, args, 0)); }

// A signal as kill() takes it: a number, or a name such as 'SIGTERM'; 0 when unknown.
int signalArgument(JSContext* cx, JS::HandleValue value) {
    if (value.isNumber())
        return int(value.toNumber());
    const std::string name = valueToUtf8(cx, value);
    for (int signal = 1; signal < NSIG; ++signal) {
        const char* abbreviation = sigabbrev_np(signal);
        if (abbreviation && name == std::string("SIG") + abbreviation)
            return signal;
    }
    return 0;
}

// clusterFork([name, value, ...]) -> [id, pid]
bool clusterFork(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    std::vector<std::pair<std::string, std::string>> environment;
    if (args.get(0).isObject()) {
        JS::RootedObject list(cx, &args[0].toObject());
        std::uint32_t length = 0;
        if (!JS::GetArrayLength(cx, list, &length))
            return false;
        for (std::uint32_t at = 0; at + 1 < length; at += 2) {
            JS::RootedValue name(cx);
            JS::RootedValue value(cx);
            if (!JS_GetElement(cx, list, at, &name) || !JS_GetElement(cx, list, at + 1, &value))
                return false;
            environment.emplace_back(valueToUtf8(cx, name), valueToUtf8(cx, value));
        }
    }
    ClusterForks::Forked forked;
    try {
        forked = clusterOf(cx).fork(environment);
    } catch (const std::exception& error) {
        return throwError(cx, error.what(), "ERR_CLUSTER_FORK");
    }
    JS::RootedValueArray<2> pair(cx);
    pair[0].setNumber(double(forked.id));
    pair[1].setNumber(double(forked.pid));
    JSObject* array = JS::NewArrayObject(cx, pair);
    if (!array)
        return false;
    args.rval().setObject(*array);
    return true;
}

// childFork(file, args, env or undefined, cwd) -> [id, pid]: child_process.fork()'s
// process, a run of this program's engine on `file` with the channel of a cluster worker.
bool childFork(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    ForkedProgram program;
    program.file = stringArgument(cx, args, 0);
    if (!readStringList(cx, args.get(1), program.arguments))
        return false;
    if (args.get(2).isObject()) {
        program.environment.emplace();
        if (!readStringList(cx, args.get(2), *program.environment))
            return false;
    }
    if (args.get(3).isString())
        program.cwd = stringArgument(cx, args, 3);
    ClusterForks::Forked forked;
    try {
        forked = clusterOf(cx).forkChild(program);
    } catch (const std::exception& error) {
        return throwError(cx, error.what(), "ERR_CHILD_PROCESS_FORK");
    }
    JS::RootedValueArray<2> pair(cx);
    pair[0].setNumber(double(forked.id));
    pair[1].setNumber(double(forked.pid));
    JSObject* array = JS::NewArrayObject(cx, pair);
    if (!array)
        return false;
    args.rval().setObject(*array);
    return true;
}

// clusterSend(id, text) -> whether it went
bool clusterSend(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    args.rval().setBoolean(clusterOf(cx).send(idArgument(cx, args), stringArgument(cx, args, 1)));
    return true;
}

bool clusterDisconnect(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    clusterOf(cx).disconnect(idArgument(cx, args));
    args.rval().setUndefined();
    return true;
}

// clusterKill(id, signal) -> 0, or a libuv error code
bool clusterKill(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    const int signal = signalArgument(cx, args.get(1));
    if (signal == 0)
        return throwError(cx, "Unknown signal: " + valueToUtf8(cx, args.get(1)), "ERR_UNKNOWN_SIGNAL");
    args.rval().setInt32(clusterOf(cx).kill(idArgument(cx, args), signal));
    return true;
}

// clusterShare(id, port) -> the port the primary listens on for the worker
bool clusterShare(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    std::uint16_t port = 0;
    try {
        port = clusterOf(cx).share(idArgument(cx, args), std::uint16_t(numberArgument(cx, args, 1)));
    } catch (const std::exception& error) {
        return throwListenError(cx, error.what());
    }
    args.rval().setNumber(double(port));
    return true;
}

// workerSend(text) -> whether it went (process.send in a forked worker)
bool workerSend(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    args.rval().setBoolean(clusterOf(cx).sendToPrimary(stringArgument(cx, args, 0)));
    return true;
}

bool workerDisconnect(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    clusterOf(cx).disconnectFromPrimary();
    args.rval().setUndefined();
    return true;
}

// workerChannelRef(refed)
bool workerChannelRef(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    clusterOf(cx).setChannelRef(args.get(0).isTrue());
    args.rval().setUndefined();
    return true;
}

const JSFunctionSpec kClusterNatives[] = {
    JS_FN("clusterFork", clusterFork, 1, 0),
    JS_FN("childFork", childFork, 4, 0),
    JS_FN("clusterSend", clusterSend, 2, 0),
    JS_FN("clusterDisconnect", clusterDisconnect, 1, 0),
    JS_FN("clusterKill", clusterKill, 2, 0),
    JS_FN("clusterShare", clusterShare, 2, 0),
    JS_FN("workerSend", workerSend, 1, 0),
    JS_FN("workerDisconnect", workerDisconnect, 0, 0),
    JS_FN("workerChannelRef", workerChannelRef, 1, 0),
    JS_FS_END,
};

}  // namespace

bool defineClusterNatives(JSContext* cx, JS::HandleObject natives) {
    if (!JS_DefineFunctions(cx, natives, kClusterNatives))
        return false;
    const JsCluster& cluster = JavaScriptProgram::of(cx).cluster();
    JS::RootedObject info(cx, JS_NewPlainObject(cx));
    if (!info)
        return false;
    JS::RootedValue isWorker(cx, JS::BooleanValue(cluster.isWorker()));
    JS::RootedValue id(cx, JS::NumberValue(cluster.workerId()));
    JS::RootedValue isForkedChild(cx, JS::BooleanValue(cluster.isForkedChild()));
    JS::RootedValue infoValue(cx, JS::ObjectValue(*info));
    return JS_DefineProperty(cx, info, "isWorker", isWorker, JSPROP_ENUMERATE) &&
           JS_DefineProperty(cx, info, "id", id, JSPROP_ENUMERATE) &&
           JS_DefineProperty(cx, info, "isForkedChild", isForkedChild, JSPROP_ENUMERATE) &&
           JS_DefineProperty(cx, natives, "clusterInfo", infoValue, JSPROP_ENUMERATE);
}

}  // namespace loopscope
