// The timeline's view of a trace: for each lane, the intervals during which it was busy
// (a callback on the main thread, a job on a pool worker, I/O in the kernel, a request
// thread running or blocked). Built incrementally while a run streams.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "LargeBuffers.h"
#include "PackedTrace.h"
#include "TraceEvent.h"

namespace loopscope {

enum class SpanKind : std::uint8_t { Callback, Work, Io, Running, Blocked };

// 32 bytes: a run of millions of events has a span for every few of them. What a span
// shows besides its times lives in the set's tables (label, step).
struct Span {
    Nanoseconds begin = 0;
    Nanoseconds end = 0;
    std::uint64_t id = 0;
    std::uint32_t label = 0;            // index into SpanSet::label
    std::uint16_t step = 0;             // index into SpanSet::step (0: none)
    SpanKind kind = SpanKind::Callback;
    QueueKind queue = QueueKind::None;  // callbacks: the queue they came from
};
static_assert(sizeof(Span) == 32, "a span stays small: there are millions in a big run");

// One row of the timeline. Spans on a row never overlap and are ordered by begin
// (so also by end): a row can be searched by time.
struct SpanRow {
    Lane lane;
    std::uint32_t slot = 0;  // kernel I/O overlaps: each concurrent operation gets a slot
    std::string name;
    std::vector<Span, LargeBufferAllocator<Span>> spans;  // the main thread's: millions
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
    std::string_view label(std::uint32_t index) const { return labels_.text(index); }
    // The scenario step a span came from (line 0 when none, or beyond kMaxSteps distinct steps).
    const SourceLocation& step(std::uint16_t index) const { return steps_[index]; }
    std::size_t spanCount() const { return spanCount_; }
    Nanoseconds endTime() const { return endTime_; }
    const std::vector<ThreadCountSample>& threadCounts() const { return threadCounts_; }
    // Spans of `id` in time order (a search of every row, remembered for the last id
    // asked: the selected span's flow is drawn at each replot), and when it was first
    // enqueued (or -1).
    std::vector<SpanRef> spansOf(std::uint64_t id) const;
    Nanoseconds enqueuedAt(std::uint64_t id) const;
    // What scheduled a callback that was never seen enqueued (a trace recorded by Node has
    // no queue events, only each callback's cause), or 0.
    std::uint64_t unqueuedCauseOf(std::uint64_t id) const;
    // The row of a lane (its first slot), or -1.
    int rowOf(const Lane& lane) const;

private:
    struct Open {
        Span span;
        bool active = false;
    };
    struct KernelSlot {
        std::uint32_t slot = 0;
        std::uint32_t row = 0;
    };
    struct Enqueued {
        std::uint64_t id = 0;
        Nanoseconds ts = 0;
    };
    static constexpr std::size_t kMaxSteps = 0xffff;
    std::uint32_t rowFor(const Lane& lane, std::uint32_t slot);
    std::uint16_t internStep(const SourceLocation& step);
    void noteEnqueued(std::uint64_t id, Nanoseconds ts);
    void begin(const TraceEvent& event, SpanKind kind, std::uint32_t row);
    void end(Nanoseconds ts, int row);  // row -1: none
    static std::uint64_t laneKey(const Lane& lane, std::uint32_t slot);

    std::vector<SpanRow> rows_;
    std::unordered_map<std::uint64_t, std::uint32_t> rowIndex_;  // laneKey -> row
    TextTable labels_;
    std::vector<SourceLocation> steps_{SourceLocation{}};
    std::unordered_map<std::uint64_t, std::uint16_t> stepIndex_;
    std::vector<Open> open_;  // per row: the span open on it
    std::vector<bool> kernelSlotBusy_;
    std::unordered_map<std::uint64_t, KernelSlot> kernelSlotOf_;  // io id -> where it is drawn
    // When each id was first enqueued. Engines number ids as they schedule, so ids mostly
    // arrive in increasing order: those go to a sorted vector (16 bytes each), the few that
    // arrive after a higher one (a cluster's processes interleave) to a map.
    std::vector<Enqueued> enqueued_;
    std::unordered_map<std::uint64_t, Nanoseconds> lateEnqueued_;
    // The causes of callbacks never seen enqueued (none in loopscope's own runs).
    std::unordered_map<std::uint64_t, std::uint64_t> unqueuedCauses_;
    // The label an Enqueue gave an id, until a callback of that id has begun.
    std::unordered_map<std::uint64_t, std::uint32_t> pendingLabel_;
    std::vector<ThreadCountSample> threadCounts_;
    std::unordered_map<std::uint32_t, SpanKind> threadState_;
    std::size_t spanCount_ = 0;
    Nanoseconds endTime_ = 0;
    mutable std::uint64_t cachedId_ = 0;  // spansOf's last answer, valid while spanCount_ is cachedCount_
    mutable std::size_t cachedCount_ = 0;
    mutable std::vector<SpanRef> cachedRefs_;
};

}  // namespace loopscope
