// A problem found at a place in a text, before the file name is known to the finder.
#pragma once

#include <string>

#include "SourceLocation.h"

namespace loopscope {

struct TextProblem {
    SourceLocation where;
    std::string message;
};

}  // namespace loopscope
