#include "PackedTrace.h"

#include <algorithm>
#include <functional>

namespace loopscope {
namespace {

// An event's first byte is its kind and queue together, its second its phase and which
// of the optional fields follow.
constexpr unsigned kQueueKinds = static_cast<unsigned>(QueueKind::PoolFifo) + 1;
constexpr unsigned kEventKinds = static_cast<unsigned>(EventKind::ProcessMessage) + 1;
static_assert(kEventKinds * kQueueKinds <= 256, "kind and queue share one byte");
static_assert(static_cast<unsigned>(Phase::Close) < 8, "a phase takes three bits");

constexpr std::uint8_t kPhaseMask = 0x07;
constexpr std::uint8_t kHasLane = 0x08;       // the lane differs from the event before
constexpr std::uint8_t kHasId = 0x10;         // id != 0 (as a delta from the last id)
constexpr std::uint8_t kHasValue = 0x20;
constexpr std::uint8_t kHasText = 0x40;
constexpr std::uint8_t kHasCauseStep = 0x80;  // cause or step set

std::uint64_t zigzag(std::int64_t value) {
    return (static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63);
}

std::int64_t unzigzag(std::uint64_t value) {
    return static_cast<std::int64_t>(value >> 1) ^ -static_cast<std::int64_t>(value & 1);
}

// Deltas between any two timestamps, even the extremes, wrap around as unsigned numbers do.
std::int64_t wrappingDifference(std::int64_t a, std::int64_t b) {
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) - static_cast<std::uint64_t>(b));
}

std::int64_t wrappingSum(std::int64_t a, std::int64_t b) {
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
}

std::uint64_t readVarint(const std::uint8_t* bytes, std::size_t& offset) {
    std::uint64_t value = 0;
    for (int shift = 0;; shift += 7) {
        const std::uint8_t byte = bytes[offset++];
        value |= std::uint64_t(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return value;
    }
}

std::uint64_t laneKey(const Lane& lane) {
    return (std::uint64_t(lane.kind) << 48) | (std::uint64_t(lane.process) << 32) | lane.index;
}

std::uint64_t stepKey(const SourceLocation& step) {
    return (std::uint64_t(std::uint32_t(step.line)) << 32) | std::uint32_t(step.column);
}

}  // namespace

TextTable::TextTable() { clear(); }

void TextTable::clear() {
    arena_.clear();
    ends_.assign(1, 0);  // text 0: the empty text
    slots_.assign(1024, 0);
}

std::string_view TextTable::text(std::uint32_t index) const {
    const std::uint64_t begin = index == 0 ? 0 : ends_[index - 1];
    return std::string_view(arena_).substr(begin, ends_[index] - begin);
}

std::uint32_t* TextTable::slotFor(std::string_view text, std::uint64_t hash) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask)
        if (slots_[i] == 0 || this->text(slots_[i] - 1) == text)
            return &slots_[i];
}

void TextTable::grow() {
    std::vector<std::uint32_t> old(slots_.size() * 2, 0);
    old.swap(slots_);
    for (std::uint32_t slot : old)
        if (slot != 0)
            *slotFor(text(slot - 1), std::hash<std::string_view>{}(text(slot - 1))) = slot;
}

std::uint32_t TextTable::intern(std::string_view text) {
    if (text.empty())
        return 0;
    const std::uint64_t hash = std::hash<std::string_view>{}(text);
    std::uint32_t* slot = slotFor(text, hash);
    if (*slot != 0)
        return *slot - 1;
    const auto index = static_cast<std::uint32_t>(ends_.size());
    arena_.append(text);
    ends_.push_back(arena_.size());
    *slot = index + 1;
    if (ends_.size() * 2 > slots_.size())  // at most half full: probes stay short
        grow();
    return index;
}

std::size_t TextTable::memoryBytes() const {
    return arena_.capacity() + ends_.capacity() * sizeof(std::uint64_t) + slots_.capacity() * sizeof(std::uint32_t);
}

void PackedTrace::clear() { *this = PackedTrace(); }

PackedTrace PackedTrace::fromTrace(const Trace& trace) {
    PackedTrace packed;
    for (const TraceEvent& event : trace)
        packed.append(event);
    return packed;
}

std::uint32_t PackedTrace::laneIndex(const Lane& lane) {
    if (lane == lanes_[previousLane_])
        return previousLane_;
    if (lane == Lane{})
        return 0;
    auto [it, added] = laneIndex_.try_emplace(laneKey(lane), static_cast<std::uint32_t>(lanes_.size()));
    if (added)
        lanes_.push_back(lane);
    return it->second;
}

std::uint32_t PackedTrace::stepIndex(const SourceLocation& step) {
    if (step == SourceLocation{})
        return 0;
    if (step == steps_[lastStep_])
        return lastStep_;
    auto [it, added] = stepIndex_.try_emplace(stepKey(step), static_cast<std::uint32_t>(steps_.size()));
    if (added)
        steps_.push_back(step);
    lastStep_ = it->second;
    return it->second;
}

void PackedTrace::append(const TraceEvent& event) {
    if (size_ % kBlockEvents == 0) {
        // Each block decodes on its own: the deltas start over.
        if (chunks_.empty() || chunkUsed_ + kBlockEvents * kMaxEventBytes > kChunkBytes) {
            chunks_.emplace_back(LargeBufferAllocator<std::uint8_t>().allocate(kChunkBytes));
            chunkUsed_ = 0;
        }
        blockOffsets_.push_back(((chunks_.size() - 1) << kChunkShift) | chunkUsed_);
        blockMaxTs_.push_back(size_ == 0 ? event.ts : maxTs_);
        previousTs_ = 0;
        previousLane_ = 0;
        previousId_ = 0;
    }
    const std::uint32_t lane = laneIndex(event.lane);
    const std::uint32_t text = texts_.intern(event.text);
    const std::uint32_t step = stepIndex(event.step);
    std::uint8_t flags = static_cast<std::uint8_t>(event.phase) & kPhaseMask;
    flags |= lane != previousLane_ ? kHasLane : 0;
    flags |= event.id != 0 ? kHasId : 0;
    flags |= event.value != 0 ? kHasValue : 0;
    flags |= text != 0 ? kHasText : 0;
    flags |= (event.cause != 0 || step != 0) ? kHasCauseStep : 0;
    std::uint8_t* encoded = chunks_.back().get() + chunkUsed_;
    std::size_t length = 0;
    auto put = [&](std::uint64_t value) {
        while (value >= 0x80) {
            encoded[length++] = static_cast<std::uint8_t>(value | 0x80);
            value >>= 7;
        }
        encoded[length++] = static_cast<std::uint8_t>(value);
    };
    encoded[length++] = static_cast<std::uint8_t>(unsigned(event.kind) * kQueueKinds + unsigned(event.queue));
    encoded[length++] = flags;
    put(zigzag(wrappingDifference(event.ts, previousTs_)));
    if (flags & kHasLane)
        put(lane);
    if (flags & kHasId)
        put(zigzag(static_cast<std::int64_t>(event.id - previousId_)));
    if (flags & kHasValue)
        put(zigzag(event.value));
    if (flags & kHasText)
        put(text);
    if (flags & kHasCauseStep) {
        put(event.cause);
        put(step);
    }
    chunkUsed_ += length;
    previousTs_ = event.ts;
    previousLane_ = lane;
    if (event.id != 0)
        previousId_ = event.id;
    maxTs_ = size_ == 0 ? event.ts : std::max(maxTs_, event.ts);
    blockMaxTs_.back() = maxTs_;
    ++size_;
}

PackedTrace::Cursor::Cursor(const PackedTrace& trace, std::size_t position)
    : trace_(&trace), position_(std::min(position, trace.size_)) {
    const std::size_t block = position_ / kBlockEvents;
    if (block >= trace.blockOffsets_.size())
        return;
    offset_ = trace.blockOffsets_[block];
    const std::size_t target = position_;
    position_ = block * kBlockEvents;
    decode();
    while (position_ < target)
        next();
}

void PackedTrace::Cursor::next() {
    if (atEnd())
        return;
    ++position_;
    if (!atEnd())
        decode();
}

void PackedTrace::Cursor::decode() {
    if (position_ % kBlockEvents == 0) {
        previous_ = Previous{};
        offset_ = trace_->blockOffsets_[position_ / kBlockEvents];
    }
    const std::uint8_t* bytes = trace_->chunks_[offset_ >> kChunkShift].get();
    std::size_t local = offset_ & (kChunkBytes - 1);
    const std::size_t chunkStart = offset_ - local;
    const std::uint8_t kindQueue = bytes[local++];
    const std::uint8_t flags = bytes[local++];
    event_.kind = static_cast<EventKind>(kindQueue / kQueueKinds);
    event_.queue = static_cast<QueueKind>(kindQueue % kQueueKinds);
    event_.phase = static_cast<Phase>(flags & kPhaseMask);
    event_.ts = wrappingSum(previous_.ts, unzigzag(readVarint(bytes, local)));
    if (flags & kHasLane)
        previous_.lane = static_cast<std::uint32_t>(readVarint(bytes, local));
    event_.lane = trace_->lanes_[previous_.lane];
    event_.id = 0;
    if (flags & kHasId) {
        event_.id = previous_.id + static_cast<std::uint64_t>(unzigzag(readVarint(bytes, local)));
        previous_.id = event_.id;
    }
    event_.value = (flags & kHasValue) ? unzigzag(readVarint(bytes, local)) : 0;
    if (flags & kHasText)
        event_.text.assign(trace_->texts_.text(static_cast<std::uint32_t>(readVarint(bytes, local))));
    else
        event_.text.clear();
    event_.cause = 0;
    event_.step = SourceLocation{};
    if (flags & kHasCauseStep) {
        event_.cause = readVarint(bytes, local);
        event_.step = trace_->steps_[readVarint(bytes, local)];
    }
    previous_.ts = event_.ts;
    offset_ = chunkStart + local;
}

TraceEvent PackedTrace::at(std::size_t index) const { return cursor(index).event(); }

Nanoseconds PackedTrace::timestampAt(std::size_t index) const { return cursor(index).event().ts; }

Trace PackedTrace::toTrace(std::size_t begin, std::size_t end) const {
    end = std::min(end, size_);
    Trace trace;
    if (begin >= end)
        return trace;
    trace.reserve(end - begin);
    for (Cursor c = cursor(begin); c.position() < end; c.next())
        trace.push_back(c.event());
    return trace;
}

std::size_t PackedTrace::countUpTo(Nanoseconds time) const {
    // The first block whose running maximum passes `time` holds the answer.
    const auto block = static_cast<std::size_t>(
        std::upper_bound(blockMaxTs_.begin(), blockMaxTs_.end(), time) - blockMaxTs_.begin());
    if (block >= blockMaxTs_.size())
        return size_;
    Nanoseconds runningMax = block == 0 ? 0 : blockMaxTs_[block - 1];
    for (Cursor c = cursor(block * kBlockEvents); !c.atEnd(); c.next()) {
        runningMax = c.position() == 0 ? c.event().ts : std::max(runningMax, c.event().ts);
        if (runningMax > time)
            return c.position();
    }
    return size_;
}

std::size_t PackedTrace::memoryBytes() const {
    // A chunk's tail that was never written takes no memory: what is counted is what is used.
    const std::size_t used = chunks_.empty() ? 0 : (chunks_.size() - 1) * kChunkBytes + chunkUsed_;
    return used + blockOffsets_.capacity() * sizeof(std::uint64_t) +
           blockMaxTs_.capacity() * sizeof(Nanoseconds) + lanes_.capacity() * sizeof(Lane) +
           steps_.capacity() * sizeof(SourceLocation) + texts_.memoryBytes() +
           (laneIndex_.size() + stepIndex_.size()) * 32;
}

}  // namespace loopscope
