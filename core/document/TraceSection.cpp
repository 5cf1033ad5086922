#include "TraceSection.h"

#include <limits>
#include <vector>

#include "RunFile.h"
#include "RunFileBytes.h"
#include "StringTable.h"

namespace loopscope {
namespace {

// Which of an event's optional fields follow its shape and time (an absent one is 0 or
// empty, or, for the lane, the lane of the event before).
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
// A shape index and a time delta: no event is shorter.
constexpr std::size_t kSmallestEvent = 2;
// A lane is its kind, process and index; a shape its kind, phase and queue, field flags.
constexpr std::size_t kSmallestLane = 3;
constexpr std::size_t kShapeBytes = 3;

// What an event is, apart from its numbers: kind, phase, queue and which fields follow. A
// run has a few dozen of them, each written once in the shape table; an event is then its
// shape's index, one byte.
struct Shape {
    EventKind kind = EventKind::RunBegin;
    Phase phase = Phase::None;
    QueueKind queue = QueueKind::None;
    std::uint8_t flags = 0;
};

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

class ShapeTableBuilder {
public:
    ShapeTableBuilder() : indices_(std::size_t(kLastEventKind + 1) * 256 * (kAllFieldFlags + 1), kNone) {}
    std::uint32_t indexOf(const TraceEvent& event, std::uint8_t flags) {
        const std::size_t key = (std::size_t(event.kind) * 256 + phaseAndQueue(event)) * (kAllFieldFlags + 1) + flags;
        if (indices_[key] == kNone) {
            indices_[key] = std::uint32_t(shapes_.size());
            shapes_.push_back(Shape{event.kind, event.phase, event.queue, flags});
        }
        return indices_[key];
    }
    const std::vector<Shape>& shapes() const { return shapes_; }
    static std::uint8_t phaseAndQueue(const TraceEvent& event) {
        return std::uint8_t(std::uint8_t(event.phase) | std::uint8_t(event.queue) << 4);
    }

private:
    static constexpr std::uint32_t kNone = ~std::uint32_t(0);
    std::vector<std::uint32_t> indices_;
    std::vector<Shape> shapes_;
};

struct TableBuilders {
    StringTableBuilder texts;
    LaneTableBuilder lanes;
    ShapeTableBuilder shapes;
};

std::uint8_t fieldFlags(const TraceEvent& event, const EventContext& context) {
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
    return flags;
}

void encodeEvent(const TraceEvent& event, EventContext& context, TableBuilders& tables, ByteWriter& out) {
    const std::uint8_t flags = fieldFlags(event, context);
    out.varint(tables.shapes.indexOf(event, flags));
    out.signedVarint(wrappingDelta(std::uint64_t(event.ts), context.ts));
    context.ts = std::uint64_t(event.ts);
    if (flags & kLaneFollows) {
        out.varint(tables.lanes.indexOf(event.lane));
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
        out.varint(tables.texts.indexOf(event.text));
}

void writeTables(const TableBuilders& tables, ByteWriter& out) {
    out.varint(tables.texts.texts().size());
    for (std::string_view text : tables.texts.texts())
        out.text(text);
    out.varint(tables.lanes.lanes().size());
    for (const Lane& lane : tables.lanes.lanes()) {
        out.byte(std::uint8_t(lane.kind));
        out.varint(lane.process);
        out.varint(lane.index);
    }
    out.varint(tables.shapes.shapes().size());
    for (const Shape& shape : tables.shapes.shapes()) {
        out.byte(std::uint8_t(shape.kind));
        out.byte(std::uint8_t(std::uint8_t(shape.phase) | std::uint8_t(shape.queue) << 4));
        out.byte(shape.flags);
    }
}

int intFrom(std::int64_t value, ByteReader& in, std::size_t start, const char* what) {
    if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
        in.failAt(start, std::string(what) + " " + std::to_string(value) + " out of range");
    return int(value);
}

struct Tables {
    std::vector<std::string> texts;
    std::vector<Lane> lanes;
    std::vector<Shape> shapes;
};

Shape readShape(ByteReader& in) {
    Shape shape;
    shape.kind = EventKind(in.enumByte(kLastEventKind, "event kind"));
    const std::uint8_t phaseAndQueue = in.byte();
    if ((phaseAndQueue & 0xf) > kLastPhase || (phaseAndQueue >> 4) > kLastQueue)
        in.failAt(in.position() - 1, "phase " + std::to_string(phaseAndQueue & 0xf) + " and queue " +
                                         std::to_string(phaseAndQueue >> 4) + ": out of range (phases 0 to " +
                                         std::to_string(kLastPhase) + ", queues 0 to " + std::to_string(kLastQueue) +
                                         ")");
    shape.phase = Phase(phaseAndQueue & 0xf);
    shape.queue = QueueKind(phaseAndQueue >> 4);
    shape.flags = in.enumByte(kAllFieldFlags, "field flags");
    return shape;
}

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
    const std::uint64_t shapeCount = in.count(kShapeBytes, "shapes");
    tables.shapes.reserve(shapeCount);
    for (std::uint64_t k = 0; k < shapeCount; ++k)
        tables.shapes.push_back(readShape(in));
    return tables;
}

// An index into a table of `size` entries; `what` names it.
std::size_t tableIndex(ByteReader& in, std::size_t size, const char* what, const char* table) {
    if (size == 0)
        in.fail(std::string("a ") + what + ", but the " + table + " is empty");
    return std::size_t(in.boundedVarint(size - 1, what));
}

void decodeStep(ByteReader& in, EventContext& context, TraceEvent& event) {
    const std::size_t lineStart = in.position();
    const std::int64_t delta = in.signedVarint();
    // Checked before the sum, which could overflow: a real delta is within int's range twice.
    if (delta < -(std::int64_t(1) << 33) || delta > (std::int64_t(1) << 33))
        in.failAt(lineStart, "a line delta " + std::to_string(delta) + " out of range");
    context.line = intFrom(context.line + delta, in, lineStart, "line");
    const std::size_t columnStart = in.position();
    event.step = SourceLocation{int(context.line), intFrom(in.signedVarint(), in, columnStart, "column")};
}

void decodeEvent(ByteReader& in, const Tables& tables, EventContext& context, TraceEvent& event) {
    const Shape& shape = tables.shapes[tableIndex(in, tables.shapes.size(), "shape index", "shape table")];
    event.kind = shape.kind;
    event.phase = shape.phase;
    event.queue = shape.queue;
    const std::uint8_t flags = shape.flags;
    context.ts += std::uint64_t(in.signedVarint());
    event.ts = Nanoseconds(context.ts);
    if (flags & kLaneFollows)
        context.lane = tables.lanes[tableIndex(in, tables.lanes.size(), "lane index", "lane table")];
    event.lane = context.lane;
    if (flags & kIdFollows)
        context.id += std::uint64_t(in.signedVarint());
    event.id = flags & kIdFollows ? context.id : 0;
    if (flags & kCauseFollows)
        context.cause += std::uint64_t(in.signedVarint());
    event.cause = flags & kCauseFollows ? context.cause : 0;
    if (flags & kStepFollows)
        decodeStep(in, context, event);
    else
        event.step = SourceLocation{};
    event.value = flags & kValueFollows ? in.signedVarint() : 0;
    if (flags & kTextFollows)
        event.text = tables.texts[tableIndex(in, tables.texts.size(), "string index", "string table")];
    else
        event.text.clear();
}

}  // namespace

namespace {

// `forEachEvent(f)` calls f with each of the `count` events in order.
template <typename ForEachEvent>
std::string encodeEvents(std::size_t count, ForEachEvent forEachEvent) {
    TableBuilders tables;
    ByteWriter events;
    EventContext context;
    forEachEvent([&](const TraceEvent& event) { encodeEvent(event, context, tables, events); });
    ByteWriter out;
    writeTables(tables, out);
    out.varint(count);
    out.raw(events.bytes());
    return std::move(out.bytes());
}

}  // namespace

std::string encodeTraceSection(const Trace& trace) {
    return encodeEvents(trace.size(), [&](const auto& encode) {
        for (const TraceEvent& event : trace)
            encode(event);
    });
}

std::string encodeTraceSection(const PackedTrace& trace) {
    return encodeEvents(trace.size(), [&](const auto& encode) {
        for (auto cursor = trace.cursor(); !cursor.atEnd(); cursor.next())
            encode(cursor.event());
    });
}

bool decodeTraceSection(std::string_view content, const std::string& where, TraceSectionSink& sink) {
    ByteReader in(content, where);
    const Tables tables = readTables(in);
    const std::uint64_t eventCount = in.count(kSmallestEvent, "events", kMaxRunFileEvents);
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
