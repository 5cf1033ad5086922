// The timeline's view of a trace: for each lane, the intervals during which it was busy
// (a callback on the main thread, a job on a pool worker, I/O in the kernel, a request
// thread running or blocked). Built incrementally while a run streams.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "TraceEvent.h"

namespace loopscope {

enum class SpanKind : std::uint8_t { Callback, Work, Io, Running, Blocked };

struct Span {
    Nanoseconds begin = 0;
    Nanoseconds end = 0;
    SpanKind kind = SpanKind::Callback;
    QueueKind queue = QueueKind::None;  // callbacks: the queue they came from
    std::uint64_t id = 0;
    std::uint64_t cause = 0;
    SourceLocation step;
    std::uint32_t label = 0;            // index into SpanSet::labels
};

// One row of the timeline. Spans on a row never overlap and are ordered by begin
// (so also by end): a row can be searched by time.
struct SpanRow {
    Lane lane;
    std::uint32_t slot = 0;  // kernel I/O overlaps: each concurrent operation gets a slot
    std::string name;
    std::vector<Span> spans;
};

// Where a span of a given id sits, for flow arrows.
struct SpanRef {
    std::uint32_t row = 0;
    std::uint32_t index = 0;
};

// Threads of the thread-per-request model running and blocked over time.
struct ThreadCountSample {
    Nanoseconds ts = 0;
    int running = 0;
    int blocked = 0;
};

class SpanSet {
public:
    void add(const TraceEvent& event);
    // Closes spans still open at `end` (a cancelled run, or the playhead of a live run).
    std::vector<Span> openSpansAt(Nanoseconds end, std::vector<std::uint32_t>* rows) const;
    void clear();

    const std::vector<SpanRow>& rows() const { return rows_; }
    const std::string& label(std::uint32_t index) const { return labels_[index]; }
    std::size_t spanCount() const { return spanCount_; }
    Nanoseconds endTime() const { return endTime_; }
    const std::vector<ThreadCountSample>& threadCounts() const { return threadCounts_; }
    // Spans of `id` in time order, and when it was first enqueued (or -1).
    std::vector<SpanRef> spansOf(std::uint64_t id) const;
    Nanoseconds enqueuedAt(std::uint64_t id) const;
    // The row of a lane (its first slot), or -1.
    int rowOf(const Lane& lane) const;

private:
    struct Open {
        Span span;
        std::uint32_t row = 0;
    };
    std::uint32_t rowFor(const Lane& lane, std::uint32_t slot);
    std::uint32_t internLabel(const std::string& text);
    void begin(const TraceEvent& event, SpanKind kind, std::uint32_t row, std::uint64_t key);
    void end(Nanoseconds ts, std::uint64_t key);
    static std::uint64_t laneKey(const Lane& lane, std::uint32_t slot);

    std::vector<SpanRow> rows_;
    std::unordered_map<std::uint64_t, std::uint32_t> rowIndex_;  // laneKey -> row
    std::vector<std::string> labels_{std::string()};
    std::unordered_map<std::string, std::uint32_t> labelIndex_{{std::string(), 0}};
    std::unordered_map<std::uint64_t, Open> open_;               // open span key -> span
    std::vector<bool> kernelSlotBusy_;
    std::unordered_map<std::uint64_t, std::uint32_t> kernelSlotOf_;  // io id -> slot
    std::unordered_map<std::uint64_t, std::vector<SpanRef>> byId_;
    std::unordered_map<std::uint64_t, Nanoseconds> enqueued_;
    std::unordered_map<std::uint64_t, std::string> pendingLabel_;  // id -> label from Enqueue
    std::vector<ThreadCountSample> threadCounts_;
    std::unordered_map<std::uint32_t, SpanKind> threadState_;
    std::size_t spanCount_ = 0;
    Nanoseconds endTime_ = 0;
};

}  // namespace loopscope
