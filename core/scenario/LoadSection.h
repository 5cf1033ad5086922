// A scenario's `load:`: the waves of HTTP requests sent to its server, at most
// kMaxRequestsPerRun in all.
#pragma once

#include <vector>

#include "FieldReader.h"
#include "Scenario.h"

namespace loopscope {

void readLoadSection(FieldReader& fields, const Field& section, std::vector<LoadWave>& load);

}  // namespace loopscope
