// Strings between the JavaScript engine (UTF-16) and C++ (UTF-8).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <jsapi.h>

namespace loopscope {

// UTF-8, lone surrogates as U+FFFD (what Node writes for them); "" when it fails.
std::string toUtf8(JSContext* cx, JSString* text);
// ToString(value) as UTF-8; clears an exception that the conversion throws.
std::string valueToUtf8(JSContext* cx, JS::HandleValue value);
JSString* newString(JSContext* cx, std::string_view utf8);
// A native's argument `index` as UTF-8 or as a number ("" and 0 when it is missing).
std::string stringArgument(JSContext* cx, const JS::CallArgs& args, unsigned index);
double numberArgument(JSContext* cx, const JS::CallArgs& args, unsigned index);
// Appends the strings of a JavaScript array to `out`; anything but an object adds nothing.
bool readStringList(JSContext* cx, JS::HandleValue value, std::vector<std::string>& out);
// Throws an Error with `message` (and `code`, when given) for the running script; a
// native returns what this returns.
bool throwError(JSContext* cx, const std::string& message, const char* code = nullptr);
// throwError for a listen the OS refused: the code Node gives (EADDRINUSE, EACCES, else
// ERR_SERVER_LISTEN), read from `what` (a libuv error's name or text).
bool throwListenError(JSContext* cx, const std::string& what);
// The pending exception as text (for the library's own failures), and cleared.
std::string pendingExceptionText(JSContext* cx);

}  // namespace loopscope
