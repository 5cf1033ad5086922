#include "Utf8.h"

namespace loopscope {

std::size_t utf8SequenceLength(std::string_view text, std::size_t at, std::size_t* invalidLength) {
    const auto byte = [&](std::size_t offset) -> unsigned char {
        return at + offset < text.size() ? static_cast<unsigned char>(text[at + offset]) : 0;
    };
    const auto invalid = [&](std::size_t length) -> std::size_t {
        if (invalidLength)
            *invalidLength = length;
        return 0;
    };
    const unsigned char lead = byte(0);
    if (at >= text.size())
        return invalid(0);
    if (lead < 0x80)
        return 1;
    std::size_t length = 0;
    unsigned char secondLow = 0x80;
    unsigned char secondHigh = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) secondLow = 0xA0;
        if (lead == 0xED) secondHigh = 0x9F;  // no UTF-16 surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) secondLow = 0x90;
        if (lead == 0xF4) secondHigh = 0x8F;  // nothing above U+10FFFF
    } else {
        return invalid(1);
    }
    if (byte(1) < secondLow || byte(1) > secondHigh)
        return invalid(1);
    for (std::size_t k = 2; k < length; ++k)
        if (byte(k) < 0x80 || byte(k) > 0xBF)
            return invalid(k);
    return length;
}

}  // namespace loopscope
