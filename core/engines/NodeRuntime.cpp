#include "NodeRuntime.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <memory>

#include "CpuAffinity.h"
#include "CpuBurn.h"
#include "RequestNumbers.h"

namespace loopscope {

namespace {

std::int64_t residentSetBytes() {
    std::FILE* statm = std::fopen("/proc/self/statm", "r");
    if (!statm)
        return 0;
    long pages = 0, resident = 0;
    const int read = std::fscanf(statm, "%ld %ld", &pages, &resident);
    std::fclose(statm);
    return read == 2 ? std::int64_t(resident) * sysconf(_SC_PAGESIZE) : 0;
}

void closeHandle(void* handle) {
    auto* h = static_cast<uv_handle_t*>(handle);
    if (!uv_is_closing(h))
        uv_close(h, nullptr);
}

}  // namespace

NodeRuntime::NodeRuntime(TraceSink& sink, const RuntimeSettings& settings, std::optional<ClusterProcessRole> role)
    : settings_(settings), role_(role), scale_(settings.timeScale > 0 ? settings.timeScale : 1.0),
      trace_(sink, [this] { sampleCounters(); }),
      queues_(trace_, horizon_),
      immediates_(queues_, trace_, horizon_),
      timers_(queues_, trace_, scale_),
      pool_(queues_, trace_, horizon_),
      inbox_(trace_, horizon_),
      net_(queues_, trace_, horizon_),
      httpClient_(queues_, trace_, horizon_),
      tcp_(queues_, trace_, horizon_),
      workers_(queues_, trace_, horizon_, inbox_),
      server_(queues_, trace_, horizon_, inbox_, role) {
    trace_.setOnEventLimit(eventLimit(), [this] {
        horizon_.reachEventLimit();
        if (interruptRunningCode_)
            interruptRunningCode_();
    });
}

// The loop runs as libuv's uv_run does (src/unix/core.c): timers, pending, idle and
// prepare, poll (I/O, pool completions, messages), check (immediates), close callbacks,
// until nothing keeps it alive. setUpLoop() hangs the phase markers on it.
EngineResult NodeRuntime::run(const std::function<void()>& startProgram) {
    return run(ProgramHooks{startProgram, {}, {}, {}});
}

// As Node's SpinEventLoop: the loop runs until nothing keeps it alive, 'beforeExit' may
// give it more to do, and 'exit' comes once it has really ended.
EngineResult NodeRuntime::run(const ProgramHooks& program) {
    EngineResult result;
    begin();
    try {
        program.start();
        bool more = !horizon_.stopped();
        while (more) {
            if (loopStartHrtime_ == 0)
                loopStartHrtime_ = uv_hrtime();
            uv_run(&loop_, UV_RUN_DEFAULT);
            if (horizon_.stopped() || !program.beforeExit)
                break;
            program.beforeExit();
            more = !horizon_.stopped() && uv_loop_alive(&loop_);
        }
        if (program.exit && !horizon_.stopped())
            program.exit();
    } catch (const std::exception& error) {
        result.ok = false;
        result.error = error.what();
        horizon_.stopRunning();
    }
    trace_.phases().finish();
    if (program.stop)
        program.stop();
    tearDown();
    std::string endText;
    if (horizon_.reached())
        endText = kStoppedAtHorizon;
    if (horizon_.eventLimitReached())
        endText = stoppedAtEventLimit(eventLimit());
    if (!result.ok)
        endText = result.error;
    if (program.exit)
        trace_.counter(kMainLane, kExitCodeCounter, exitCode_);
    trace_.emit(EventKind::RunEnd, kMainLane, QueueKind::None, 0, 0, {}, result.ok ? 0 : 1, endText);
    trace_.flush();
    return result;
}

void NodeRuntime::begin() {
    // A cluster process counts from its primary's start.
    trace_.setStart(role_ ? role_->origin : steadyNow());
    horizon_.arm(&loop_, trace_.start() + scaled(settings_.horizon));
    pinToCores(settings_.cores);
    trace_.emit(EventKind::RunBegin, kMainLane, QueueKind::None, 0, 0, {}, std::int64_t(EngineKind::EventLoop),
                std::string("event loop on libuv ") + uv_version_string() +
                    " (timers run at the top of each iteration)");
    setUpLoop();
}

void NodeRuntime::setUpLoop() {
    uv_loop_init(&loop_);
    uv_loop_configure(&loop_, UV_METRICS_IDLE_TIME);
    loop_.data = this;
    timers_.start(&loop_);
    pool_.start(&loop_);
    net_.start(&loop_);
    httpClient_.start(&loop_);
    tcp_.start(&loop_);
    children_.start(&loop_);

    uv_prepare_init(&loop_, &prepare_);
    prepare_.data = this;
    uv_prepare_start(&prepare_, [](uv_prepare_t* handle) {
        PhaseTracker& phases = static_cast<NodeRuntime*>(handle->data)->trace_.phases();
        phases.observe(Phase::IdlePrepare);
        phases.observe(Phase::Poll);
    });
    uv_unref(reinterpret_cast<uv_handle_t*>(&prepare_));

    // libuv runs check handles newest first: checkEnd_ is started first so it runs last.
    uv_check_init(&loop_, &checkEnd_);
    checkEnd_.data = this;
    uv_check_start(&checkEnd_, [](uv_check_t* handle) {
        static_cast<NodeRuntime*>(handle->data)->trace_.phases().observe(Phase::Close);
    });
    uv_unref(reinterpret_cast<uv_handle_t*>(&checkEnd_));
    immediates_.start(&loop_);

    inbox_.start(&loop_);

    uv_timer_init(&loop_, &horizonTimer_);
    horizonTimer_.data = this;
    const Nanoseconds horizon = std::max<Nanoseconds>(0, horizon_.left());
    uv_timer_start(&horizonTimer_, [](uv_timer_t* handle) {
        auto* self = static_cast<NodeRuntime*>(handle->data);
        self->trace_.phases().observe(Phase::Timers);
        self->horizon_.reach();
    }, std::uint64_t((horizon + kMillisecond - 1) / kMillisecond), 0);
    uv_unref(reinterpret_cast<uv_handle_t*>(&horizonTimer_));
}

void NodeRuntime::sampleCounters() {
    const Nanoseconds at = trace_.now();
    if (at - lastCounterSample_ < kMillisecond)
        return;
    lastCounterSample_ = at;
    trace_.counter(kMainLane, "RSS bytes", residentSetBytes());
    trace_.counter(kMainLane, "timers", std::int64_t(timers_.activeCount()));
    trace_.counter(kMainLane, "immediates", std::int64_t(immediates_.size()));
}

void NodeRuntime::tearDown() {
    horizon_.stopEverything();
    server_.stop();
    for (const auto& later : laterServers_)
        later->stop();
    workers_.joinAll();
    net_.close();
    httpClient_.close();
    children_.stopAll();
    tcp_.closeAll();
    timers_.close();
    closeHandle(&prepare_);
    closeHandle(&checkEnd_);
    immediates_.close();
    inbox_.close();
    closeHandle(&horizonTimer_);
    // Let pool jobs still running return (they see the stop) and closes complete.
    while (uv_run(&loop_, UV_RUN_DEFAULT) != 0) {
    }
    uv_loop_close(&loop_);
    server_.release();
    laterServers_.clear();
    net_.release();
}

void NodeRuntime::runMainScript(SourceLocation where, std::function<void()> body, std::optional<ModuleKind> kind) {
    if (kind.value_or(settings_.module) == ModuleKind::Esm) {
        // An ES module is evaluated as a promise job once loading it (I/O) completes:
        // in the poll phase of the first iteration, inside a microtask checkpoint.
        inbox_.expect();
        const std::uint64_t loadedId = queues_.newId();
        trace_.main(EventKind::Enqueue, QueueKind::Poll, loadedId, 0, where, 0, "module loaded");
        inbox_.post([this, where, loadedId, body = std::move(body)] {
            QueuedCallback loaded{loadedId, 0, where, "module loaded", [this, where, body] {
                queues_.queueMicrotask(queues_.make(where, "microtask", body));
            }};
            queues_.runMacrotask(QueueKind::Poll, std::move(loaded));
        });
        return;
    }
    trace_.phases().enterMainScript();
    QueuedCallback main = queues_.make(where, "main script", std::move(body));
    queues_.run(QueueKind::None, main, false);
    queues_.drainTicksAndMicrotasks();
}

void NodeRuntime::runMessage(QueuedCallback job) {
    trace_.main(EventKind::Enqueue, QueueKind::Poll, job.id, job.cause, job.where, 0, job.label);
    queues_.runMacrotask(QueueKind::Poll, std::move(job));
}

void NodeRuntime::queueClose(QueuedCallback job) {
    struct Closing {
        uv_idle_t handle;
        NodeRuntime* runtime;
        QueuedCallback job;
    };
    auto* closing = new Closing{{}, this, std::move(job)};
    uv_idle_init(&loop_, &closing->handle);
    closing->handle.data = closing;
    const QueuedCallback& queued = closing->job;
    trace_.main(EventKind::Enqueue, QueueKind::Close, queued.id, queued.cause, queued.where, 0, queued.label);
    uv_close(reinterpret_cast<uv_handle_t*>(&closing->handle), [](uv_handle_t* handle) {
        std::unique_ptr<Closing> done(static_cast<Closing*>(handle->data));
        if (done->runtime->horizon_.stopped())
            return;
        done->runtime->trace_.phases().observe(Phase::Close);
        done->runtime->queues_.runMacrotask(QueueKind::Close, std::move(done->job));
    });
}

void NodeRuntime::startPoolJob(PoolWork work, std::function<void()> onDone) {
    for (PoolStage& stage : work.stages)
        stage.takes = scaled(stage.takes);
    pool_.queue(std::move(work), std::move(onDone));
}

void NodeRuntime::runCpu(SourceLocation where, std::string label, Nanoseconds takes) {
    pushFrame(where, std::move(label));
    if (!burnCpu(scaled(takes), &horizon_.signal(), horizon_.deadline()))
        horizon_.reach();
    popFrame(where);
}

void NodeRuntime::blockWithoutCpu(SourceLocation where, std::string label, Nanoseconds takes) {
    pushFrame(where, std::move(label));
    const Nanoseconds wanted = scaled(takes);
    const Nanoseconds left = horizon_.left();
    horizon_.signal().sleepFor(std::min(wanted, std::max<Nanoseconds>(0, left)));
    if (wanted > left)
        horizon_.reach();
    popFrame(where);
}

void NodeRuntime::log(SourceLocation where, std::string text, OutputStream stream) {
    trace_.main(EventKind::Log, QueueKind::None, 0, queues_.current(), where, std::int64_t(stream), std::move(text));
}

void NodeRuntime::exitProgram(int code) {
    exitCode_ = code;
    horizon_.stopRunning();
    uv_stop(&loop_);
}

void NodeRuntime::pushFrame(SourceLocation where, std::string name) {
    trace_.main(EventKind::FramePush, QueueKind::None, 0, queues_.current(), where, 0, std::move(name));
}

void NodeRuntime::popFrame(SourceLocation where) {
    trace_.main(EventKind::FramePop, QueueKind::None, 0, queues_.current(), where);
}

std::uint16_t NodeRuntime::listenHttp(SourceLocation where, std::uint16_t port, const Scenario& load,
                                      std::function<void(std::uint64_t, const HttpRequestDetails&)> handler,
                                      std::function<void(std::uint64_t)> onConnection) {
    if (!server_.listening())
        return server_.listen(&loop_, where, port, load, scale_, std::move(handler), std::move(onConnection));
    auto server = std::make_unique<NodeServer>(queues_, trace_, horizon_, inbox_, std::nullopt);
    const std::uint64_t firstRequest = requestId(std::uint32_t(laterServers_.size() + 1), 1);
    const std::uint16_t bound = server->listen(&loop_, where, port, Scenario{}, scale_, std::move(handler),
                                               std::move(onConnection), firstRequest);
    laterServers_.push_back(std::move(server));
    return bound;
}

NodeServer& NodeRuntime::serverFor(std::uint64_t request) {
    const std::uint32_t place = serverPlaceOf(request);
    return place == 0 || place > laterServers_.size() ? server_ : *laterServers_[place - 1];
}

void NodeRuntime::closeHttp(std::uint16_t port) {
    for (auto later = laterServers_.rbegin(); later != laterServers_.rend(); ++later) {
        if (!(*later)->stopped() && (*later)->port() == port) {
            (*later)->stop();
            return;
        }
    }
    server_.stop();
}

void NodeRuntime::respondWith(SourceLocation where, std::uint64_t request, int status, std::string bytes,
                              bool keepAlive) {
    trace_.main(EventKind::RequestRespond, QueueKind::None, request, queues_.current(), where,
                std::int64_t(request), std::to_string(status));
    serverFor(request).respondWith(request, std::move(bytes), keepAlive);
}

void NodeRuntime::respond(SourceLocation where, std::uint64_t request, int status) {
    trace_.main(EventKind::RequestRespond, QueueKind::None, request, queues_.current(), where,
                std::int64_t(request), std::to_string(status));
    server_.respond(request, status);
}

}  // namespace loopscope
