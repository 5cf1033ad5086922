#include "ProgramFile.h"

namespace loopscope {

namespace {

bool endsWith(const std::string& text, const char* suffix) {
    const std::string end(suffix);
    return text.size() > end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

}  // namespace

bool isJavaScriptFile(const std::string& path) {
    return endsWith(path, ".js") || endsWith(path, ".cjs") || endsWith(path, ".mjs");
}

Scenario programScenario(const std::string& path) {
    Scenario scenario;
    scenario.sourcePath = path;
    scenario.program = path;
    const std::size_t slash = path.rfind('/');
    scenario.title = slash == std::string::npos ? path : path.substr(slash + 1);
    scenario.runtime.module = endsWith(path, ".mjs") ? ModuleKind::Esm : ModuleKind::CommonJs;
    return scenario;
}

}  // namespace loopscope
