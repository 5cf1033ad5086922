#include "JsonString.h"

namespace loopscope {

namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

bool isContinuation(unsigned char byte, unsigned char low = 0x80, unsigned char high = 0xBF) {
    return byte >= low && byte <= high;
}

// Length of the valid UTF-8 sequence starting at text[at], or 0 with `invalidLength` set
// to the length of the maximal invalid subpart to replace (Unicode's "substitution of
// maximal subparts").
std::size_t validSequenceLength(std::string_view text, std::size_t at, std::size_t& invalidLength) {
    const auto byte = [&](std::size_t offset) -> unsigned char {
        return at + offset < text.size() ? static_cast<unsigned char>(text[at + offset]) : 0;
    };
    const unsigned char lead = byte(0);
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
        invalidLength = 1;
        return 0;
    }
    if (!isContinuation(byte(1), secondLow, secondHigh)) {
        invalidLength = 1;
        return 0;
    }
    for (std::size_t i = 2; i < length; ++i) {
        if (!isContinuation(byte(i))) {
            invalidLength = i;
            return 0;
        }
    }
    return length;
}

void appendEscapedControl(std::string& out, unsigned char byte) {
    switch (byte) {
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: break;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    const char escaped[] = {'\\', 'u', '0', '0', kHex[byte >> 4], kHex[byte & 0xF]};
    out.append(escaped, sizeof escaped);
}

}  // namespace

void appendJsonString(std::string& out, std::string_view text) {
    out += '"';
    std::size_t runStart = 0;  // plain bytes are copied in runs, not one by one
    std::size_t at = 0;
    const auto flushRun = [&] { out.append(text.data() + runStart, at - runStart); };
    while (at < text.size()) {
        const auto byte = static_cast<unsigned char>(text[at]);
        if (byte >= 0x20 && byte < 0x80 && byte != '"' && byte != '\\') {
            ++at;
            continue;
        }
        if (byte >= 0x80) {
            std::size_t invalidLength = 0;
            if (const std::size_t length = validSequenceLength(text, at, invalidLength)) {
                at += length;
                continue;
            }
            flushRun();
            out += kReplacementCharacter;
            at += invalidLength;
            runStart = at;
            continue;
        }
        flushRun();
        if (byte < 0x20) {
            appendEscapedControl(out, byte);
        } else {
            out += '\\';
            out += static_cast<char>(byte);
        }
        ++at;
        runStart = at;
    }
    flushRun();
    out += '"';
}

}  // namespace loopscope
