// fs.watch: one libuv fs-event handle (inotify) per FSWatcher, ref'd as Node's (a watcher keeps
// the program running until it is closed or unref'd). Each event libuv reports is a poll-phase
// callback "fs.watch change" / "fs.watch rename" that emits the watcher's 'change'.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include <jsapi.h>
#include <uv.h>

namespace loopscope {

class JavaScriptProgram;

class JsFileWatchers {
public:
    explicit JsFileWatchers(JavaScriptProgram& program) : program_(program) {}
    ~JsFileWatchers();
    JsFileWatchers(const JsFileWatchers&) = delete;
    JsFileWatchers& operator=(const JsFileWatchers&) = delete;

    // `onEvent(eventType, filename)` for each change; eventType "change" or "rename", or
    // "error" with a libuv status. A number from 1, or a libuv error (negative).
    double watch(const std::string& path, JS::HandleValue onEvent);
    void close(std::uint64_t id);
    void setRef(std::uint64_t id, bool refed);
    // The run is over: every watcher closes (before the loop does).
    void closeAll();

    // The natives fsWatchStart, fsWatchClose, fsWatchRef.
    static bool defineNatives(JSContext* cx, JS::HandleObject natives);

private:
    struct Watcher;
    void deliver(Watcher& watcher, const char* eventType, JS::HandleValue detail);

    JavaScriptProgram& program_;
    std::uint64_t next_ = 1;
    std::map<std::uint64_t, Watcher*> watchers_;
};

}  // namespace loopscope
