// How every plot looks, in the window and in exported pictures: the panel behind it, its
// axes, ticks, grid and type in the theme's colours.
#pragma once

#include "Theme.h"

class QCustomPlot;

namespace loopscope {

void applyPlotTheme(QCustomPlot& plot, const Theme& theme);

}  // namespace loopscope
