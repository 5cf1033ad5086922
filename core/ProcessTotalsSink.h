// A TraceSink decorator for the engine child (see ProcessUsage.h).
#pragma once

#include "Engine.h"
#include "ProcessUsage.h"

namespace loopscope {

// Forwards a run's events, and just before its RunEnd, the process's totals, so
// that they cover the whole run and still come before the end. The engine child
// wraps its pipe in one: every engine is measured by the same code.
class ProcessTotalsSink : public TraceSink {
public:
    explicit ProcessTotalsSink(TraceSink& next) : next_(next) {}
    void emit(const TraceEvent& event) override {
        if (event.kind == EventKind::RunEnd)
            emitProcessTotals(next_, readOwnProcessTotals(), event.ts);
        next_.emit(event);
    }
    void flush() override { next_.flush(); }

private:
    TraceSink& next_;
};

}  // namespace loopscope
