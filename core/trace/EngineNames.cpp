#include "EngineNames.h"

namespace loopscope {
namespace {

const EngineNames* find(EngineKind kind) {
    for (const EngineNames& engine : kEngineNames)
        if (engine.kind == kind)
            return &engine;
    return nullptr;
}

}  // namespace

const char* engineName(EngineKind kind) {
    const EngineNames* engine = find(kind);
    return engine ? engine->name : "?";
}

const char* engineLabel(EngineKind kind) {
    const EngineNames* engine = find(kind);
    return engine ? engine->label : "?";
}

std::optional<EngineKind> engineNamed(std::string_view name) {
    for (const EngineNames& engine : kEngineNames)
        if (name == engine.name)
            return engine.kind;
    return std::nullopt;
}

}  // namespace loopscope
