// Placeholder until the format-1 parser lands: reports that it cannot read files yet.
#include "ScenarioParser.h"

namespace loopscope {

ParseResult parseScenarioFile(const std::string& path) {
    ParseResult result;
    result.diagnostics.push_back({path, 0, 0, "the scenario parser is not built yet"});
    return result;
}

ParseResult parseScenarioText(std::string_view, const std::string& displayName) {
    return parseScenarioFile(displayName);
}

std::optional<Nanoseconds> parseDuration(std::string_view) { return std::nullopt; }
std::optional<std::int64_t> parseSize(std::string_view) { return std::nullopt; }

}  // namespace loopscope
