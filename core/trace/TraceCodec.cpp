#include "TraceCodec.h"

#include <cstdint>
#include <cstring>

namespace loopscope {
namespace {

void putVarint(std::string& out, std::uint64_t value) {
    char bytes[10];
    int n = 0;
    while (value >= 0x80) {
        bytes[n++] = char((value & 0x7f) | 0x80);
        value >>= 7;
    }
    bytes[n++] = char(value);
    out.append(bytes, std::size_t(n));
}

std::uint64_t zigzag(std::int64_t value) {
    return (std::uint64_t(value) << 1) ^ std::uint64_t(value >> 63);
}
std::int64_t unzigzag(std::uint64_t value) {
    return std::int64_t(value >> 1) ^ -std::int64_t(value & 1);
}

// Reads from [cursor, end); every getter reports failure instead of reading past the end.
struct Reader {
    const unsigned char* cursor;
    const unsigned char* end;
    bool ok = true;

    std::uint64_t varint() {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (cursor == end) {
                ok = false;
                return 0;
            }
            unsigned char byte = *cursor++;
            value |= std::uint64_t(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return value;
        }
        ok = false;
        return 0;
    }
    std::uint8_t byte(std::uint8_t limit) {
        if (cursor == end || *cursor > limit) {
            ok = false;
            return 0;
        }
        return *cursor++;
    }
};

constexpr std::uint8_t kLastEventKind = std::uint8_t(EventKind::ProcessMessage);
constexpr std::uint8_t kLastPhase = std::uint8_t(Phase::Close);
constexpr std::uint8_t kLastQueue = std::uint8_t(QueueKind::PoolFifo);
constexpr std::uint8_t kLastLaneKind = std::uint8_t(LaneKind::Client);

}  // namespace

void encodeTraceEvent(const TraceEvent& event, std::string& out) {
    // The fixed fields fit in 4 bytes + 9 varints of at most 10 bytes each.
    unsigned char fields[4 + 9 * 10];
    std::size_t size = 0;
    auto put = [&](std::uint64_t value) {
        while (value >= 0x80) {
            fields[size++] = static_cast<unsigned char>((value & 0x7f) | 0x80);
            value >>= 7;
        }
        fields[size++] = static_cast<unsigned char>(value);
    };
    fields[size++] = static_cast<unsigned char>(event.kind);
    fields[size++] = static_cast<unsigned char>(event.phase);
    fields[size++] = static_cast<unsigned char>(event.queue);
    fields[size++] = static_cast<unsigned char>(event.lane.kind);
    put(event.lane.process);
    put(event.lane.index);
    put(zigzag(event.ts));
    put(event.id);
    put(event.cause);
    put(zigzag(event.step.line));
    put(zigzag(event.step.column));
    put(zigzag(event.value));
    const std::size_t textSize = std::min(event.text.size(), kMaxTraceFrameBytes - 128);
    put(textSize);
    putVarint(out, size + textSize);
    out.append(reinterpret_cast<const char*>(fields), size);
    out.append(event.text.data(), textSize);
}

bool TraceDecoder::feed(const char* data, std::size_t size, std::vector<TraceEvent>& out) {
    if (failed_)
        return false;
    if (consumed_ > 0 && consumed_ == pending_.size()) {
        pending_.clear();
        consumed_ = 0;
    }
    pending_.append(data, size);
    for (;;) {
        const auto* begin = reinterpret_cast<const unsigned char*>(pending_.data()) + consumed_;
        const auto* end = reinterpret_cast<const unsigned char*>(pending_.data()) + pending_.size();
        Reader header{begin, end};
        const std::uint64_t length = header.varint();
        if (!header.ok) {
            if (end - begin >= 10)
                failed_ = true;  // a length prefix is never longer than 10 bytes
            break;
        }
        if (length > kMaxTraceFrameBytes) {
            failed_ = true;
            break;
        }
        if (std::uint64_t(end - header.cursor) < length)
            break;
        Reader r{header.cursor, header.cursor + length};
        TraceEvent event;
        event.kind = EventKind(r.byte(kLastEventKind));
        event.phase = Phase(r.byte(kLastPhase));
        event.queue = QueueKind(r.byte(kLastQueue));
        event.lane.kind = LaneKind(r.byte(kLastLaneKind));
        event.lane.process = std::uint16_t(r.varint());
        event.lane.index = std::uint32_t(r.varint());
        event.ts = unzigzag(r.varint());
        event.id = r.varint();
        event.cause = r.varint();
        event.step.line = int(unzigzag(r.varint()));
        event.step.column = int(unzigzag(r.varint()));
        event.value = unzigzag(r.varint());
        const std::uint64_t textSize = r.varint();
        if (!r.ok || std::uint64_t(r.end - r.cursor) != textSize) {
            failed_ = true;
            break;
        }
        event.text.assign(reinterpret_cast<const char*>(r.cursor), textSize);
        out.push_back(std::move(event));
        consumed_ = std::size_t(r.end - reinterpret_cast<const unsigned char*>(pending_.data()));
    }
    if (consumed_ > (1u << 16) && consumed_ * 2 > pending_.size()) {
        pending_.erase(0, consumed_);
        consumed_ = 0;
    }
    return !failed_;
}

}  // namespace loopscope
