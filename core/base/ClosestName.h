// "did you mean `setTimeout`?": the known name a mistyped one was most likely meant to be.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace loopscope {

// The candidate equal to `typed` ignoring case, or ending in it after a dot
// ("readFile" -> "fs.readFile"), or else within a small edit distance
// (one edit for short names, two for longer ones). Nothing when no candidate is close.
std::optional<std::string_view> closestName(std::string_view typed,
                                            std::span<const std::string_view> candidates);

// Optimal string alignment distance (insertions, deletions, substitutions and swaps of
// neighbours), ignoring ASCII case.
std::size_t editDistance(std::string_view a, std::string_view b);

}  // namespace loopscope
