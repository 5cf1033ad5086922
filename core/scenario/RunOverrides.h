// What a command line puts over a scenario's own settings, so that a bare program can
// run without a scenario file: --threadpool, --cores, --horizon and --load N@TIME[/SPACING]
// (N requests sent at TIME, SPACING apart).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "Scenario.h"

namespace loopscope {

// "10@1s/5ms" (or "10@1s"); nullopt with `error` set when it is not one.
std::optional<LoadWave> parseLoadWaveText(std::string_view text, std::string& error);
// "--horizon 5s": a duration above 0 and at most kMaxDuration.
std::optional<Nanoseconds> parseHorizonText(std::string_view text, std::string& error);

}  // namespace loopscope
