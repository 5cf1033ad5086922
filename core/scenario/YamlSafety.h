// Checks on the raw bytes of a scenario file that must pass before libyaml reads it.
// YAML parsers report invalid UTF-8, NUL bytes, tabs in indentation and text after `...`
// in their own terms, or not at all (yaml-cpp 0.7, used before libyaml, accepted most of
// them silently); these checks give a teacher a position and a plain reason instead.
#pragma once

#include <optional>
#include <string_view>

#include "TextProblem.h"

namespace loopscope {

// Deeper nesting is refused: real scenarios nest a few callbacks, and a bound keeps
// every recursive walk over the file far from the end of the stack.
constexpr int kMaxNestingDepth = 100;

// The first problem in `text`, in this order: encoding (invalid UTF-8, NUL and control
// characters, U+FFFE and U+FFFF), then structure (tabs in indentation, a second document, text after `...`,
// brackets nested deeper than kMaxNestingDepth). Lines and columns are 1-based and
// columns count characters, as libyaml's marks do.
std::optional<TextProblem> findUnsafeText(std::string_view text);

}  // namespace loopscope
