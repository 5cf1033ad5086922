#include "TraceSpans.h"

#include <algorithm>

namespace loopscope {
namespace {

std::string rowName(const Lane& lane, std::uint32_t slot) {
    if (lane.kind == LaneKind::Kernel)
        return slot == 0 ? laneName(lane) : std::string();
    return laneName(lane);
}

}  // namespace

std::uint64_t SpanSet::laneKey(const Lane& lane, std::uint32_t slot) {
    return (std::uint64_t(lane.kind) << 56) | (std::uint64_t(lane.process) << 40) |
           (std::uint64_t(lane.index & 0xffffff) << 16) | (slot & 0xffff);
}

void SpanSet::clear() { *this = SpanSet(); }

std::uint32_t SpanSet::rowFor(const Lane& lane, std::uint32_t slot) {
    const std::uint64_t key = laneKey(lane, slot);
    auto it = rowIndex_.find(key);
    if (it != rowIndex_.end())
        return it->second;
    const auto row = static_cast<std::uint32_t>(rows_.size());
    rows_.push_back(SpanRow{lane, slot, rowName(lane, slot), {}});
    open_.emplace_back();
    rowIndex_.emplace(key, row);
    return row;
}

int SpanSet::rowOf(const Lane& lane) const {
    auto it = rowIndex_.find(laneKey(lane, 0));
    return it == rowIndex_.end() ? -1 : static_cast<int>(it->second);
}

std::uint16_t SpanSet::internStep(const SourceLocation& step) {
    if (step == SourceLocation{})
        return 0;
    const std::uint64_t key = (std::uint64_t(std::uint32_t(step.line)) << 32) | std::uint32_t(step.column);
    auto it = stepIndex_.find(key);
    if (it != stepIndex_.end())
        return it->second;
    if (steps_.size() > kMaxSteps)
        return 0;
    const auto index = static_cast<std::uint16_t>(steps_.size());
    steps_.push_back(step);
    stepIndex_.emplace(key, index);
    return index;
}

void SpanSet::noteEnqueued(std::uint64_t id, Nanoseconds ts) {
    if (enqueued_.empty() || id > enqueued_.back().id) {
        enqueued_.push_back(Enqueued{id, ts});
        return;
    }
    if (enqueuedAt(id) < 0)
        lateEnqueued_.emplace(id, ts);
}

void SpanSet::begin(const TraceEvent& event, SpanKind kind, std::uint32_t row) {
    if (open_[row].active)
        return;  // already busy: a nested begin belongs to the span that is open
    Span span;
    span.begin = event.ts;
    span.end = event.ts;
    span.kind = kind;
    span.queue = event.queue;
    span.id = event.id;
    span.step = internStep(event.step);
    span.label = labels_.intern(event.text);
    if (event.text.empty()) {
        auto pending = pendingLabel_.find(event.id);
        if (pending != pendingLabel_.end()) {
            span.label = pending->second;
            // A callback is the last thing an id's label names (a pool job's completion
            // runs after its work): the label is not needed any more.
            if (kind == SpanKind::Callback)
                pendingLabel_.erase(pending);
        }
    }
    open_[row] = Open{span, true};
}

void SpanSet::end(Nanoseconds ts, int rowIndex) {
    if (rowIndex < 0 || !open_[std::size_t(rowIndex)].active)
        return;
    Open open = open_[std::size_t(rowIndex)];
    open_[std::size_t(rowIndex)].active = false;
    open.span.end = std::max(ts, open.span.begin);
    SpanRow& row = rows_[std::size_t(rowIndex)];
    // Events of one lane arrive in order; a span that begins before the previous one
    // ended (clock skew between threads) is clipped so that a row stays searchable.
    if (!row.spans.empty() && open.span.begin < row.spans.back().end) {
        open.span.begin = row.spans.back().end;
        open.span.end = std::max(open.span.end, open.span.begin);
    }
    row.spans.push_back(open.span);
    ++spanCount_;
}

void SpanSet::add(const TraceEvent& event) {
    endTime_ = std::max(endTime_, event.ts);
    const Lane& lane = event.lane;
    switch (event.kind) {
    case EventKind::Enqueue:
        noteEnqueued(event.id, event.ts);
        if (!event.text.empty())
            pendingLabel_.try_emplace(event.id, labels_.intern(event.text));
        break;
    case EventKind::CallbackBegin:
        if (lane.kind == LaneKind::Main) {
            begin(event, SpanKind::Callback, rowFor(lane, 0));
            if (event.cause != 0 && event.cause != event.id && enqueuedAt(event.id) < 0)
                unqueuedCauses_.try_emplace(event.id, event.cause);
        }
        break;
    case EventKind::CallbackEnd:
        if (lane.kind == LaneKind::Main)
            end(event.ts, rowOf(lane));
        break;
    case EventKind::WorkBegin:
        if (lane.kind == LaneKind::PoolWorker || lane.kind == LaneKind::Worker)
            begin(event, SpanKind::Work, rowFor(lane, 0));
        break;
    case EventKind::WorkEnd:
        if (lane.kind == LaneKind::PoolWorker || lane.kind == LaneKind::Worker)
            end(event.ts, rowOf(lane));
        break;
    case EventKind::IoBegin: {
        auto free = std::find(kernelSlotBusy_.begin(), kernelSlotBusy_.end(), false);
        const auto slot = static_cast<std::uint32_t>(free - kernelSlotBusy_.begin());
        if (free == kernelSlotBusy_.end())
            kernelSlotBusy_.push_back(true);
        else
            *free = true;
        Lane kernel = lane;
        kernel.kind = LaneKind::Kernel;
        const std::uint32_t row = rowFor(kernel, slot);
        kernelSlotOf_[event.id] = KernelSlot{slot, row};
        begin(event, SpanKind::Io, row);
        break;
    }
    case EventKind::IoEnd: {
        auto slot = kernelSlotOf_.find(event.id);
        if (slot == kernelSlotOf_.end())
            break;
        kernelSlotBusy_[slot->second.slot] = false;
        const std::uint32_t row = slot->second.row;
        kernelSlotOf_.erase(slot);
        end(event.ts, int(row));
        break;
    }
    case EventKind::ThreadCreate:
    case EventKind::ThreadBlock:
    case EventKind::ThreadRun:
    case EventKind::ThreadExit: {
        if (lane.kind != LaneKind::Thread)
            break;
        const std::uint32_t row = rowFor(lane, 0);
        end(event.ts, int(row));
        ThreadCountSample sample = threadCounts_.empty() ? ThreadCountSample{} : threadCounts_.back();
        sample.ts = event.ts;
        auto state = threadState_.find(lane.index);
        if (state != threadState_.end()) {
            (state->second == SpanKind::Running ? sample.running : sample.blocked) -= 1;
            threadState_.erase(state);
        }
        if (event.kind != EventKind::ThreadExit) {
            const SpanKind kind = event.kind == EventKind::ThreadBlock ? SpanKind::Blocked : SpanKind::Running;
            TraceEvent segment = event;
            segment.id = 0;
            begin(segment, kind, row);
            threadState_[lane.index] = kind;
            (kind == SpanKind::Running ? sample.running : sample.blocked) += 1;
        }
        threadCounts_.push_back(sample);
        break;
    }
    default:
        break;
    }
}

std::vector<Span> SpanSet::openSpansAt(Nanoseconds endTs, std::vector<std::uint32_t>* rows) const {
    std::vector<Span> spans;
    for (std::size_t row = 0; row < open_.size(); ++row) {
        if (!open_[row].active)
            continue;
        Span span = open_[row].span;
        span.end = std::max(span.begin, endTs);
        spans.push_back(span);
        if (rows)
            rows->push_back(static_cast<std::uint32_t>(row));
    }
    return spans;
}

std::vector<SpanRef> SpanSet::spansOf(std::uint64_t id) const {
    if (id == cachedId_ && spanCount_ == cachedCount_)
        return cachedRefs_;
    std::vector<SpanRef> refs;
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        const auto& spans = rows_[r].spans;
        for (std::size_t i = 0; i < spans.size(); ++i)
            if (spans[i].id == id && id != 0)
                refs.push_back(SpanRef{static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(i)});
    }
    std::stable_sort(refs.begin(), refs.end(), [&](const SpanRef& a, const SpanRef& b) {
        return rows_[a.row].spans[a.index].begin < rows_[b.row].spans[b.index].begin;
    });
    cachedId_ = id;
    cachedCount_ = spanCount_;
    cachedRefs_ = refs;
    return refs;
}

std::uint64_t SpanSet::unqueuedCauseOf(std::uint64_t id) const {
    auto cause = unqueuedCauses_.find(id);
    return cause == unqueuedCauses_.end() ? 0 : cause->second;
}

Nanoseconds SpanSet::enqueuedAt(std::uint64_t id) const {
    auto it = std::lower_bound(enqueued_.begin(), enqueued_.end(), id,
                               [](const Enqueued& e, std::uint64_t key) { return e.id < key; });
    if (it != enqueued_.end() && it->id == id)
        return it->ts;
    auto late = lateEnqueued_.find(id);
    return late == lateEnqueued_.end() ? -1 : late->second;
}

}  // namespace loopscope
