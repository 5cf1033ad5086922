#include "JsFileWatchers.h"

#include "JavaScriptProgram.h"
#include "JsStrings.h"

namespace loopscope {

struct JsFileWatchers::Watcher {
    uv_fs_event_t handle{};
    JsFileWatchers* owner = nullptr;
    std::uint64_t id = 0;
    JS::PersistentRooted<JS::Value> onEvent;
    explicit Watcher(JSContext* cx) : onEvent(cx) {}
};

JsFileWatchers::~JsFileWatchers() { closeAll(); }

double JsFileWatchers::watch(const std::string& path, JS::HandleValue onEvent) {
    auto* watcher = new Watcher(program_.cx());
    watcher->owner = this;
    watcher->onEvent = onEvent;
    uv_fs_event_init(program_.runtime().loop(), &watcher->handle);
    watcher->handle.data = watcher;
    const int status = uv_fs_event_start(
        &watcher->handle,
        [](uv_fs_event_t* handle, const char* filename, int events, int result) {
            auto* self = static_cast<Watcher*>(handle->data);
            JSContext* cx = self->owner->program_.cx();
            JSAutoRealm realm(cx, self->owner->program_.global());
            if (result < 0) {
                JS::RootedValue code(cx, JS::Int32Value(result));
                self->owner->deliver(*self, "error", code);
                return;
            }
            JS::RootedValue name(cx, JS::NullValue());
            if (filename)
                name.setString(newString(cx, filename));
            // A rename is reported before a change, as Node's FSEventWrap does.
            if (events & UV_RENAME)
                self->owner->deliver(*self, "rename", name);
            if (events & UV_CHANGE)
                self->owner->deliver(*self, "change", name);
        },
        path.c_str(), 0);
    if (status < 0) {
        uv_close(reinterpret_cast<uv_handle_t*>(&watcher->handle),
                 [](uv_handle_t* handle) { delete static_cast<Watcher*>(handle->data); });
        return double(status);
    }
    watcher->id = next_++;
    watchers_[watcher->id] = watcher;
    return double(watcher->id);
}

void JsFileWatchers::deliver(Watcher& watcher, const char* eventType, JS::HandleValue detail) {
    NodeRuntime& runtime = program_.runtime();
    JS::PersistentRooted<JS::Value> kept(program_.cx(), detail);
    const std::uint64_t id = watcher.id;
    runtime.runMessage(runtime.callback({}, std::string("fs.watch ") + eventType, [this, id, eventType, &kept] {
        const auto found = watchers_.find(id);
        if (found == watchers_.end())
            return;  // closed by an earlier event's callback
        JSContext* cx = program_.cx();
        JS::RootedValue callee(cx, found->second->onEvent);
        JS::RootedValueArray<2> arguments(cx);
        arguments[0].setString(newString(cx, eventType));
        arguments[1].set(kept);
        program_.callGuarded(callee, JS::UndefinedHandleValue, arguments);
    }));
}

void JsFileWatchers::close(std::uint64_t id) {
    const auto found = watchers_.find(id);
    if (found == watchers_.end())
        return;
    Watcher* watcher = found->second;
    watchers_.erase(found);
    uv_close(reinterpret_cast<uv_handle_t*>(&watcher->handle),
             [](uv_handle_t* handle) { delete static_cast<Watcher*>(handle->data); });
}

void JsFileWatchers::setRef(std::uint64_t id, bool refed) {
    const auto found = watchers_.find(id);
    if (found == watchers_.end())
        return;
    auto* handle = reinterpret_cast<uv_handle_t*>(&found->second->handle);
    if (refed)
        uv_ref(handle);
    else
        uv_unref(handle);
}

void JsFileWatchers::closeAll() {
    while (!watchers_.empty())
        close(watchers_.begin()->first);
}

namespace {

JsFileWatchers& watchersOf(JSContext* cx) { return JavaScriptProgram::of(cx).fileWatchers(); }

// fsWatchStart(path, onEvent(eventType, filenameOrStatus)) -> id, or a libuv error (negative)
bool fsWatchStart(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    args.rval().setNumber(watchersOf(cx).watch(stringArgument(cx, args, 0), args.get(1)));
    return true;
}

// fsWatchClose(id)
bool fsWatchClose(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    watchersOf(cx).close(std::uint64_t(numberArgument(cx, args, 0)));
    args.rval().setUndefined();
    return true;
}

// fsWatchRef(id, refed)
bool fsWatchRef(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    watchersOf(cx).setRef(std::uint64_t(numberArgument(cx, args, 0)), args.get(1).isTrue());
    args.rval().setUndefined();
    return true;
}

const JSFunctionSpec kFileWatcherNatives[] = {
    JS_FN("fsWatchStart", fsWatchStart, 2, 0),
    JS_FN("fsWatchClose", fsWatchClose, 1, 0),
    JS_FN("fsWatchRef", fsWatchRef, 2, 0),
    JS_FS_END,
};

}  // namespace

bool JsFileWatchers::defineNatives(JSContext* cx, JS::HandleObject natives) {
    return JS_DefineFunctions(cx, natives, kFileWatcherNatives);
}

}  // namespace loopscope
