// What every thread of a thread-per-request run writes to: the run's clock (its time 0
// and its horizon), its trace, and the problems its RunEnd reports. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "TraceSink.h"

namespace loopscope {

class ThreadRunTrace {
public:
    ThreadRunTrace(TraceSink& sink, double timeScale) : sink_(sink), timeScale_(timeScale) {}

    // Time 0 is now; the run stops `horizon` of scenario time later.
    void start(Nanoseconds horizon);

    // Trace time: wall time since the start (not divided by time_scale), the clock every
    // engine and the load client report in. A run at time_scale 2 really takes twice as long.
    Nanoseconds now() const;
    // A scenario duration as the wall time it really takes (times time_scale).
    Nanoseconds scaled(Nanoseconds duration) const;
    std::uint64_t origin() const { return origin_; }  // uv_hrtime() of time 0
    bool horizonPassed() const;
    // Wall time left until the horizon (0 once it has passed).
    Nanoseconds untilHorizon() const;

    void emit(EventKind kind, const Lane& lane, std::uint64_t id = 0, std::int64_t value = 0, std::string text = {},
              SourceLocation step = {}, QueueKind queue = QueueKind::None, Phase phase = Phase::None);
    void counter(const char* name, std::int64_t value) { emit(EventKind::Counter, Lane{}, 0, value, name); }

    void reportProblem(std::string problem);
    // Every problem reported, in order, joined by "; " (RunEnd's text).
    std::string problems() const;

private:
    TraceSink& sink_;
    const double timeScale_;
    std::uint64_t origin_ = 0;
    std::uint64_t horizonAt_ = 0;  // uv_hrtime() at which the run stops
    mutable std::mutex problemsMutex_;
    std::vector<std::string> problems_;
};

}  // namespace loopscope
