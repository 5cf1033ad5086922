// A scenario's settings: `runtime:` (how Node is set up: thread pool, cores, processes,
// time scale, horizon, module kind) and `threads:` (the thread-per-request engine's
// threads). A value that is not read keeps its default.
#pragma once

#include "FieldReader.h"
#include "Scenario.h"

namespace loopscope {

void readRuntimeSection(FieldReader& fields, const Field& section, RuntimeSettings& runtime);
void readThreadsSection(FieldReader& fields, const Field& section, ThreadSettings& threads);

}  // namespace loopscope
