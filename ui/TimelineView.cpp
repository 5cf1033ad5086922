#include "TimelineView.h"

#include "NoteLabelLayout.h"

#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

#include "LoopState.h"
#include "PlotStyle.h"

namespace loopscope {
namespace {

// Tick labels in the units a teacher reads: 250 us, 20 ms, 1.5 s.
class DurationTicker : public QCPAxisTicker {
protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override {
        return QString::fromStdString(formatDuration(static_cast<Nanoseconds>(std::llround(tick))));
    }
};

int laneOrder(LaneKind kind) {
    switch (kind) {
    case LaneKind::Main: return 0;
    case LaneKind::PoolWorker: return 1;
    case LaneKind::Kernel: return 2;
    case LaneKind::Worker: return 3;
    case LaneKind::Thread: return 4;
    case LaneKind::Client: return 5;
    }
    return 6;
}

constexpr int kMinRowPixels = 22;
constexpr double kWheelZoom = 0.8;  // the visible range shrinks to this per notch towards you

}  // namespace

TimelineView::TimelineView(QWidget* parent)
    : QWidget(parent), plot_(new QCustomPlot(this)), rowScroll_(new QScrollBar(Qt::Vertical, this)) {
    plot_->setNoAntialiasingOnDrag(true);
    plot_->setNotAntialiasedElements(QCP::aeAll);
    plot_->setInteractions(QCP::iRangeDrag);  // the wheel is ours (see wheel())
    plot_->axisRect()->setRangeDrag(Qt::Horizontal);
    plot_->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new DurationTicker));
    plot_->xAxis->setLabel(timeAxisTitle());
    plot_->yAxis->setRangeReversed(true);
    plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText));
    plot_->yAxis->grid()->setVisible(false);
    plot_->yAxis->setSubTicks(false);
    plot_->yAxis->setTickLength(0, 0);
    spans_ = new SpanPlottable(plot_->xAxis, plot_->yAxis);
    playheadLine_ = new QCPItemStraightLine(plot_);
    playheadLine_->setClipToAxisRect(true);
    plot_->xAxis->setRange(0, 1e9);
    plot_->installEventFilter(this);
    plot_->setMouseTracking(true);
    connect(plot_->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this](const QCPRange& range) {
        // Keep the view on the run: no panning far before its start.
        if (range.lower < -range.size() * 0.05) {
            plot_->xAxis->setRange(-range.size() * 0.05, range.size() * 0.95);
        }
        layoutRows();  // the note labels follow the zoom
    });
    // The layout decides the lanes' height: lay the rows out again once it changed it
    // (a resize, the time axis' title coming or going, another type).
    connect(plot_, &QCustomPlot::afterLayout, this, [this] {
        if (plot_->axisRect()->height() != laidOutHeight_) {
            layoutRows();
            plot_->replot(QCustomPlot::rpQueuedReplot);
        }
    });
    rowScroll_->hide();
    rowScroll_->setToolTip(tr("More lanes: scroll (or turn the wheel over the lane names)"));
    connect(rowScroll_, &QScrollBar::valueChanged, this, [this](int first) {
        firstRow_ = first;
        layoutRows();
        plot_->replot(QCustomPlot::rpQueuedReplot);
    });
    // Clicking the timeline gives it the focus; the playback keys work there as anywhere.
    plot_->setFocusPolicy(Qt::ClickFocus);
    applyTheme();
    setPlayhead(0);
}

void TimelineView::setSources(const SpanSet* eventLoop, const SpanSet* threadPerRequest) {
    eventLoop_ = eventLoop;
    threads_ = threadPerRequest;
    knownRows_ = static_cast<std::size_t>(-1);
    userZoomed_ = false;
    spans_->setSelectedSpan({});
    rebuildRows();
    fitAll();
}

void TimelineView::setSourceNames(const QString& first, const QString& second) {
    firstName_ = first;
    secondName_ = second;
    knownRows_ = static_cast<std::size_t>(-1);
}

int TimelineView::maximumRows() const {
    return std::max(4, (plot_->axisRect()->height() > 0 ? plot_->axisRect()->height() : height() - 40) / minimumRowPixels());
}

int TimelineView::minimumRowPixels() const {
    const double laneName = QFontMetricsF(plot_->yAxis->tickLabelFont()).height() + 4;
    return int(std::ceil(std::max({double(kMinRowPixels), laneName, SpanPlottable::minimumRowPixels(theme_)})));
}

void TimelineView::setRowsScroll(bool on) {
    rowsScroll_ = on;
    layoutRows();
}

void TimelineView::rebuildRows() {
    std::vector<TimelineRow> rows;
    std::size_t total = 0;
    auto addSet = [&](const SpanSet* set, int budget, const QString& runName) {
        if (!set)
            return;
        total += set->rows().size();
        std::vector<int> order(set->rows().size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = int(i);
        std::sort(order.begin(), order.end(), [&](int a, int b) {
            const SpanRow& ra = set->rows()[a];
            const SpanRow& rb = set->rows()[b];
            return std::tuple(ra.lane.process, laneOrder(ra.lane.kind), ra.lane.index, ra.slot) <
                   std::tuple(rb.lane.process, laneOrder(rb.lane.kind), rb.lane.index, rb.slot);
        });
        const int threadRows = int(std::count_if(order.begin(), order.end(),
                                                  [&](int i) { return set->rows()[i].lane.kind == LaneKind::Thread; }));
        const int otherRows = int(order.size()) - threadRows;
        const bool aggregate = threadRows > 0 && otherRows + threadRows > budget;
        aggregated_ = aggregated_ || aggregate;
        // In a cluster run the first process's lanes say so too, like the others'.
        const bool cluster = std::any_of(set->rows().begin(), set->rows().end(),
                                         [](const SpanRow& row) { return row.lane.process > 0; });
        bool threadsAdded = false;
        for (int i : order) {
            const SpanRow& row = set->rows()[i];
            if (row.lane.kind == LaneKind::Thread && aggregate) {
                if (!threadsAdded) {
                    rows.push_back({TimelineRow::Kind::ThreadsRunning, set, -1, tr("threads running")});
                    rows.push_back({TimelineRow::Kind::ThreadsBlocked, set, -1, tr("threads blocked")});
                    threadsAdded = true;
                }
                continue;
            }
            QString name = QString::fromStdString(row.name);
            if (cluster && row.lane.process == 0 && row.lane.kind != LaneKind::Client && !name.isEmpty())
                name = tr("process 1 %1").arg(name);
            // A lane's further slots (kernel I/O side by side) are unnamed: they stay so.
            if (!runName.isEmpty() && !name.isEmpty())
                name = runName + QLatin1Char(' ') + name;
            rows.push_back({TimelineRow::Kind::Spans, set, i, name});
        }
    };
    aggregated_ = false;
    const int budget = maximumRows();
    const int loopRows = eventLoop_ ? int(eventLoop_->rows().size()) : 0;
    addSet(eventLoop_, budget, firstName_);
    addSet(threads_, std::max(4, budget - loopRows), secondName_);
    knownRows_ = total;
    spans_->setRows(std::move(rows));
    layoutRows();
}

Nanoseconds TimelineView::endTime() const {
    Nanoseconds end = 0;
    if (eventLoop_)
        end = std::max(end, eventLoop_->endTime());
    if (threads_)
        end = std::max(end, threads_->endTime());
    return end;
}

void TimelineView::refresh() {
    std::size_t total = (eventLoop_ ? eventLoop_->rows().size() : 0) + (threads_ ? threads_->rows().size() : 0);
    if (total != knownRows_)
        rebuildRows();
    else
        layoutRows();
    if (live_) {
        spans_->setLiveEnd(endTime());
        if (!userZoomed_)
            plot_->xAxis->setRange(0, std::max<double>(double(endTime()) * 1.05, 1e6));
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void TimelineView::setLive(bool live) {
    live_ = live;
    spans_->setLiveEnd(live ? endTime() : -1);
    if (!live)
        refresh();
}

void TimelineView::setPlayhead(Nanoseconds time) {
    playhead_ = time;
    playheadLine_->point1->setCoords(double(time), 0);
    playheadLine_->point2->setCoords(double(time), 1);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void TimelineView::setNotes(const std::vector<Note>& notes) {
    for (QCPAbstractItem* item : noteItems_)
        plot_->removeItem(item);
    noteItems_.clear();
    noteLabels_.clear();
    int noteLine = 0;  // until the view has its geometry (placeNoteLabels), notes take turns
    for (const Note& note : notes) {
        auto* line = new QCPItemStraightLine(plot_);
        line->point1->setCoords(double(note.at), 0);
        line->point2->setCoords(double(note.at), 1);
        line->setPen(QPen(theme_.accent, 1, Qt::DashLine));
        auto* label = new QCPItemText(plot_);
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setTypeY(QCPItemPosition::ptPlotCoords);
        label->position->setCoords(double(note.at), 0.0);
        label->setProperty("noteLine", noteLine++ % int(kNoteLines));
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setText(QString::fromStdString(note.text));
        label->setColor(theme_.accent);
        label->setFont(theme_.font(0.8, true));
        label->setPadding(QMargins(4, 2, 4, 2));
        label->setBrush(QBrush(theme_.panel));
        noteItems_.push_back(line);
        noteItems_.push_back(label);
        noteLabels_.push_back(label);
    }
    layoutRows();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

// Each label beside its line, on one of the band's `lines` lines where it hides no other
// label, for the time range and the width on screen now. A label with no such line is not
// shown (its dashed line is) until zooming or a taller timeline makes room.
void TimelineView::placeNoteLabels(int lines) {
    const QRect area = plot_->axisRect()->rect();
    if (noteLabels_.empty() || area.width() <= 0)
        return;
    std::vector<NoteLabelBox> boxes;
    for (QCPItemText* label : noteLabels_) {
        const QMargins padding = label->padding();
        boxes.push_back({plot_->xAxis->coordToPixel(label->position->coords().x()),
                         QFontMetricsF(label->font()).horizontalAdvance(label->text()) + padding.left() + padding.right()});
    }
    const std::vector<NoteLabelPlace> places = loopscope::placeNoteLabels(boxes, area.left(), area.right(), std::max(1, lines));
    std::vector<double> lineEnd(std::size_t(std::max(1, lines)), -1e300);
    for (std::size_t i = 0; i < places.size(); ++i) {
        const double start = places[i].alignRight ? boxes[i].x - boxes[i].width : boxes[i].x;
        double& end = lineEnd[std::size_t(places[i].line)];
        noteLabels_[i]->setVisible(lines > 0 && start >= end);
        end = std::max(end, start + boxes[i].width);
        noteLabels_[i]->setProperty("noteLine", places[i].line);
        noteLabels_[i]->setPositionAlignment((places[i].alignRight ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
    }
}

QString TimelineView::timeAxisTitle() { return tr("time since the run started"); }

bool TimelineView::fitTimeAxisTitle(double rowsHeight, double rows) {
    const bool shown = !plot_->xAxis->label().isEmpty();
    const double titleLine = QFontMetricsF(plot_->xAxis->labelFont()).height() + plot_->xAxis->labelPadding();
    const double needed = rows * minimumRowPixels();
    // Hysteresis: the title comes back only when the lanes fit beside it, so it cannot flicker.
    const bool wanted = !rowsScroll_ || (shown ? needed <= rowsHeight : needed <= rowsHeight - titleLine);
    if (wanted == shown)
        return false;
    plot_->xAxis->setLabel(wanted ? timeAxisTitle() : QString());
    return true;
}

// Rows fill the height below a band where the notes' labels sit, so that no label hides a
// lane. A lane keeps its least height (minimumRowPixels()): the band takes only the lines
// left over, and lanes that still do not fit scroll.
void TimelineView::layoutRows() {
    const int rows = int(std::max<std::size_t>(1, spans_->rows().size()));
    const double height = plot_->axisRect()->height() > 0 ? plot_->axisRect()->height() : std::max(100, plot_->height() - 50);
    laidOutHeight_ = plot_->axisRect()->height();
    if (fitTimeAxisTitle(height, rows))
        plot_->replot(QCustomPlot::rpQueuedReplot);  // the lanes get the title's line (afterLayout)
    const double rowMinimum = minimumRowPixels();
    shownRows_ = rowsScroll_ ? std::clamp(int(height / rowMinimum), 1, rows) : rows;
    firstRow_ = std::clamp(firstRow_, 0, rows - shownRows_);
    {
        const QSignalBlocker quiet(rowScroll_);
        rowScroll_->setRange(0, rows - shownRows_);
        rowScroll_->setPageStep(shownRows_);
        rowScroll_->setValue(firstRow_);
    }
    if (rowScroll_->isHidden() != (shownRows_ == rows)) {
        rowScroll_->setHidden(shownRows_ == rows);
        placePlot();
    }
    const QRect area = plot_->axisRect()->rect();
    rowScroll_->setGeometry(width() - rowScroll_->sizeHint().width(), area.top(), rowScroll_->sizeHint().width(),
                            std::max(area.height(), 40));
    spans_->setShownRows(firstRow_, shownRows_);
    auto ticker = qSharedPointerCast<QCPAxisTickerText>(plot_->yAxis->ticker());
    ticker->clear();
    for (int i = firstRow_; i < firstRow_ + shownRows_ && i < int(spans_->rows().size()); ++i)
        ticker->addTick(double(i) + 0.5, spans_->rows()[std::size_t(i)].name);

    const double linePixels = QFontMetricsF(theme_.font(0.8, true)).height() + 6;
    const double shown = shownRows_;
    const int spare = int((height - shown * rowMinimum) / linePixels);
    const int lines = std::clamp(spare, 0, int(std::min<std::size_t>(kNoteLines, noteLabels_.size())));
    placeNoteLabels(lines);
    double band = 0;
    if (lines > 0 && height > lines * linePixels + shown * 6)
        band = lines * linePixels * shown / (height - lines * linePixels);
    const double top = firstRow_ - 0.1 - band;
    plot_->yAxis->setRange(top, firstRow_ + shown + 0.1);
    const double rowPixels = height / (shown + 0.2 + band);
    for (QCPItemText* label : noteLabels_)
        label->position->setCoords(label->position->coords().x(),
                                   top + label->property("noteLine").toInt() * linePixels / rowPixels);
}

void TimelineView::placePlot() {
    const int bar = rowScroll_->isHidden() ? 0 : rowScroll_->sizeHint().width();
    plot_->setGeometry(0, 0, std::max(0, width() - bar), height());
}

void TimelineView::setTheme(const Theme& theme) {
    theme_ = theme;
    applyTheme();
    // Another type, another least lane height.
    knownRows_ = static_cast<std::size_t>(-1);
    refresh();
}

void TimelineView::applyTheme() {
    spans_->setTheme(theme_);
    applyPlotTheme(*plot_, theme_);
    playheadLine_->setPen(QPen(theme_.playhead, 2));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void TimelineView::fitAll() {
    userZoomed_ = false;
    const double end = std::max<double>(double(endTime()), 1e6);
    plot_->xAxis->setRange(-end * 0.01, end * 1.03);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void TimelineView::zoomTo(Nanoseconds from, Nanoseconds to) {
    userZoomed_ = true;
    plot_->xAxis->setRange(double(from), double(std::max(to, from + 1)));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void TimelineView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    // Sized by hand rather than by a layout so that a view never shown (export, tests)
    // has its real geometry too.
    placePlot();
    knownRows_ = static_cast<std::size_t>(-1);
    refresh();
}

void TimelineView::selectSpanAt(const QPointF& pixel) {
    const SpanHit hit = spans_->spanAt(pixel);
    spans_->setSelectedSpan(hit);
    if (hit.valid()) {
        emit spanSelected(hit);
        emit seekRequested(hit.span.begin);
    } else if (plot_->axisRect()->rect().contains(pixel.toPoint())) {
        emit seekRequested(std::max<Nanoseconds>(0, Nanoseconds(plot_->xAxis->pixelToCoord(pixel.x()))));
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void TimelineView::wheel(const QWheelEvent& event) {
    const QPoint delta = event.angleDelta();
    const QCPRange range = plot_->xAxis->range();
    const bool scroll = (event.modifiers() & Qt::ShiftModifier) || (delta.y() == 0 && delta.x() != 0);
    if (!rowScroll_->isHidden() && !scroll && delta.y() != 0 && event.position().x() < plot_->axisRect()->left()) {
        // Over the lane names the wheel scrolls through the lanes: a lane a notch.
        const int notches = delta.y() > 0 ? -std::max(1, delta.y() / 120) : std::max(1, -delta.y() / 120);
        rowScroll_->setValue(rowScroll_->value() + notches);
        return;
    }
    if (scroll) {
        // A notch moves a tenth of the view: wheel down (or swipe left) goes later.
        const double notches = double(delta.y() != 0 ? delta.y() : delta.x()) / 120.0;
        plot_->xAxis->moveRange(-notches * range.size() * 0.1);
    } else if (delta.y() != 0) {
        const QRect area = plot_->axisRect()->rect();
        const double x = std::clamp(event.position().x(), double(area.left()), double(area.right()));
        plot_->xAxis->scaleRange(std::pow(kWheelZoom, double(delta.y()) / 120.0), plot_->xAxis->pixelToCoord(x));
    }
    userZoomed_ = true;
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void TimelineView::setScenarioSource(const QString& fileName, const QString& text) {
    scenarioFile_ = fileName;
    scenarioLines_ = text.split(QLatin1Char('\n'));
}

QString TimelineView::toolTipAt(const QPointF& pixel) const {
    const SpanHit hit = spans_->spanAt(pixel);
    if (!hit.valid())
        return {};
    const TimelineRow& row = spans_->rows()[std::size_t(hit.displayRow)];
    const Span& s = hit.span;
    const SourceLocation& stepAt = row.set->step(s.step);
    const std::string_view label = row.set->label(s.label);
    QString what;
    switch (s.kind) {
    case SpanKind::Callback:
        what = s.queue == QueueKind::None ? tr("JavaScript running")
                                          : tr("a callback from the %1 queue").arg(QLatin1String(queueName(s.queue)));
        break;
    case SpanKind::Work: what = tr("a job: the thread computes or waits for it"); break;
    case SpanKind::Io: what = tr("network I/O the kernel waits for (no thread)"); break;
    case SpanKind::Running: what = tr("the thread runs"); break;
    case SpanKind::Blocked: what = tr("the thread is blocked, waiting"); break;
    }
    QString text = QStringLiteral("<b>%1</b><br>%2<br>lane: %3<br>start %4, took %5")
                       .arg(QString::fromUtf8(label.data(), qsizetype(label.size())).toHtmlEscaped(), what, row.name.toHtmlEscaped(),
                            QString::fromStdString(formatDuration(s.begin)),
                            QString::fromStdString(formatDuration(s.end - s.begin)));
    if (stepAt.line > 0) {
        QString step = stepAt.line <= scenarioLines_.size() ? scenarioLines_[stepAt.line - 1].trimmed() : QString();
        if (step.startsWith(QLatin1String("- ")))
            step = step.mid(2);
        const QString where = scenarioFile_.isEmpty() ? tr("line %1").arg(stepAt.line)
                                                      : tr("%1 line %2").arg(scenarioFile_).arg(stepAt.line);
        text += step.isEmpty() ? tr("<br>scenario step: %1").arg(where)
                               : tr("<br>scenario step: <code>%1</code> (%2)").arg(step.toHtmlEscaped(), where);
    }
    return text;
}

bool TimelineView::eventFilter(QObject* watched, QEvent* event) {
    if (watched != plot_)
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::Wheel) {
        wheel(*static_cast<QWheelEvent*>(event));
        return true;
    }
    if (event->type() == QEvent::MouseButtonPress) {
        pressPos_ = static_cast<QMouseEvent*>(event)->pos();
    } else if (event->type() == QEvent::MouseButtonRelease) {
        auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() == Qt::LeftButton && (mouse->pos() - pressPos_).manhattanLength() < 4)
            selectSpanAt(mouse->position());
        else
            userZoomed_ = true;
    } else if (event->type() == QEvent::MouseMove) {
        auto* mouse = static_cast<QMouseEvent*>(event);
        const QString text = toolTipAt(mouse->position());
        if (!text.isEmpty())
            QToolTip::showText(mouse->globalPosition().toPoint(), text, plot_);
        else
            QToolTip::hideText();
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace loopscope
