#include <cstdio>

#include "CommandLine.h"
#include "RunOptions.h"
#include "ScenarioParser.h"

namespace loopscope {

int runHeadless(const RunOptions& options) {
    ParseResult parsed = parseScenarioFile(options.scenarioPath.toStdString());
    for (const Diagnostic& d : parsed.diagnostics)
        std::fprintf(stderr, "%s\n", d.format().c_str());
    if (!parsed.ok())
        return kExitBadInput;
    std::fprintf(stderr, "loopscope: no engine is built yet; `run` can only check the scenario\n");
    return kExitRunFailed;
}

}  // namespace loopscope
