// The Node runtime a program driver runs on: the JavaScript thread's libuv loop and its
// phases, the nextTick and microtask queues and their drain rule, timers, immediates,
// close callbacks, pool work, net, TCP sockets, workers and the HTTP server, as Node 20 has them, and
// the trace of all of it. A driver (StepProgram interprets a scenario's steps) calls it
// in JavaScript's terms - queue this callback, arm this timer, start this pool job - and
// the runtime reports every queue change, callback and phase itself.
//
// Durations a driver passes are program time: the runtime stretches them by
// runtime.time_scale. Everything here runs on the JavaScript thread (the one that calls
// run()); callbacks given to the runtime run on it too.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>
#include <optional>
#include <string>

#include <uv.h>

#include "CallbackQueues.h"
#include "ChildProcesses.h"
#include "ClusterProcessRole.h"
#include "ConsoleOutput.h"
#include "Engine.h"
#include "HttpClientRequests.h"
#include "HttpServer.h"
#include "ImmediateQueue.h"
#include "LoopInbox.h"
#include "NetRequests.h"
#include "NodeServer.h"
#include "NodeTrace.h"
#include "PoolStager.h"
#include "RunHorizon.h"
#include "Scenario.h"
#include "TcpSockets.h"
#include "TracedTimers.h"
#include "WorkerThreads.h"

namespace loopscope {

// What a program driver does at the moments Node gives a program.
struct ProgramHooks {
    std::function<void()> start;       // runs the main script (and may start the server)
    // The loop has nothing left to do: process 'beforeExit'; the loop goes on if it
    // queued new work.
    std::function<void()> beforeExit;
    std::function<void()> exit;        // process 'exit', once, unless the run was cut short
    // The run is over, however it ended: stop what the program runs on other threads
    // before the loop's handles close (nothing may post to the loop after this).
    std::function<void()> stop;
};

// Where a console line went (the Log event's value, see ConsoleOutput.h).
enum class OutputStream : std::int64_t {
    Stdout = 0,
    Stderr = kLogToStderr,
    StdoutWithoutNewline = kLogWithoutNewline,
    StderrWithoutNewline = kLogToStderr | kLogWithoutNewline,
};

class NodeRuntime {
public:
    NodeRuntime(TraceSink& sink, const RuntimeSettings& settings, std::optional<ClusterProcessRole> role);
    NodeRuntime(const NodeRuntime&) = delete;
    // Main-lane events before the run stops (runtime.eventLimit, or kMaxRunEvents).
    std::int64_t eventLimit() const { return settings_.eventLimit > 0 ? settings_.eventLimit : kMaxRunEvents; }
    NodeRuntime& operator=(const NodeRuntime&) = delete;

    // Runs a program: `startProgram` runs on this thread before the loop (it runs the
    // main script and may start the server), then the loop runs until nothing keeps it
    // alive or the horizon passes. Emits RunBegin ... RunEnd.
    EngineResult run(const std::function<void()>& startProgram);
    EngineResult run(const ProgramHooks& program);

    // process.exit(code) / the end of a program that failed: no other callback runs.
    void exitProgram(int code);
    void setExitCode(int code) { exitCode_ = code; }
    int exitCode() const { return exitCode_; }

    // ---- callbacks and their queues
    // A callback with a new id, caused by the one running now; `label` is what its
    // queue shows ("nextTick", "setImmediate", ...).
    QueuedCallback callback(SourceLocation where, std::string label, std::function<void()> body) {
        return queues_.make(where, std::move(label), std::move(body));
    }
    std::uint64_t currentCallback() const { return queues_.current(); }
    void queueNextTick(QueuedCallback job) { queues_.queueNextTick(std::move(job)); }
    void queueMicrotask(QueuedCallback job) { queues_.queueMicrotask(std::move(job)); }
    void setImmediate(QueuedCallback job) { immediates_.add(std::move(job)); }
    void clearImmediate(std::uint64_t id, SourceLocation where) { immediates_.cancel(id, where); }
    void setAfterDrain(std::function<bool()> afterDrain) { queues_.setAfterDrain(std::move(afterDrain)); }
    DrainPlace drainPlace() const { return queues_.drainPlace(); }
    void noteHiddenTick() { queues_.noteHiddenTick(); }
    // Runs `job` now as a callback of the loop itself, then the nextTicks and microtasks it queued.
    void runCallbackNow(QueuedCallback job) { queues_.runMacrotask(QueueKind::None, std::move(job)); }
    // Closes a real handle: its callback runs in the close phase, last closed first.
    void queueClose(QueuedCallback job);
    // The main script: in CommonJS now; as an ES module, as a promise job in the poll
    // phase of the first iteration (loading it is I/O). `kind` when the program knows it
    // better than the settings (a .js file that is an ES module by its package.json or its
    // syntax).
    void runMainScript(SourceLocation where, std::function<void()> body, std::optional<ModuleKind> kind = {});

    // ---- timers
    NodeTimerPtr armTimer(TimerRequest request) { return timers_.arm(std::move(request)); }
    void clearTimer(const NodeTimerPtr& timer, SourceLocation where) { timers_.clear(timer, where); }
    void setTimerRef(const NodeTimerPtr& timer, bool refed) { timers_.setRef(timer, refed); }
    void refreshTimer(const NodeTimerPtr& timer, SourceLocation where) { timers_.refresh(timer, where); }
    // getLibuvNow(): the loop's time in milliseconds, updated first.
    double loopNow() { uv_update_time(&loop_); return double(uv_now(&loop_)); }
    // performance.eventLoopUtilization()'s inputs, as Node's nodeTiming: when the loop first
    // ran (uv_hrtime(), 0 while the main script still runs) and how long it has waited in
    // the poll phase since (milliseconds; the loop counts it with UV_METRICS_IDLE_TIME).
    std::uint64_t loopStartHrtime() const { return loopStartHrtime_; }
    double loopIdleMilliseconds() { return double(uv_metrics_idle_time(&loop_)) / 1e6; }

    // ---- work off the JavaScript thread; `onDone` runs as a poll-phase callback
    void startPoolJob(PoolWork work, std::function<void()> onDone);
    // How the pool's threads are numbered (a worker thread's runtime shares its parent's).
    std::shared_ptr<PoolLanes> poolLanes() const { return pool_.lanes(); }
    void sharePoolLanes(std::shared_ptr<PoolLanes> lanes) { pool_.shareLanes(std::move(lanes)); }
    void startNet(SourceLocation where, std::string label, Nanoseconds takes, std::function<void()> onDone) {
        net_.request(where, std::move(label), scaled(takes), std::move(onDone));
    }
    void startWorker(SourceLocation where, Nanoseconds takes, std::function<void()> onMessage) {
        workers_.start(where, scaled(takes), std::move(onMessage));
    }

    // ---- messages from threads the program started (worker_threads)
    // Any thread: `message` runs on this thread in the poll phase (nothing runs once the
    // run has stopped).
    void postFromThread(std::function<void()> message) { inbox_.post(std::move(message), false); }
    // The loop stays alive while held (a running Worker, a listening parentPort).
    void holdLoop() { inbox_.hold(); }
    void releaseLoop() { inbox_.release(); }
    // Runs `job` now as a poll-phase callback (a message that has arrived), then the
    // nextTicks and microtasks it queued.
    void runMessage(QueuedCallback job);
    // Where this run's events go and its time 0 (steadyNow()).
    TraceSink& traceSink() { return trace_.sink(); }
    Nanoseconds traceStart() const { return trace_.start(); }

    // ---- on the JavaScript thread itself
    void runCpu(SourceLocation where, std::string label, Nanoseconds takes);
    void blockWithoutCpu(SourceLocation where, std::string label, Nanoseconds takes);
    void log(SourceLocation where, std::string text, OutputStream stream = OutputStream::Stdout);
    void pushFrame(SourceLocation where, std::string name);
    void popFrame(SourceLocation where);

    // ---- the HTTP server (see NodeServer)
    void startServer(SourceLocation where, const Scenario& load, std::function<void(std::uint64_t request)> handler) {
        server_.start(&loop_, where, load, scale_, std::move(handler));
    }
    void respond(SourceLocation where, std::uint64_t request, int status);
    // A real program's HTTP server (see NodeServer::listen). The first is the one the run's
    // load (`load`, the scenario's) and a cluster's connections go to; a program may listen
    // again, after closing it or beside it.
    std::uint16_t listenHttp(SourceLocation where, std::uint16_t port, const Scenario& load,
                             std::function<void(std::uint64_t request, const HttpRequestDetails&)> handler,
                             std::function<void(std::uint64_t connection)> onConnection = {});
    void respondWith(SourceLocation where, std::uint64_t request, int status, std::string bytes, bool keepAlive);
    // Closes the program's server listening on `port` (the newest of them).
    void closeHttp(std::uint16_t port);
    // http.get / http.request to 127.0.0.1:port (see HttpClientRequests).
    void requestHttp(SourceLocation where, std::string label, std::uint16_t port, std::string bytes, bool keepAlive,
                     std::uint64_t reuse, std::function<void(const HttpClientResponse&)> onDone) {
        httpClient_.request(where, std::move(label), port, std::move(bytes), keepAlive, reuse, std::move(onDone));
    }

    // A program's TCP sockets (the net module's handles, see TcpSockets).
    TcpSockets& tcp() { return tcp_; }
    // The processes a program starts (child_process), their pipes among tcp()'s.
    ChildProcesses& children() { return children_; }
    // The loop itself, for handles a driver keeps (a program's cluster workers); only
    // while run() runs.
    uv_loop_t* loop() { return &loop_; }

    bool stopped() const { return horizon_.stopped(); }
    // How a driver stops its code where it runs when the run stops from inside it (at
    // kMaxRunEvents): the code then sees stopped() and must not go on.
    void setInterruptRunningCode(std::function<void()> interrupt) { interruptRunningCode_ = std::move(interrupt); }
    // The horizon as a steady-clock reading (steadyNow()); and, at it, the run stops
    // (true when it has).
    Nanoseconds horizonDeadline() const { return horizon_.deadline(); }
    bool stopIfPastHorizon() { return horizon_.stopIfPast(); }
    bool explainHorizonOnce() { return horizon_.explainOnce(); }

private:
    Nanoseconds scaled(Nanoseconds programTime) const { return Nanoseconds(double(programTime) * scale_); }
    void begin();
    void setUpLoop();
    void sampleCounters();
    NodeServer& serverFor(std::uint64_t request);
    void tearDown();

    const RuntimeSettings settings_;
    const std::optional<ClusterProcessRole> role_;
    const double scale_;
    NodeTrace trace_;
    RunHorizon horizon_;
    CallbackQueues queues_;
    ImmediateQueue immediates_;
    TracedTimers timers_;
    PoolStager pool_;
    LoopInbox inbox_;
    NetRequests net_;
    HttpClientRequests httpClient_;
    TcpSockets tcp_;
    ChildProcesses children_{tcp_};
    WorkerThreads workers_;
    NodeServer server_;
    // The program's servers after the first, each numbering its requests from
    // (its place << 32) + 1, so that a request's number says which server has it.
    std::vector<std::unique_ptr<NodeServer>> laterServers_;

    uv_loop_t loop_{};
    std::uint64_t loopStartHrtime_ = 0;
    uv_prepare_t prepare_{};
    uv_check_t checkEnd_{};
    uv_timer_t horizonTimer_{};
    Nanoseconds lastCounterSample_ = -kSecond;
    int exitCode_ = 0;
    std::function<void()> interruptRunningCode_;
};

}  // namespace loopscope
