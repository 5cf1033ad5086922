#include "UncaughtError.h"

#include <charconv>
#include <string>
#include <vector>

namespace loopscope {

namespace {

std::vector<std::string_view> linesOf(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        lines.push_back(text.substr(0, end));
        if (end == std::string_view::npos)
            break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

}  // namespace

std::optional<UncaughtError> uncaughtErrorIn(std::string_view text) {
    const std::vector<std::string_view> lines = linesOf(text);
    if (lines.size() < 5)
        return std::nullopt;
    // FILE:LINE
    const std::string_view first = lines[0];
    const std::size_t colon = first.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == first.size())
        return std::nullopt;
    int line = 0;
    const std::string_view digits = first.substr(colon + 1);
    const auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), line);
    if (parsed.ec != std::errc() || parsed.ptr != digits.data() + digits.size() || line <= 0)
        return std::nullopt;
    // The source line, then the caret under the column.
    const std::string_view caret = lines[2];
    const std::size_t at = caret.find('^');
    if (at == std::string_view::npos || caret.find_first_not_of(' ') != at)
        return std::nullopt;
    // A blank line, then what was thrown.
    std::size_t thrown = 3;
    while (thrown < lines.size() && lines[thrown].empty())
        ++thrown;
    if (thrown == 3 || thrown == lines.size())
        return std::nullopt;
    return UncaughtError{std::string(first.substr(0, colon)), line, int(at) + 1, std::string(lines[thrown])};
}

}  // namespace loopscope
