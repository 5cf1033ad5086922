#include "ClosestName.h"

#include <algorithm>
#include <string>
#include <vector>

namespace loopscope {
namespace {

char32_t lower(char32_t c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

// Code points, so that one mistyped `ö` counts as one edit. Invalid bytes count as themselves.
std::u32string codePoints(std::string_view text) {
    std::u32string points;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        char32_t point = length == 1 ? lead : lead & (0x3F >> (length - 1));
        std::size_t k = 1;
        for (; k < length && i + k < text.size(); ++k)
            point = (point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        points.push_back(point);
        i += k;
    }
    return points;
}

bool equalIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return lower(static_cast<unsigned char>(x)) == lower(static_cast<unsigned char>(y));
           });
}

// Longer than any name we suggest; beyond it the quadratic table is not worth building.
constexpr std::size_t kLongestComparedName = 64;

}  // namespace

std::size_t editDistance(std::string_view textA, std::string_view textB) {
    const std::u32string a = codePoints(textA);
    const std::u32string b = codePoints(textB);
    const std::size_t rows = a.size() + 1;
    const std::size_t cols = b.size() + 1;
    std::vector<std::size_t> d(rows * cols);
    auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * cols + j]; };
    for (std::size_t i = 0; i < rows; ++i)
        at(i, 0) = i;
    for (std::size_t j = 0; j < cols; ++j)
        at(0, j) = j;
    for (std::size_t i = 1; i < rows; ++i) {
        for (std::size_t j = 1; j < cols; ++j) {
            const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    }
    return at(rows - 1, cols - 1);
}

std::optional<std::string_view> closestName(std::string_view typed,
                                            std::span<const std::string_view> candidates) {
    if (typed.empty() || typed.size() > kLongestComparedName)
        return std::nullopt;
    for (std::string_view candidate : candidates)
        if (equalIgnoringCase(typed, candidate))
            return candidate;
    for (std::string_view candidate : candidates) {
        const std::size_t dot = candidate.rfind('.');
        if (dot != std::string_view::npos && equalIgnoringCase(typed, candidate.substr(dot + 1)))
            return candidate;
    }
    const std::size_t allowed = codePoints(typed).size() <= 4 ? 1 : 2;
    std::optional<std::string_view> best;
    std::size_t bestDistance = allowed + 1;
    for (std::string_view candidate : candidates) {
        const std::size_t distance = editDistance(typed, candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

}  // namespace loopscope
