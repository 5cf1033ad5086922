// A problem found in a scenario file, in the form editors jump to:
//   FILE:LINE:COLUMN: error: MESSAGE
#pragma once

#include <string>
#include <vector>

namespace loopscope {

struct Diagnostic {
    std::string file;
    int line = 0;    // 1-based; 0 when the problem is the file itself (missing, a directory)
    int column = 0;  // 1-based
    std::string message;

    // "FILE:LINE:COLUMN: error: MESSAGE" (or "FILE: error: MESSAGE" without a position).
    std::string format() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace loopscope
