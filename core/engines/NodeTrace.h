// The trace a Node runtime emits: every event stamped with the run's wall time (from
// the run's start, not divided by time_scale: the clock every engine and the load
// client report in), and those of the JavaScript thread with the loop's current phase.
// Pool workers, worker threads and the net peer emit through it too: the sink is
// thread-safe and the start time is fixed before any of them exists.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "PhaseTracker.h"
#include "TraceSink.h"

namespace loopscope {

inline const Lane kMainLane{LaneKind::Main, 0, 0};
inline const Lane kKernelLane{LaneKind::Kernel, 0, 0};

class NodeTrace {
public:
    // `onIteration` runs when the loop begins an iteration (the runtime samples its counters).
    NodeTrace(TraceSink& sink, std::function<void()> onIteration);
    NodeTrace(const NodeTrace&) = delete;
    NodeTrace& operator=(const NodeTrace&) = delete;

    // The run's time 0, CLOCK_MONOTONIC (steadyNow()): set once, before the first event.
    void setStart(Nanoseconds start) { start_ = start; }
    Nanoseconds start() const { return start_; }
    Nanoseconds now() const;

    void emit(EventKind kind, const Lane& lane, QueueKind queue, std::uint64_t id, std::uint64_t cause,
              SourceLocation where, std::int64_t value = 0, std::string text = {}, Phase phase = Phase::None);
    // Runs once, on the loop thread, when the run has made `limit` main-lane events.
    void setOnEventLimit(std::int64_t limit, std::function<void()> onLimit) {
        eventLimit_ = limit;
        onEventLimit_ = std::move(onLimit);
    }
    // On the loop thread only: on the main lane, stamped with the current phase.
    void main(EventKind kind, QueueKind queue, std::uint64_t id, std::uint64_t cause, SourceLocation where,
              std::int64_t value = 0, std::string text = {});
    void counter(const Lane& lane, const char* name, std::int64_t value);
    void flush() { sink_.flush(); }

    TraceSink& sink() { return sink_; }
    PhaseTracker& phases() { return phases_; }

private:
    TraceSink& sink_;
    Nanoseconds start_ = 0;
    PhaseTracker phases_;
    std::int64_t mainEvents_ = 0;  // loop thread
    std::int64_t eventLimit_ = kMaxRunEvents;
    std::function<void()> onEventLimit_;
};

}  // namespace loopscope
