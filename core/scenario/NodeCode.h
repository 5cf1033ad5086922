// A scenario shown as the Node.js program it stands for (DESIGN.md, the step table),
// with a map from each step's line in the scenario file to its line of JavaScript,
// so that the GUI can highlight the code that is running.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "Scenario.h"

namespace loopscope {

struct NodeCode {
    std::vector<std::string> lines;
    std::map<int, int> lineOfStep;  // scenario line (1-based) -> JavaScript line (0-based)
    bool isProgram = false;         // the lines are a real program's: its trace's lines are theirs

    // The JavaScript line of a step, or -1 when the step is not shown.
    int lineFor(const SourceLocation& step) const;
    std::string text() const;
};

NodeCode nodeCodeFor(const Scenario& scenario);
// A real program (Scenario::program) is shown as itself: `source` is its text.
NodeCode programCode(std::string_view source);

}  // namespace loopscope
