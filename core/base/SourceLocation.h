// A place in a source file (a scenario or a program), as editors count it.
#pragma once

namespace loopscope {

struct SourceLocation {
    int line = 0;    // 1-based; 0 means "not from a file"
    int column = 0;  // 1-based
    friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

}  // namespace loopscope
