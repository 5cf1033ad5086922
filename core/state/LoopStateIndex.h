// Instant scrubbing over a long trace: the LoopState every `interval` events is kept,
// so the state at any event is the nearest checkpoint before it plus a short replay.
// The index grows with the trace while a run streams (extend()).
#pragma once

#include <cstddef>
#include <vector>

#include "LoopState.h"

namespace loopscope {

class LoopStateIndex {
public:
    explicit LoopStateIndex(std::size_t interval = 4096);

    // Takes in trace[indexedEvents() .. end). `trace` must be the same growing vector
    // each time (events are only appended). Returns the number of events taken in.
    // `limit` bounds the work of one call, so a GUI can spread it over several slots.
    std::size_t extend(const Trace& trace, std::size_t limit = static_cast<std::size_t>(-1));
    void clear();
    // Starts over following the loop of `process` (a cluster run has several): the
    // index is empty again until extend() takes the trace in anew.
    void follow(std::uint16_t process);
    std::uint16_t process() const { return latest_.process; }

    std::size_t indexedEvents() const { return latest_.eventsApplied; }
    std::size_t interval() const { return interval_; }
    std::size_t checkpointCount() const { return checkpoints_.size(); }

    // The state after the first `count` events (clamped to what was indexed).
    LoopState stateAt(const Trace& trace, std::size_t count) const;
    // The state after every event with ts <= time.
    LoopState stateAtTime(const Trace& trace, Nanoseconds time) const;
    // How many events have ts <= time (events are ordered by arrival, and their
    // timestamps may interleave slightly across lanes; a running maximum keeps this monotone).
    std::size_t eventsUpTo(Nanoseconds time) const;
    // The state after every indexed event.
    const LoopState& latest() const { return latest_; }

private:
    std::size_t interval_;
    std::vector<LoopState> checkpoints_;     // checkpoints_[k] = state after k * interval_ events
    std::vector<Nanoseconds> runningMaxTs_;  // runningMaxTs_[i] = max ts of events 0..i
    LoopState latest_;
};

}  // namespace loopscope
