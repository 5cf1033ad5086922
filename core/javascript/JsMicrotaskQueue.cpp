#include "JsMicrotaskQueue.h"

#include <memory>

#include <js/CallAndConstruct.h>

#include "JavaScriptProgram.h"
#include "JsAsyncContext.h"

namespace loopscope {

JSObject* JsMicrotaskQueue::getIncumbentGlobal(JSContext* cx) {
    return JS::CurrentGlobalOrNull(cx);
}

bool JsMicrotaskQueue::enqueuePromiseJob(JSContext* cx, JS::HandleObject, JS::HandleObject job, JS::HandleObject,
                                         JS::HandleObject) {
    // Only the nearest script frame: capturing a whole stack for every reaction would
    // make promise-heavy programs several times slower.
    SourceLocation where;
    JS::AutoFilename file;
    unsigned line = 0;
    unsigned column = 0;
    if (JS::DescribeScriptedCaller(cx, &file, &line, &column) && file.get())
        where = program_.locationIn(file.get(), int(line), int(column) + 1);
    auto function = std::make_shared<JS::PersistentRooted<JS::Value>>(cx, JS::ObjectValue(*job));
    // The reaction runs in the async context it was queued in (see JsAsyncContext.h).
    std::shared_ptr<JS::PersistentRooted<JS::Value>> context;
    if (program_.asyncContext().tracking())
        context = std::make_shared<JS::PersistentRooted<JS::Value>>(cx, program_.asyncContext().current());
    NodeRuntime& runtime = program_.runtime();
    runtime.queueMicrotask(runtime.callback(where, "promise reaction", [this, function, context] {
        JSContext* cx = program_.cx();
        JSAutoRealm realm(cx, program_.global());
        JS::RootedValue callee(cx, *function);
        if (!context) {
            program_.callGuarded(callee, JS::UndefinedHandleValue, JS::HandleValueArray::empty());
            return;
        }
        JsAsyncContext& asyncContext = program_.asyncContext();
        JS::RootedValue outer(cx, asyncContext.current());
        asyncContext.set(*context);
        program_.callGuarded(callee, JS::UndefinedHandleValue, JS::HandleValueArray::empty());
        asyncContext.set(outer);
    }));
    return true;
}

js::UniquePtr<JS::JobQueue::SavedJobQueue> JsMicrotaskQueue::saveJobQueue(JSContext*) {
    return js::MakeUnique<NothingSaved>();
}

}  // namespace loopscope
