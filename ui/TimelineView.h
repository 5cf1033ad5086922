// Both timelines on one time axis: the main thread, every pool worker, the kernel,
// worker threads and thread-per-request threads, with a playhead, scenario notes,
// zoom at the cursor, drag to pan, hover details and click-to-seek.
#pragma once

#include <QWidget>
#include <vector>

#include "Scenario.h"
#include "SpanPlottable.h"
#include "Theme.h"
#include "TraceSpans.h"

class QCustomPlot;
class QCPItemStraightLine;
class QCPItemText;
class QScrollBar;
class QWheelEvent;

namespace loopscope {

class TimelineView : public QWidget {
    Q_OBJECT
public:
    explicit TimelineView(QWidget* parent = nullptr);

    // Either may be null. The sets are read, never changed, and must outlive the view.
    void setSources(const SpanSet* eventLoop, const SpanSet* threadPerRequest);
    // Two runs compared on one axis: each set's lanes are named after their run ("A main").
    // Empty names (the default) leave the lanes' own names.
    void setSourceNames(const QString& first, const QString& second);
    // Call after the sets grew: adds new lanes and redraws (at most once per event-loop turn).
    void refresh();
    void setLive(bool live);
    void setPlayhead(Nanoseconds time);
    Nanoseconds playhead() const { return playhead_; }
    void setNotes(const std::vector<Note>& notes);
    void setTheme(const Theme& theme);
    void fitAll();
    void zoomTo(Nanoseconds from, Nanoseconds to);
    void selectSpanAt(const QPointF& pixel);
    // What the hover tooltip says at a pixel of the plot: the span's label, what it is, its
    // lane, start, duration and the scenario step it came from; empty off a span.
    QString toolTipAt(const QPointF& pixel) const;
    // The scenario file the spans' steps point into, for the tooltip's "step" line.
    void setScenarioSource(const QString& fileName, const QString& text);

    QCustomPlot* plot() const { return plot_; }
    SpanPlottable* spans() const { return spans_; }
    // Lanes aggregate into "threads running / blocked" when more rows would not fit.
    int maximumRows() const;
    // A lane is never lower than this, in the type of the theme: its name and the labels on
    // its bars fit. Lanes that do not fit at this height scroll (rowScroll()) instead.
    int minimumRowPixels() const;
    // Off, every lane is squeezed into the height (pictures, which cannot scroll).
    void setRowsScroll(bool on);
    // The rows on screen: from firstShownRow(), shownRows() of them.
    int firstShownRow() const { return firstRow_; }
    int shownRows() const { return shownRows_; }
    QScrollBar* rowScroll() const { return rowScroll_; }

signals:
    void seekRequested(Nanoseconds time);
    void spanSelected(const loopscope::SpanHit& hit);

protected:
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void rebuildRows();
    void layoutRows();
    void placeNoteLabels(int lines);
    void placePlot();
    static QString timeAxisTitle();
    // Gives the time axis' title line to the lanes while they would scroll without it.
    bool fitTimeAxisTitle(double rowsHeight, double rows);
    static constexpr std::size_t kNoteLines = 3;
    void applyTheme();
    // The wheel zooms around the time under the pointer; Shift+wheel (or a sideways
    // swipe) scrolls through time.
    void wheel(const QWheelEvent& event);
    Nanoseconds endTime() const;

    QCustomPlot* plot_;
    SpanPlottable* spans_;
    QCPItemStraightLine* playheadLine_;
    QScrollBar* rowScroll_;
    bool rowsScroll_ = true;
    int firstRow_ = 0;
    int shownRows_ = 0;
    int laidOutHeight_ = -1;
    std::vector<QCPAbstractItem*> noteItems_;
    std::vector<QCPItemText*> noteLabels_;
    const SpanSet* eventLoop_ = nullptr;
    const SpanSet* threads_ = nullptr;
    QString firstName_;
    QString secondName_;
    std::size_t knownRows_ = 0;
    bool aggregated_ = false;
    bool live_ = false;
    bool userZoomed_ = false;
    Nanoseconds playhead_ = 0;
    Theme theme_ = Theme::light();
    QPoint pressPos_;
    QString scenarioFile_;
    QStringList scenarioLines_;
};

}  // namespace loopscope
