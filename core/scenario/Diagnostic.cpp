#include "Diagnostic.h"

namespace loopscope {

std::string Diagnostic::format() const {
    if (line <= 0)
        return file + ": error: " + message;
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: " + message;
}

}  // namespace loopscope
