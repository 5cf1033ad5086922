// A TraceSink decorator for runs measured with tracing off (EngineOptions::traceEngine =
// false): only what a throughput measurement needs passes on - RunBegin, RunEnd and the
// load client's RequestSend/RequestDone (lane Client), and a cluster worker's messages. The engine's own events are
// dropped in the child, so the pipe, the parent's decoding and its memory carry none of
// them; what remains of tracing's cost is building each event and one virtual call.
#pragma once

#include "TraceSink.h"

namespace loopscope {

class UntracedSink final : public TraceSink {
public:
    explicit UntracedSink(TraceSink& next) : next_(next) {}
    void record(const TraceEvent& event) override {
        if (event.lane.kind == LaneKind::Client || event.kind == EventKind::RunBegin || event.kind == EventKind::RunEnd ||
            event.kind == EventKind::ProcessMessage)
            next_.record(event);
    }
    void flush() override { next_.flush(); }

private:
    TraceSink& next_;
};

}  // namespace loopscope
