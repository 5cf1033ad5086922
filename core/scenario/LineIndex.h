// Positions in a scenario's text: libyaml's marks (0-based lines, columns that count
// characters) turned into byte offsets and back, and what stands around a position.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "SourceLocation.h"

namespace loopscope {

// A position as libyaml gives it: 0-based line and column, the column in characters.
struct TextMark {
    std::size_t line = 0;
    std::size_t column = 0;

    friend bool operator==(const TextMark&, const TextMark&) = default;
    friend bool operator<(const TextMark& a, const TextMark& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    }
};

SourceLocation locationOf(const TextMark& mark);

class LineIndex {
public:
    explicit LineIndex(std::string_view text);

    std::string_view text() const { return text_; }

    // The byte offset of `mark`; nothing past the last line.
    std::optional<std::size_t> offset(const TextMark& mark) const;
    // The mark of a byte offset.
    TextMark markAt(std::size_t offset) const;

    // The character at `mark` ('\0' at the end of the text; the first byte of a longer one).
    char charAt(const TextMark& mark) const;
    // The whole character (UTF-8) at `mark`; empty at the end of the text.
    std::string_view characterAt(const TextMark& mark) const;
    // The YAML token that starts at `mark`, within its line: a quoted text with its quotes, one
    // of `[]{},:`, or a word up to a blank, a bracket, a `,` or a `: `.
    std::string_view tokenAt(const TextMark& mark) const;
    // True when only blanks, line breaks and comments follow `mark`.
    bool onlyBlankAfter(const TextMark& mark) const;
    // The number of spaces that start `line`.
    std::size_t indentation(std::size_t line) const;
    // The text of `line`, without its line break.
    std::string_view lineText(std::size_t line) const;
    // The byte offset at which `line` starts.
    std::size_t lineStart(std::size_t line) const { return line < starts_.size() ? starts_[line] : text_.size(); }

    // The last character before `mark` that is neither blank nor in a comment, on its line
    // or on a line above.
    std::optional<TextMark> previousContent(const TextMark& mark) const;
    // libyaml places an empty value at the token after it; a teacher looks for the `-` or
    // `:` before it. Where previousContent is, or `mark` itself when there is none.
    SourceLocation previousToken(const TextMark& mark) const;

private:
    std::string_view text_;
    std::vector<std::size_t> starts_;

    std::size_t columnOf(std::size_t lineStart, std::size_t at) const;
};

}  // namespace loopscope
