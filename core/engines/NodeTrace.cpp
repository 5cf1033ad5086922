#include "NodeTrace.h"

#include "CpuBurn.h"

namespace loopscope {

NodeTrace::NodeTrace(TraceSink& sink, std::function<void()> onIteration)
    : sink_(sink),
      phases_([this](EventKind kind, Phase phase, std::int64_t value) {
                  emit(kind, kMainLane, QueueKind::None, 0, 0, {}, value, {}, phase);
              },
              [onIteration = std::move(onIteration)](std::int64_t) { onIteration(); }) {}

Nanoseconds NodeTrace::now() const {
    return steadyNow() - start_;
}

void NodeTrace::emit(EventKind kind, const Lane& lane, QueueKind queue, std::uint64_t id, std::uint64_t cause,
                     SourceLocation where, std::int64_t value, std::string text, Phase phase) {
    TraceEvent event;
    event.ts = now();
    event.kind = kind;
    event.phase = phase;
    event.queue = queue;
    event.lane = lane;
    event.id = id;
    event.cause = cause;
    event.step = where;
    event.value = value;
    event.text = std::move(text);
    sink_.record(event);
}

void NodeTrace::main(EventKind kind, QueueKind queue, std::uint64_t id, std::uint64_t cause, SourceLocation where,
                     std::int64_t value, std::string text) {
    emit(kind, kMainLane, queue, id, cause, where, value, std::move(text), phases_.current());
    if (++mainEvents_ == eventLimit_ && onEventLimit_)
        onEventLimit_();
}

void NodeTrace::counter(const Lane& lane, const char* name, std::int64_t value) {
    emit(EventKind::Counter, lane, QueueKind::None, 0, 0, {}, value, name);
}

}  // namespace loopscope
