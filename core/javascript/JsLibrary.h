// Node's built-in modules that are written in JavaScript (lib/*.js), compiled into the
// executable: the engine runs them as CommonJS modules named "node:<name>".
#pragma once

#include <string_view>
#include <vector>

namespace loopscope {

struct JsLibraryFile {
    std::string_view name;    // "events", "internal/bootstrap", ...
    std::string_view source;
};

// Null when there is no such file.
const JsLibraryFile* jsLibraryFile(std::string_view name);
const std::vector<JsLibraryFile>& jsLibraryFiles();

}  // namespace loopscope
