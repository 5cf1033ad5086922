// A JavaScript program opened by itself (`loopscope run app.js`): a scenario whose
// program is that file, with the default runtime settings.
#pragma once

#include <string>

#include "Scenario.h"

namespace loopscope {

// .js, .cjs and .mjs files are programs, not step scenarios.
bool isJavaScriptFile(const std::string& path);
Scenario programScenario(const std::string& path);

}  // namespace loopscope
