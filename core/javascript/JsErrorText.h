// The text Node prints on stderr for an uncaught exception: where it was thrown, the
// source line with a caret under the column, the error as util.inspect shows it, and
// the Node version line.
#pragma once

#include <string>

#include <jsapi.h>

namespace loopscope {

class JavaScriptProgram;

// Node 20's release this engine stands for (process.version and the fatal-error footer).
inline constexpr const char* kNodeVersion = "v20.20.2";

// "file:line\nsource line\n   ^\n" for where `error` was made in one of the program's sources
// (its files and the code it ran through vm), or "" when it was made elsewhere.
std::string errorSiteText(JSContext* cx, JS::HandleValue error, JavaScriptProgram& program);

std::string fatalExceptionText(JSContext* cx, JS::HandleValue error, JS::HandleObject stack,
                               JavaScriptProgram& program);

}  // namespace loopscope
