#include "LoopStateIndex.h"

#include <algorithm>

namespace loopscope {
namespace {

// What copying a state costs, in entries (queued callbacks, jobs, frames, lines).
std::size_t heldEntries(const LoopState& state) {
    std::size_t entries = state.callStack.size() + state.kernelIo.size() + state.poolLanes.size() +
                          state.workerThreads.size() + state.console.size();
    for (const auto& queue : state.queues)
        entries += queue.size();
    return entries;
}

}  // namespace

LoopStateIndex::LoopStateIndex(std::size_t interval) : interval_(std::max<std::size_t>(1, interval)) {
    checkpoints_.push_back(LoopState{});
}

void LoopStateIndex::clear() { follow(latest_.process); }

void LoopStateIndex::follow(std::uint16_t process) {
    LoopState empty;
    empty.process = process;
    checkpoints_.assign(1, empty);
    latest_ = empty;
}

void LoopStateIndex::checkpointIfDue() {
    const std::size_t since = latest_.eventsApplied - checkpoints_.back().eventsApplied;
    if (since < interval_ || latest_.eventsApplied % interval_ != 0)
        return;
    if (since >= heldEntries(latest_) * kEventsPerHeldEntry)
        checkpoints_.push_back(latest_);
}

void LoopStateIndex::add(std::span<const TraceEvent> events) {
    // Stretches that end where a checkpoint may be taken, so that each checkpoint's
    // narration is that of its last narrated event.
    while (!events.empty()) {
        const std::size_t toBoundary = interval_ - latest_.eventsApplied % interval_;
        const std::span<const TraceEvent> stretch = events.first(std::min(toBoundary, events.size()));
        std::size_t narrated = stretch.size();
        for (std::size_t i = stretch.size(); i-- > 0 && narrated == stretch.size();)
            if (narrates(latest_, stretch[i]))
                narrated = i;
        for (std::size_t i = 0; i < stretch.size(); ++i)
            (i == narrated ? applyEvent : applyEventUnnarrated)(latest_, stretch[i]);
        checkpointIfDue();
        events = events.subspan(stretch.size());
    }
}

std::size_t LoopStateIndex::extend(const PackedTrace& trace, std::size_t limit) {
    const std::size_t begin = latest_.eventsApplied;
    const std::size_t available = trace.size() > begin ? trace.size() - begin : 0;
    const std::size_t end = begin + std::min(limit, available);
    std::vector<TraceEvent> chunk;
    for (PackedTrace::Cursor cursor = trace.cursor(begin); cursor.position() < end;) {
        chunk.clear();
        for (; cursor.position() < end && chunk.size() < interval_; cursor.next())
            chunk.push_back(cursor.event());
        add(chunk);
    }
    return end - begin;
}

LoopState LoopStateIndex::stateAt(const PackedTrace& trace, std::size_t count) const {
    count = std::min(count, latest_.eventsApplied);
    if (count == latest_.eventsApplied)
        return latest_;
    auto after = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), count,
                                  [](std::size_t n, const LoopState& s) { return n < s.eventsApplied; });
    LoopState state = *std::prev(after);
    // Only the last event that narrates is narrated: find it first.
    std::size_t narrated = count;
    for (PackedTrace::Cursor cursor = trace.cursor(state.eventsApplied); cursor.position() < count; cursor.next())
        if (narrates(state, cursor.event()))
            narrated = cursor.position();
    for (PackedTrace::Cursor cursor = trace.cursor(state.eventsApplied); cursor.position() < count; cursor.next())
        (cursor.position() == narrated ? applyEvent : applyEventUnnarrated)(state, cursor.event());
    return state;
}

std::size_t LoopStateIndex::eventsUpTo(const PackedTrace& trace, Nanoseconds time) const {
    return std::min(trace.countUpTo(time), latest_.eventsApplied);
}

LoopState LoopStateIndex::stateAtTime(const PackedTrace& trace, Nanoseconds time) const {
    return stateAt(trace, eventsUpTo(trace, time));
}

}  // namespace loopscope
