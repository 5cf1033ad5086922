// A run's events kept compactly, for runs of millions of events: what a window or a
// command line holds while it shows or exports a run. An event takes a few bytes (its
// fields packed, timestamps and ids as deltas from the event before, texts, lanes and
// steps each stored once in a table); a block index makes any event reachable by
// decoding at most kBlockEvents of them. `TraceEvent` stays the type every engine,
// the pipe and the pure functions speak: events go in and come out as TraceEvents.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "LargeBuffers.h"
#include "TraceEvent.h"

namespace loopscope {

// Distinct texts, each stored once in one character arena and named by a small number
// (0 is the empty text).
class TextTable {
public:
    TextTable();
    std::uint32_t intern(std::string_view text);
    std::string_view text(std::uint32_t index) const;
    std::size_t size() const { return ends_.size(); }
    std::size_t memoryBytes() const;
    void clear();

private:
    void grow();
    std::uint32_t* slotFor(std::string_view text, std::uint64_t hash);

    std::string arena_;
    std::vector<std::uint64_t> ends_;   // text i is arena_[ends_[i-1], ends_[i])
    std::vector<std::uint32_t> slots_;  // open addressing: 0 empty, else index + 1
};

class PackedTrace {
public:
    static constexpr std::size_t kBlockEvents = 64;

    void append(const TraceEvent& event);
    void clear();
    static PackedTrace fromTrace(const Trace& trace);

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    // The event at `index` (< size()); decodes from its block's start.
    TraceEvent at(std::size_t index) const;
    Nanoseconds timestampAt(std::size_t index) const;
    // Events [begin, end) as an ordinary Trace (an export, a test).
    Trace toTrace(std::size_t begin = 0, std::size_t end = static_cast<std::size_t>(-1)) const;
    // How many leading events happened by `time`: events arrive ordered per lane, so their
    // timestamps may interleave slightly across lanes; a running maximum keeps this monotone.
    std::size_t countUpTo(Nanoseconds time) const;
    // The latest timestamp so far.
    Nanoseconds endTime() const { return maxTs_; }

    const TextTable& texts() const { return texts_; }
    // The memory the trace uses (its bytes, block index and tables).
    std::size_t memoryBytes() const;

    // Reads events in order, one decode each; the event it shows is reused between steps.
    class Cursor {
    public:
        Cursor(const PackedTrace& trace, std::size_t position);
        bool atEnd() const { return position_ >= trace_->size_; }
        std::size_t position() const { return position_; }
        // The event at position() (not atEnd()).
        const TraceEvent& event() const { return event_; }
        void next();

    private:
        struct Previous {
            Nanoseconds ts = 0;
            std::uint32_t lane = 0;
            std::uint64_t id = 0;
        };
        void decode();

        const PackedTrace* trace_;
        std::size_t position_;
        std::size_t offset_ = 0;  // where the event after event_ starts (as in blockOffsets_)
        Previous previous_;
        TraceEvent event_;
    };
    Cursor cursor(std::size_t position = 0) const { return Cursor(*this, position); }

private:
    friend class Cursor;
    std::uint32_t laneIndex(const Lane& lane);
    std::uint32_t stepIndex(const SourceLocation& step);

    // The bytes, in chunks that are never moved (growing one big buffer would copy it all
    // each time it doubles); a block lies within one chunk.
    static constexpr int kChunkShift = 21;  // a huge page (LargeBuffers.h)
    static constexpr std::size_t kChunkBytes = std::size_t(1) << kChunkShift;
    static constexpr std::size_t kMaxEventBytes = 2 + 7 * 10;  // two bytes and seven varints
    struct ChunkDeleter {
        void operator()(std::uint8_t* chunk) const { LargeBufferAllocator<std::uint8_t>().deallocate(chunk, kChunkBytes); }
    };
    std::vector<std::unique_ptr<std::uint8_t[], ChunkDeleter>> chunks_;
    std::size_t chunkUsed_ = 0;
    std::vector<std::uint64_t> blockOffsets_;  // where event k * kBlockEvents starts: chunk << kChunkShift | offset
    std::vector<Nanoseconds> blockMaxTs_;      // the running maximum ts at each block's end
    std::vector<Lane> lanes_{Lane{}};
    std::unordered_map<std::uint64_t, std::uint32_t> laneIndex_;
    std::vector<SourceLocation> steps_{SourceLocation{}};
    std::unordered_map<std::uint64_t, std::uint32_t> stepIndex_;
    std::uint32_t lastStep_ = 0;  // events in a row often share a step
    TextTable texts_;
    std::size_t size_ = 0;
    Nanoseconds maxTs_ = 0;
    // The event before the next one appended (reset at each block start).
    Nanoseconds previousTs_ = 0;
    std::uint32_t previousLane_ = 0;
    std::uint64_t previousId_ = 0;
};

}  // namespace loopscope
