// A program may run several http servers, each numbering its requests from 1. A request's
// id in the trace carries its server's place in the high 32 bits (0: the first server), so
// that ids stay unique within a run and the first server's ids are its request numbers.
#pragma once

#include <cstdint>
#include <string>

namespace loopscope {

constexpr std::uint64_t requestId(std::uint32_t serverPlace, std::uint32_t number) {
    return (std::uint64_t(serverPlace) << 32) | number;
}

constexpr std::uint32_t serverPlaceOf(std::uint64_t id) { return std::uint32_t(id >> 32); }

// "3" for the first server's third request, "3 (server 2)" for the second server's.
inline std::string requestNumberText(std::uint64_t id) {
    const std::string number = std::to_string(std::uint32_t(id));
    return serverPlaceOf(id) == 0 ? number : number + " (server " + std::to_string(serverPlaceOf(id) + 1) + ")";
}

}  // namespace loopscope
