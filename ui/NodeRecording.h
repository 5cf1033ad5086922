// The same JavaScript program run by real Node with its trace events on, so that a run of
// loopscope's can be put beside what Node did (`loopscope compare app.js --with-node`, the
// window's "Run with Node too"). Needs a `node` executable on PATH; the tests do not.
#pragma once

#include <QString>
#include <optional>
#include <string>
#include <vector>

#include "RunFile.h"
#include "Scenario.h"

namespace loopscope {

// The categories Node records: its callbacks by async resource, its timers and check
// phases, the thread pool's work (DESIGN.md, "Opening a trace recorded by Node").
inline constexpr const char* kNodeTraceCategories =
    "node,node.async_hooks,node.environment,node.threadpoolwork.async,node.threadpoolwork.sync,node.fs.async,node.perf";

// The `node` on PATH, or nullopt with *why saying what is missing.
std::optional<QString> findNode(QString* why);

// Runs `scenario`'s program under `node` in a temporary folder for its trace (with
// UV_THREADPOOL_SIZE set to the scenario's pool, standard input /dev/null, stopped at the
// scenario's horizon) and reads the trace back. The document's sources are the program's.
RunFileResult recordWithNode(const QString& node, const Scenario& scenario,
                             const std::vector<std::string>& programArguments);

}  // namespace loopscope
