// Draws the busy intervals of many lanes on a QCustomPlot, with level of detail:
// only spans in view are visited, and spans narrower than a few pixels merge into
// one block, so a replot draws O(width) rectangles per row however long the trace is.
#pragma once

#include <qcustomplot.h>

#include <vector>

#include "TraceSpans.h"
#include "Theme.h"

namespace loopscope {

struct TimelineRow {
    enum class Kind { Spans, ThreadsRunning, ThreadsBlocked };
    Kind kind = Kind::Spans;
    const SpanSet* set = nullptr;
    int row = -1;  // row of `set` (Kind::Spans)
    QString name;
};

struct SpanHit {
    int displayRow = -1;
    Span span;
    bool valid() const { return displayRow >= 0; }
};

class SpanPlottable : public QCPAbstractPlottable {
    Q_OBJECT
public:
    explicit SpanPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis);

    void setRows(std::vector<TimelineRow> rows);
    const std::vector<TimelineRow>& rows() const { return rows_; }
    void setTheme(const Theme& theme);
    // Spans still open (a live run) are drawn up to this time.
    void setLiveEnd(Nanoseconds end) { liveEnd_ = end; }
    void setSelectedSpan(const SpanHit& hit) { selected_ = hit; }
    const SpanHit& selectedSpan() const { return selected_; }
    // Spans narrower than this many pixels merge with their neighbours.
    void setMergePixels(double pixels) { mergePixels_ = pixels; }
    // Only rows first .. first + count - 1 are drawn and hit (the others are scrolled away);
    // a count below 0 shows every row.
    void setShownRows(int first, int count);
    // The least height of a row whose bar holds a span's label in this theme's type.
    static double minimumRowPixels(const Theme& theme);
    // A bar's top and bottom, as shares of its row's height.
    static constexpr double kBarTop = 0.14;
    static constexpr double kBarBottom = 0.86;
    // The type of the labels written on the bars.
    QFont labelFont() const { return theme_.font(0.8); }

    SpanHit spanAt(const QPointF& pixel) const;
    // Rectangles drawn by the last replot (for tests and benchmarks of the level of detail).
    int lastDrawnRects() const { return lastDrawnRects_; }

    double selectTest(const QPointF& pos, bool onlySelectable, QVariant* details = nullptr) const override;
    QCPRange getKeyRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange& inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    void drawRow(QCPPainter* painter, int displayRow, const SpanRow& row, const SpanSet& set);
    void drawThreadCounts(QCPPainter* painter, int displayRow, const TimelineRow& row);
    void drawOpenSpans(QCPPainter* painter);
    void drawFlows(QCPPainter* painter);
    QRectF spanRect(int displayRow, double x0, double x1) const;
    bool isShown(int displayRow) const;
    int displayRowOf(const SpanSet* set, int row) const;

    std::vector<TimelineRow> rows_;
    Theme theme_ = Theme::light();
    Nanoseconds liveEnd_ = -1;
    SpanHit selected_;
    double mergePixels_ = 3.0;
    int firstShown_ = 0;
    int shownCount_ = -1;
    int lastDrawnRects_ = 0;
};

}  // namespace loopscope
