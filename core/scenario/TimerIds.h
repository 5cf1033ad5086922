// The `id`s that setTimeout and setInterval declare, and the clearTimeout and
// clearInterval steps that name them. A clear may come before the timer it names (in a
// callback, say), so the two are matched once the whole file has been read.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "ProblemLog.h"
#include "Scenario.h"

namespace loopscope {

class TimerIds {
public:
    void declare(const std::string& id) { declared_.insert(id); }
    void clear(const std::string& id, SourceLocation where, StepKind kind) { clears_.push_back({id, where, kind}); }

    // Reports every clear that names no declared timer.
    void checkClears(ProblemLog& log) const;

private:
    struct Clear {
        std::string id;
        SourceLocation where;
        StepKind kind;
    };
    std::set<std::string, std::less<>> declared_;
    std::vector<Clear> clears_;
};

}  // namespace loopscope
