// The parts every slide is painted from: its layout (title band, body, legend), the header,
// the legend of the span kinds drawn, a framed panel, text that never overflows its box,
// and the timeline as the window draws it, laid out at the slide's size but never shown.
// SlideRenderer (one run) and CompareSlide (two runs) paint with them.
#pragma once

#include <QColor>
#include <QRectF>
#include <QSize>
#include <QString>
#include <memory>
#include <set>
#include <utility>
#include <vector>

#include "Scenario.h"
#include "Theme.h"
#include "TraceSpans.h"

class QPainter;
class QFont;

namespace loopscope {

class TimelineView;

struct LegendEntry {
    QColor color;
    QString label;
};

QString spanKindLabel(SpanKind kind, QueueKind queue);
// Which kinds of span occur, in a stable order, so the legend names only what is drawn.
void collectSpanKinds(const SpanSet& set, std::set<std::pair<int, int>>& kinds);
// One legend entry per colour: kinds drawn in one colour share it.
std::vector<LegendEntry> spanLegend(const std::set<std::pair<int, int>>& kinds, const Theme& theme);

struct SlideOptions;
// A slide's start: its theme for the size, the painter set for it, the background filled.
// Call painter.save() before, painter.restore() after the slide.
Theme beginSlide(QPainter& painter, const SlideOptions& options);

struct SlideLayout {
    QRectF header;
    QRectF body;
    QRectF footer;
};
SlideLayout layoutSlide(const QSizeF& size, double unit, bool legend);

void drawText(QPainter& painter, const QRectF& r, const QString& text, const QFont& font, const QColor& color,
              int flags = Qt::AlignLeft | Qt::AlignVCenter);
void paintHeader(QPainter& painter, const QRectF& r, const Theme& theme, const QString& title, const QString& subtitle,
                 const QString& badge);
void paintLegend(QPainter& painter, const QRectF& r, const Theme& theme, const std::vector<LegendEntry>& entries);
// Every other row of a table is shaded, so that the eye follows a row across.
void paintZebraRow(QPainter& painter, const QRectF& row, const Theme& theme);
// The body's panel frame with a title; returns the area inside it.
QRectF paintPanel(QPainter& painter, const QRectF& r, const Theme& theme, const QString& title);

// A TimelineView laid out like a window of the slide's size, never on screen, showing
// every lane (a picture cannot scroll). Rebuilt when the size or the theme changes.
class SlideTimeline {
public:
    SlideTimeline();
    ~SlideTimeline();
    // Either set may be empty; `names` prefix each set's lanes when a slide shows two runs.
    TimelineView& at(const Theme& theme, const QSize& size, const SpanSet& first, const SpanSet& second,
                     const std::vector<Note>& notes, const QString& firstName = {}, const QString& secondName = {});

private:
    std::unique_ptr<TimelineView> view_;
    QSize size_;
    QString theme_;
};

}  // namespace loopscope
