// A scenario's `services:`: the loopback HTTP services its program can call, each with a
// name, a port of its own and the time it takes to answer.
#pragma once

#include <vector>

#include "FieldReader.h"
#include "Scenario.h"

namespace loopscope {

void readServicesSection(FieldReader& fields, const Field& section, std::vector<ServiceSpec>& services);

}  // namespace loopscope
