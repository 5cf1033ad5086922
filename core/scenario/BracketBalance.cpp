#include "BracketBalance.h"

namespace loopscope {
namespace {

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::size_t skipComment(std::string_view text, std::size_t at) {
    const std::size_t end = text.find('\n', at);
    return end == std::string_view::npos ? text.size() : end;
}

bool startsComment(std::string_view text, std::size_t at) {
    return text[at] == '#' && (at == 0 || isBlank(text[at - 1]));
}

// The end of the quoted text that opens at `at`, past its closing quote.
std::size_t skipQuoted(std::string_view text, std::size_t at) {
    const char quote = text[at];
    for (std::size_t i = at + 1; i < text.size(); ++i) {
        if (quote == '"' && text[i] == '\\')
            ++i;
        else if (quote == '\'' && text[i] == '\'' && i + 1 < text.size() && text[i + 1] == '\'')
            ++i;
        else if (text[i] == quote)
            return i + 1;
    }
    return text.size();
}

}  // namespace

bool quietAfter(std::string_view text, std::size_t from) {
    bool sameLine = true;
    for (std::size_t i = from; i < text.size(); ++i) {
        if (text[i] == '\n') {
            sameLine = false;
        } else if (startsComment(text, i)) {
            i = skipComment(text, i) - 1;
        } else if (!isBlank(text[i])) {
            return !sameLine && text[i] != ']' && text[i] != '}' && text[i] != ',';
        }
    }
    return true;
}

bool closesExactly(std::string_view text, std::size_t from, std::vector<char> open) {
    bool valueStart = true;  // a quote here opens quoted text; inside a word it is a letter
    for (std::size_t i = from; i < text.size() && !open.empty(); ++i) {
        const char c = text[i];
        if (startsComment(text, i)) {
            i = skipComment(text, i) - 1;
        } else if ((c == '"' || c == '\'') && valueStart) {
            i = skipQuoted(text, i) - 1;
            valueStart = false;
        } else if (c == '[' || c == '{') {
            open.push_back(c);
            valueStart = true;
        } else if (c == ']' || c == '}') {
            if (open.back() != (c == ']' ? '[' : '{'))
                return false;
            open.pop_back();
            if (open.empty())
                return quietAfter(text, i + 1);
            valueStart = false;
        } else {
            valueStart = isBlank(c) || c == ',' || c == ':';
        }
    }
    return false;
}

}  // namespace loopscope
