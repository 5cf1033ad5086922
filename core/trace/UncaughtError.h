// The uncaught error a JavaScript program's run printed, as Node prints it on stderr:
//
//     /path/app.js:3            <- FILE:LINE
//       throw new Error('boom');
//             ^                 <- the column
//                               <- a blank line
//     Error: boom               <- what was thrown
//         at ...
//
// read back, so that the window lists it in Problems and marks its line.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace loopscope {

struct UncaughtError {
    std::string file;
    int line = 0;    // 1-based
    int column = 0;  // 1-based: where the caret points
    std::string thrown;  // "Error: boom"
};

// The error of `text` (one stderr line of the console, which may hold several lines), or
// nothing when it is not Node's report of an uncaught error.
std::optional<UncaughtError> uncaughtErrorIn(std::string_view text);

}  // namespace loopscope
