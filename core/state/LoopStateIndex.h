// Instant scrubbing over a long trace: the LoopState every `interval` events is kept,
// so the state at any event is the nearest checkpoint before it plus a short replay.
// The index grows with the trace while a run streams (add(), extend()).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "LoopState.h"
#include "PackedTrace.h"

namespace loopscope {

class LoopStateIndex {
public:
    // A checkpoint (a LoopState with its console tail, a few KiB) every 8192 events is under one
    // byte per event; a seek replays at most that many events, unnarrated (well under a millisecond).
    explicit LoopStateIndex(std::size_t interval = 8192);

    // Takes in the next events of the trace (from the one at indexedEvents()). Only the
    // last event a state narrates is narrated: a sentence per event would be most of the work.
    void add(std::span<const TraceEvent> events);
    void add(const TraceEvent& event) { add(std::span<const TraceEvent>(&event, 1)); }
    // Takes in trace[indexedEvents() .. end). `trace` must be the same growing trace each
    // time (events are only appended). Returns the number of events taken in. `limit`
    // bounds the work of one call, so a GUI can spread it over several slots.
    std::size_t extend(const PackedTrace& trace, std::size_t limit = static_cast<std::size_t>(-1));
    void clear();
    // Starts over following the loop of `process` (a cluster run has several): the
    // index is empty again until extend() takes the trace in anew.
    void follow(std::uint16_t process);
    std::uint16_t process() const { return latest_.process; }

    std::size_t indexedEvents() const { return latest_.eventsApplied; }
    std::size_t interval() const { return interval_; }
    std::size_t checkpointCount() const { return checkpoints_.size(); }

    // The state after the first `count` events (clamped to what was indexed).
    LoopState stateAt(const PackedTrace& trace, std::size_t count) const;
    // The state after every event with ts <= time (see PackedTrace::countUpTo).
    LoopState stateAtTime(const PackedTrace& trace, Nanoseconds time) const;
    std::size_t eventsUpTo(const PackedTrace& trace, Nanoseconds time) const;
    // The state after every indexed event.
    const LoopState& latest() const { return latest_; }

private:
    // A state holding a million waiting timers is no state to copy every few thousand
    // events: checkpoints are at least this many events per entry a state holds apart,
    // which bounds what they keep to a fraction of an entry per event.
    static constexpr std::size_t kEventsPerHeldEntry = 16;
    void checkpointIfDue();

    std::size_t interval_;
    std::vector<LoopState> checkpoints_;  // in event order; checkpoints_[0] is the empty state
    LoopState latest_;
};

}  // namespace loopscope
