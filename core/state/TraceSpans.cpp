#include "TraceSpans.h"

#include <algorithm>

namespace loopscope {
namespace {

constexpr std::uint64_t kKernelKeyBit = std::uint64_t(1) << 63;

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
    rowIndex_.emplace(key, row);
    return row;
}

int SpanSet::rowOf(const Lane& lane) const {
    auto it = rowIndex_.find(laneKey(lane, 0));
    return it == rowIndex_.end() ? -1 : static_cast<int>(it->second);
}

std::uint32_t SpanSet::internLabel(const std::string& text) {
    auto it = labelIndex_.find(text);
    if (it != labelIndex_.end())
        return it->second;
    const auto index = static_cast<std::uint32_t>(labels_.size());
    labels_.push_back(text);
    labelIndex_.emplace(text, index);
    return index;
}

void SpanSet::begin(const TraceEvent& event, SpanKind kind, std::uint32_t row, std::uint64_t key) {
    if (open_.count(key))
        return;  // already busy: a nested begin belongs to the span that is open
    Span span;
    span.begin = event.ts;
    span.end = event.ts;
    span.kind = kind;
    span.queue = event.queue;
    span.id = event.id;
    span.cause = event.cause;
    span.step = event.step;
    std::string label = event.text;
    if (label.empty()) {
        auto pending = pendingLabel_.find(event.id);
        if (pending != pendingLabel_.end())
            label = pending->second;
    }
    span.label = internLabel(label);
    open_.emplace(key, Open{span, row});
}

void SpanSet::end(Nanoseconds ts, std::uint64_t key) {
    auto it = open_.find(key);
    if (it == open_.end())
        return;
    Open open = it->second;
    open_.erase(it);
    open.span.end = std::max(ts, open.span.begin);
    SpanRow& row = rows_[open.row];
    // Events of one lane arrive in order; a span that begins before the previous one
    // ended (clock skew between threads) is clipped so that a row stays searchable.
    if (!row.spans.empty() && open.span.begin < row.spans.back().end) {
        open.span.begin = row.spans.back().end;
        open.span.end = std::max(open.span.end, open.span.begin);
    }
    if (open.span.id != 0)
        byId_[open.span.id].push_back(SpanRef{open.row, static_cast<std::uint32_t>(row.spans.size())});
    row.spans.push_back(open.span);
    ++spanCount_;
}

void SpanSet::add(const TraceEvent& event) {
    if (spanCount_ == 0 && enqueued_.empty()) {
        // A rehash of maps this large would be one long pause while a run streams:
        // make room for a long run at once.
        constexpr std::size_t kExpectedIds = std::size_t(1) << 19;
        enqueued_.reserve(kExpectedIds);
        byId_.reserve(kExpectedIds);
        pendingLabel_.reserve(kExpectedIds);
    }
    endTime_ = std::max(endTime_, event.ts);
    const Lane& lane = event.lane;
    switch (event.kind) {
    case EventKind::Enqueue:
        enqueued_.try_emplace(event.id, event.ts);
        if (!event.text.empty())
            pendingLabel_.try_emplace(event.id, event.text);
        break;
    case EventKind::CallbackBegin:
        if (lane.kind == LaneKind::Main)
            begin(event, SpanKind::Callback, rowFor(lane, 0), laneKey(lane, 0));
        break;
    case EventKind::CallbackEnd:
        if (lane.kind == LaneKind::Main)
            end(event.ts, laneKey(lane, 0));
        break;
    case EventKind::WorkBegin:
        if (lane.kind == LaneKind::PoolWorker || lane.kind == LaneKind::Worker)
            begin(event, SpanKind::Work, rowFor(lane, 0), laneKey(lane, 0));
        break;
    case EventKind::WorkEnd:
        if (lane.kind == LaneKind::PoolWorker || lane.kind == LaneKind::Worker)
            end(event.ts, laneKey(lane, 0));
        break;
    case EventKind::IoBegin: {
        auto free = std::find(kernelSlotBusy_.begin(), kernelSlotBusy_.end(), false);
        const auto slot = static_cast<std::uint32_t>(free - kernelSlotBusy_.begin());
        if (free == kernelSlotBusy_.end())
            kernelSlotBusy_.push_back(true);
        else
            *free = true;
        kernelSlotOf_[event.id] = slot;
        Lane kernel = lane;
        kernel.kind = LaneKind::Kernel;
        begin(event, SpanKind::Io, rowFor(kernel, slot), kKernelKeyBit | event.id);
        break;
    }
    case EventKind::IoEnd: {
        auto slot = kernelSlotOf_.find(event.id);
        if (slot == kernelSlotOf_.end())
            break;
        kernelSlotBusy_[slot->second] = false;
        kernelSlotOf_.erase(slot);
        end(event.ts, kKernelKeyBit | event.id);
        break;
    }
    case EventKind::ThreadCreate:
    case EventKind::ThreadBlock:
    case EventKind::ThreadRun:
    case EventKind::ThreadExit: {
        if (lane.kind != LaneKind::Thread)
            break;
        const std::uint64_t key = laneKey(lane, 0);
        const std::uint32_t row = rowFor(lane, 0);
        end(event.ts, key);
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
            begin(segment, kind, row, key);
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
    for (const auto& [key, open] : open_) {
        Span span = open.span;
        span.end = std::max(span.begin, endTs);
        spans.push_back(span);
        if (rows)
            rows->push_back(open.row);
    }
    return spans;
}

std::vector<SpanRef> SpanSet::spansOf(std::uint64_t id) const {
    auto it = byId_.find(id);
    if (it == byId_.end())
        return {};
    std::vector<SpanRef> refs = it->second;
    std::sort(refs.begin(), refs.end(), [&](const SpanRef& a, const SpanRef& b) {
        return rows_[a.row].spans[a.index].begin < rows_[b.row].spans[b.index].begin;
    });
    return refs;
}

Nanoseconds SpanSet::enqueuedAt(std::uint64_t id) const {
    auto it = enqueued_.find(id);
    return it == enqueued_.end() ? -1 : it->second;
}

}  // namespace loopscope
