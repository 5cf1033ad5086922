// `loopscope check app.js`: whether a program's text compiles, as Node would compile it
// (CommonJS in Node's module wrapper, or an ES module for .mjs), without running it.
#pragma once

#include <optional>
#include <string>

#include "Diagnostic.h"

namespace loopscope {

// The first syntax error, at its file:line:column; nullopt when the program compiles.
// A file that cannot be read is a diagnostic too.
std::optional<Diagnostic> checkProgramSyntax(const std::string& path);

}  // namespace loopscope
