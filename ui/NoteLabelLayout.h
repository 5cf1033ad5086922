// Where the timeline's note labels go, so that none hides another: a pure function of
// pixel geometry, tested without a window.
#pragma once

#include <vector>

namespace loopscope {

struct NoteLabelBox {
    double x = 0;      // pixel of the note's line
    double width = 0;  // pixels the label needs
};

struct NoteLabelPlace {
    int line = 0;             // 0 = the top line of the notes' band
    bool alignRight = false;  // the label ends at its line instead of starting there
};

// In time order: each label starts at its line, or ends there when it would cross `right`
// otherwise; it goes on the first of `lines` lines where it overlaps no label placed
// before it, or, when every line is taken, on the line whose labels end first.
std::vector<NoteLabelPlace> placeNoteLabels(const std::vector<NoteLabelBox>& boxes, double left, double right,
                                            int lines);

}  // namespace loopscope
