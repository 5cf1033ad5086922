// Paints the event loop at one moment: the libuv phase ring, the call stack, the
// callback queues, the thread-pool lanes, worker threads and a narration line.
// One function so that the window, the projector mode and headless export draw the same.
#pragma once

#include <QPainter>
#include <QRectF>

#include "LoopState.h"
#include "Theme.h"

namespace loopscope {

struct LoopViewOptions {
    int threadpool = 4;     // lanes drawn even when idle
    QString caption;        // e.g. the scenario title, drawn in the header
};

void paintLoopView(QPainter& painter, const QRectF& area, const LoopState& state, const Theme& theme,
                   const LoopViewOptions& options = {});

}  // namespace loopscope
