// What the code view says while no JavaScript runs: that the event loop waits (in which
// phase, and for what), rather than pointing at the last line that ran.
#pragma once

#include <QString>

#include "LoopState.h"

namespace loopscope {

// Empty while JavaScript runs on the main thread (the code view highlights its line), before
// a run and for the thread-per-request engine, which has no loop.
QString loopWaitText(const LoopState& state);

}  // namespace loopscope
