// The problems the reader finds in a scenario, collected as it goes and handed over in
// file order, cut short when there are too many to help.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "TextProblem.h"

namespace loopscope {

// Beyond this many, a file is mostly wrong and more messages would not help.
constexpr std::size_t kMaxReportedProblems = 50;

class ProblemLog {
public:
    void fail(SourceLocation where, std::string message) { problems_.push_back({where, std::move(message)}); }

    // The known name `typed` was most likely meant to be. Past the problems that will be
    // shown, suggestions are not worth their time: a file of thousands of unknown keys must
    // still be rejected quickly.
    std::optional<std::string_view> suggestion(std::string_view typed, std::span<const std::string_view> known) const;

    // The problems in file order; past kMaxReportedProblems, one line counts the rest.
    std::vector<TextProblem> take();

private:
    std::vector<TextProblem> problems_;
};

}  // namespace loopscope
