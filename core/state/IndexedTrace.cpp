#include "IndexedTrace.h"

namespace loopscope {

void IndexedTrace::add(std::span<const TraceEvent> events) {
    for (const TraceEvent& event : events) {
        trace.append(event);
        spans.add(event);
    }
    index.add(events);
}

void IndexedTrace::clear() {
    trace.clear();
    index.follow(0);  // a new run shows its first process
    spans.clear();
}

}  // namespace loopscope
