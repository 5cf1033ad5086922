// A strict, bounded reader of JSON text that walks it in place: the Chrome trace reader
// pulls the values it wants and skips the rest, so that a 100 MB trace is read without
// building a tree. Problems are thrown as JsonSyntaxError at a byte offset; the caller
// turns the offset into line and column only when there is a problem.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>

#include "SourceLocation.h"

namespace loopscope {

struct JsonSyntaxError {
    std::size_t offset = 0;
    std::string message;  // "expected ..., found ..."
};

// Bounds on what is accepted, so that no input costs unbounded time, stack or memory.
inline constexpr std::size_t kJsonMaxDepth = 32;
inline constexpr std::size_t kJsonMaxStringBytes = std::size_t(1) << 20;
inline constexpr std::size_t kJsonMaxNumberChars = 40;

class JsonCursor {
public:
    explicit JsonCursor(std::string_view text) : text_(text) {}

    std::size_t offset() const { return at_; }
    void skipSpace();
    bool atEnd();
    // The next byte after white space, or '\0' at the end.
    char peek();
    // Consumes `c` (after white space) when it is next.
    bool consume(char c);
    // Consumes `c` or throws "expected <what>, found ...".
    void expect(char c, const char* what);

    // A string value. The view points into the text, or into `arena` when the string has
    // escapes; it stays valid as long as both do.
    std::string_view readString(std::deque<std::string>& arena);
    void skipString();
    // A number as JSON writes it, checked; `integer` tells whether it has no fraction or exponent.
    std::string_view readNumberText(bool& integer);
    void skipValue(std::size_t depth = 0);

    [[noreturn]] void fail(const std::string& expected) const { fail(expected, at_); }
    [[noreturn]] void fail(const std::string& expected, std::size_t offset) const;
    // A problem that is not about the next byte: `message` is the whole text.
    [[noreturn]] void reject(std::string message, std::size_t offset) const {
        throw JsonSyntaxError{offset, std::move(message)};
    }

private:
    std::size_t scanString(std::string* decoded);
    void skipLiteral(std::string_view literal);

    std::string_view text_;
    std::size_t at_ = 0;
};

// Line and column (1-based, columns in bytes) of a byte offset of `text`.
SourceLocation locationOf(std::string_view text, std::size_t offset);

}  // namespace loopscope
