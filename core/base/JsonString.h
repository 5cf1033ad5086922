// JSON string literals from arbitrary bytes: what exporters write for texts that came
// from a scenario file or a run (log lines, labels), which may hold anything.
#pragma once

#include <string>
#include <string_view>

namespace loopscope {

// Appends `text` as a quoted JSON string: quotes, backslashes and control characters
// escaped; each maximal invalid UTF-8 sequence replaced by U+FFFD, so the result is
// always valid UTF-8 JSON.
void appendJsonString(std::string& out, std::string_view text);

}  // namespace loopscope
