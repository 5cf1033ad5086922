#include "JsNetNatives.h"

#include <cstdlib>
#include <cstring>
#include <memory>

#include <js/Array.h>
#include <js/Conversions.h>
#include <js/ArrayBuffer.h>
#include <js/PropertyAndElement.h>
#include <js/experimental/TypedData.h>

#include "JavaScriptProgram.h"
#include "JsStrings.h"

namespace loopscope {

namespace {

using PersistentValue = std::shared_ptr<JS::PersistentRooted<JS::Value>>;

PersistentValue keep(JSContext* cx, JS::HandleValue value) {
    return std::make_shared<JS::PersistentRooted<JS::Value>>(cx, value);
}

TcpSockets& socketsOf(JSContext* cx) { return JavaScriptProgram::of(cx).runtime().tcp(); }

TcpSockets::Handle handleArgument(JSContext* cx, const JS::CallArgs& args) {
    return TcpSockets::Handle(numberArgument(cx, args, 0));
}

bool returnStatus(const JS::CallArgs& args, int status) {
    args.rval().setInt32(status);
    return true;
}

// Calls the program's `callback` with `arguments`, as the body of the callback the
// runtime is running now.
void callBack(JavaScriptProgram& program, const PersistentValue& callback, const JS::HandleValueArray& arguments) {
    JS::RootedValue callee(program.cx(), *callback);
    program.callGuarded(callee, JS::UndefinedHandleValue, arguments);
}

TcpSockets::OnStatus statusCallback(JavaScriptProgram& program, PersistentValue callback) {
    return [&program, callback](int status) {
        JSContext* context = program.cx();
        JSAutoRealm realm(context, program.global());
        JS::RootedValueArray<1> arguments(context);
        arguments[0].setInt32(status);
        callBack(program, callback, arguments);
    };
}

// A fresh Uint8Array holding `bytes` (the read buffer is reused for the next chunk).
JSObject* newBytes(JSContext* cx, std::string_view bytes) {
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

JSObject* endpointObject(JSContext* cx, const TcpEndpoint& endpoint) {
    JS::RootedObject object(cx, JS_NewPlainObject(cx));
    if (!object)
        return nullptr;
    JS::RootedValue address(cx, JS::StringValue(newString(cx, endpoint.address)));
    JS::RootedValue family(cx, JS::StringValue(newString(cx, endpoint.family == 6 ? "IPv6" : "IPv4")));
    JS::RootedValue port(cx, JS::Int32Value(endpoint.port));
    if (!JS_DefineProperty(cx, object, "address", address, JSPROP_ENUMERATE) ||
        !JS_DefineProperty(cx, object, "family", family, JSPROP_ENUMERATE) ||
        !JS_DefineProperty(cx, object, "port", port, JSPROP_ENUMERATE))
        return nullptr;
    return object;
}

// tcpOpen() -> handle
bool tcpOpen(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    args.rval().setNumber(double(program.runtime().tcp().open(program.callerLocation())));
    return true;
}

// tcpBind(handle, address, port) -> status
bool tcpBind(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    return returnStatus(args, socketsOf(cx).bind(handleArgument(cx, args), stringArgument(cx, args, 1),
                                                 int(numberArgument(cx, args, 2))));
}

// tcpListen(handle, backlog, onConnection(status, clientHandle)) -> status
bool tcpListen(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    PersistentValue callback = keep(cx, args.get(2));
    const int status = socketsOf(cx).listen(
        handleArgument(cx, args), int(numberArgument(cx, args, 1)),
        [&program, callback](int result, TcpSockets::Handle client) {
            JSContext* context = program.cx();
            JSAutoRealm realm(context, program.global());
            JS::RootedValueArray<2> arguments(context);
            arguments[0].setInt32(result);
            arguments[1].setNumber(double(client));
            callBack(program, callback, arguments);
        });
    return returnStatus(args, status);
}

// tcpConnect(handle, address, port, onConnect(status)) -> status
bool tcpConnect(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    const int status = socketsOf(cx).connect(handleArgument(cx, args), stringArgument(cx, args, 1),
                                             int(numberArgument(cx, args, 2)),
                                             statusCallback(program, keep(cx, args.get(3))));
    return returnStatus(args, status);
}

// tcpReadStart(handle, onRead(nread, bytes)) -> status; bytes is a Uint8Array when nread > 0.
bool tcpReadStart(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    PersistentValue callback = keep(cx, args.get(1));
    const int status = socketsOf(cx).readStart(handleArgument(cx, args), [&program, callback](ssize_t nread,
                                                                                           std::string_view bytes) {
        JSContext* context = program.cx();
        JSAutoRealm realm(context, program.global());
        JS::RootedValueArray<2> arguments(context);
        arguments[0].setNumber(double(nread));
        if (nread > 0) {
            JSObject* chunk = newBytes(context, bytes);
            if (!chunk)
                return program.reportUncaughtException();
            arguments[1].setObject(*chunk);
        }
        callBack(program, callback, arguments);
    });
    return returnStatus(args, status);
}

bool tcpReadStop(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    return returnStatus(args, socketsOf(cx).readStop(handleArgument(cx, args)));
}

// tcpWrite(handle, bytes (an ArrayBufferView), onDone(status)) -> [status, async, bytes]
bool tcpWrite(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    if (!args.get(1).isObject() || !JS_IsArrayBufferViewObject(&args[1].toObject())) {
        JS_ReportErrorASCII(cx, "tcpWrite needs a buffer");
        return false;
    }
    std::string bytes;
    {
        JSObject* view = &args[1].toObject();
        const std::size_t length = JS_GetArrayBufferViewByteLength(view);
        bool shared = false;
        JS::AutoCheckCannotGC noGC;
        const auto* data = static_cast<const char*>(JS_GetArrayBufferViewData(view, &shared, noGC));
        bytes.assign(data, length);
    }
    const TcpWritten written = socketsOf(cx).write(handleArgument(cx, args), std::move(bytes),
                                                   statusCallback(program, keep(cx, args.get(2))));
    JS::RootedValueArray<3> outcome(cx);
    outcome[0].setInt32(written.error);
    outcome[1].setBoolean(written.async);
    outcome[2].setNumber(double(written.bytes));
    JSObject* list = JS::NewArrayObject(cx, outcome);
    if (!list)
        return false;
    args.rval().setObject(*list);
    return true;
}

// tcpShutdown(handle, onDone(status)) -> status
bool tcpShutdown(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    return returnStatus(args, socketsOf(cx).shutdown(handleArgument(cx, args),
                                                     statusCallback(program, keep(cx, args.get(1)))));
}

std::function<void()> closeCallback(JavaScriptProgram& program, JS::HandleValue given) {
    if (!given.isObject())
        return {};
    PersistentValue callback = keep(program.cx(), given);
    return [&program, callback] {
        JSContext* context = program.cx();
        JSAutoRealm realm(context, program.global());
        callBack(program, callback, JS::HandleValueArray::empty());
    };
}

// tcpClose(handle, onClose?): onClose runs in the close phase.
bool tcpClose(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    socketsOf(cx).close(handleArgument(cx, args), closeCallback(JavaScriptProgram::of(cx), args.get(1)));
    args.rval().setUndefined();
    return true;
}

// tcpReset(handle, onClose?) -> status: a close with a reset.
bool tcpReset(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    return returnStatus(args, socketsOf(cx).reset(handleArgument(cx, args),
                                                  closeCallback(JavaScriptProgram::of(cx), args.get(1))));
}

// tcpSockName(handle) / tcpPeerName(handle) -> {address, family, port}, or a status.
bool endpoint(JSContext* cx, const JS::CallArgs& args, bool remote) {
    TcpEndpoint found;
    TcpSockets& sockets = socketsOf(cx);
    const TcpSockets::Handle handle = handleArgument(cx, args);
    const int status = remote ? sockets.remoteEndpoint(handle, found) : sockets.localEndpoint(handle, found);
    if (status < 0)
        return returnStatus(args, status);
    JSObject* object = endpointObject(cx, found);
    if (!object)
        return false;
    args.rval().setObject(*object);
    return true;
}

bool tcpSockName(JSContext* cx, unsigned argc, JS::Value* vp) {
    return endpoint(cx, JS::CallArgsFromVp(argc, vp), false);
}

bool tcpPeerName(JSContext* cx, unsigned argc, JS::Value* vp) {
    return endpoint(cx, JS::CallArgsFromVp(argc, vp), true);
}

bool tcpSetNoDelay(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    return returnStatus(args, socketsOf(cx).setNoDelay(handleArgument(cx, args), args.get(1).isTrue()));
}

// tcpSetKeepAlive(handle, enable, initialDelaySeconds) -> status
bool tcpSetKeepAlive(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    return returnStatus(args, socketsOf(cx).setKeepAlive(handleArgument(cx, args), args.get(1).isTrue(),
                                                         unsigned(numberArgument(cx, args, 2))));
}

// tcpRef(handle, refed)
bool tcpRef(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    socketsOf(cx).setRef(handleArgument(cx, args), args.get(1).isTrue());
    args.rval().setUndefined();
    return true;
}

bool tcpWriteQueueSize(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    args.rval().setNumber(double(socketsOf(cx).writeQueueSize(handleArgument(cx, args))));
    return true;
}

// uvError(status) -> [name, message]: libuv's "ECONNREFUSED" and "connection refused",
// what Node's uvErrmapGet gives its errors.
bool uvError(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    const int status = int(numberArgument(cx, args, 0));
    JS::RootedValueArray<2> pair(cx);
    // The _r forms: for a number libuv does not know, uv_err_name and uv_strerror allocate
    // their text and never free it (a program may ask util.getSystemErrorName(-99999)).
    char name[64];
    char description[256];
    pair[0].setString(newString(cx, uv_err_name_r(status, name, sizeof name)));
    pair[1].setString(newString(cx, uv_strerror_r(status, description, sizeof description)));
    JSObject* list = JS::NewArrayObject(cx, pair);
    if (!list)
        return false;
    args.rval().setObject(*list);
    return true;
}

// isLoopbackAddress(text): what the runtime will listen on and connect to.
bool isLoopback(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    args.rval().setBoolean(isLoopbackAddress(stringArgument(cx, args, 0)));
    return true;
}

// ttySetRawMode(handle, raw) -> status
bool ttySetRawMode(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    return returnStatus(args, socketsOf(cx).setTerminalRawMode(handleArgument(cx, args), JS::ToBoolean(args.get(1))));
}

// guessHandleType(fd) -> 'TCP', 'TTY', 'UDP', 'FILE', 'PIPE' or 'UNKNOWN', Node's names for
// what a descriptor is (process.stdin is a socket on the first three kinds that stream,
// a file stream on a file).
bool guessHandleType(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    const char* kind = "UNKNOWN";
    switch (uv_guess_handle(uv_file(numberArgument(cx, args, 0)))) {
    case UV_TCP: kind = "TCP"; break;
    case UV_TTY: kind = "TTY"; break;
    case UV_UDP: kind = "UDP"; break;
    case UV_FILE: kind = "FILE"; break;
    case UV_NAMED_PIPE: kind = "PIPE"; break;
    default: break;
    }
    args.rval().setString(newString(cx, kind));
    return true;
}

// stdinOpen() -> handle, or a libuv error (negative): standard input as a stream handle.
bool stdinOpen(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    int status = 0;
    const TcpSockets::Handle handle = program.runtime().tcp().openStandardInput(program.callerLocation(), status);
    args.rval().setNumber(status < 0 ? double(status) : double(handle));
    return true;
}

const JSFunctionSpec kNetNatives[] = {
    JS_FN("tcpOpen", tcpOpen, 0, 0),
    JS_FN("tcpBind", tcpBind, 3, 0),
    JS_FN("tcpListen", tcpListen, 3, 0),
    JS_FN("tcpConnect", tcpConnect, 4, 0),
    JS_FN("tcpReadStart", tcpReadStart, 2, 0),
    JS_FN("tcpReadStop", tcpReadStop, 1, 0),
    JS_FN("tcpWrite", tcpWrite, 3, 0),
    JS_FN("tcpShutdown", tcpShutdown, 2, 0),
    JS_FN("tcpClose", tcpClose, 2, 0),
    JS_FN("tcpReset", tcpReset, 2, 0),
    JS_FN("tcpSockName", tcpSockName, 1, 0),
    JS_FN("tcpPeerName", tcpPeerName, 1, 0),
    JS_FN("tcpSetNoDelay", tcpSetNoDelay, 2, 0),
    JS_FN("tcpSetKeepAlive", tcpSetKeepAlive, 3, 0),
    JS_FN("tcpRef", tcpRef, 2, 0),
    JS_FN("tcpWriteQueueSize", tcpWriteQueueSize, 1, 0),
    JS_FN("uvError", uvError, 1, 0),
    JS_FN("isLoopbackAddress", isLoopback, 1, 0),
    JS_FN("guessHandleType", guessHandleType, 1, 0),
    JS_FN("stdinOpen", stdinOpen, 0, 0),
    JS_FN("ttySetRawMode", ttySetRawMode, 2, 0),
    JS_FS_END,
};

}  // namespace

bool defineNetNatives(JSContext* cx, JS::HandleObject natives) {
    return JS_DefineFunctions(cx, natives, kNetNatives);
}

}  // namespace loopscope
