#include "JsSignals.h"

#include <unistd.h>

#include <cstring>
#include <string>

#include "JavaScriptProgram.h"
#include "JsStrings.h"

namespace loopscope {

struct JsSignals::Watcher {
    uv_signal_t handle{};
    JsSignals* owner = nullptr;
    int signum = 0;
    JS::PersistentRooted<JS::Value> onSignal;
    explicit Watcher(JSContext* cx) : onSignal(cx) {}
};

JsSignals::~JsSignals() { closeAll(); }

int JsSignals::watch(int signum, JS::HandleValue onSignal) {
    if (watchers_.count(signum))
        return 0;
    auto* watcher = new Watcher(program_.cx());
    watcher->owner = this;
    watcher->signum = signum;
    watcher->onSignal = onSignal;
    uv_signal_init(program_.runtime().loop(), &watcher->handle);
    watcher->handle.data = watcher;
    const int status = uv_signal_start(&watcher->handle, [](uv_signal_t* handle, int) {
        auto* self = static_cast<Watcher*>(handle->data);
        JavaScriptProgram& program = self->owner->program_;
        NodeRuntime& runtime = program.runtime();
        runtime.runMessage(runtime.callback({}, std::string("signal ") + sigabbrev_np(self->signum), [self, &program] {
            JSAutoRealm realm(program.cx(), program.global());
            JS::RootedValue callee(program.cx(), self->onSignal);
            program.callGuarded(callee, JS::UndefinedHandleValue, JS::HandleValueArray::empty());
        }));
    }, signum);
    uv_unref(reinterpret_cast<uv_handle_t*>(&watcher->handle));
    watchers_[signum] = watcher;
    if (status < 0)
        unwatch(signum);
    return status;
}

void JsSignals::unwatch(int signum) {
    const auto found = watchers_.find(signum);
    if (found == watchers_.end())
        return;
    Watcher* watcher = found->second;
    watchers_.erase(found);
    uv_close(reinterpret_cast<uv_handle_t*>(&watcher->handle),
             [](uv_handle_t* handle) { delete static_cast<Watcher*>(handle->data); });
}

void JsSignals::closeAll() {
    while (!watchers_.empty())
        unwatch(watchers_.begin()->first);
}

namespace {

JsSignals& signalsOf(JSContext* cx) { return JavaScriptProgram::of(cx).signals(); }

// signalWatch(signum, onSignal) -> status
bool signalWatch(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    args.rval().setInt32(signalsOf(cx).watch(int(numberArgument(cx, args, 0)), args.get(1)));
    return true;
}

// signalUnwatch(signum)
bool signalUnwatch(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    signalsOf(cx).unwatch(int(numberArgument(cx, args, 0)));
    args.rval().setUndefined();
    return true;
}

// signalSend(pid, signum) -> status. Only to this process: a teaching tool does not signal
// the machine's other processes.
bool signalSend(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    const double pid = numberArgument(cx, args, 0);
    const int signum = int(numberArgument(cx, args, 1));
    args.rval().setInt32(pid == double(::getpid()) ? uv_kill(int(pid), signum) : UV_EPERM);
    return true;
}

const JSFunctionSpec kSignalNatives[] = {
    JS_FN("signalWatch", signalWatch, 2, 0),
    JS_FN("signalUnwatch", signalUnwatch, 1, 0),
    JS_FN("signalSend", signalSend, 2, 0),
    JS_FS_END,
};

}  // namespace

bool JsSignals::defineNatives(JSContext* cx, JS::HandleObject natives) {
    return JS_DefineFunctions(cx, natives, kSignalNatives);
}

}  // namespace loopscope
