// A program's console as a run recorded it: Log events are its lines (value: which
// stream, and whether a newline ends them), and the "exit code" counter its exit code.
// What `run --print-log` prints, and what the tests compare with Node's output.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "TraceEvent.h"

namespace loopscope {

// A Log event's value.
inline constexpr std::int64_t kLogToStderr = 1;     // else stdout
inline constexpr std::int64_t kLogWithoutNewline = 2;  // process.stdout.write('x'): no newline follows

// The trace counter that carries a JavaScript program's exit code, recorded before RunEnd.
inline constexpr const char* kExitCodeCounter = "exit code";

class ConsoleOutput {
public:
    // Takes in a batch of events: appends the console lines, notes the exit code.
    void take(const std::vector<TraceEvent>& events);
    const std::string& standardOutput() const { return stdout_; }
    const std::string& standardError() const { return stderr_; }
    // The program's exit code, when the run was a JavaScript program that ended.
    std::optional<int> exitCode() const { return exitCode_; }

    // Writes the lines of `events` to `out` and `err` as they arrive; false if a write failed.
    static bool echo(const std::vector<TraceEvent>& events, std::FILE* out, std::FILE* err);

private:
    std::string stdout_;
    std::string stderr_;
    std::optional<int> exitCode_;
};

}  // namespace loopscope
