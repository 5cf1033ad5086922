#include "JsonCursor.h"

#include <algorithm>

namespace loopscope {
namespace {

std::string describeByte(std::string_view text, std::size_t offset) {
    if (offset >= text.size())
        return "the end of the file";
    const auto byte = static_cast<unsigned char>(text[offset]);
    if (byte >= 0x21 && byte < 0x7f)
        return std::string("'") + char(byte) + "'";
    static const char* hex = "0123456789abcdef";
    return std::string("byte 0x") + hex[byte >> 4] + hex[byte & 15];
}

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
        out += char(code);
    } else if (code < 0x800) {
        out += char(0xc0 | (code >> 6));
        out += char(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
        out += char(0xe0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3f));
        out += char(0x80 | (code & 0x3f));
    } else {
        out += char(0xf0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3f));
        out += char(0x80 | ((code >> 6) & 0x3f));
        out += char(0x80 | (code & 0x3f));
    }
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

void JsonCursor::fail(const std::string& expected, std::size_t offset) const {
    throw JsonSyntaxError{offset, "expected " + expected + ", found " + describeByte(text_, offset)};
}

void JsonCursor::skipSpace() {
    while (at_ < text_.size()) {
        const char c = text_[at_];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            return;
        ++at_;
    }
}

bool JsonCursor::atEnd() {
    skipSpace();
    return at_ >= text_.size();
}

char JsonCursor::peek() {
    skipSpace();
    return at_ < text_.size() ? text_[at_] : '\0';
}

bool JsonCursor::consume(char c) {
    if (peek() != c || at_ >= text_.size())
        return false;
    ++at_;
    return true;
}

void JsonCursor::expect(char c, const char* what) {
    if (!consume(c))
        fail(what);
}

// Scans the string at at_ (its opening quote), decoding it into `decoded` when given.
// Returns the offset just past the opening quote.
std::size_t JsonCursor::scanString(std::string* decoded) {
    if (peek() != '"')
        fail("a string");
    const std::size_t start = ++at_;
    while (true) {
        if (at_ >= text_.size())
            fail("the end of the string ('\"')");
        if (at_ - start > kJsonMaxStringBytes)
            fail("a string of at most " + std::to_string(kJsonMaxStringBytes) + " bytes", start - 1);
        const char c = text_[at_];
        if (c == '"')
            break;
        if (static_cast<unsigned char>(c) < 0x20)
            fail("a character of the string (control characters must be escaped)");
        if (c != '\\') {
            if (decoded)
                *decoded += c;
            ++at_;
            continue;
        }
        const char escape = at_ + 1 < text_.size() ? text_[at_ + 1] : '\0';
        static constexpr std::string_view kSimple = "\"\\/bfnrt";
        static constexpr std::string_view kMeaning = "\"\\/\b\f\n\r\t";
        const std::size_t simple = kSimple.find(escape);
        if (escape != '\0' && simple != std::string_view::npos) {
            if (decoded)
                *decoded += kMeaning[simple];
            at_ += 2;
            continue;
        }
        if (escape != 'u')
            fail("an escape (\\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)", at_ + 1);
        std::uint32_t code = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            const int digit = at_ + 2 + k < text_.size() ? hexValue(text_[at_ + 2 + k]) : -1;
            if (digit < 0)
                fail("four hexadecimal digits after \\u", at_ + 2 + k);
            code = code * 16 + std::uint32_t(digit);
        }
        at_ += 6;
        if (decoded)
            appendUtf8(*decoded, code >= 0xd800 && code < 0xe000 ? 0xfffd : code);
    }
    ++at_;
    return start;
}

std::string_view JsonCursor::readString(std::deque<std::string>& arena) {
    peek();
    const std::size_t quote = at_;
    if (quote < text_.size() && text_[quote] == '"') {
        // The common case, no escapes and no control characters: a view of the text.
        const std::size_t limit = std::min(text_.size(), quote + 1 + kJsonMaxStringBytes + 1);
        std::size_t end = quote + 1;
        while (end < limit) {
            const auto c = static_cast<unsigned char>(text_[end]);
            if (c == '"' || c == '\\' || c < 0x20)
                break;
            ++end;
        }
        if (end < limit && text_[end] == '"' && end - quote - 1 <= kJsonMaxStringBytes) {
            at_ = end + 1;
            return text_.substr(quote + 1, end - quote - 1);
        }
    }
    std::string decoded;
    scanString(&decoded);
    return arena.emplace_back(std::move(decoded));
}

void JsonCursor::skipString() { scanString(nullptr); }

std::string_view JsonCursor::readNumberText(bool& integer) {
    peek();
    const std::size_t start = at_;
    auto digits = [&] {
        const std::size_t from = at_;
        while (at_ < text_.size() && isDigit(text_[at_]))
            ++at_;
        return at_ - from;
    };
    if (at_ < text_.size() && text_[at_] == '-')
        ++at_;
    const std::size_t intStart = at_;
    const std::size_t intDigits = digits();
    if (intDigits == 0)
        fail("a number", start);
    if (intDigits > 1 && text_[intStart] == '0')
        fail("a number without leading zeros", intStart);
    integer = true;
    if (at_ < text_.size() && text_[at_] == '.') {
        ++at_;
        integer = false;
        if (digits() == 0)
            fail("a digit after the decimal point");
    }
    if (at_ < text_.size() && (text_[at_] == 'e' || text_[at_] == 'E')) {
        ++at_;
        integer = false;
        if (at_ < text_.size() && (text_[at_] == '+' || text_[at_] == '-'))
            ++at_;
        if (digits() == 0)
            fail("a digit in the exponent");
    }
    if (at_ - start > kJsonMaxNumberChars)
        fail("a number of at most " + std::to_string(kJsonMaxNumberChars) + " characters", start);
    return text_.substr(start, at_ - start);
}

void JsonCursor::skipLiteral(std::string_view literal) {
    if (text_.substr(at_, literal.size()) != literal)
        fail("a value (a string, number, object, array, true, false or null)");
    at_ += literal.size();
}

void JsonCursor::skipValue(std::size_t depth) {
    if (depth >= kJsonMaxDepth)
        fail("values nested at most " + std::to_string(kJsonMaxDepth) + " deep");
    switch (peek()) {
    case '"':
        skipString();
        return;
    case '{':
        ++at_;
        if (consume('}'))
            return;
        do {
            skipString();
            expect(':', "':' after the key");
            skipValue(depth + 1);
        } while (consume(','));
        expect('}', "',' or '}' in the object");
        return;
    case '[':
        ++at_;
        if (consume(']'))
            return;
        do
            skipValue(depth + 1);
        while (consume(','));
        expect(']', "',' or ']' in the array");
        return;
    case 't':
        skipLiteral("true");
        return;
    case 'f':
        skipLiteral("false");
        return;
    case 'n':
        skipLiteral("null");
        return;
    default:
        if (peek() == '-' || isDigit(peek())) {
            bool integer = false;
            readNumberText(integer);
            return;
        }
        fail("a value (a string, number, object, array, true, false or null)");
    }
}

SourceLocation locationOf(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    SourceLocation where{1, 1};
    std::size_t lineStart = 0;
    for (std::size_t k = 0; k < offset; ++k) {
        if (text[k] == '\n') {
            ++where.line;
            lineStart = k + 1;
        }
    }
    where.column = int(offset - lineStart) + 1;
    return where;
}

}  // namespace loopscope
