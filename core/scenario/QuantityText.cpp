#include "QuantityText.h"

#include <limits>
#include <optional>

#include "ScenarioParser.h"

namespace loopscope {
namespace {

struct Unit {
    std::string_view name;
    std::int64_t scale;
};

constexpr Unit kDurationUnits[] = {
    {"", kMillisecond}, {"us", kMicrosecond}, {"\xC2\xB5s", kMicrosecond},
    {"ms", kMillisecond}, {"s", kSecond},
};
constexpr Unit kSizeUnits[] = {
    {"", 1}, {"B", 1}, {"KiB", 1024}, {"MiB", 1024 * 1024}, {"GiB", 1024 * 1024 * 1024},
};

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isSpace(char c) { return c == ' ' || c == '\t'; }

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

// "<digits>[.<digits>] [unit]" scaled by the unit, truncated to whole units of the result.
template <std::size_t N>
QuantityParse parseScaled(std::string_view text, const Unit (&units)[N]) {
    QuantityParse result;
    text = trimmed(text);
    bool negative = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }

    constexpr std::uint64_t kHuge = std::uint64_t{1} << 62;
    std::uint64_t whole = 0;
    bool overflow = false;
    std::size_t i = 0;
    std::size_t digits = 0;
    for (; i < text.size() && isDigit(text[i]); ++i, ++digits) {
        if (whole > kHuge / 10)
            overflow = true;
        else
            whole = whole * 10 + static_cast<std::uint64_t>(text[i] - '0');
    }
    // Up to 18 fraction digits are exact in 64 bits; later ones are below any unit we use.
    std::uint64_t fraction = 0;
    std::uint64_t fractionScale = 1;
    if (i < text.size() && text[i] == '.') {
        ++i;
        for (; i < text.size() && isDigit(text[i]); ++i, ++digits) {
            if (fractionScale < 1000000000000000000ULL) {
                fraction = fraction * 10 + static_cast<std::uint64_t>(text[i] - '0');
                fractionScale *= 10;
            }
        }
    }
    if (digits == 0) {
        result.problem = QuantityParse::Problem::Malformed;
        return result;
    }
    const std::string_view unitName = trimmed(text.substr(i));
    std::optional<std::int64_t> scale;
    for (const Unit& unit : units)
        if (unit.name == unitName)
            scale = unit.scale;
    if (!scale) {
        result.problem = QuantityParse::Problem::Malformed;
        return result;
    }

    const unsigned __int128 total =
        static_cast<unsigned __int128>(whole) * static_cast<std::uint64_t>(*scale) +
        static_cast<unsigned __int128>(fraction) * static_cast<std::uint64_t>(*scale) / fractionScale;
    if (overflow || total > static_cast<unsigned __int128>(std::numeric_limits<std::int64_t>::max())) {
        result.problem = QuantityParse::Problem::TooLarge;
        return result;
    }
    result.value = static_cast<std::int64_t>(total);
    if (negative && result.value != 0)
        result.problem = QuantityParse::Problem::Negative;
    return result;
}

}  // namespace

QuantityParse parseDurationText(std::string_view text) { return parseScaled(text, kDurationUnits); }

QuantityParse parseSizeText(std::string_view text) { return parseScaled(text, kSizeUnits); }

IntegerParse parseIntegerText(std::string_view text) {
    IntegerParse result;
    text = trimmed(text);
    bool negative = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    if (text.empty())
        return result;
    constexpr std::int64_t kSaturated = std::int64_t{1} << 62;
    std::int64_t value = 0;
    for (char c : text) {
        if (!isDigit(c))
            return result;
        value = value < kSaturated / 10 ? value * 10 + (c - '0') : kSaturated;
    }
    result.value = negative ? -value : value;
    result.ok = true;
    return result;
}

std::optional<Nanoseconds> parseDuration(std::string_view text) {
    const QuantityParse parsed = parseDurationText(text);
    if (!parsed.ok())
        return std::nullopt;
    return parsed.value;
}

std::optional<std::int64_t> parseSize(std::string_view text) {
    const QuantityParse parsed = parseSizeText(text);
    if (!parsed.ok())
        return std::nullopt;
    return parsed.value;
}

}  // namespace loopscope
