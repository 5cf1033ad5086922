#include "ThreadPerRequestEngine.h"

#include <memory>
#include <mutex>

#include "BlockingPeerClient.h"
#include "LoadDriver.h"
#include "NetPeer.h"
#include "RequestRunner.h"
#include "StopSignal.h"
#include "ThreadLanes.h"
#include "ThreadPerConnectionServer.h"
#include "ThreadRunTrace.h"

namespace loopscope {

namespace {

bool containsStep(const StepList& steps, StepKind kind);

bool containsStep(const AwaitTarget& target, StepKind kind) {
    if (containsStep(target.promise, kind))
        return true;
    for (const AwaitTarget& input : target.inputs)
        if (containsStep(input, kind))
            return true;
    return false;
}

bool containsStep(const StepList& steps, StepKind kind) {
    for (const Step& step : steps) {
        if (step.kind == kind || containsStep(step.run, kind) || containsStep(step.then, kind))
            return true;
        for (const AwaitTarget& target : step.awaited)
            if (containsStep(target, kind))
                return true;
    }
    return false;
}

// One run: the net peer and its blocking client, the server and its load, the main
// script on the calling thread, and the order in which they start and stop.
class ThreadPerRequestRun {
public:
    ThreadPerRequestRun(const Scenario& scenario, TraceSink& sink)
        : scenario_(scenario), sink_(sink), trace_(sink, scenario.runtime.timeScale) {}

    EngineResult execute();

private:
    void startPeer();
    void startServer();
    void stop();  // idempotent; any thread
    void finish();

    const Scenario& scenario_;
    TraceSink& sink_;  // the load driver's events go straight to it
    ThreadRunTrace trace_;
    ThreadLanes lanes_;
    StopSignal stop_;
    std::once_flag stopOnce_;
    std::unique_ptr<NetPeer> peer_;
    std::unique_ptr<BlockingPeerClient> peerClient_;
    std::unique_ptr<RequestRunner> runner_;
    std::unique_ptr<ThreadPerConnectionServer> server_;
    std::unique_ptr<LoadDriver> load_;
};

void ThreadPerRequestRun::startPeer() {
    if (containsStep(scenario_.main, StepKind::Net) ||
        (scenario_.server && containsStep(scenario_.server->handler, StepKind::Net))) {
        peer_ = std::make_unique<NetPeer>();
        peerClient_ = std::make_unique<BlockingPeerClient>(peer_->start());
    }
}

void ThreadPerRequestRun::startServer() {
    server_ = std::make_unique<ThreadPerConnectionServer>(
        scenario_.threads, trace_, lanes_, stop_,
        [this](const ServedRequest& request) { return runner_->serve(request); });
    const std::uint16_t port = server_->listen(scenario_.totalRequests());
    load_ = std::make_unique<LoadDriver>(scenario_, port, trace_.origin(), trace_.untilHorizon(), sink_,
                                         [this] { server_->clientFinished(); });
    load_->start();
}

void ThreadPerRequestRun::stop() {
    std::call_once(stopOnce_, [this] {
        stop_.requestStop();  // wakes every sleeping step
        if (server_)
            server_->stop();
        if (peerClient_)
            peerClient_->close();
    });
}

EngineResult ThreadPerRequestRun::execute() {
    EngineResult result;
    trace_.start(scenario_.runtime.horizon);
    trace_.emit(EventKind::RunBegin, Lane{}, 0, static_cast<std::int64_t>(EngineKind::ThreadPerRequest));
    try {
        startPeer();
        runner_ = std::make_unique<RequestRunner>(scenario_, trace_, lanes_, stop_, [this] { stop(); },
                                                  peerClient_.get());
        if (scenario_.server)
            startServer();
    } catch (const std::exception& error) {
        result.ok = false;
        result.error = error.what();
    }
    if (result.ok) {
        runner_->runMain();
        // The run ends when every request has ended and every thread has exited, or at the horizon.
        if (server_)
            server_->waitUntilServed(trace_.untilHorizon());
    }
    finish();
    trace_.emit(EventKind::RunEnd, Lane{}, 0, result.ok ? 0 : 1, result.ok ? trace_.problems() : result.error);
    return result;
}

void ThreadPerRequestRun::finish() {
    stop();
    if (load_) {
        load_->cancel();
        load_->wait();
        load_.reset();
    }
    if (server_)
        server_->join();
    peerClient_.reset();
    peer_.reset();
    server_.reset();
}

}  // namespace

EngineResult ThreadPerRequestEngine::run(const Scenario& scenario, TraceSink& sink) {
    ThreadPerRequestRun run(scenario, sink);
    return run.execute();
}

}  // namespace loopscope
