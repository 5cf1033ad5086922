// The program's async context (what AsyncLocalStorage reads): one value, set by the
// library around every callback it runs on a context's behalf. Promise reactions are queued
// by the engine, not the library, so the microtask queue takes the context current when a
// reaction is queued and restores it while the reaction runs. Nothing is captured until the
// program first uses async_hooks (track()), so programs without it pay nothing.
#pragma once

#include <jsapi.h>

namespace loopscope {

class JsAsyncContext {
public:
    explicit JsAsyncContext(JSContext* cx) : current_(cx) {}

    bool tracking() const { return tracking_; }
    void track() { tracking_ = true; }
    JS::Value current() const { return current_; }
    void set(JS::HandleValue value) { current_ = value; }

    // Adds asyncContext() -> value, setAsyncContext(value) and trackAsyncContext() to `natives`.
    static bool defineNatives(JSContext* cx, JS::HandleObject natives);

private:
    JS::PersistentRooted<JS::Value> current_;
    bool tracking_ = false;
};

}  // namespace loopscope
