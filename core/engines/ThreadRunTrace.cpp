#include "ThreadRunTrace.h"

#include <uv.h>

#include <algorithm>
#include <cmath>

namespace loopscope {

void ThreadRunTrace::start(Nanoseconds horizon) {
    origin_ = uv_hrtime();
    horizonAt_ = origin_ + static_cast<std::uint64_t>(std::max<Nanoseconds>(scaled(horizon), 1));
}

Nanoseconds ThreadRunTrace::now() const { return static_cast<Nanoseconds>(uv_hrtime() - origin_); }

Nanoseconds ThreadRunTrace::scaled(Nanoseconds duration) const {
    return static_cast<Nanoseconds>(std::llround(static_cast<double>(duration) * timeScale_));
}

bool ThreadRunTrace::horizonPassed() const { return uv_hrtime() >= horizonAt_; }

Nanoseconds ThreadRunTrace::untilHorizon() const {
    return static_cast<Nanoseconds>(horizonAt_ - std::min(horizonAt_, uv_hrtime()));
}

void ThreadRunTrace::emit(EventKind kind, const Lane& lane, std::uint64_t id, std::int64_t value, std::string text,
                          SourceLocation step, QueueKind queue, Phase phase) {
    TraceEvent event;
    event.ts = now();
    event.kind = kind;
    event.lane = lane;
    event.id = id;
    event.value = value;
    event.text = std::move(text);
    event.step = step;
    event.queue = queue;
    event.phase = phase;
    sink_.record(event);
}

void ThreadRunTrace::reportProblem(std::string problem) {
    std::lock_guard<std::mutex> lock(problemsMutex_);
    problems_.push_back(std::move(problem));
}

std::string ThreadRunTrace::problems() const {
    std::lock_guard<std::mutex> lock(problemsMutex_);
    std::string joined;
    for (const std::string& problem : problems_)
        joined += (joined.empty() ? "" : "; ") + problem;
    return joined;
}

}  // namespace loopscope
