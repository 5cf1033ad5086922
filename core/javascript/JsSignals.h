// process.on('SIGINT') and its kin, and process.kill: one libuv signal watcher per signal the
// program listens to, unref'd as Node's (a listener does not keep the program running).
// Each signal that arrives is a poll-phase callback "signal SIGINT" that emits the event.
#pragma once

#include <map>
#include <memory>

#include <jsapi.h>
#include <uv.h>

namespace loopscope {

class JavaScriptProgram;

class JsSignals {
public:
    explicit JsSignals(JavaScriptProgram& program) : program_(program) {}
    ~JsSignals();
    JsSignals(const JsSignals&) = delete;
    JsSignals& operator=(const JsSignals&) = delete;

    // `onSignal` is called with no arguments each time `signum` arrives. 0 or a libuv error.
    int watch(int signum, JS::HandleValue onSignal);
    void unwatch(int signum);
    // The run is over: every watcher closes (before the loop does).
    void closeAll();

    // The natives signalWatch, signalUnwatch, signalSend.
    static bool defineNatives(JSContext* cx, JS::HandleObject natives);

private:
    struct Watcher;
    JavaScriptProgram& program_;
    std::map<int, Watcher*> watchers_;
};

}  // namespace loopscope
