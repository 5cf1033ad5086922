// Runs one engine in its own child process and streams its TraceEvents back.
//
// libuv reads UV_THREADPOOL_SIZE once per process, and a run must be measurable on
// its own (threads, RSS, CPU time from /proc and getrusage), so every run is a
// child: `<executable> engine-child --engine NAME [overrides] FILE`, writing
// encoded events to a pipe on fd 3. The parent decodes them on a reader thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "TraceEvent.h"

namespace loopscope {

struct EngineOptions {
    EngineKind engine = EngineKind::EventLoop;
    std::string executable;              // the loopscope binary (has the engine-child entry)
    std::optional<int> threadpool;       // overrides of the scenario's runtime settings,
    std::optional<int> cores;            // as edited in the GUI before a run
    std::optional<double> timeScale;
    std::optional<int> processes;        // event-loop processes (cluster), 1..64
    std::optional<Nanoseconds> horizon;  // --horizon
    // Events on the JavaScript thread before the run stops, below kMaxRunEvents (a test of
    // the limit need not make millions of events).
    std::optional<int> eventLimit;
    std::vector<std::string> loadWaves;  // --load N@TIME[/SPACING], sent besides the scenario's load
    // False: the child drops the engine's own events and sends only RunBegin, RunEnd,
    // the process totals and the load client's view (UntracedSink.h). For measuring
    // what tracing costs a server; a run shown to a class always traces.
    bool traceEngine = true;
    // The child's standard input, a program's process.stdin: this process's descriptor
    // (0 for `echo text | loopscope run app.js`); -1: /dev/null, so that a run started
    // from the window never takes the keys typed in the terminal it came from.
    int standardInput = -1;
    // The program's command-line arguments (process.argv after its path).
    std::vector<std::string> programArguments;
};

class EngineProcess {
public:
    // Called on the reader thread with events in arrival order, in batches.
    using EventSink = std::function<void(std::vector<TraceEvent>&& batch)>;

    EngineProcess(std::string scenarioPath, EngineOptions options, EventSink sink);
    ~EngineProcess();  // cancels and waits if still running
    EngineProcess(const EngineProcess&) = delete;
    EngineProcess& operator=(const EngineProcess&) = delete;

    void start();
    void cancel();  // kills the child; wait() then reports the run as cancelled
    // Blocks until the child has ended and every event was delivered.
    // Returns true when the run completed; otherwise error() says why
    // ("the engine crashed (signal 11)", "cancelled", ...).
    bool wait();
    const std::string& error() const;
    int childPid() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The command line of `engine-child` for a run: the executable first, then the engine,
// the options' overrides and the scenario file. The one place that speaks its options.
std::vector<std::string> engineChildCommand(const std::string& scenarioPath, const EngineOptions& options);

// A whole run gathered into one Trace, for callers that want only the end result
// (tests, benchmarks). `onStarted` sees the child's pid while the run is going on.
struct CollectedRun {
    bool ok = false;
    std::string error;  // why the run did not complete, when !ok
    Trace trace;
};
CollectedRun runToTrace(const std::string& scenarioPath, EngineOptions options,
                        const std::function<void(int childPid)>& onStarted = {});

}  // namespace loopscope
