// libFuzzer target: any bytes given to the import of Node's traces must give a run or an
// error placed in the text ("fuzz.json:LINE:COLUMN: expected ..."), never a crash, a hang
// or unbounded memory; a run it gives is ordered from RunBegin to RunEnd.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "NodeTraceImport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const loopscope::NodeTraceResult result = loopscope::parseNodeTrace(text, "fuzz.json");
    (void)loopscope::looksLikeChromeTrace(text);

    if (result.document.has_value() == !result.error.empty())
        __builtin_trap();
    if (!result.document) {
        if (result.error.rfind("fuzz.json:", 0) != 0 || result.error.find("expected") == std::string::npos)
            __builtin_trap();
        return 0;
    }
    const loopscope::RunDocument& document = *result.document;
    if (document.runs.size() != 1 || document.limits.empty())
        __builtin_trap();
    const loopscope::Trace& trace = document.runs[0].trace;
    if (trace.size() < 2 || trace.front().kind != loopscope::EventKind::RunBegin ||
        trace.back().kind != loopscope::EventKind::RunEnd)
        __builtin_trap();
    for (std::size_t k = 1; k < trace.size(); ++k)
        if (trace[k].ts < trace[k - 1].ts || trace[k].ts < 0)
            __builtin_trap();
    return 0;
}
