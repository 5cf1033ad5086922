#include "RunFileBytes.h"

namespace loopscope {

void ByteWriter::fixed32(std::uint32_t value) {
    for (int shift = 0; shift < 32; shift += 8)
        bytes_.push_back(char((value >> shift) & 0xff));
}

void ByteWriter::fixed64(std::uint64_t value) {
    for (int shift = 0; shift < 64; shift += 8)
        bytes_.push_back(char((value >> shift) & 0xff));
}

std::uint64_t ByteReader::longVarint() {
    const std::size_t start = position_;
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (position_ == bytes_.size())
            failAt(start, "the content ends inside a number");
        const std::uint8_t byte = std::uint8_t(bytes_[position_++]);
        // The tenth byte holds bit 63 only: anything more does not fit in 64 bits.
        if (shift == 63 && byte > 1)
            failAt(start, "a number longer than 64 bits (a varint too long)");
        value |= std::uint64_t(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return value;
    }
    failAt(start, "a number longer than 64 bits (a varint too long)");
}

std::uint64_t ByteReader::count(std::size_t minimumBytes, const char* what, std::uint64_t most) {
    const std::size_t start = position_;
    const std::uint64_t value = varint();
    if (value > most)
        failAt(start, std::to_string(value) + " " + what + ", more than the " + std::to_string(most) +
                          " a run file may hold");
    if (value > remaining() / minimumBytes)
        failAt(start, std::to_string(value) + " " + what + " cannot fit in the " + std::to_string(remaining()) +
                          " bytes left");
    return value;
}

std::uint32_t ByteReader::fixed32() {
    const std::string_view bytes = raw(4);
    std::uint32_t value = 0;
    for (int k = 3; k >= 0; --k)
        value = (value << 8) | std::uint8_t(bytes[std::size_t(k)]);
    return value;
}

std::uint64_t ByteReader::fixed64() {
    const std::string_view bytes = raw(8);
    std::uint64_t value = 0;
    for (int k = 7; k >= 0; --k)
        value = (value << 8) | std::uint8_t(bytes[std::size_t(k)]);
    return value;
}

std::string_view ByteReader::text() {
    const std::size_t start = position_;
    const std::uint64_t size = varint();
    if (size > remaining())
        failAt(start, "a text of " + std::to_string(size) + " bytes, but only " + std::to_string(remaining()) +
                          " are left");
    return raw(std::size_t(size));
}

std::string_view ByteReader::raw(std::size_t size) {
    if (size > remaining())
        fail("the content ends " + std::to_string(size - remaining()) + " bytes too early");
    const std::string_view bytes = bytes_.substr(position_, size);
    position_ += size;
    return bytes;
}

void ByteReader::fail(const std::string& problem) const {
    failAt(position_, problem);
}

void ByteReader::failAt(std::size_t position, const std::string& problem) const {
    throw RunFileDamage(where_ + ", byte " + std::to_string(position) + ": " + problem);
}

void ByteReader::failOutOfRange(std::size_t position, const char* what, std::uint64_t value,
                                std::uint64_t last) const {
    failAt(position, std::string(what) + " " + std::to_string(value) + " out of range (0 to " +
                                  std::to_string(last) + ")");
}

}  // namespace loopscope
