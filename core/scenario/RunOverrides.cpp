#include "RunOverrides.h"

#include "QuantityText.h"

namespace loopscope {

namespace {

std::optional<Nanoseconds> duration(std::string_view text) {
    const QuantityParse parsed = parseDurationText(text);
    if (!parsed.ok() || parsed.value > kMaxDuration)
        return std::nullopt;
    return Nanoseconds(parsed.value);
}

}  // namespace

std::optional<LoadWave> parseLoadWaveText(std::string_view text, std::string& error) {
    const std::string shown(text);
    const std::size_t at = text.find('@');
    if (at == std::string_view::npos) {
        error = "--load takes N@TIME or N@TIME/SPACING (such as 10@1s/5ms), not '" + shown + "'";
        return std::nullopt;
    }
    const IntegerParse requests = parseIntegerText(text.substr(0, at));
    if (!requests.ok || requests.value < 1 || requests.value > kMaxRequestsPerRun) {
        error = "--load sends from 1 to " + std::to_string(kMaxRequestsPerRun) + " requests, not '" +
                std::string(text.substr(0, at)) + "'";
        return std::nullopt;
    }
    std::string_view rest = text.substr(at + 1);
    const std::size_t slash = rest.find('/');
    LoadWave wave;
    wave.requests = int(requests.value);
    const std::optional<Nanoseconds> start = duration(rest.substr(0, slash));
    if (!start) {
        error = "--load: '" + std::string(rest.substr(0, slash)) + "' is not a time such as 500ms or 1s";
        return std::nullopt;
    }
    wave.at = *start;
    if (slash != std::string_view::npos) {
        const std::optional<Nanoseconds> spacing = duration(rest.substr(slash + 1));
        if (!spacing) {
            error = "--load: '" + std::string(rest.substr(slash + 1)) + "' is not a spacing such as 5ms";
            return std::nullopt;
        }
        wave.spacing = *spacing;
    }
    return wave;
}

std::optional<Nanoseconds> parseHorizonText(std::string_view text, std::string& error) {
    const std::optional<Nanoseconds> horizon = duration(text);
    if (!horizon || *horizon <= 0) {
        error = "--horizon must be a time above 0 and at most an hour, such as 5s, not '" + std::string(text) + "'";
        return std::nullopt;
    }
    return horizon;
}

}  // namespace loopscope
