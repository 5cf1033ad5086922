// Header fields and values as http-parser hands them over: in pieces, a field's pieces
// until a value begins, a value's until the next field. The server and the program's
// client both collect them this way.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace loopscope {

using HttpHeaderList = std::vector<std::pair<std::string, std::string>>;

inline void appendHeaderField(HttpHeaderList& headers, bool& lastWasValue, const char* at, std::size_t length) {
    if (headers.empty() || lastWasValue)
        headers.emplace_back();
    headers.back().first.append(at, length);
    lastWasValue = false;
}

inline void appendHeaderValue(HttpHeaderList& headers, bool& lastWasValue, const char* at, std::size_t length) {
    if (headers.empty())
        headers.emplace_back();
    headers.back().second.append(at, length);
    lastWasValue = true;
}

}  // namespace loopscope
