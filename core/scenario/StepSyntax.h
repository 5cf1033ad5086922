// The steps of format 1 in one table: the keyword each is written with, its StepKind, the
// keys of its `{...}` form, whether it stands as a step of its own and whether it returns a
// promise. stepKeyword, the reader and its messages all read it.
#pragma once

#include <span>
#include <string_view>

#include "Scenario.h"

namespace loopscope {

struct StepSyntax {
    StepKind kind;
    const char* keyword;
    std::span<const std::string_view> options;  // keys of its `{...}` form; empty when none
    bool standsAlone;                           // written `- keyword:`; `sleep` is only awaited
    bool returnsPromise;                        // may be awaited: `- await: {keyword: ...}`
};

// Every step kind once, in the order messages list them.
std::span<const StepSyntax> stepSyntaxes();

const StepSyntax& stepSyntaxOf(StepKind kind);
// Nothing when no step is written `keyword`.
const StepSyntax* stepSyntaxOf(std::string_view keyword);

// The keywords of the steps that stand alone, for "did you mean" and "expected one of".
std::span<const std::string_view> standaloneStepKeywords();
// The keywords of the steps that return a promise.
std::span<const std::string_view> promiseStepKeywords();

}  // namespace loopscope
