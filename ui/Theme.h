// Colours and type sizes shared by every painted view (screen, projector, export).
#pragma once

#include <QColor>
#include <QFont>
#include <QString>

#include "TraceEvent.h"
#include "TraceSpans.h"

namespace loopscope {

struct Theme {
    QString name;
    bool isDark = false;
    QColor background, panel, panelBorder, text, mutedText, accent, lit, litText, ring, grid, playhead;
    QColor nextTick, microtask, timer, io, poll, check, close, pool, kernel, worker, main, running, blocked, dense;
    QColor eventLoopEngine, threadPerRequestEngine;  // an engine's figures where both are compared
    int fontPx = 14;  // base text size; projector mode raises it

    static Theme light();
    static Theme dark();
    // The same palette with type and strokes big enough to read from the back of a room.
    static Theme projector(const Theme& base);
    static Theme byName(const QString& name);  // "light", "dark", "print"

    QFont font(double scale = 1.0, bool bold = false) const;
    QColor queueColor(QueueKind queue) const;
    QColor spanColor(SpanKind kind, QueueKind queue) const;
    QColor engineColor(EngineKind engine) const;
};

}  // namespace loopscope
