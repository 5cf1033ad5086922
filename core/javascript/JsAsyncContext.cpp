#include "JsAsyncContext.h"

#include "JavaScriptProgram.h"

namespace loopscope {

namespace {

bool asyncContext(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    args.rval().set(JavaScriptProgram::of(cx).asyncContext().current());
    return true;
}

bool setAsyncContext(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram::of(cx).asyncContext().set(args.get(0));
    args.rval().setUndefined();
    return true;
}

bool trackAsyncContext(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram::of(cx).asyncContext().track();
    args.rval().setUndefined();
    return true;
}

const JSFunctionSpec kAsyncContextNatives[] = {
    JS_FN("asyncContext", asyncContext, 0, 0),
    JS_FN("setAsyncContext", setAsyncContext, 1, 0),
    JS_FN("trackAsyncContext", trackAsyncContext, 0, 0),
    JS_FS_END,
};

}  // namespace

bool JsAsyncContext::defineNatives(JSContext* cx, JS::HandleObject natives) {
    return JS_DefineFunctions(cx, natives, kAsyncContextNatives);
}

}  // namespace loopscope
