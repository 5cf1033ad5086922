#include "LoopStateIndex.h"

#include <algorithm>

namespace loopscope {

LoopStateIndex::LoopStateIndex(std::size_t interval) : interval_(std::max<std::size_t>(1, interval)) {
    checkpoints_.push_back(LoopState{});
}

void LoopStateIndex::clear() { follow(latest_.process); }

void LoopStateIndex::follow(std::uint16_t process) {
    LoopState empty;
    empty.process = process;
    checkpoints_.assign(1, empty);
    runningMaxTs_.clear();
    latest_ = empty;
}

std::size_t LoopStateIndex::extend(const Trace& trace, std::size_t limit) {
    const std::size_t begin = latest_.eventsApplied;
    const std::size_t available = trace.size() > begin ? trace.size() - begin : 0;
    const std::size_t end = begin + std::min(limit, available);
    for (std::size_t i = begin; i < end; ++i) {
        applyEvent(latest_, trace[i]);
        const Nanoseconds previous = runningMaxTs_.empty() ? trace[i].ts : runningMaxTs_.back();
        runningMaxTs_.push_back(std::max(previous, trace[i].ts));
        if (latest_.eventsApplied % interval_ == 0)
            checkpoints_.push_back(latest_);
    }
    return end > begin ? end - begin : 0;
}

LoopState LoopStateIndex::stateAt(const Trace& trace, std::size_t count) const {
    count = std::min(count, latest_.eventsApplied);
    if (count == latest_.eventsApplied)
        return latest_;
    LoopState state = checkpoints_[std::min(count / interval_, checkpoints_.size() - 1)];
    for (std::size_t i = state.eventsApplied; i < count; ++i)
        applyEvent(state, trace[i]);
    return state;
}

std::size_t LoopStateIndex::eventsUpTo(Nanoseconds time) const {
    return static_cast<std::size_t>(std::upper_bound(runningMaxTs_.begin(), runningMaxTs_.end(), time) -
                                    runningMaxTs_.begin());
}

LoopState LoopStateIndex::stateAtTime(const Trace& trace, Nanoseconds time) const {
    return stateAt(trace, eventsUpTo(time));
}

}  // namespace loopscope
