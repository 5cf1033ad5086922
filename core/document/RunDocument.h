// A run as a document: what was run, where and when, and everything it recorded, so that
// it can be saved, reopened and compared without running anything again. Made by the
// window and `loopscope run --save-run` from a finished run, read back from a .lsrun file
// (RunFile.h), or made from a trace real Node recorded (NodeTraceImport.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ProcessTotals.h"
#include "TraceEvent.h"

namespace loopscope {

// One engine's part of a run (a scenario with load runs both engines, one after the other).
struct RecordedRun {
    EngineKind engine = EngineKind::EventLoop;
    Trace trace;
    std::vector<ProcessSample> samples;  // what the OS said the engine child cost while it ran
    std::optional<int> programExitCode;  // a JavaScript program's own exit code
};

// A file as it was when the run was made: the scenario or program that was run, and the
// program a scenario's `program:` names.
struct SourceText {
    std::string path;  // as given when the run was made
    std::string text;
};

// Where and when a run was made.
struct RunOrigin {
    std::string recorder;    // "loopscope 0.1.0", or "node v20.18.0 trace events"
    std::string recordedAt;  // UTC, ISO 8601: "2026-12-07T18:04:05Z"
    std::string machine;     // "Linux 6.1.0 x86_64, Intel(R) Xeon(R) ... "
    int cores = 0;           // CPUs the machine had online
};

struct RunDocument {
    RunOrigin origin;
    std::string title;                 // the scenario's title, or the program's file name
    std::vector<SourceText> sources;   // sources[0] is the file that was run
    // The command line's settings over the scenario's own (`--threadpool 8`, `--load 3@0`),
    // so that the scenario read back from sources[0] is the one that ran.
    std::vector<std::string> overrides;
    std::vector<RecordedRun> runs;     // in the order they ran
    // What this recording cannot show (a trace from Node has no call stack, no queue
    // contents, no poll phase): said plainly wherever it is shown.
    std::vector<std::string> limits;

    const RecordedRun* runOf(EngineKind engine) const;
};

// This machine and this moment, for a run made now.
RunOrigin originHere();

}  // namespace loopscope
