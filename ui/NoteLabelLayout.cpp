#include "NoteLabelLayout.h"

#include <algorithm>
#include <limits>

namespace loopscope {

std::vector<NoteLabelPlace> placeNoteLabels(const std::vector<NoteLabelBox>& boxes, double left, double right,
                                            int lines) {
    lines = std::max(1, lines);
    constexpr double kGap = 6;  // pixels between two labels on one line
    std::vector<double> lineEnd(std::size_t(lines), -std::numeric_limits<double>::infinity());
    std::vector<NoteLabelPlace> places;
    places.reserve(boxes.size());
    for (const NoteLabelBox& box : boxes) {
        NoteLabelPlace place;
        place.alignRight = box.x + box.width > right && box.x - box.width >= left;
        const double start = place.alignRight ? box.x - box.width : box.x;
        const auto free = std::find_if(lineEnd.begin(), lineEnd.end(), [&](double end) { return end + kGap <= start; });
        const auto chosen = free != lineEnd.end() ? free : std::min_element(lineEnd.begin(), lineEnd.end());
        place.line = int(chosen - lineEnd.begin());
        *chosen = start + box.width;
        places.push_back(place);
    }
    return places;
}

}  // namespace loopscope
