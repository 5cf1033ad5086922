// SpiderMonkey's job queue as the runtime's microtask queue: every promise reaction the
// engine queues is a microtask the trace shows, drained by Node's rule (after every
// callback: all nextTicks, then all microtasks) rather than by the engine.
#pragma once

#include <js/Promise.h>

namespace loopscope {

class JavaScriptProgram;

class JsMicrotaskQueue final : public JS::JobQueue {
public:
    explicit JsMicrotaskQueue(JavaScriptProgram& program) : program_(program) {}

    // For the promise job `job` running now: [the function it runs, -1, file, line, then the
    // async frames of the chain it settles as [function, resume index, file, line] ...], or
    // undefined when it is no reaction.
    static bool runningAsyncFrames(JSContext* cx, JSObject* job, JS::MutableHandleValue frames);
    // The async function the promise job `job` resumes, when `promise` is the one it settles;
    // else null.
    static JSObject* asyncFunctionSettling(JSObject* job, JSObject* promise);

    JSObject* getIncumbentGlobal(JSContext* cx) override;
    bool enqueuePromiseJob(JSContext* cx, JS::HandleObject promise, JS::HandleObject job,
                           JS::HandleObject allocationSite, JS::HandleObject incumbentGlobal) override;
    // The runtime drains the queue; the engine asks only for its debugger.
    void runJobs(JSContext*) override {}
    bool empty() const override { return true; }

private:
    // Nothing to save: the queue is the runtime's, which the debugger does not run.
    class NothingSaved final : public SavedJobQueue {};
    js::UniquePtr<SavedJobQueue> saveJobQueue(JSContext*) override;

    JavaScriptProgram& program_;
};

}  // namespace loopscope
