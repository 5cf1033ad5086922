// libFuzzer target: any bytes read as a run file give a document or a worded error naming
// the file, never a crash, a hang or unbounded memory; and what reads reads the same after
// being written again.
//
// A checksum guards every byte of a real file, so mutations of one are refused before they
// reach the decoders: inputs that do not start with the magic go to the section decoders
// directly (their first byte chooses which), so that those are explored too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "DocumentSection.h"
#include "RunFile.h"
#include "RunFileBytes.h"
#include "TraceSection.h"

namespace {

using namespace loopscope;

bool sameEvent(const TraceEvent& a, const TraceEvent& b) {
    return a.ts == b.ts && a.kind == b.kind && a.phase == b.phase && a.queue == b.queue && a.lane == b.lane &&
           a.id == b.id && a.cause == b.cause && a.step == b.step && a.value == b.value && a.text == b.text;
}

class Collector : public TraceSectionSink {
public:
    void begin(std::uint64_t) override {}
    void event(TraceEvent& event) override { trace.push_back(event); }
    bool keepGoing(double fraction) override {
        if (fraction < 0 || fraction > 1)
            __builtin_trap();
        return true;
    }
    Trace trace;
};

void fuzzWholeFile(std::string_view bytes) {
    const RunFileResult result = decodeRunFile(bytes, "fuzz.lsrun");
    if (result.document.has_value() == !result.error.empty())
        __builtin_trap();
    if (!result.document) {
        if (result.error.rfind("fuzz.lsrun: ", 0) != 0)
            __builtin_trap();
        return;
    }
    // Written again, it reads back to a document that writes the very same bytes.
    const std::string again = encodeRunFile(*result.document);
    const RunFileResult reread = decodeRunFile(again, "again.lsrun");
    if (!reread.document || encodeRunFile(*reread.document) != again)
        __builtin_trap();
}

void fuzzTraceSection(std::string_view content) {
    Collector first;
    try {
        decodeTraceSection(content, "fuzz", first);
    } catch (const RunFileDamage& damage) {
        if (std::string_view(damage.what()).rfind("fuzz, byte ", 0) != 0)
            __builtin_trap();
        return;
    }
    // What decoded encodes to bytes that decode to the very same events.
    Collector second;
    decodeTraceSection(encodeTraceSection(first.trace), "again", second);
    if (second.trace.size() != first.trace.size())
        __builtin_trap();
    for (std::size_t k = 0; k < first.trace.size(); ++k)
        if (!sameEvent(first.trace[k], second.trace[k]))
            __builtin_trap();
}

void fuzzDocumentSection(std::string_view content) {
    try {
        const RunDocument document = decodeDocumentSection(content, "fuzz");
        if (encodeDocumentSection(decodeDocumentSection(encodeDocumentSection(document), "again")) !=
            encodeDocumentSection(document))
            __builtin_trap();
    } catch (const RunFileDamage& damage) {
        if (std::string_view(damage.what()).rfind("fuzz, byte ", 0) != 0)
            __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    (void)looksLikeRunFile(bytes);
    if (size == 0 || data[0] == 0x89) {
        fuzzWholeFile(bytes);
        return 0;
    }
    if (data[0] & 1)
        fuzzTraceSection(bytes.substr(1));
    else
        fuzzDocumentSection(bytes.substr(1));
    return 0;
}
