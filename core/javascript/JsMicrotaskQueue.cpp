#include "JsMicrotaskQueue.h"

#include <cstdint>
#include <memory>
#include <string_view>

#include <jsfriendapi.h>
#include <js/CallAndConstruct.h>
#include <js/Object.h>

#include "JavaScriptProgram.h"
#include "JsAsyncContext.h"

namespace loopscope {

namespace {

// SpiderMonkey 102's promise reaction record (the job's first reserved slot holds it): once
// triggered, its flags (slot 6) say resolved and whether fulfilled, and the handler that
// will not run gives its slot to the value: a rejection's reason replaces the fulfillment
// handler (slot 1).
constexpr std::string_view kReactionRecordClass = "PromiseReactionRecord";
constexpr std::size_t kOnFulfilledSlot = 1;
constexpr std::size_t kFlagsSlot = 6;
constexpr std::int32_t kResolvedFlag = 0x1;
constexpr std::int32_t kFulfilledFlag = 0x2;

// The error a reaction job hands its rejection handler, or null: the job is another kind (a
// thenable's resolution), a fulfillment, or its reason is no error.
JSObject* errorHandedToReaction(JSObject* job) {
    if (!JS_ObjectIsFunction(job) || !js::FunctionHasNativeReserved(job))
        return nullptr;
    const JS::Value& record = js::GetFunctionNativeReserved(job, 0);
    if (!record.isObject())
        return nullptr;
    JSObject* reaction = &record.toObject();
    const JSClass* reactionClass = JS::GetClass(reaction);
    if (reactionClass->name != kReactionRecordClass || JSCLASS_RESERVED_SLOTS(reactionClass) <= kFlagsSlot)
        return nullptr;
    const JS::Value& flags = JS::GetReservedSlot(reaction, kFlagsSlot);
    if (!flags.isInt32() || (flags.toInt32() & (kResolvedFlag | kFulfilledFlag)) != kResolvedFlag)
        return nullptr;
    const JS::Value& argument = JS::GetReservedSlot(reaction, kOnFulfilledSlot);
    if (!argument.isObject())
        return nullptr;
    const std::string_view className = JS::GetClass(&argument.toObject())->name;
    return className.ends_with("Error") ? &argument.toObject() : nullptr;
}

}  // namespace

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
        // A rejection's error in V8's words before the handler (a catch after an await) reads it.
        if (JSObject* error = errorHandedToReaction(&callee.toObject())) {
            JS::RootedValue reason(cx, JS::ObjectValue(*error));
            JS::RootedValue hook(cx, JS::ObjectValue(*program_.libraryHook("giveV8Message")));
            JS::RootedValue ignored(cx);
            if (!JS::Call(cx, JS::UndefinedHandleValue, hook, JS::HandleValueArray(reason), &ignored))
                JS_ClearPendingException(cx);
        }
        if (!context) {
            program_.runMicrotask(callee);
            return;
        }
        JsAsyncContext& asyncContext = program_.asyncContext();
        JS::RootedValue outer(cx, asyncContext.current());
        asyncContext.set(*context);
        program_.runMicrotask(callee);
        asyncContext.set(outer);
    }));
    return true;
}

js::UniquePtr<JS::JobQueue::SavedJobQueue> JsMicrotaskQueue::saveJobQueue(JSContext*) {
    return js::MakeUnique<NothingSaved>();
}

}  // namespace loopscope
