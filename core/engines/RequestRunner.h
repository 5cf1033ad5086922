// Runs a scenario's steps the thread-per-request way: on the calling thread, each
// asynchronous step as its blocking twin (DESIGN.md, the step table). It computes for
// `cpu` and computing pool steps, sleeps for file reads and timers, makes a real
// blocking call to the loopback peer for `net`, and turns `await all/race` into a
// fork-join on threads of their own. The main script runs on lane Main; a request's
// handler on the thread of its connection.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "BlockingPeerClient.h"
#include "Scenario.h"
#include "StopSignal.h"
#include "ThreadLanes.h"
#include "ThreadPerConnectionServer.h"
#include "ThreadRunTrace.h"

namespace loopscope {

class RequestRunner {
public:
    // `stopRun` ends the whole run (the horizon has passed); `peer` answers `net` steps
    // (null when the scenario has none).
    RequestRunner(const Scenario& scenario, ThreadRunTrace& trace, ThreadLanes& lanes, StopSignal& stop,
                  std::function<void()> stopRun, BlockingPeerClient* peer)
        : scenario_(scenario), trace_(trace), lanes_(lanes), stop_(stop), stopRun_(std::move(stopRun)), peer_(peer) {}

    // The main script, on the calling thread, until it and the threads it forked end.
    void runMain();
    // The server's handler for one request, on its connection's thread, until it and
    // the threads it forked end. Returns whether it responded.
    bool serve(const ServedRequest& request);

private:
    // The values `{i}`, `{tick}` and `{request}` stand for where a step runs.
    struct Scope {
        int i = 0;
        int tick = 0;
    };
    // One thread's state while it runs steps: the main script's, a request's, or a fork's.
    struct Context {
        Lane lane;
        ServedRequest request;  // number 0 and no connection in the main script
        // Shared with the threads forked by `await all/race`: one response per request.
        std::shared_ptr<std::atomic<bool>> responded = std::make_shared<std::atomic<bool>>(false);
        std::set<std::string> clearedIntervals;
        // Threads forked by `await all/race` that may still run (race losers); joined
        // before the request's connection closes.
        std::vector<std::thread> forks;
    };

    std::string expand(const std::string& text, const Context& context, const Scope& scope) const;
    void runSteps(const StepList& steps, Context& context, Scope scope);
    void runStep(const Step& step, Context& context, Scope scope);
    void runTimer(const Step& step, Context& context, Scope scope);
    void runCallback(const StepList& body, Context& context, Scope scope, const Step& from, QueueKind queue);
    void awaitTarget(const AwaitTarget& target, Context& context, Scope scope);
    void awaitForked(const AwaitTarget& target, Context& context, Scope scope);
    void runFork(const AwaitTarget& input, Context& fork, Scope scope);
    void joinForks(Context& context);
    bool block(Nanoseconds duration, const Context& context, const Step& step);
    void compute(Nanoseconds duration, const Context& context, const Step& step, const std::string& label);
    void callPeer(const Step& step, Context& context);
    void respond(Context& context, int status, const Step& step);

    const Scenario& scenario_;
    ThreadRunTrace& trace_;
    ThreadLanes& lanes_;
    StopSignal& stop_;  // sleeping steps wait on it
    std::function<void()> stopRun_;
    BlockingPeerClient* peer_;
    std::atomic<std::uint64_t> nextId_{1};
    std::atomic<std::int64_t> requestsInFlight_{0};
};

}  // namespace loopscope
