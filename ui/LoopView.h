// Paints the event loop at one moment: the libuv phase ring, the call stack, the
// callback queues, the thread-pool lanes, worker threads and a narration line.
// One function so that the window, the projector mode and headless export draw the same.
#pragma once

#include <QPainter>
#include <QRectF>
#include <QStringList>
#include <vector>

#include "LoopState.h"
#include "Theme.h"

namespace loopscope {

// What one paint showed: where each chip is, with its whole text (the window's tooltips),
// and any text that did not fit even in smaller type and was cut (none, if the area is not
// smaller than the layout's minimum).
struct LoopViewReport {
    struct Chip {
        QRectF rect;
        QString text;  // the label and, on a second line, the detail
    };
    std::vector<Chip> chips;
    QStringList cutTexts;
};

struct LoopViewOptions {
    int threadpool = 4;     // lanes drawn even when idle
    QString caption;        // e.g. the scenario title, drawn in the header
    LoopViewReport* report = nullptr;  // filled when set
};

// The type size (pixels) the view uses in `area`: the theme's, or smaller where the area
// could not hold every panel in it (a 1280x720 projector in projector type).
double loopViewUnit(const QRectF& area, const Theme& theme);

void paintLoopView(QPainter& painter, const QRectF& area, const LoopState& state, const Theme& theme,
                   const LoopViewOptions& options = {});

}  // namespace loopscope
