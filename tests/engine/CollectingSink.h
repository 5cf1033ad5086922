// A TraceSink that keeps every event, for tests that run an engine in-process.
#pragma once

#include <algorithm>
#include <mutex>
#include <vector>

#include "TraceSink.h"

namespace loopscope::testing {

class CollectingSink : public TraceSink {
public:
    void record(const TraceEvent& event) override {
        std::lock_guard<std::mutex> lock(mutex_);
        events_.push_back(event);
    }
    std::vector<TraceEvent> events() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return events_;
    }
    std::vector<TraceEvent> of(EventKind kind) const {
        std::vector<TraceEvent> selected;
        for (const TraceEvent& event : events())
            if (event.kind == kind)
                selected.push_back(event);
        return selected;
    }
    std::vector<std::string> logLines() const {
        std::vector<std::string> lines;
        for (const TraceEvent& event : of(EventKind::Log))
            lines.push_back(event.text);
        return lines;
    }
    std::int64_t maxCounter(const std::string& name) const {
        std::int64_t most = 0;
        for (const TraceEvent& event : of(EventKind::Counter))
            if (event.text == name)
                most = std::max(most, event.value);
        return most;
    }

private:
    mutable std::mutex mutex_;
    std::vector<TraceEvent> events_;
};

}  // namespace loopscope::testing
