#include "TraceSection.h"

#include <limits>
#include <vector>

#include "RunFileBytes.h"
#include "StringTable.h"

namespace loopscope {
namespace {

// Which of an event's optional fields follow its fixed bytes (an absent one is 0 or empty,
// or, for the lane, the lane of the event before).
enum FieldFlag : std::uint8_t {
    kLaneFollows = 1,
    kIdFollows = 2,
    kCauseFollows = 4,
    kStepFollows = 8,
    kValueFollows = 16,
    kTextFollows = 32,
};
constexpr std::uint8_t kAllFieldFlags = 63;

constexpr std::uint8_t kLastEventKind = std::uint8_t(EventKind::ProcessMessage);
constexpr std::uint8_t kLastPhase = std::uint8_t(Phase::Close);
constexpr std::uint8_t kLastQueue = std::uint8_t(QueueKind::PoolFifo);
constexpr std::uint8_t kLastLaneKind = std::uint8_t(LaneKind::Client);
// Kind, phase and queue, field flags, the time delta: no event is shorter.
constexpr std::size_t kSmallestEvent = 4;
// A lane is its kind, process and index.
constexpr std::size_t kSmallestLane = 3;

// The state both sides keep from one event to the next, for the deltas.
struct EventContext {
    std::uint64_t ts = 0;  // unsigned: a delta between any two int64 values wraps exactly
    std::uint64_t id = 0;
    std::uint64_t cause = 0;
    std::int64_t line = 0;
    Lane lane;
};

std::int64_t wrappingDelta(std::uint64_t to, std::uint64_t from) {
    return std::int64_t(to - from);
}

class LaneTableBuilder {
public:
    std::uint64_t indexOf(const Lane& lane) {
        for (std::size_t k = 0; k < lanes_.size(); ++k)  // a run has a few dozen lanes at most
            if (lanes_[k] == lane)
                return k;
        lanes_.push_back(lane);
        return lanes_.size() - 1;
    }
    const std::vector<Lane>& lanes() const { return lanes_; }

private:
    std::vector<Lane> lanes_;
};

void encodeEvent(const TraceEvent& event, EventContext& context, std::uint64_t laneIndex, std::uint32_t textIndex,
                 ByteWriter& out) {
    std::uint8_t flags = 0;
    if (!(event.lane == context.lane))
        flags |= kLaneFollows;
    if (event.id != 0)
        flags |= kIdFollows;
    if (event.cause != 0)
        flags |= kCauseFollows;
    if (!(event.step == SourceLocation{}))
        flags |= kStepFollows;
    if (event.value != 0)
        flags |= kValueFollows;
    if (!event.text.empty())
        flags |= kTextFollows;
    out.byte(std::uint8_t(event.kind));
    out.byte(std::uint8_t(std::uint8_t(event.phase) | std::uint8_t(event.queue) << 4));
    out.byte(flags);
    out.signedVarint(wrappingDelta(std::uint64_t(event.ts), context.ts));
    context.ts = std::uint64_t(event.ts);
    if (flags & kLaneFollows) {
        out.varint(laneIndex);
        context.lane = event.lane;
    }
    if (flags & kIdFollows) {
        out.signedVarint(wrappingDelta(event.id, context.id));
        context.id = event.id;
    }
    if (flags & kCauseFollows) {
        out.signedVarint(wrappingDelta(event.cause, context.cause));
        context.cause = event.cause;
    }
    if (flags & kStepFollows) {
        out.signedVarint(std::int64_t(event.step.line) - context.line);
        out.signedVarint(event.step.column);
        context.line = event.step.line;
    }
    if (flags & kValueFollows)
        out.signedVarint(event.value);
    if (flags & kTextFollows)
        out.varint(textIndex);
}

int intFrom(std::int64_t value, ByteReader& in, std::size_t start, const char* what) {
    if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
        in.failAt(start, std::string(what) + " " + std::to_string(value) + " out of range");
    return int(value);
}

struct Tables {
    std::vector<std::string> texts;
    std::vector<Lane> lanes;
};

Tables readTables(ByteReader& in) {
    Tables tables;
    const std::uint64_t textCount = in.count(1, "texts");
    tables.texts.reserve(textCount);
    for (std::uint64_t k = 0; k < textCount; ++k)
        tables.texts.emplace_back(in.text());
    const std::uint64_t laneCount = in.count(kSmallestLane, "lanes");
    tables.lanes.reserve(laneCount);
    for (std::uint64_t k = 0; k < laneCount; ++k) {
        Lane lane;
        lane.kind = LaneKind(in.enumByte(kLastLaneKind, "lane kind"));
        lane.process = std::uint16_t(in.boundedVarint(std::numeric_limits<std::uint16_t>::max(), "lane process"));
        lane.index = std::uint32_t(in.boundedVarint(std::numeric_limits<std::uint32_t>::max(), "lane index"));
        tables.lanes.push_back(lane);
    }
    return tables;
}

void decodeEvent(ByteReader& in, const Tables& tables, EventContext& context, TraceEvent& event) {
    event.kind = EventKind(in.enumByte(kLastEventKind, "event kind"));
    const std::uint8_t phaseAndQueue = in.byte();
    if ((phaseAndQueue & 0xf) > kLastPhase || (phaseAndQueue >> 4) > kLastQueue)
        in.failAt(in.position() - 1, "phase " + std::to_string(phaseAndQueue & 0xf) + " and queue " +
                                         std::to_string(phaseAndQueue >> 4) + ": out of range (phases 0 to " +
                                         std::to_string(kLastPhase) + ", queues 0 to " + std::to_string(kLastQueue) +
                                         ")");
    event.phase = Phase(phaseAndQueue & 0xf);
    event.queue = QueueKind(phaseAndQueue >> 4);
    const std::uint8_t flags = in.enumByte(kAllFieldFlags, "field flags");
    context.ts += std::uint64_t(in.signedVarint());
    event.ts = Nanoseconds(context.ts);
    if (flags & kLaneFollows) {
        if (tables.lanes.empty())
            in.fail("a lane index, but the lane table is empty");
        context.lane = tables.lanes[in.boundedVarint(tables.lanes.size() - 1, "lane index")];
    }
    event.lane = context.lane;
    if (flags & kIdFollows)
        context.id += std::uint64_t(in.signedVarint());
    event.id = flags & kIdFollows ? context.id : 0;
    if (flags & kCauseFollows)
        context.cause += std::uint64_t(in.signedVarint());
    event.cause = flags & kCauseFollows ? context.cause : 0;
    if (flags & kStepFollows) {
        const std::size_t lineStart = in.position();
        const std::int64_t delta = in.signedVarint();
        // Checked before the sum, which could overflow: a real delta is within int's range twice.
        if (delta < -(std::int64_t(1) << 33) || delta > (std::int64_t(1) << 33))
            in.failAt(lineStart, "a line delta " + std::to_string(delta) + " out of range");
        context.line = intFrom(context.line + delta, in, lineStart, "line");
        const std::size_t columnStart = in.position();
        event.step = SourceLocation{int(context.line), intFrom(in.signedVarint(), in, columnStart, "column")};
    } else {
        event.step = SourceLocation{};
    }
    event.value = flags & kValueFollows ? in.signedVarint() : 0;
    if (flags & kTextFollows) {
        if (tables.texts.empty())
            in.fail("a text index, but the string table is empty");
        event.text = tables.texts[in.boundedVarint(tables.texts.size() - 1, "string index")];
    } else {
        event.text.clear();
    }
}

}  // namespace

std::string encodeTraceSection(const Trace& trace) {
    StringTableBuilder texts;
    LaneTableBuilder lanes;
    std::vector<std::uint32_t> textIndices(trace.size());
    std::vector<std::uint32_t> laneIndices(trace.size());
    for (std::size_t k = 0; k < trace.size(); ++k) {
        textIndices[k] = trace[k].text.empty() ? 0 : texts.indexOf(trace[k].text);
        laneIndices[k] = std::uint32_t(lanes.indexOf(trace[k].lane));
    }
    ByteWriter out;
    out.varint(texts.texts().size());
    for (std::string_view text : texts.texts())
        out.text(text);
    out.varint(lanes.lanes().size());
    for (const Lane& lane : lanes.lanes()) {
        out.byte(std::uint8_t(lane.kind));
        out.varint(lane.process);
        out.varint(lane.index);
    }
    out.varint(trace.size());
    EventContext context;
    for (std::size_t k = 0; k < trace.size(); ++k)
        encodeEvent(trace[k], context, laneIndices[k], textIndices[k], out);
    return std::move(out.bytes());
}

bool decodeTraceSection(std::string_view content, const std::string& where, TraceSectionSink& sink) {
    ByteReader in(content, where);
    const Tables tables = readTables(in);
    const std::uint64_t eventCount = in.count(kSmallestEvent, "events");
    sink.begin(eventCount);
    EventContext context;
    TraceEvent event;
    for (std::uint64_t k = 0; k < eventCount; ++k) {
        if (k % kEventsBetweenChecks == 0 && !sink.keepGoing(double(in.position()) / double(content.size())))
            return false;
        try {
            decodeEvent(in, tables, context, event);
        } catch (const RunFileDamage& damage) {
            throw RunFileDamage(std::string(damage.what()) + " (event " + std::to_string(k + 1) + " of " +
                                std::to_string(eventCount) + ")");
        }
        sink.event(event);
    }
    if (!in.atEnd())
        in.fail(std::to_string(in.remaining()) + " bytes after the last event");
    return true;
}

}  // namespace loopscope
