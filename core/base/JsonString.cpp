#include "JsonString.h"

#include "Utf8.h"

namespace loopscope {

namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

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
            if (const std::size_t length = utf8SequenceLength(text, at, &invalidLength)) {
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
