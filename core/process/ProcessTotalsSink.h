// A TraceSink decorator for the engine child (see ProcessUsage.h).
#pragma once

#include <mutex>

#include "TraceSink.h"
#include "ProcessUsage.h"

namespace loopscope {

// Forwards a run's events, and just before its RunEnd, the process's totals, so
// that they cover the whole run and still come before the end. The engine child
// wraps its pipe in one: every engine is measured by the same code.
//
// Totals that arrive as events (a cluster primary forwards those of its processes)
// are not forwarded but added to this process's own: the run's figures then cover
// every process it had.
class ProcessTotalsSink : public TraceSink {
public:
    explicit ProcessTotalsSink(TraceSink& next) : next_(next) {}
    void record(const TraceEvent& event) override {
        if (event.kind == EventKind::Counter) {
            std::lock_guard lock(mutex_);
            if (accumulateProcessTotal(event, others_))
                return;
        }
        if (event.kind == EventKind::RunEnd) {
            ProcessTotals others;
            {
                std::lock_guard lock(mutex_);
                others = others_;
            }
            emitProcessTotals(next_, addProcessTotals(readOwnProcessTotals(), others), event.ts);
        }
        next_.record(event);
    }
    void flush() override { next_.flush(); }

private:
    TraceSink& next_;
    std::mutex mutex_;
    ProcessTotals others_;  // guarded by mutex_
};

}  // namespace loopscope
