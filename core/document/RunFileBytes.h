// The bytes of a run file, written and read: LEB128 varints (signed ones zig-zag encoded),
// little-endian fixed-width integers and length-prefixed texts. The reader checks every read
// against the end of its bytes and reports damage by throwing RunFileDamage with what was
// expected and where, so that a damaged file is refused, never misread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace loopscope {

// What is wrong with a run file's bytes; the message says what and where, without the file's name.
class RunFileDamage : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

constexpr std::uint64_t zigzagEncode(std::int64_t value) {
    return (std::uint64_t(value) << 1) ^ (std::uint64_t(0) - (std::uint64_t(value) >> 63));
}
constexpr std::int64_t zigzagDecode(std::uint64_t value) {
    return std::int64_t((value >> 1) ^ (std::uint64_t(0) - (value & 1)));
}

class ByteWriter {
public:
    void byte(std::uint8_t value) { bytes_.push_back(char(value)); }
    void varint(std::uint64_t value) {
        char buffer[10];
        int size = 0;
        while (value >= 0x80) {
            buffer[size++] = char((value & 0x7f) | 0x80);
            value >>= 7;
        }
        buffer[size++] = char(value);
        bytes_.append(buffer, std::size_t(size));
    }
    void signedVarint(std::int64_t value) { varint(zigzagEncode(value)); }
    void fixed32(std::uint32_t value);
    void fixed64(std::uint64_t value);
    void text(std::string_view value) {
        varint(value.size());
        bytes_.append(value);
    }
    void raw(std::string_view value) { bytes_.append(value); }

    std::string& bytes() { return bytes_; }

private:
    std::string bytes_;
};

// Reads `bytes`, which it does not own. Errors name the place as "<where>, byte N".
class ByteReader {
public:
    ByteReader(std::string_view bytes, std::string where) : bytes_(bytes), where_(std::move(where)) {}

    std::size_t position() const { return position_; }
    std::size_t remaining() const { return bytes_.size() - position_; }
    bool atEnd() const { return position_ == bytes_.size(); }

    std::uint8_t byte() {
        if (position_ == bytes_.size())
            fail("the content ends where a byte was expected");
        return std::uint8_t(bytes_[position_++]);
    }
    // A byte that must be at most `last`; `what` names it in the error ("event kind").
    std::uint8_t enumByte(std::uint8_t last, const char* what) {
        const std::uint8_t value = byte();
        if (value > last)
            failOutOfRange(position_ - 1, what, value, last);
        return value;
    }
    std::uint64_t varint() {
        if (position_ < bytes_.size() && std::uint8_t(bytes_[position_]) < 0x80)
            return std::uint8_t(bytes_[position_++]);
        return longVarint();
    }
    std::int64_t signedVarint() { return zigzagDecode(varint()); }
    // A varint that must be at most `last`.
    std::uint64_t boundedVarint(std::uint64_t last, const char* what) {
        const std::size_t start = position_;
        const std::uint64_t value = varint();
        if (value > last)
            failOutOfRange(start, what, value, last);
        return value;
    }
    // A count of items of at least `minimumBytes` each: refused when it is over `most` or
    // when the bytes left could not hold that many, so that no damaged count makes anyone
    // reserve memory for it.
    std::uint64_t count(std::size_t minimumBytes, const char* what, std::uint64_t most = ~std::uint64_t(0));
    std::uint32_t fixed32();
    std::uint64_t fixed64();
    std::string_view text();
    std::string_view raw(std::size_t size);

    [[noreturn]] void fail(const std::string& problem) const;
    [[noreturn]] void failAt(std::size_t position, const std::string& problem) const;

private:
    std::uint64_t longVarint();
    [[noreturn]] void failOutOfRange(std::size_t position, const char* what, std::uint64_t value,
                                     std::uint64_t last) const;

    std::string_view bytes_;
    std::size_t position_ = 0;
    std::string where_;
};

}  // namespace loopscope
