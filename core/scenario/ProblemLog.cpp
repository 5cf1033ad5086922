#include "ProblemLog.h"

#include <algorithm>

#include "ClosestName.h"

namespace loopscope {

std::optional<std::string_view> ProblemLog::suggestion(std::string_view typed,
                                                       std::span<const std::string_view> known) const {
    if (problems_.size() >= kMaxReportedProblems)
        return std::nullopt;
    return closestName(typed, known);
}

std::vector<TextProblem> ProblemLog::take() {
    std::vector<TextProblem> problems = std::move(problems_);
    problems_.clear();
    std::stable_sort(problems.begin(), problems.end(), [](const TextProblem& a, const TextProblem& b) {
        return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
    });
    if (problems.size() > kMaxReportedProblems) {
        const std::size_t hidden = problems.size() - kMaxReportedProblems;
        problems.resize(kMaxReportedProblems + 1);
        problems.back().message = "and " + std::to_string(hidden) + " more errors; fix the ones above first";
    }
    return problems;
}

}  // namespace loopscope
