#include "JsMicrotaskQueue.h"

#include <memory>

#include <js/CallAndConstruct.h>

#include "JavaScriptProgram.h"

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
    NodeRuntime& runtime = program_.runtime();
    runtime.queueMicrotask(runtime.callback(where, "promise reaction", [this, function] {
        JSContext* context = program_.cx();
        JSAutoRealm realm(context, program_.global());
        JS::RootedValue callee(context, *function);
        program_.callGuarded(callee, JS::UndefinedHandleValue, JS::HandleValueArray::empty());
    }));
    return true;
}

js::UniquePtr<JS::JobQueue::SavedJobQueue> JsMicrotaskQueue::saveJobQueue(JSContext*) {
    return js::MakeUnique<NothingSaved>();
}

}  // namespace loopscope
