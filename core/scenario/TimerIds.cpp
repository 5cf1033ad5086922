#include "TimerIds.h"

#include "MessageText.h"

namespace loopscope {

void TimerIds::checkClears(ProblemLog& log) const {
    // Suggestions compare with every declared id; beyond this many they cost too much.
    constexpr std::size_t kMostIdsCompared = 1000;
    std::vector<std::string_view> declared;
    if (declared_.size() <= kMostIdsCompared)
        declared.assign(declared_.begin(), declared_.end());
    for (const Clear& clear : clears_) {
        if (declared_.count(clear.id))
            continue;
        std::string message = "no timer in this scenario has `id: " + clear.id + "`; " + quoted(stepKeyword(clear.kind)) +
                              " needs the `id` of a setTimeout or setInterval";
        if (auto suggestion = log.suggestion(clear.id, declared))
            message += " (did you mean " + quoted(*suggestion) + "?)";
        log.fail(clear.where, message);
    }
}

}  // namespace loopscope
