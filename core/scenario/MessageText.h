// How text from a scenario file reads inside an error message: cut short, in backquotes,
// in lists, and what a value is when it is not text.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "YamlTree.h"

namespace loopscope {

// The first line of `text`, cut to 40 characters ("...") so that one absurd key cannot
// flood the terminal.
std::string shortened(std::string_view text);

// "`name`", shortened.
std::string quoted(std::string_view name);

// "`a`, `b` or `c`"
std::string listOf(std::span<const std::string_view> names);

// How a value reads in a message: its text (shortened), or what kind of node it is.
std::string describe(const YamlNode& node);

}  // namespace loopscope
