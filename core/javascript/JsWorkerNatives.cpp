#include "JsWorkerNatives.h"

#include <js/Array.h>
#include <js/ArrayBuffer.h>
#include <js/PropertyAndElement.h>

#include "JavaScriptProgram.h"
#include "JsStrings.h"
#include "JsWorkers.h"
#include "MessagePortHub.h"
#include "WorkerLink.h"

namespace loopscope {

namespace {

std::uint64_t threadIdArgument(JSContext* cx, const JS::CallArgs& args) {
    return std::uint64_t(numberArgument(cx, args, 0));
}

// The ports a message carries to a worker, as the library lists them: [id, trip, id, trip...].
bool carriedPorts(JSContext* cx, JS::HandleValue list, CarriedPorts& carried) {
    if (!list.isObject())
        return true;
    JS::RootedObject array(cx, &list.toObject());
    std::uint32_t length = 0;
    if (!JS::GetArrayLength(cx, array, &length))
        return false;
    JS::RootedValue id(cx), trip(cx);
    for (std::uint32_t at = 0; at + 1 < length; at += 2) {
        if (!JS_GetElement(cx, array, at, &id) || !JS_GetElement(cx, array, at + 1, &trip))
            return false;
        if (id.isNumber() && trip.isNumber())
            carried.emplace_back(std::uint64_t(id.toNumber()), std::uint64_t(trip.toNumber()));
    }
    return true;
}

// workerStart(filename, isEval, evalSource, workerDataTape, carriedPorts) -> threadId
bool workerStart(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    CarriedPorts carried;
    if (!carriedPorts(cx, args.get(4), carried))
        return false;
    const std::uint64_t threadId =
        program.workers().start(stringArgument(cx, args, 0), args.get(1).isTrue(), stringArgument(cx, args, 2),
                                stringArgument(cx, args, 3), std::move(carried));
    args.rval().setNumber(double(threadId));
    return true;
}

// workerPost(threadId, tape, carriedPorts)
bool workerPost(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    CarriedPorts carried;
    if (!carriedPorts(cx, args.get(2), carried))
        return false;
    JavaScriptProgram::of(cx).workers().post(threadIdArgument(cx, args), stringArgument(cx, args, 1),
                                             std::move(carried));
    args.rval().setUndefined();
    return true;
}

bool workerTerminate(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram::of(cx).workers().terminate(threadIdArgument(cx, args));
    args.rval().setUndefined();
    return true;
}

// workerRef(threadId, refed)
bool workerRef(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram::of(cx).workers().setRef(threadIdArgument(cx, args), args.get(1).isTrue());
    args.rval().setUndefined();
    return true;
}

// parentPost(tape): in a worker, parentPort.postMessage.
bool parentPost(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    if (WorkerLink* link = JavaScriptProgram::of(cx).workerLink())
        link->report(WorkerReport{WorkerReport::Kind::Message, stringArgument(cx, args, 0), {}, 0});
    args.rval().setUndefined();
    return true;
}

// parentPortRef(refed)
bool parentPortRef(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram::of(cx).setParentPortRef(args.get(0).isTrue());
    args.rval().setUndefined();
    return true;
}

// portPost(id, label): a MessageChannel's message to a port of this same thread arrives as
// a message from another thread does, a poll-phase callback, where the library's
// portMessage hook delivers message `id` (the library keeps the value, so the loop's inbox
// holds no JavaScript value).
bool portPost(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    const double id = args.get(0).isNumber() ? args.get(0).toNumber() : 0;
    std::string label = "MessagePort message";
    if (args.get(1).isString()) {
        JS::UniqueChars text = JS_EncodeStringToUTF8(cx, JS::RootedString(cx, args.get(1).toString()));
        if (text)
            label = text.get();
    }
    program.runtime().postFromThread([&program, id, label] {
        NodeRuntime& runtime = program.runtime();
        runtime.runMessage(runtime.callback({}, label, [&program, id] {
            JSAutoRealm realm(program.cx(), program.global());
            JS::RootedValueArray<1> arguments(program.cx());
            arguments[0].setNumber(id);
            program.callHook("portMessage", arguments);
        }));
    });
    args.rval().setUndefined();
    return true;
}

// portRef(refed): a port that listens keeps the loop alive until it is closed or unref'd.
bool portRef(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    NodeRuntime& runtime = JavaScriptProgram::of(cx).runtime();
    if (args.get(0).isTrue())
        runtime.holdLoop();
    else
        runtime.releaseLoop();
    args.rval().setUndefined();
    return true;
}

// ---- ports that reach other threads (MessagePortHub)

std::uint64_t endpointArgument(JSContext* cx, const JS::CallArgs& args) {
    return std::uint64_t(numberArgument(cx, args, 0));
}

// portEntangle() -> [id, id]: a MessageChannel's two ports, once one of them leaves.
bool portEntangle(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    auto [first, second] = MessagePortHub::instance().entangle(JavaScriptProgram::of(cx));
    JS::RootedValueArray<2> ids(cx);
    ids[0].setNumber(double(first));
    ids[1].setNumber(double(second));
    JSObject* array = JS::NewArrayObject(cx, ids);
    if (!array)
        return false;
    args.rval().setObject(*array);
    return true;
}

// broadcastSubscribe(name) -> id
bool broadcastSubscribe(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    const std::uint64_t id = MessagePortHub::instance().subscribe(stringArgument(cx, args, 0), JavaScriptProgram::of(cx));
    args.rval().setNumber(double(id));
    return true;
}

// endpointPost(id, tape)
bool endpointPost(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    MessagePortHub::instance().post(endpointArgument(cx, args), stringArgument(cx, args, 1));
    args.rval().setUndefined();
    return true;
}

bool endpointClose(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    MessagePortHub::instance().close(endpointArgument(cx, args));
    args.rval().setUndefined();
    return true;
}

// endpointTransfer(id, receivedTapes) -> the trip's number
bool endpointTransfer(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    std::vector<std::string> received;
    if (args.get(1).isObject()) {
        JS::RootedObject list(cx, &args.get(1).toObject());
        std::uint32_t length = 0;
        if (!JS::GetArrayLength(cx, list, &length))
            return false;
        JS::RootedValue item(cx);
        for (std::uint32_t at = 0; at < length; ++at) {
            if (!JS_GetElement(cx, list, at, &item))
                return false;
            if (!item.isString())
                continue;
            JS::UniqueChars text = JS_EncodeStringToUTF8(cx, JS::RootedString(cx, item.toString()));
            if (!text)
                return false;
            received.emplace_back(text.get());
        }
    }
    const std::uint64_t trip = MessagePortHub::instance().transfer(endpointArgument(cx, args), std::move(received));
    args.rval().setNumber(double(trip));
    return true;
}

bool endpointAttach(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    MessagePortHub::instance().attach(endpointArgument(cx, args), JavaScriptProgram::of(cx));
    args.rval().setUndefined();
    return true;
}

// endpointReceive(id) -> tape, or undefined
bool endpointReceive(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    if (auto tape = MessagePortHub::instance().receive(endpointArgument(cx, args)))
        args.rval().setString(newString(cx, *tape));
    else
        args.rval().setUndefined();
    return true;
}

// detachArrayBuffer(buffer): a transferred ArrayBuffer's memory has gone to its clone.
bool detachArrayBuffer(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    args.rval().setUndefined();
    if (!args.get(0).isObject())
        return true;
    JS::RootedObject buffer(cx, &args.get(0).toObject());
    if (!JS::IsArrayBufferObject(buffer) || JS::IsDetachedArrayBufferObject(buffer))
        return true;
    return JS::DetachArrayBuffer(cx, buffer);
}

const JSFunctionSpec kWorkerNatives[] = {
    JS_FN("detachArrayBuffer", detachArrayBuffer, 1, 0),
    JS_FN("portEntangle", portEntangle, 0, 0),
    JS_FN("broadcastSubscribe", broadcastSubscribe, 1, 0),
    JS_FN("endpointPost", endpointPost, 2, 0),
    JS_FN("endpointClose", endpointClose, 1, 0),
    JS_FN("endpointTransfer", endpointTransfer, 2, 0),
    JS_FN("endpointAttach", endpointAttach, 1, 0),
    JS_FN("endpointReceive", endpointReceive, 1, 0),
    JS_FN("portPost", portPost, 2, 0),
    JS_FN("portRef", portRef, 1, 0),
    JS_FN("workerStart", workerStart, 5, 0),
    JS_FN("workerPost", workerPost, 3, 0),
    JS_FN("workerTerminate", workerTerminate, 1, 0),
    JS_FN("workerRef", workerRef, 2, 0),
    JS_FN("parentPost", parentPost, 1, 0),
    JS_FN("parentPortRef", parentPortRef, 1, 0),
    JS_FS_END,
};

}  // namespace

bool defineWorkerNatives(JSContext* cx, JS::HandleObject natives) {
    if (!JS_DefineFunctions(cx, natives, kWorkerNatives))
        return false;
    const WorkerLink* link = JavaScriptProgram::of(cx).workerLink();
    JS::RootedObject info(cx, JS_NewPlainObject(cx));
    if (!info)
        return false;
    JS::RootedValue isMainThread(cx, JS::BooleanValue(link == nullptr));
    JS::RootedValue threadId(cx, JS::NumberValue(link ? double(link->script().threadId) : 0));
    JS::RootedValue workerData(cx, JS::NullValue());
    if (link)
        workerData.setString(newString(cx, link->script().workerData));
    JS::RootedValue infoValue(cx, JS::ObjectValue(*info));
    return JS_DefineProperty(cx, info, "isMainThread", isMainThread, JSPROP_ENUMERATE) &&
           JS_DefineProperty(cx, info, "threadId", threadId, JSPROP_ENUMERATE) &&
           JS_DefineProperty(cx, info, "workerData", workerData, JSPROP_ENUMERATE) &&
           JS_DefineProperty(cx, natives, "workerInfo", infoValue, JSPROP_ENUMERATE);
}

}  // namespace loopscope
