#include "LineIndex.h"

#include <algorithm>

namespace loopscope {
namespace {

bool continuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// `line` without its comment, if it has one.
std::string_view withoutComment(std::string_view line) {
    for (std::size_t i = 0; i < line.size(); ++i)
        if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t'))
            return line.substr(0, i);
    return line;
}

}  // namespace

SourceLocation locationOf(const TextMark& mark) {
    return {static_cast<int>(mark.line) + 1, static_cast<int>(mark.column) + 1};
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n')
            starts_.push_back(i + 1);
}

std::optional<std::size_t> LineIndex::offset(const TextMark& mark) const {
    if (mark.line >= starts_.size())
        return std::nullopt;
    std::size_t i = starts_[mark.line];
    for (std::size_t column = 0; column < mark.column && i < text_.size(); ++i)
        if (!continuationByte(text_[i]) && text_[i] != '\n')
            ++column;
    while (i < text_.size() && continuationByte(text_[i]))
        ++i;
    return i;
}

TextMark LineIndex::markAt(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto next = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const std::size_t line = static_cast<std::size_t>(next - starts_.begin()) - 1;
    return {line, columnOf(starts_[line], offset)};
}

char LineIndex::charAt(const TextMark& mark) const {
    const std::optional<std::size_t> at = offset(mark);
    return at && *at < text_.size() ? text_[*at] : '\0';
}

std::string_view LineIndex::characterAt(const TextMark& mark) const {
    const std::optional<std::size_t> at = offset(mark);
    if (!at || *at >= text_.size())
        return {};
    std::size_t end = *at + 1;
    while (end < text_.size() && continuationByte(text_[end]))
        ++end;
    return text_.substr(*at, end - *at);
}

std::string_view LineIndex::tokenAt(const TextMark& mark) const {
    const std::optional<std::size_t> at = offset(mark);
    if (!at || *at >= text_.size())
        return {};
    std::string_view rest = text_.substr(*at);
    rest = rest.substr(0, rest.find('\n'));
    if (rest.empty())
        return rest;
    if (rest[0] == '"' || rest[0] == '\'') {
        for (std::size_t i = 1; i < rest.size(); ++i) {
            if (rest[0] == '"' && rest[i] == '\\')
                ++i;
            else if (rest[i] == rest[0])
                return rest.substr(0, i + 1);
        }
        return rest;
    }
    if (std::string_view("[]{},:").find(rest[0]) != std::string_view::npos)
        return rest.substr(0, 1);
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    std::size_t end = 0;
    while (end < rest.size() && !blank(rest[end]) && std::string_view(",[]{}").find(rest[end]) == std::string_view::npos &&
           !(rest[end] == ':' && (end + 1 == rest.size() || blank(rest[end + 1]))))
        ++end;
    return rest.substr(0, std::max<std::size_t>(end, 1));
}

bool LineIndex::onlyBlankAfter(const TextMark& mark) const {
    const std::optional<std::size_t> at = offset(mark);
    if (!at)
        return true;
    for (std::size_t line = mark.line; line < starts_.size(); ++line) {
        std::string_view rest = withoutComment(lineText(line));
        if (line == mark.line)
            rest = rest.substr(std::min(rest.size(), *at - starts_[line]));
        if (rest.find_first_not_of(" \t\r") != std::string_view::npos)
            return false;
    }
    return true;
}

std::size_t LineIndex::indentation(std::size_t line) const {
    const std::string_view text = lineText(line);
    const std::size_t first = text.find_first_not_of(' ');
    return first == std::string_view::npos ? text.size() : first;
}

std::string_view LineIndex::lineText(std::size_t line) const {
    if (line >= starts_.size())
        return {};
    const std::size_t start = starts_[line];
    const std::size_t end = line + 1 < starts_.size() ? starts_[line + 1] - 1 : text_.size();
    std::string_view text = text_.substr(start, end - start);
    if (!text.empty() && text.back() == '\r')
        text.remove_suffix(1);
    return text;
}

std::optional<TextMark> LineIndex::previousContent(const TextMark& mark) const {
    const std::optional<std::size_t> at = offset(mark);
    if (!at)
        return std::nullopt;
    std::size_t end = *at;  // search [lineStart, end) of one line at a time
    std::size_t line = mark.line;
    while (true) {
        const std::size_t start = starts_[line];
        const std::string_view content = withoutComment(text_.substr(start, end - start));
        const std::size_t last = content.find_last_not_of(" \t\r\n");
        if (last != std::string_view::npos)
            return TextMark{line, columnOf(start, start + last)};
        if (line == 0)
            return std::nullopt;
        --line;
        end = starts_[line + 1];
    }
}

SourceLocation LineIndex::previousToken(const TextMark& mark) const {
    return locationOf(previousContent(mark).value_or(mark));
}

std::size_t LineIndex::columnOf(std::size_t lineStart, std::size_t at) const {
    std::size_t column = 0;
    for (std::size_t i = lineStart; i < at; ++i)
        if (!continuationByte(text_[i]))
            ++column;
    return column;
}

}  // namespace loopscope
