// A run's Trace in the Chrome Trace Event Format (JSON object form), which Perfetto
// (ui.perfetto.dev) and chrome://tracing open:
//   - one process per event-loop process (and one for the load client), one thread per
//     lane (main thread, pool worker k, kernel, worker k, thread k), named by `M` events;
//   - `X` slices for loop phases, callbacks, call frames, pool/worker work, kernel I/O
//     and blocked threads; concurrent kernel I/Os go to extra "kernel (network) #n"
//     tracks so that slices on one track never overlap;
//   - `i` instants for console lines, loop iterations and requests; `C` counters;
//   - flow arrows (`s` -> `f`) to each callback from its cause: the callback whose id is
//     the cause (its latest run before this one), or else the first event with that id.
// ts and dur are microseconds (with fractions); the run starts at 0.
#pragma once

#include <string>
#include <vector>

#include "TraceEvent.h"

namespace loopscope {

std::string chromeTraceJson(const Trace& trace, const std::string& title);

// Several runs of the same scenario in one file (`run --mode both`): each run gets its
// own processes, named "TITLE — NAME".
struct ChromeTraceRun {
    const Trace* trace = nullptr;
    std::string name;  // "event loop", "thread per request"
};
std::string chromeTraceJson(const std::vector<ChromeTraceRun>& runs, const std::string& title);

// Writes chromeTraceJson(trace, title) to `path` through an OutputFile (OutputFile.h: `-`,
// a FIFO or a device is written in place; a file appears whole or not at all). On failure
// returns false, leaves no file behind and sets *error (if given) to
// "cannot write PATH: REASON".
bool writeChromeTrace(const Trace& trace, const std::string& path, const std::string& title,
                      std::string* error);
bool writeChromeTrace(const std::vector<ChromeTraceRun>& runs, const std::string& path, const std::string& title,
                      std::string* error);

}  // namespace loopscope
