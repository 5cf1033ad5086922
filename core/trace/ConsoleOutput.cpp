#include "ConsoleOutput.h"

#include <cstring>

namespace loopscope {

namespace {

void appendLine(std::string& to, const TraceEvent& event) {
    to += event.text;
    if (!(event.value & kLogWithoutNewline))
        to += '\n';
}

}  // namespace

void ConsoleOutput::take(const std::vector<TraceEvent>& events) {
    for (const TraceEvent& event : events) {
        if (event.kind == EventKind::Log)
            appendLine(event.value & kLogToStderr ? stderr_ : stdout_, event);
        else if (event.kind == EventKind::Counter && event.text == kExitCodeCounter)
            exitCode_ = int(event.value);
    }
}

bool ConsoleOutput::echo(const std::vector<TraceEvent>& events, std::FILE* out, std::FILE* err) {
    bool ok = true;
    bool wroteOut = false;
    bool wroteErr = false;
    for (const TraceEvent& event : events) {
        if (event.kind != EventKind::Log)
            continue;
        std::FILE* stream = event.value & kLogToStderr ? err : out;
        (stream == out ? wroteOut : wroteErr) = true;
        ok = std::fwrite(event.text.data(), 1, event.text.size(), stream) == event.text.size() && ok;
        if (!(event.value & kLogWithoutNewline))
            ok = std::fputc('\n', stream) != EOF && ok;
    }
    if (wroteOut)
        ok = std::fflush(out) == 0 && ok;
    if (wroteErr)
        ok = std::fflush(err) == 0 && ok;
    return ok;
}

}  // namespace loopscope
