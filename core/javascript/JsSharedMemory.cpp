#include "JsSharedMemory.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

#include <js/StructuredClone.h>

#include "JsStrings.h"

namespace loopscope {

namespace {

// Written buffers waiting for their reader, in any thread's context of this process.
struct SharedMemoryHandoffs {
    std::mutex mutex;
    std::uint64_t next = 1;
    std::unordered_map<std::uint64_t, std::unique_ptr<JSAutoStructuredCloneBuffer>> waiting;
};

SharedMemoryHandoffs& handoffs() {
    static SharedMemoryHandoffs all;
    return all;
}

JS::CloneDataPolicy sharedMemoryPolicy() {
    JS::CloneDataPolicy policy;
    policy.allowIntraClusterClonableSharedObjects();
    policy.allowSharedMemoryObjects();
    return policy;
}

// sharedMemoryExport(sab) -> number
bool sharedMemoryExport(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    auto buffer = std::make_unique<JSAutoStructuredCloneBuffer>(JS::StructuredCloneScope::SameProcess, nullptr, nullptr);
    if (!buffer->write(cx, args.get(0), JS::UndefinedHandleValue, sharedMemoryPolicy()))
        return false;
    SharedMemoryHandoffs& all = handoffs();
    std::lock_guard lock(all.mutex);
    const std::uint64_t id = all.next++;
    all.waiting.emplace(id, std::move(buffer));
    args.rval().setNumber(double(id));
    return true;
}

// sharedMemoryImport(number) -> the SharedArrayBuffer over the same memory
bool sharedMemoryImport(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    std::unique_ptr<JSAutoStructuredCloneBuffer> buffer;
    {
        SharedMemoryHandoffs& all = handoffs();
        std::lock_guard lock(all.mutex);
        const auto found = all.waiting.find(std::uint64_t(numberArgument(cx, args, 0)));
        if (found != all.waiting.end()) {
            buffer = std::move(found->second);
            all.waiting.erase(found);
        }
    }
    if (!buffer) {
        JS_ReportErrorASCII(cx, "a shared buffer was read twice");
        return false;
    }
    return buffer->read(cx, args.rval(), sharedMemoryPolicy());
}

const JSFunctionSpec kSharedMemoryNatives[] = {
    JS_FN("sharedMemoryExport", sharedMemoryExport, 1, 0),
    JS_FN("sharedMemoryImport", sharedMemoryImport, 1, 0),
    JS_FS_END,
};

}  // namespace

bool defineSharedMemoryNatives(JSContext* cx, JS::HandleObject natives) {
    return JS_DefineFunctions(cx, natives, kSharedMemoryNatives);
}

}  // namespace loopscope
