// The texts of a run file's trace, each distinct text once: events refer to a text by its
// index, so that a log line or a counter name repeated a million times is stored once.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace loopscope {

// Gives each distinct text an index, in the order the texts are first seen (so that the
// same trace always makes the same table). Keeps its own copy of each text: the events
// it is given may be gone by the end (a packed run is encoded from one reused event).
class StringTableBuilder {
public:
    std::uint32_t indexOf(std::string_view text) {
        if (const auto found = indices_.find(text); found != indices_.end())
            return found->second;
        const std::string_view kept = owned_.emplace_back(text);  // a deque never moves its elements
        texts_.push_back(kept);
        return indices_.emplace(kept, std::uint32_t(texts_.size() - 1)).first->second;
    }
    const std::vector<std::string_view>& texts() const { return texts_; }

private:
    std::deque<std::string> owned_;
    std::unordered_map<std::string_view, std::uint32_t> indices_;
    std::vector<std::string_view> texts_;
};

}  // namespace loopscope
