// What each engine is called: its name on the command line, in the engine child's
// arguments and in reports ("event-loop"), and its label for people ("event loop").
// The one table of them; every layer above reads it.
#pragma once

#include <optional>
#include <string_view>

#include "TraceEvent.h"

namespace loopscope {

struct EngineNames {
    EngineKind kind;
    const char* name;   // "event-loop": command lines, files, the summary table
    const char* label;  // "event loop": legends, pictures, trace viewers
};

inline constexpr EngineNames kEngineNames[] = {
    {EngineKind::EventLoop, "event-loop", "event loop"},
    {EngineKind::ThreadPerRequest, "thread-per-request", "thread per request"},
    {EngineKind::Model, "model", "model"},
};

const char* engineName(EngineKind kind);
const char* engineLabel(EngineKind kind);
// The engine with that name ("event-loop"), if there is one.
std::optional<EngineKind> engineNamed(std::string_view name);

}  // namespace loopscope
