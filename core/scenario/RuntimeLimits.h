// The ranges of the runtime settings wherever they are given: a scenario's `runtime:`,
// the engine child's options and the window's controls all read them from here.
#pragma once

namespace loopscope {

struct IntRange {
    int min;
    int max;
};

constexpr IntRange kThreadpoolRange{1, 1024};  // libuv caps UV_THREADPOOL_SIZE at 1024
constexpr IntRange kCoresRange{1, 1024};
constexpr IntRange kProcessesRange{1, 64};     // event-loop processes of a cluster run
constexpr double kMaxTimeScale = 1000;         // real seconds per scenario second; above 0

}  // namespace loopscope
