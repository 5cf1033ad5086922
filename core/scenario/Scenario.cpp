#include "Scenario.h"

#include "StepSyntax.h"

namespace loopscope {

const char* stepKeyword(StepKind kind) {
    for (const StepSyntax& step : stepSyntaxes())
        if (step.kind == kind)
            return step.keyword;
    return "?";
}

bool runsOnThreadPool(StepKind kind) {
    return kind == StepKind::ReadFile || kind == StepKind::Pbkdf2 || kind == StepKind::Gzip ||
           kind == StepKind::DnsLookup;
}

bool computesOnThreadPool(StepKind kind) {
    return kind == StepKind::Pbkdf2 || kind == StepKind::Gzip || kind == StepKind::DnsLookup;
}

int Scenario::totalRequests() const {
    int total = 0;
    for (const LoadWave& wave : load)
        total += wave.requests;
    return total;
}

}  // namespace loopscope
