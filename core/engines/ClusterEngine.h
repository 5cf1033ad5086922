// The event-loop engine with `runtime.processes` > 1: Node's `cluster` module as it
// works on Linux (round-robin scheduling). A primary owns the listening socket on
// 127.0.0.1, accepts each connection and hands it to the next process in turn over
// a libuv IPC pipe; every process is a full event-loop run of its own (own loop, own
// thread pool of `threadpool` threads, own run of the main script), an engine child
// started as `EXE engine-child --cluster-process K ...` (exec, never a bare fork:
// the primary has threads).
//
// Each process streams its events to the primary on a pipe of its own; the primary
// stamps them with `lane.process = K` and forwards them, so the run is one stream
// with one time origin (the primary's start, passed to every process). The primary
// itself runs no JavaScript: its only events are the run's begin and end and the
// load client's. It waits for every process; one that crashes fails the run.
#pragma once

#include <string>

#include "Engine.h"

namespace loopscope {

class ClusterEngine final : public Engine {
public:
    // `scenarioFile` is what every process reads (the scenario given to run() must be
    // that file's, with its runtime overrides applied: they are passed on);
    // `executable` answers `engine-child` (normally /proc/self/exe).
    ClusterEngine(std::string scenarioFile, std::string executable);
    EngineKind kind() const override { return EngineKind::EventLoop; }
    EngineResult run(const Scenario& scenario, TraceSink& sink) override;

private:
    std::string scenarioFile_;
    std::string executable_;
};

}  // namespace loopscope
