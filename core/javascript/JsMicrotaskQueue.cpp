#include "JsMicrotaskQueue.h"

#include <cstdint>
#include <memory>
#include <string_view>

#include <jsfriendapi.h>
#include <js/CallAndConstruct.h>
#include <js/Array.h>
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
constexpr std::size_t kReactionPromiseSlot = 0;  // the promise the reaction's result settles
constexpr std::size_t kOnFulfilledSlot = 1;
constexpr std::size_t kOnRejectedSlot = 2;
constexpr std::size_t kFlagsSlot = 6;
constexpr std::size_t kAwaitGeneratorSlot = 7;  // an await's: the async function it resumes
constexpr std::int32_t kResolvedFlag = 0x1;
constexpr std::int32_t kFulfilledFlag = 0x2;
constexpr std::int32_t kAsyncFunctionFlag = 0x8;
// An async function's generator: its function, the await it is suspended at (the how-manieth
// in the function, from 0), and the promise it settles. A pending promise's reactions are
// undefined, one record, or an array of them.
constexpr std::string_view kGeneratorClass = "AsyncFunctionGenerator";
constexpr std::size_t kGeneratorCalleeSlot = 0;
constexpr std::size_t kGeneratorResumeIndexSlot = 4;
constexpr std::size_t kGeneratorPromiseSlot = 5;
constexpr std::size_t kPromiseReactionsSlot = 1;
constexpr std::size_t kMaxAsyncFrames = 10;
// In the async frames handed to the library: [promise, this mark, undefined, 0] stands for a
// promise that something other than an await waits on.
constexpr std::int32_t kCombinatorElementMark = -2;

// The reaction record of a promise job, or null: the job is another kind.
JSObject* reactionOf(JSObject* job) {
    if (!JS_ObjectIsFunction(job) || !js::FunctionHasNativeReserved(job))
        return nullptr;
    const JS::Value& record = js::GetFunctionNativeReserved(job, 0);
    if (!record.isObject())
        return nullptr;
    JSObject* reaction = &record.toObject();
    const JSClass* reactionClass = JS::GetClass(reaction);
    if (reactionClass->name != kReactionRecordClass || JSCLASS_RESERVED_SLOTS(reactionClass) <= kAwaitGeneratorSlot)
        return nullptr;
    return reaction;
}

// The error a reaction job hands its rejection handler, or null: the job is another kind (a
// thenable's resolution), a fulfillment, or its reason is no error.
JSObject* errorHandedToReaction(JSObject* job) {
    JSObject* reaction = reactionOf(job);
    if (!reaction)
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

// The suspended async function a reaction resumes (an await's), or null.
JSObject* awaitingGenerator(JSObject* reaction) {
    const JS::Value& flags = JS::GetReservedSlot(reaction, kFlagsSlot);
    const JS::Value& generator = JS::GetReservedSlot(reaction, kAwaitGeneratorSlot);
    if (!flags.isInt32() || !(flags.toInt32() & kAsyncFunctionFlag) || !generator.isObject())
        return nullptr;
    const JSClass* generatorClass = JS::GetClass(&generator.toObject());
    if (generatorClass->name != kGeneratorClass || JSCLASS_RESERVED_SLOTS(generatorClass) <= kGeneratorPromiseSlot ||
        !JS::GetReservedSlot(&generator.toObject(), kGeneratorResumeIndexSlot).isInt32())
        return nullptr;
    return &generator.toObject();
}

// The one reaction of a pending promise, or null (settled, none, or several).
JSObject* soleReaction(JSContext* cx, const JS::Value& value) {
    if (!value.isObject() || !JS::IsPromiseObject(JS::RootedObject(cx, &value.toObject())))
        return nullptr;
    JSObject* promise = &value.toObject();
    if (JS::GetPromiseState(JS::RootedObject(cx, promise)) != JS::PromiseState::Pending)
        return nullptr;
    const JS::Value& reactions = JS::GetReservedSlot(promise, kPromiseReactionsSlot);
    if (!reactions.isObject() || JS::GetClass(&reactions.toObject())->name != kReactionRecordClass)
        return nullptr;
    return &reactions.toObject();
}

// Appends [function, resume index] for each async function awaiting along a chain of
// promises (CaptureAsyncStackTrace in V8's isolate.cc): from `generator` (an awaiting async
// function, or null), then from the pending promise `next`, through each one's one reaction.
bool collectAwaiting(JSContext* cx, JSObject* generator, JS::Value next, JS::MutableHandleValueVector found) {
    for (std::size_t depth = 0; depth < kMaxAsyncFrames; ++depth) {
        if (generator) {
            if (!found.append(JS::GetReservedSlot(generator, kGeneratorCalleeSlot)) ||
                !found.append(JS::GetReservedSlot(generator, kGeneratorResumeIndexSlot)))
                return false;
            next = JS::GetReservedSlot(generator, kGeneratorPromiseSlot);
        }
        JSObject* following = soleReaction(cx, next);
        if (!following)
            break;
        generator = awaitingGenerator(following);
        // Waited on by no await: perhaps an element of Promise.all, which V8 shows; the library
        // knows (internal/promise_combinators.js).
        if (!generator && (!found.append(next) || !found.append(JS::Int32Value(kCombinatorElementMark))))
            return false;
        next = JS::GetReservedSlot(following, kReactionPromiseSlot);
    }
    return true;
}

// [function, resume index, file, line of the function, ...] for the library, from
// [function, resume index, ...]; a function without a script of its own is left out.
bool describeFrames(JSContext* cx, JS::HandleValueVector found, JS::MutableHandleValue frames) {
    JS::RootedValueVector described(cx);
    for (std::size_t at = 0; at + 1 < found.length(); at += 2) {
        if (found[at + 1] == JS::Int32Value(kCombinatorElementMark)) {
            if (!described.append(found[at]) || !described.append(found[at + 1]) ||
                !described.append(JS::UndefinedValue()) || !described.append(JS::Int32Value(0)))
                return false;
            continue;
        }
        if (!found[at].isObject() || !JS_ObjectIsFunction(&found[at].toObject()))
            continue;
        JS::RootedFunction function(cx, JS_GetObjectFunction(&found[at].toObject()));
        JSScript* script = JS_GetFunctionScript(cx, function);
        if (!script || !JS_GetScriptFilename(script))
            continue;
        JS::RootedScript rootedScript(cx, script);
        JSString* file = JS_NewStringCopyZ(cx, JS_GetScriptFilename(rootedScript));
        if (!file)
            return false;
        JS::RootedValue fileValue(cx, JS::StringValue(file));
        if (!described.append(found[at]) || !described.append(found[at + 1]) || !described.append(fileValue) ||
            !described.append(JS::NumberValue(JS_GetScriptBaseLineNumber(cx, rootedScript))))
            return false;
    }
    JSObject* array = JS::NewArrayObject(cx, described);
    if (!array)
        return false;
    frames.setObject(*array);
    return true;
}

// V8's async frames for an error handed on by `reaction`: each async function awaiting the
// one that failed, at its await.
bool asyncFramesOf(JSContext* cx, JSObject* reaction, JS::MutableHandleValue frames) {
    JS::RootedValueVector found(cx);
    if (!collectAwaiting(cx, awaitingGenerator(reaction), JS::GetReservedSlot(reaction, kReactionPromiseSlot), &found))
        return false;
    return found.empty() || describeFrames(cx, found, frames);
}

// The generator of the async function `job` resumes (an await's reaction), checked to be
// one by its class and slot count; null for any other job.
JSObject* asyncFunctionResumedBy(JSObject* job) {
    JSObject* reaction = job ? reactionOf(job) : nullptr;
    if (!reaction)
        return nullptr;
    const JS::Value& flags = JS::GetReservedSlot(reaction, kFlagsSlot);
    const JS::Value& generator = JS::GetReservedSlot(reaction, kAwaitGeneratorSlot);
    if (!flags.isInt32() || !(flags.toInt32() & kAsyncFunctionFlag) || !generator.isObject())
        return nullptr;
    const JSClass* generatorClass = JS::GetClass(&generator.toObject());
    if (generatorClass->name != kGeneratorClass || JSCLASS_RESERVED_SLOTS(generatorClass) <= kGeneratorPromiseSlot)
        return nullptr;
    return &generator.toObject();
}

// The generator of the async function the running microtask resumed, when `error` has just
// rejected its promise (the function threw it): the promise may be the element of a
// Promise.all, whose reaction no longer says which; the function names the error's frame.
JSObject* generatorRejectedBy(JSContext* cx, JSObject* runningJob, JSObject* error) {
    JSObject* generator = asyncFunctionResumedBy(runningJob);
    if (!generator)
        return nullptr;
    const JS::Value& promise = JS::GetReservedSlot(generator, kGeneratorPromiseSlot);
    if (!promise.isObject())
        return nullptr;
    JS::RootedObject rooted(cx, &promise.toObject());
    if (!JS::IsPromiseObject(rooted) || JS::GetPromiseState(rooted) != JS::PromiseState::Rejected)
        return nullptr;
    const JS::Value reason = JS::GetPromiseResult(rooted);
    return reason.isObject() && &reason.toObject() == error ? generator : nullptr;
}

}  // namespace

bool JsMicrotaskQueue::runningAsyncFrames(JSContext* cx, JSObject* job, JS::MutableHandleValue frames) {
    frames.setUndefined();
    JSObject* reaction = job ? reactionOf(job) : nullptr;
    if (!reaction)
        return true;
    const JS::Value& flags = JS::GetReservedSlot(reaction, kFlagsSlot);
    const JS::Value& generator = JS::GetReservedSlot(reaction, kAwaitGeneratorSlot);
    if (!flags.isInt32())
        return true;
    JS::RootedValueVector found(cx);
    JS::Value next;
    if ((flags.toInt32() & kAsyncFunctionFlag) && generator.isObject() &&
        JS::GetClass(&generator.toObject())->name == kGeneratorClass) {
        // An async function resumed: it runs; the chain goes on from the promise it settles.
        if (!found.append(JS::GetReservedSlot(&generator.toObject(), kGeneratorCalleeSlot)))
            return false;
        next = JS::GetReservedSlot(&generator.toObject(), kGeneratorPromiseSlot);
    } else {
        // A then handler (the slot of the other one holds the value it gets).
        if (!found.append(JS::GetReservedSlot(reaction, (flags.toInt32() & kFulfilledFlag) ? kOnFulfilledSlot : kOnRejectedSlot)))
            return false;
        next = JS::GetReservedSlot(reaction, kReactionPromiseSlot);
    }
    if (!found.append(JS::Int32Value(-1)) || !collectAwaiting(cx, nullptr, next, &found))
        return false;
    return describeFrames(cx, found, frames);
}

JSObject* JsMicrotaskQueue::asyncFunctionSettling(JSObject* job, JSObject* promise) {
    JSObject* generator = asyncFunctionResumedBy(job);
    if (!generator)
        return nullptr;
    const JS::Value& settled = JS::GetReservedSlot(generator, kGeneratorPromiseSlot);
    const JS::Value& callee = JS::GetReservedSlot(generator, kGeneratorCalleeSlot);
    if (!settled.isObject() || &settled.toObject() != promise || !callee.isObject())
        return nullptr;
    return &callee.toObject();
}

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
    // An error that a microtask's code threw: V8 gave it the async frames of that moment.
    const bool failedInMicrotask = program_.runningMicrotask();
    std::shared_ptr<JS::PersistentRooted<JSObject*>> rejectedGenerator;
    if (failedInMicrotask) {
        if (JSObject* error = errorHandedToReaction(job)) {
            if (JSObject* generator = generatorRejectedBy(cx, program_.runningJob(), error))
                rejectedGenerator = std::make_shared<JS::PersistentRooted<JSObject*>>(cx, generator);
        }
    }
    NodeRuntime& runtime = program_.runtime();
    runtime.queueMicrotask(runtime.callback(where, "promise reaction", [this, function, context, failedInMicrotask, rejectedGenerator] {
        JSContext* cx = program_.cx();
        JSAutoRealm realm(cx, program_.global());
        JS::RootedValue callee(cx, *function);
        // A rejection's error in V8's words before the handler (a catch after an await) reads it.
        if (JSObject* error = errorHandedToReaction(&callee.toObject())) {
            JS::RootedValueArray<4> arguments(cx);
            arguments[0].setObject(*error);
            if (failedInMicrotask && !asyncFramesOf(cx, reactionOf(&callee.toObject()), arguments[1]))
                JS_ClearPendingException(cx);
            if (rejectedGenerator) {
                arguments[2].set(JS::GetReservedSlot(*rejectedGenerator, kGeneratorPromiseSlot));
                arguments[3].set(JS::GetReservedSlot(*rejectedGenerator, kGeneratorCalleeSlot));
            }
            JS::RootedValue hook(cx, JS::ObjectValue(*program_.libraryHook("handOnRejection")));
            JS::RootedValue ignored(cx);
            if (!JS::Call(cx, JS::UndefinedHandleValue, hook, arguments, &ignored))
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
