#include "YamlSafety.h"

#include <cstdio>
#include <string>

#include "Utf8.h"

namespace loopscope {
namespace {

std::string hexByte(unsigned char byte) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%02X", byte);
    return buffer;
}

// The well-formed characters that libyaml refuses, named for a message ("the control
// character U+0080"); libyaml itself reports them without a position.
std::optional<std::string> refusedCharacter(std::string_view text, std::size_t at, std::size_t length) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[at + k]); };
    // C1 controls, but for NEL (U+0085), which YAML reads as a line break
    if (length == 2 && byte(0) == 0xC2 && byte(1) <= 0x9F && byte(1) != 0x85)
        return "the control character U+00" + hexByte(byte(1)).substr(2);
    if (length == 3 && byte(0) == 0xEF && byte(1) == 0xBF && byte(2) >= 0xBE)
        return std::string(byte(2) == 0xBE ? "U+FFFE" : "U+FFFF") + ", which is not a character";
    return std::nullopt;
}

std::optional<TextProblem> findEncodingProblem(std::string_view text) {
    int line = 1;
    int column = 1;
    std::size_t i = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        i = 3;  // a UTF-8 byte order mark, as some editors write
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            ++line;
            column = 1;
            ++i;
            continue;
        }
        if (byte == 0)
            return TextProblem{{line, column}, "the file contains a NUL byte; a scenario file is plain text"};
        if ((byte < 0x20 && byte != '\t' && byte != '\r') || byte == 0x7F)
            return TextProblem{{line, column}, "the file contains the control character " + hexByte(byte) +
                                                   "; a scenario file is plain text"};
        const std::size_t length = utf8SequenceLength(text, i);
        if (length == 0)
            return TextProblem{{line, column}, "invalid UTF-8 (byte " + hexByte(byte) +
                                                   "); save the file with the UTF-8 encoding"};
        if (auto refused = refusedCharacter(text, i, length))
            return TextProblem{{line, column}, "the file contains " + *refused + "; a scenario file is plain text"};
        i += length;
        ++column;
    }
    return std::nullopt;
}

bool isBlank(char c) { return c == ' ' || c == '\t'; }

// Column (1-based, in characters) of byte `offset` of `line`.
int columnOf(std::string_view line, std::size_t offset) {
    int column = 1;
    for (std::size_t i = 0; i < offset && i < line.size(); ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80)
            ++column;
    return column;
}

bool startsMarker(std::string_view line, std::string_view marker) {
    return line.substr(0, 3) == marker && (line.size() == 3 || isBlank(line[3]));
}

// True when the line's last token (comments removed) opens a block scalar: `|`, `>-`, `|+2`...
bool opensBlockScalar(std::string_view content) {
    while (!content.empty() && isBlank(content.back()))
        content.remove_suffix(1);
    const std::size_t start = content.find_last_of(" \t");
    const std::string_view token = start == std::string_view::npos ? content : content.substr(start + 1);
    if (token.empty() || (token[0] != '|' && token[0] != '>') || token.size() > 3)
        return false;
    for (std::size_t i = 1; i < token.size(); ++i)
        if (token[i] != '-' && token[i] != '+' && !(token[i] >= '1' && token[i] <= '9'))
            return false;
    return true;
}

// Follows just enough of YAML's lexical structure (quotes, comments, flow brackets,
// block scalars) to know where indentation is and how deep brackets nest.
class StructureScan {
public:
    std::optional<TextProblem> scan(std::string_view text) {
        int lineNumber = 0;
        std::size_t begin = 0;
        while (begin <= text.size()) {
            std::size_t end = text.find('\n', begin);
            if (end == std::string_view::npos)
                end = text.size();
            std::string_view line = text.substr(begin, end - begin);
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            ++lineNumber;
            if (lineNumber == 1 && line.substr(0, 3) == "\xEF\xBB\xBF")
                line.remove_prefix(3);
            if (auto problem = scanLine(line, lineNumber))
                return problem;
            begin = end + 1;
        }
        return std::nullopt;
    }

private:
    char quote_ = 0;              // inside a quoted scalar that may span lines
    int flowDepth_ = 0;           // open [ and {
    int blockScalarParent_ = -1;  // indentation of the line that opened a block scalar
    bool contentSeen_ = false;
    int documentEndLine_ = 0;     // line of a `...` marker, 0 when none

    std::optional<TextProblem> scanLine(std::string_view line, int lineNumber) {
        std::size_t indent = 0;
        while (indent < line.size() && line[indent] == ' ')
            ++indent;
        const bool blank = line.find_first_not_of(" \t") == std::string_view::npos;
        if (blockScalarParent_ >= 0) {
            if (blank || static_cast<int>(indent) > blockScalarParent_)
                return std::nullopt;
            blockScalarParent_ = -1;
        }
        const bool blockContext = quote_ == 0 && flowDepth_ == 0;
        if (blockContext && startsMarker(line, "---")) {
            if (contentSeen_)
                return TextProblem{{lineNumber, 1},
                                   "a second YAML document starts here; a scenario file holds one document"};
            return std::nullopt;
        }
        if (blockContext && startsMarker(line, "...")) {
            documentEndLine_ = lineNumber;
            return std::nullopt;
        }
        if (blockContext && !line.empty() && line[0] == '%')
            return std::nullopt;  // a directive such as %YAML 1.2

        bool leading = quote_ == 0;  // still in indentation and `- ` indicators
        bool scalarStart = true;
        std::size_t contentEnd = line.size();
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            const char next = i + 1 < line.size() ? line[i + 1] : '\0';
            const bool nextBlank = next == '\0' || isBlank(next);
            if (quote_ == '"') {
                if (c == '\\')
                    ++i;
                else if (c == '"')
                    quote_ = 0;
                continue;
            }
            if (quote_ == '\'') {
                if (c == '\'' && next == '\'')
                    ++i;
                else if (c == '\'')
                    quote_ = 0;
                continue;
            }
            if (leading) {
                if (c == ' ')
                    continue;
                if (c == '\t') {
                    if (flowDepth_ == 0)
                        return TextProblem{{lineNumber, columnOf(line, i)},
                                           "tab in indentation; YAML indents with spaces only"};
                    continue;
                }
                if (c == '-' && nextBlank && flowDepth_ == 0)
                    continue;
                leading = false;
            }
            if (isBlank(c))
                continue;
            if (c == '#' && (i == 0 || isBlank(line[i - 1]))) {
                contentEnd = i;
                break;
            }
            if (documentEndLine_ != 0)
                return TextProblem{{lineNumber, columnOf(line, i)},
                                   "text after the end of the document (`...` on line " +
                                       std::to_string(documentEndLine_) +
                                       "); a scenario file holds one document"};
            contentSeen_ = true;
            if ((c == '"' || c == '\'') && scalarStart) {
                quote_ = c;
                scalarStart = false;
            } else if ((c == '[' || c == '{') && (scalarStart || flowDepth_ > 0)) {
                if (++flowDepth_ > kMaxNestingDepth)
                    return TextProblem{{lineNumber, columnOf(line, i)},
                                       "brackets nested deeper than " + std::to_string(kMaxNestingDepth) +
                                           " levels; a scenario is never nested this deep"};
                scalarStart = true;
            } else if ((c == ']' || c == '}') && flowDepth_ > 0) {
                --flowDepth_;
                scalarStart = false;
            } else if (c == ',' && flowDepth_ > 0) {
                scalarStart = true;
            } else if (c == ':' && (nextBlank || flowDepth_ > 0)) {
                scalarStart = true;
            } else if ((c == '-' || c == '?') && scalarStart && nextBlank) {
                scalarStart = true;
            } else if ((c == '&' || c == '!') && scalarStart) {
                while (i + 1 < line.size() && !isBlank(line[i + 1]))
                    ++i;  // an anchor or a tag comes before the value it names
            } else {
                scalarStart = false;
            }
        }
        if (quote_ == 0 && flowDepth_ == 0 && opensBlockScalar(line.substr(0, contentEnd)))
            blockScalarParent_ = static_cast<int>(indent);
        return std::nullopt;
    }
};

}  // namespace

std::optional<TextProblem> findUnsafeText(std::string_view text) {
    if (auto problem = findEncodingProblem(text))
        return problem;
    return StructureScan().scan(text);
}

}  // namespace loopscope
