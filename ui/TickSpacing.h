// Tick labels that never touch: an axis's tick step leaves room for its labels at the
// length the axis has on screen now, so a narrow plot (three side by side on a 1280x720
// projector, in projector type) shows fewer ticks instead of labels written over each other.
#pragma once

#include <qcustomplot.h>

namespace loopscope {

// A ticker whose step is the smallest of 1, 2, 2.5 and 5 times a power of ten that puts
// neighbouring ticks at least `labelPixels` apart on an axis `axisPixels` long, whatever
// range it shows (QCustomPlot's own aims at a number of ticks, however long the axis).
// Labels are drawn as QCPAxisTicker draws them.
class SpacedTicker : public QCPAxisTicker {
public:
    void setSpacing(double axisPixels, double labelPixels);
    double labelPixels() const { return labelPixels_; }
    // Ticks on whole numbers only (request numbers, thread counts).
    void setWholeNumbers(bool on) { wholeNumbers_ = on; }

protected:
    double getTickStep(const QCPRange& range) override;

private:
    double axisPixels_ = 0;
    double labelPixels_ = 0;
    bool wholeNumbers_ = false;
};

// Gives each axis of `plot` whose ticker is a SpacedTicker the spacing its labels need
// (their width across a horizontal axis, their height up a vertical one), after every
// layout: a resize or new type replots once more with the step that fits.
void keepTickLabelsApart(QCustomPlot& plot);

// The least gap, in pixels, between two neighbouring tick labels.
inline constexpr double kTickLabelGap = 8.0;

}  // namespace loopscope
