// libFuzzer target: any bytes given to the scenario parser must give a Scenario or
// positioned diagnostics, never a crash, a hang or unbounded memory.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ScenarioParser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const loopscope::ParseResult result = loopscope::parseScenarioText(text, "fuzz.yaml");

    // The contract callers rely on: a scenario exactly when there is nothing to report,
    // and every report placed in the text and worded.
    if (result.scenario.has_value() == !result.diagnostics.empty())
        __builtin_trap();
    for (const loopscope::Diagnostic& diagnostic : result.diagnostics) {
        if (diagnostic.line < 1 || diagnostic.column < 1 || diagnostic.message.empty())
            __builtin_trap();
        if (diagnostic.format().empty())
            __builtin_trap();
    }

    if (size < 64) {
        (void)loopscope::parseDuration(text);
        (void)loopscope::parseSize(text);
    }
    return 0;
}
