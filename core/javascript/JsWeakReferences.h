// WeakRef and FinalizationRegistry as Node has them. SpiderMonkey leaves two duties to the
// embedder: forget the targets a WeakRef kept alive for the current job once the job and
// its microtasks are done (ClearKeptObjects), and run a registry's cleanup when the
// collector asks for it. Node (V8's platform) runs that cleanup as a task of its own in the
// poll phase, which does not keep the loop alive; so does this.
#pragma once

#include <jsapi.h>
#include <js/GCVector.h>

namespace loopscope {

class JavaScriptProgram;

class JsWeakReferences {
public:
    explicit JsWeakReferences(JavaScriptProgram& program);
    ~JsWeakReferences();
    JsWeakReferences(const JsWeakReferences&) = delete;
    JsWeakReferences& operator=(const JsWeakReferences&) = delete;

    // After the nextTicks and microtasks have run empty.
    void clearKeptObjects();

private:
    static void onCleanupNeeded(JSFunction* doCleanup, JSObject* incumbentGlobal, void* data);
    void runCleanups();

    JavaScriptProgram& program_;
    // Appended to during a collection: a root that exists already, in malloc'd memory.
    JS::PersistentRooted<JS::GCVector<JSObject*, 0, js::SystemAllocPolicy>> cleanups_;
    bool posted_ = false;
};

}  // namespace loopscope
