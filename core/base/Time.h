// Time as every layer counts it: integer nanoseconds, so that comparisons are exact.
#pragma once

#include <cstdint>

namespace loopscope {

using Nanoseconds = std::int64_t;

constexpr Nanoseconds kMicrosecond = 1000;
constexpr Nanoseconds kMillisecond = 1000 * kMicrosecond;
constexpr Nanoseconds kSecond = 1000 * kMillisecond;

}  // namespace loopscope
