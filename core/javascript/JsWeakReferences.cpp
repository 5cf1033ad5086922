#include "JsWeakReferences.h"

#include <js/GCAPI.h>

#include "JavaScriptProgram.h"

namespace loopscope {

JsWeakReferences::JsWeakReferences(JavaScriptProgram& program) : program_(program), cleanups_(program.cx()) {
    JS::SetHostCleanupFinalizationRegistryCallback(program_.cx(), &JsWeakReferences::onCleanupNeeded, this);
}

JsWeakReferences::~JsWeakReferences() {
    JS::SetHostCleanupFinalizationRegistryCallback(program_.cx(), nullptr, nullptr);
}

void JsWeakReferences::clearKeptObjects() { JS::ClearKeptObjects(program_.cx()); }

// During a collection: only note the work (nothing here may allocate on the GC heap).
void JsWeakReferences::onCleanupNeeded(JSFunction* doCleanup, JSObject*, void* data) {
    auto* self = static_cast<JsWeakReferences*>(data);
    if (!self->cleanups_.append(JS_GetFunctionObject(doCleanup)))
        return;  // out of memory: the registry's callbacks wait for the next collection
    if (!self->posted_) {
        self->posted_ = true;
        self->program_.runtime().postFromThread([self] { self->runCleanups(); });
    }
}

void JsWeakReferences::runCleanups() {
    posted_ = false;
    NodeRuntime& runtime = program_.runtime();
    while (!cleanups_.empty()) {
        JS::RootedValue callee(program_.cx(), JS::ObjectValue(*cleanups_[0]));
        cleanups_.erase(cleanups_.begin());
        runtime.runMessage(runtime.callback({}, "FinalizationRegistry cleanup", [this, &callee] {
            JSAutoRealm realm(program_.cx(), program_.global());
            program_.callGuarded(callee, JS::UndefinedHandleValue, JS::HandleValueArray::empty());
        }));
    }
}

}  // namespace loopscope
