#include "PhaseTracker.h"

namespace loopscope {
namespace {
Phase nextInCycle(Phase phase) {
    switch (phase) {
    case Phase::Timers: return Phase::Pending;
    case Phase::Pending: return Phase::IdlePrepare;
    case Phase::IdlePrepare: return Phase::Poll;
    case Phase::Poll: return Phase::Check;
    case Phase::Check: return Phase::Close;
    default: return Phase::Timers;
    }
}
}  // namespace

PhaseTracker::PhaseTracker(Emit emit, std::function<void(std::int64_t)> onIteration)
    : emit_(std::move(emit)), onIteration_(std::move(onIteration)) {}

void PhaseTracker::enterMainScript() {
    if (current_ != Phase::None)
        leave();
    enter(Phase::MainScript);
}

void PhaseTracker::enter(Phase phase) {
    if (phase == Phase::Timers) {
        ++iteration_;
        emit_(EventKind::LoopIteration, Phase::Timers, iteration_);
        if (onIteration_)
            onIteration_(iteration_);
    }
    current_ = phase;
    emit_(EventKind::PhaseEnter, phase, iteration_);
}

void PhaseTracker::leave() {
    if (current_ != Phase::None)
        emit_(EventKind::PhaseLeave, current_, iteration_);
    current_ = Phase::None;
}

void PhaseTracker::observe(Phase phase) {
    if (phase == current_ || phase == Phase::None || phase == Phase::MainScript)
        return;
    if (current_ == Phase::None || current_ == Phase::MainScript) {
        leave();
        enter(Phase::Timers);
    }
    while (current_ != phase) {
        const Phase next = nextInCycle(current_);
        leave();
        enter(next);
    }
}

void PhaseTracker::finish() { leave(); }

}  // namespace loopscope
