// One SpiderMonkey context and its global: the JavaScript engine of one program, on the
// thread that creates it (the runtime's loop thread). The engine itself is initialised
// once per process, on first use.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include <jsapi.h>

namespace loopscope {

class SpiderMonkeyContext {
public:
    // `heapBytes`: the garbage-collected heap's hard limit (runtime.heap). A worker's
    // context shares its parent's immutable engine data through `parentRuntime`, which
    // must outlive it.
    explicit SpiderMonkeyContext(std::size_t heapBytes, JSRuntime* parentRuntime = nullptr);
    ~SpiderMonkeyContext();
    SpiderMonkeyContext(const SpiderMonkeyContext&) = delete;
    SpiderMonkeyContext& operator=(const SpiderMonkeyContext&) = delete;

    JSContext* cx() const { return cx_; }
    JSObject* global() const { return global_; }

    // Traces values C++ holds outside the JavaScript heap, at every garbage collection.
    void addRootTracer(std::function<void(JSTracer*)> tracer) { tracers_.push_back(std::move(tracer)); }

private:
    static void traceRoots(JSTracer* tracer, void* data);

    JSContext* cx_ = nullptr;
    JS::Heap<JSObject*> global_;
    std::vector<std::function<void(JSTracer*)>> tracers_;
};

}  // namespace loopscope
