// Numbers with units as teachers write them: durations ("250us", "20ms", "1.5s", "5" = 5 ms)
// and sizes ("64KiB", "1MiB", "512" = bytes). Exact integer arithmetic, no overflow.
#pragma once

#include <cstdint>
#include <string_view>

namespace loopscope {

struct QuantityParse {
    enum class Problem {
        None,
        Malformed,  // not a number followed by a known unit
        Negative,
        TooLarge,   // does not fit in 64 bits
    };
    std::int64_t value = 0;
    Problem problem = Problem::None;
    bool ok() const { return problem == Problem::None; }
};

// Into nanoseconds. Units: us (or µs), ms, s; no unit means milliseconds.
QuantityParse parseDurationText(std::string_view text);
// Into bytes. Units: B, KiB, MiB, GiB; no unit means bytes.
QuantityParse parseSizeText(std::string_view text);

// A whole number such as "4" or "-3", saturated instead of overflowing: far outside
// any range the scenario allows, so callers can report "must be from A to B".
struct IntegerParse {
    std::int64_t value = 0;
    bool ok = false;
};
IntegerParse parseIntegerText(std::string_view text);

}  // namespace loopscope
