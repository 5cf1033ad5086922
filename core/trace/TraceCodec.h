// The compact binary form of TraceEvents on the pipe from an engine child to its parent.
//
// Each event is a frame: varint payload length, then the payload (fields in declaration
// order of TraceEvent; small enums as bytes, integers as LEB128 varints, signed ones
// zig-zag encoded, text as length + bytes). Length-prefixed frames let the reader cut a
// byte stream that arrives in arbitrary chunks back into whole events.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "TraceEvent.h"

namespace loopscope {

// Appends the frame of `event` to `out`.
void encodeTraceEvent(const TraceEvent& event, std::string& out);

// Turns a byte stream (in chunks of any size) back into events.
class TraceDecoder {
public:
    // Decodes every whole frame available and appends it to `out`. Returns false (and
    // stays failed) when the stream is corrupt: a frame that does not decode exactly.
    bool feed(const char* data, std::size_t size, std::vector<TraceEvent>& out);
    // Bytes of an incomplete frame waiting for the rest of the stream.
    std::size_t pendingBytes() const { return pending_.size() - consumed_; }
    bool failed() const { return failed_; }

private:
    std::string pending_;
    std::size_t consumed_ = 0;
    bool failed_ = false;
};

// Largest frame accepted (a log line is at most this long, with room to spare).
constexpr std::size_t kMaxTraceFrameBytes = 1 << 20;

}  // namespace loopscope
