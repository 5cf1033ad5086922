#include "JsWorkers.h"

#include <atomic>
#include <vector>

#include <js/CallAndConstruct.h>

#include "JavaScriptProgram.h"
#include "JsStrings.h"
#include "LowestFreeLane.h"
#include "MessagePortHub.h"
#include "SpiderMonkeyContext.h"
#include "WorkerLaneSink.h"

namespace loopscope {

namespace {

// threadId: 1, 2, ... for every Worker of the process, nested ones included, as in Node.
std::atomic<std::uint64_t> nextThreadId{1};

// Worker lanes are the process's: a worker's own workers take the next free ones.
class WorkerLanes {
public:
    static std::uint32_t take() {
        std::lock_guard lock(mutex());
        return lanes().take();
    }
    static void give(std::uint32_t index) {
        std::lock_guard lock(mutex());
        lanes().give(index);
    }

private:
    static std::mutex& mutex() {
        static std::mutex m;
        return m;
    }
    static LowestFreeLane& lanes() {
        static LowestFreeLane l;
        return l;
    }
};

// The worker's thread: its own context (sharing the parent's immutable engine data), runtime
// and program, until its loop ends; then its exit code goes to the parent.
void runWorker(const std::shared_ptr<WorkerLink>& link, Scenario scenario, JSRuntime* parentRuntime, Lane lane,
               std::shared_ptr<PoolLanes> poolLanes) {
    const std::string& file = link->script().filename;
    WorkerLaneSink sink(link->root(), link->rootStart(), lane, link->script().threadId,
                        "main script of " + file.substr(file.rfind('/') + 1),
                        [&link](std::string text, std::int64_t stream) { link->writeLine(std::move(text), stream); });
    int code = 1;
    try {
        SpiderMonkeyContext engine(std::size_t(scenario.runtime.heapBytes), parentRuntime);
        NodeRuntime runtime(sink, scenario.runtime, std::nullopt);
        runtime.sharePoolLanes(std::move(poolLanes));
        JavaScriptProgram program(scenario, runtime, engine, link.get());
        runtime.run(program.hooks());
        code = runtime.exitCode();
    } catch (const std::exception& error) {
        link->writeLine(std::string("the worker could not run: ") + error.what(), std::int64_t(OutputStream::Stderr));
    }
    link->detach();
    link->report(WorkerReport{WorkerReport::Kind::Exit, {}, {}, code});
}

void emitOnLane(TraceSink& root, Nanoseconds rootStart, EventKind kind, Lane lane, std::uint64_t threadId) {
    TraceEvent event;
    event.ts = steadyNow() - rootStart;
    event.kind = kind;
    event.lane = lane;
    event.id = threadId << 40;
    event.text = "worker thread " + std::to_string(threadId);
    root.record(event);
}

}  // namespace

TraceSink& JsWorkers::root() const {
    return parent_ ? parent_->root() : program_.runtime().traceSink();
}

Nanoseconds JsWorkers::rootStart() const {
    return parent_ ? parent_->rootStart() : program_.runtime().traceStart();
}

std::uint64_t JsWorkers::start(std::string filename, bool isEval, std::string evalSource, std::string workerData,
                                CarriedPorts carried) {
    NodeRuntime& runtime = program_.runtime();
    const std::uint64_t threadId = nextThreadId++;
    Running worker;
    worker.carried = std::move(carried);
    worker.inbound = std::make_shared<Inbound>();
    worker.lane = Lane{LaneKind::Worker, 0, WorkerLanes::take()};
    auto report = [this, &runtime, threadId, inbound = worker.inbound](WorkerReport report) {
        {
            std::lock_guard lock(inbound->mutex);
            if (report.kind == WorkerReport::Kind::Message)
                inbound->values.push_back(std::move(report));
            else if (report.kind == WorkerReport::Kind::Exit)
                inbound->exit = std::move(report);
            else
                inbound->internal.push_back(std::move(report));
        }
        runtime.postFromThread([this, threadId] { drain(threadId); });
    };
    WorkerLink::Script script{threadId, filename, isEval, std::move(evalSource), std::move(workerData)};
    worker.link = std::make_shared<WorkerLink>(std::move(script), root(), rootStart(), std::move(report));

    // The worker's program: the parent's settings, its own script, the time left to the horizon.
    Scenario scenario = program_.scenario();
    scenario.program = filename;
    scenario.load.clear();
    scenario.runtime.module = filename.ends_with(".mjs") ? ModuleKind::Esm : ModuleKind::CommonJs;
    const Nanoseconds left = std::max<Nanoseconds>(kMillisecond, runtime.horizonDeadline() - steadyNow());
    scenario.runtime.horizon = Nanoseconds(double(left) / scenario.runtime.timeScale);

    emitOnLane(root(), rootStart(), EventKind::ThreadCreate, worker.lane, threadId);
    runtime.holdLoop();
    worker.thread = std::thread(runWorker, worker.link, std::move(scenario), JS_GetRuntime(program_.cx()), worker.lane,
                                program_.runtime().poolLanes());
    running_.emplace(threadId, std::move(worker));
    return threadId;
}

void JsWorkers::post(std::uint64_t threadId, std::string tape, CarriedPorts carried) {
    auto found = running_.find(threadId);
    if (found == running_.end()) {
        MessagePortHub::instance().dropUnarrived(carried);
        return;
    }
    found->second.link->postToWorker(std::move(tape));
    auto& kept = found->second.carried;
    kept.insert(kept.end(), carried.begin(), carried.end());
}

void JsWorkers::terminate(std::uint64_t threadId) {
    auto found = running_.find(threadId);
    if (found != running_.end())
        found->second.link->terminate();
}

void JsWorkers::setRef(std::uint64_t threadId, bool refed) {
    auto found = running_.find(threadId);
    if (found == running_.end() || found->second.refed == refed)
        return;
    found->second.refed = refed;
    if (refed)
        program_.runtime().holdLoop();
    else
        program_.runtime().releaseLoop();
}

void JsWorkers::drain(std::uint64_t threadId) {
    auto found = running_.find(threadId);
    if (found == running_.end())
        return;
    const std::shared_ptr<Inbound> inbound = found->second.inbound;
    std::deque<WorkerReport> internal, values;
    std::optional<WorkerReport> exit;
    {
        std::lock_guard lock(inbound->mutex);
        internal.swap(inbound->internal);
        values.swap(inbound->values);
        exit.swap(inbound->exit);
    }
    for (auto& report : internal)
        handle(threadId, std::move(report));
    for (auto& report : values)
        handle(threadId, std::move(report));
    if (exit)
        finish(threadId, exit->code);
}

void JsWorkers::handle(std::uint64_t threadId, WorkerReport report) {
    NodeRuntime& runtime = program_.runtime();
    if (runtime.stopped())
        return;
    if (report.kind == WorkerReport::Kind::Log) {
        for (auto& [text, stream] : report.lines)
            runtime.log({}, std::move(text), OutputStream(stream));
        auto found = running_.find(threadId);
        if (found != running_.end())
            found->second.link->linesWritten();
        return;
    }
    const char* kind = report.kind == WorkerReport::Kind::Online ? "online"
                       : report.kind == WorkerReport::Kind::Error ? "error"
                                                                  : "message";
    deliver(threadId, kind, std::move(report.payload));
}

// The library's workerEvent(threadId, kind, payload), as a poll-phase callback.
void JsWorkers::deliver(std::uint64_t threadId, const char* kind, std::variant<std::string, int> payload) {
    NodeRuntime& runtime = program_.runtime();
    const std::string label = "worker " + std::to_string(threadId) + " " + kind;
    runtime.runMessage(runtime.callback({}, label, [this, threadId, kind, payload = std::move(payload)] {
        JSContext* cx = program_.cx();
        JSAutoRealm realm(cx, program_.global());
        JS::RootedValueArray<3> arguments(cx);
        arguments[0].setNumber(double(threadId));
        arguments[1].setString(newString(cx, kind));
        if (const std::string* text = std::get_if<std::string>(&payload))
            arguments[2].setString(newString(cx, *text));
        else
            arguments[2].setNumber(std::get<int>(payload));
        program_.callHook("workerEvent", arguments);
    }));
}

// The worker's thread has ended: its lane is free, and 'exit' comes with its code.
void JsWorkers::finish(std::uint64_t threadId, int code) {
    auto found = running_.find(threadId);
    if (found == running_.end())
        return;
    Running worker = std::move(found->second);
    running_.erase(found);
    worker.thread.join();
    MessagePortHub::instance().dropUnarrived(worker.carried);
    emitOnLane(root(), rootStart(), EventKind::ThreadExit, worker.lane, threadId);
    WorkerLanes::give(worker.lane.index);
    NodeRuntime& runtime = program_.runtime();
    if (worker.refed)
        runtime.releaseLoop();
    if (runtime.stopped())
        return;
    deliver(threadId, "exit", code);
}

void JsWorkers::stopAll() {
    for (auto& [threadId, worker] : running_)
        worker.link->terminate();
    for (auto& [threadId, worker] : running_) {
        worker.thread.join();
        MessagePortHub::instance().dropUnarrived(worker.carried);
        emitOnLane(root(), rootStart(), EventKind::ThreadExit, worker.lane, threadId);
        WorkerLanes::give(worker.lane.index);
    }
    running_.clear();
}

}  // namespace loopscope
