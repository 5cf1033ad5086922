// The Workers a program started (`new Worker(...)` of worker_threads), as Node runs them:
// each on its own thread with its own SpiderMonkey context, NodeRuntime and program, on
// the lowest worker lane free. What a worker reports reaches the program's loop in its poll
// phase the way Node's two message ports deliver it: in one wake-up, the worker's internal
// messages ('online', its console lines, its error) before its postMessage values, and its
// 'exit' after both.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <variant>
#include <vector>

#include "TraceEvent.h"
#include "WorkerLink.h"

namespace loopscope {

class JavaScriptProgram;
class TraceSink;

// MessagePorts a message carries, each as (endpoint id, trip) in MessagePortHub.
using CarriedPorts = std::vector<std::pair<std::uint64_t, std::uint64_t>>;

class JsWorkers {
public:
    // `parent`: set when the program is itself a worker's (its workers' lanes are drawn in
    // the process's trace, as its own is).
    JsWorkers(JavaScriptProgram& program, const WorkerLink* parent) : program_(program), parent_(parent) {}
    ~JsWorkers() { stopAll(); }
    JsWorkers(const JsWorkers&) = delete;
    JsWorkers& operator=(const JsWorkers&) = delete;

    // On the program's thread. Returns the worker's threadId.
    // `carried`: the ports in workerData's (or the message's) transfer list; those the worker
    // has not received when it ends close.
    std::uint64_t start(std::string filename, bool isEval, std::string evalSource, std::string workerData,
                        CarriedPorts carried);
    void post(std::uint64_t threadId, std::string tape, CarriedPorts carried);
    void terminate(std::uint64_t threadId);
    // worker.ref() / unref(): whether the worker keeps the program's loop alive.
    void setRef(std::uint64_t threadId, bool refed);
    // The run is over: every worker is stopped and joined.
    void stopAll();

private:
    // What a worker has reported and the program has not handled yet.
    struct Inbound {
        std::mutex mutex;
        std::deque<WorkerReport> internal;  // Online, Log, Error
        std::deque<WorkerReport> values;    // Message
        std::optional<WorkerReport> exit;
    };
    struct Running {
        std::shared_ptr<WorkerLink> link;
        std::shared_ptr<Inbound> inbound;
        std::thread thread;
        Lane lane;
        bool refed = true;
        CarriedPorts carried;
    };
    void drain(std::uint64_t threadId);
    void handle(std::uint64_t threadId, WorkerReport report);
    void finish(std::uint64_t threadId, int code);
    void deliver(std::uint64_t threadId, const char* kind, std::variant<std::string, int> payload);

    TraceSink& root() const;
    Nanoseconds rootStart() const;

    JavaScriptProgram& program_;
    const WorkerLink* const parent_;
    std::map<std::uint64_t, Running> running_;
};

}  // namespace loopscope
