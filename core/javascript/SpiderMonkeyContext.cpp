#include "SpiderMonkeyContext.h"

#include <cstdlib>
#include <mutex>
#include <stdexcept>

#include <js/Context.h>
#include <js/ContextOptions.h>
#include <js/Initialization.h>
#include <js/Stack.h>

namespace loopscope {

namespace {

const JSClass kGlobalClass = {"global", JSCLASS_GLOBAL_FLAGS, &JS::DefaultGlobalClassOps, nullptr, nullptr, nullptr};

void initialiseEngineOnce() {
    static std::once_flag once;
    static bool ok = false;
    std::call_once(once, [] {
        ok = JS_Init();
        // Before the engine's own static destructors, which fail on a live engine.
        if (ok)
            std::atexit([] { JS_ShutDown(); });
    });
    if (!ok)
        throw std::runtime_error("the JavaScript engine could not be initialised");
}

}  // namespace

SpiderMonkeyContext::SpiderMonkeyContext(std::size_t heapBytes, JSRuntime* parentRuntime) {
    initialiseEngineOnce();
    cx_ = JS_NewContext(JS::DefaultHeapMaxBytes, parentRuntime);
    if (!cx_)
        throw std::runtime_error("the JavaScript engine could not create a context");
    // The default (32 MiB) is a hard limit that a modest program reaches.
    JS_SetGCParameter(cx_, JSGC_MAX_BYTES, std::uint32_t(std::min<std::size_t>(heapBytes, 0xffffffffu)));
    if (!JS::InitSelfHostedCode(cx_)) {
        JS_DestroyContext(cx_);
        throw std::runtime_error("the JavaScript engine could not start its built-in code");
    }
    // Error stacks as V8 writes them ("    at f (file:1:2)"), as Node programs expect.
    js::SetStackFormat(cx_, js::StackFormat::V8);
    // Capturing the async stack of every promise reaction made promise-heavy programs
    // 2.7 times slower; the trace has each job's cause without it.
    JS::ContextOptionsRef(cx_).setAsyncStack(false);
    // Atomics.wait may block, on a worker and on the main thread alike, as in Node.
    JS_SetFutexCanWait(cx_);
    JS::RealmOptions options;
    // Node has SharedArrayBuffer and Atomics.
    options.creationOptions().setSharedMemoryAndAtomicsEnabled(true);
    // WeakRef and FinalizationRegistry (JsWeakReferences does the embedder's part).
    options.creationOptions().setWeakRefsEnabled(JS::WeakRefSpecifier::EnabledWithoutCleanupSome);
    // "can't access property "x", o is undefined": the property's name, which V8's
    // message (and so Node's) carries.
    options.creationOptions().setPropertyErrorMessageFixEnabled(true);
    JS::RootedObject global(cx_, JS_NewGlobalObject(cx_, &kGlobalClass, nullptr, JS::FireOnNewGlobalHook, options));
    if (!global) {
        JS_DestroyContext(cx_);
        throw std::runtime_error("the JavaScript engine could not create a global object");
    }
    global_ = global;
    JS_AddExtraGCRootsTracer(cx_, &SpiderMonkeyContext::traceRoots, this);
    JSAutoRealm realm(cx_, global);
    if (!JS::InitRealmStandardClasses(cx_)) {
        JS_RemoveExtraGCRootsTracer(cx_, &SpiderMonkeyContext::traceRoots, this);
        JS_DestroyContext(cx_);
        throw std::runtime_error("the JavaScript engine could not create the standard classes");
    }
}

SpiderMonkeyContext::~SpiderMonkeyContext() {
    tracers_.clear();
    global_ = nullptr;
    JS_RemoveExtraGCRootsTracer(cx_, &SpiderMonkeyContext::traceRoots, this);
    JS_DestroyContext(cx_);
}

void SpiderMonkeyContext::traceRoots(JSTracer* tracer, void* data) {
    auto* self = static_cast<SpiderMonkeyContext*>(data);
    if (self->global_)
        JS::TraceEdge(tracer, &self->global_, "global");
    for (const auto& trace : self->tracers_)
        trace(tracer);
}

}  // namespace loopscope
