// Lanes for things that come and go (worker threads): each takes the lowest lane free when
// it starts and gives it back when it ends, so that the picture stays as compact as the
// most that ran at once. Not thread-safe: its owner locks if it must.
#pragma once

#include <cstdint>
#include <vector>

namespace loopscope {

class LowestFreeLane {
public:
    std::uint32_t take() {
        std::uint32_t index = 0;
        while (index < busy_.size() && busy_[index])
            ++index;
        if (index == busy_.size())
            busy_.push_back(false);
        busy_[index] = true;
        return index;
    }
    void give(std::uint32_t index) {
        if (index < busy_.size())
            busy_[index] = false;
    }

private:
    std::vector<bool> busy_;
};

}  // namespace loopscope
