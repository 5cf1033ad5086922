// Reads a scenario file (format 1, see DESIGN.md) into a Scenario value.
// Every problem becomes a Diagnostic naming file:line:column and what was expected;
// independent problems are all reported, not just the first.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "Diagnostic.h"
#include "Scenario.h"

namespace loopscope {

struct ParseResult {
    std::optional<Scenario> scenario;  // set only when there are no diagnostics
    Diagnostics diagnostics;
    bool ok() const { return scenario.has_value() && diagnostics.empty(); }
};

// Largest scenario file accepted; bigger files are refused before YAML sees them.
constexpr std::size_t kMaxScenarioFileBytes = 4 * 1024 * 1024;

ParseResult parseScenarioFile(const std::string& path);
// `displayName` is the file name used in diagnostics.
ParseResult parseScenarioText(std::string_view text, const std::string& displayName);

// "250us", "20ms", "1.5s", or a bare number of milliseconds, into nanoseconds.
std::optional<Nanoseconds> parseDuration(std::string_view text);
// "64KiB", "1MiB", "512" (bytes), into bytes.
std::optional<std::int64_t> parseSize(std::string_view text);

}  // namespace loopscope
