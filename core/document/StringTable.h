// The texts of a run file's trace, each distinct text once: events refer to a text by its
// index, so that a log line or a counter name repeated a million times is stored once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace loopscope {

// Gives each distinct text an index, in the order the texts are first seen (so that the
// same trace always makes the same table). Holds views: the texts must outlive it.
class StringTableBuilder {
public:
    std::uint32_t indexOf(std::string_view text) {
        const auto [entry, added] = indices_.try_emplace(text, std::uint32_t(texts_.size()));
        if (added)
            texts_.push_back(text);
        return entry->second;
    }
    const std::vector<std::string_view>& texts() const { return texts_; }

private:
    std::unordered_map<std::string_view, std::uint32_t> indices_;
    std::vector<std::string_view> texts_;
};

}  // namespace loopscope
