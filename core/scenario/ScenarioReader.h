// Turns a scenario's YAML tree into a Scenario, checking every key, type, range and
// the rules of DESIGN.md ("Scenario files (format 1)"). Reports every independent
// problem it finds and keeps going.
#pragma once

#include <vector>

#include "Scenario.h"
#include "TextProblem.h"
#include "YamlTree.h"

namespace loopscope {

struct ScenarioRead {
    Scenario scenario;
    std::vector<TextProblem> problems;  // in file order
};

ScenarioRead readScenario(const YamlNode& root);

}  // namespace loopscope
