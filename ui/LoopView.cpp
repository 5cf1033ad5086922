#include "LoopView.h"

#include <QFontMetricsF>
#include <QPainterPath>
#include <QtMath>
#include <algorithm>

#include "QueueNames.h"

namespace loopscope {
namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

struct Painter {
    QPainter& p;
    const Theme& theme;
    const LoopState& state;
    double unit;  // base font size in pixels
    LoopViewReport* report = nullptr;

    void panel(const QRectF& r, const QString& title) const {
        p.setPen(QPen(theme.panelBorder, 1));
        p.setBrush(theme.panel);
        p.drawRoundedRect(r, unit * 0.5, unit * 0.5);
        text(QRectF(r.left() + unit * 0.8, r.top() + unit * 0.4, r.width() - unit * 1.6, unit * 1.3), title.toUpper(),
             theme.mutedText, 0.85, true, Qt::AlignLeft | Qt::AlignTop);
    }

    QRectF body(const QRectF& r) const { return r.adjusted(unit * 0.8, unit * 1.9, -unit * 0.8, -unit * 0.6); }

    // Text that does not fit is drawn in smaller type (down to 70%), or wrapped when `flags`
    // allow it; only what still does not fit is cut, with an ellipsis, and reported.
    void text(const QRectF& r, const QString& s, const QColor& color, double scale = 1.0, bool bold = false,
              int flags = Qt::AlignLeft | Qt::AlignVCenter) const {
        QFont f = theme.font(scale, bold);
        const int smallest = std::max(8, int(f.pixelSize() * 0.7 + 0.5));
        auto fits = [&](const QFont& font) {
            const QFontMetricsF metrics(font);
            return metrics.horizontalAdvance(s) <= r.width() && metrics.height() <= r.height() * 1.2;
        };
        while (f.pixelSize() > smallest && !fits(f))
            f.setPixelSize(f.pixelSize() - 1);
        p.setFont(f);
        p.setPen(color);
        const QFontMetricsF metrics(f);
        if (fits(f)) {
            p.drawText(r, flags & ~Qt::TextWordWrap, s);
            return;
        }
        if (flags & Qt::TextWordWrap) {
            const QRectF needed = metrics.boundingRect(r, flags, s);
            if (needed.width() <= r.width() + 0.5 && needed.height() <= r.height() * 1.2) {
                p.drawText(r, flags, s);
                return;
            }
        }
        const QString shown = metrics.elidedText(s, Qt::ElideRight, r.width());
        if (report && (shown != s || metrics.height() > r.height() * 1.2))
            report->cutTexts << s;
        p.drawText(r, flags & ~Qt::TextWordWrap, shown);
    }

    bool twoLineChip(double height) const { return height >= unit * 2.0; }

    // A labelled chip; `sub` is a smaller second line when there is room, or follows the
    // label on its line.
    void chip(const QRectF& r, const QString& label, const QString& sub, const QColor& color, bool outline = false) const {
        QColor fill = color;
        fill.setAlpha(theme.isDark ? 70 : 38);
        p.setPen(QPen(color, outline ? 1.5 : 1.2, outline ? Qt::DashLine : Qt::SolidLine));
        p.setBrush(fill);
        p.drawRoundedRect(r, unit * 0.35, unit * 0.35);
        // A colour tab on the left says which queue the chip belongs to.
        if (!outline) {
            p.setPen(Qt::NoPen);
            p.setBrush(color);
            QPainterPath tab;
            tab.addRoundedRect(QRectF(r.left(), r.top(), unit * 0.35, r.height()), unit * 0.15, unit * 0.15);
            p.drawPath(tab);
        }
        const QRectF inner = r.adjusted(unit * 0.6, 0, -unit * 0.4, 0);
        if (report && !outline)
            report->chips.push_back({r, sub.isEmpty() ? label : label + QLatin1Char('\n') + sub});
        // Two lines only when the label fits the first; otherwise label and detail share one.
        const bool labelFits = QFontMetricsF(theme.font(0.9 * 0.7, true)).horizontalAdvance(label) <= inner.width();
        const bool twoLines = !sub.isEmpty() && twoLineChip(r.height()) && labelFits;
        const double labelWidth = QFontMetricsF(theme.font(0.9, true)).horizontalAdvance(label) + 1;
        const double detailWidth = QFontMetricsF(theme.font(0.75)).horizontalAdvance(sub);
        const bool sideBySide = !twoLines && !sub.isEmpty() && labelWidth + unit * 0.6 + detailWidth <= inner.width();
        if (sideBySide) {
            text(QRectF(inner.left(), inner.top(), labelWidth, inner.height()), label, theme.text, 0.9, true);
            text(QRectF(inner.left() + labelWidth + unit * 0.6, inner.top(), inner.width() - labelWidth - unit * 0.6,
                        inner.height()),
                 sub, theme.mutedText, 0.75);
        } else if (twoLines) {
            text(QRectF(inner.left(), inner.top() + unit * 0.15, inner.width(), inner.height() * 0.55), label, theme.text,
                 0.9, true);
            text(QRectF(inner.left(), inner.top() + inner.height() * 0.5, inner.width(), inner.height() * 0.45), sub,
                 theme.mutedText, 0.75);
        } else if (!sub.isEmpty()) {
            // Label and detail on one line, in smaller type or wrapped if need be.
            text(inner, label + QStringLiteral(" \u00b7 ") + sub, theme.text, 0.9, true,
                 Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap);
        } else {
            text(inner, label, outline ? theme.mutedText : theme.text, 0.9, !outline,
                 Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap);
        }
    }

    // Chips left to right in `r`, each as wide as its text (at most the row, so a label is
    // never cut for a uniform width); when they do not all fit, the last says how many more.
    template <typename Chips, typename SubText>
    void chipRow(const QRectF& r, const Chips& chips, const QColor& color, SubText sub, const QString& emptyText) const {
        if (chips.empty()) {
            text(r, emptyText, theme.mutedText, 0.85);
            return;
        }
        const double gap = unit * 0.4;
        const QFontMetricsF labelMetrics(theme.font(0.9, true));
        const QFontMetricsF subMetrics(theme.font(0.75));
        const int count = int(chips.size());
        const double moreWidth = labelMetrics.horizontalAdvance(QStringLiteral("+%1 more").arg(count)) + unit * 1.2;
        double x = r.left();
        int shown = 0;
        for (const QueueEntry& c : chips) {
            const QString label = qs(c.label);
            const QString detail = sub(c);
            const double labelWidth = labelMetrics.horizontalAdvance(label) + 1;
            const double detailWidth = detail.isEmpty() ? 0.0 : subMetrics.horizontalAdvance(detail);
            const double needed = (twoLineChip(r.height()) ? std::max(labelWidth, detailWidth)
                                                           : labelWidth + (detail.isEmpty() ? 0.0 : unit * 0.6 + detailWidth)) +
                                  unit * 1.3;
            const double room = r.right() - x - (shown == count - 1 ? 0.0 : moreWidth + gap);
            double width = std::min(std::max(needed, unit * 4.0), r.width());
            if (width > room) {
                if (shown > 0 || room < unit * 4.0)
                    break;
                width = room;
            }
            chip(QRectF(x, r.top(), width, r.height()), label, detail, color);
            x += width + gap;
            ++shown;
        }
        if (shown < count) {
            const QRectF more(x, r.top(), std::min(moreWidth, r.right() - x), r.height());
            p.setPen(QPen(color, 1.2));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(more, unit * 0.35, unit * 0.35);
            text(more, QStringLiteral("+%1 more").arg(count - shown), theme.text, 0.9, true, Qt::AlignCenter);
        }
    }

    QString stepText(const SourceLocation& where) const {
        return where.line > 0 ? QStringLiteral("line %1").arg(where.line) : QString();
    }

    QString elapsed(const QueueEntry& c) const {
        const Nanoseconds held = state.time - c.since;
        if (held < kMicrosecond)
            return QStringLiteral("just started");
        return QStringLiteral("for %1").arg(qs(formatDuration(held)));
    }
};

struct RingSegment {
    Phase phase;
    const char* label;
};
constexpr RingSegment kRing[] = {
    {Phase::Timers, "timers"}, {Phase::Pending, "pending"}, {Phase::IdlePrepare, "idle, prepare"},
    {Phase::Poll, "poll"},     {Phase::Check, "check"},     {Phase::Close, "close"},
};

void paintRing(const Painter& d, const QRectF& r) {
    QPainter& p = d.p;
    const double size = std::min(r.width(), r.height());
    const QPointF c = r.center();
    const double outer = size / 2.0 - d.unit * 0.2;
    // A small ring (projector type on a short screen) keeps a hole wide enough for its words.
    const double thickness = std::max(std::min(d.unit * 2.2, outer * 0.45), outer * 0.34);
    const double inner = outer - thickness;
    const double gapDeg = 3.0;
    for (int i = 0; i < 6; ++i) {
        // Clockwise from the top, as the loop turns.
        const double start = 90.0 - i * 60.0 - gapDeg / 2;
        const double sweep = -(60.0 - gapDeg);
        QPainterPath path;
        path.arcMoveTo(QRectF(c.x() - outer, c.y() - outer, 2 * outer, 2 * outer), start);
        path.arcTo(QRectF(c.x() - outer, c.y() - outer, 2 * outer, 2 * outer), start, sweep);
        path.arcTo(QRectF(c.x() - inner, c.y() - inner, 2 * inner, 2 * inner), start + sweep, -sweep);
        path.closeSubpath();
        const bool lit = d.state.phase == kRing[i].phase;
        p.setPen(QPen(lit ? d.theme.lit.darker(115) : d.theme.panelBorder, lit ? 2 : 1));
        p.setBrush(lit ? d.theme.lit : d.theme.ring);
        p.drawPath(path);
    }
    // The labels after every segment, so that no segment paints over a neighbour's label.
    for (int i = 0; i < 6; ++i) {
        const bool lit = d.state.phase == kRing[i].phase;
        const double mid = qDegreesToRadians(90.0 - i * 60.0 - 30.0);
        const double radius = (outer + inner) / 2;
        const QPointF at(c.x() + radius * std::cos(mid), c.y() - radius * std::sin(mid));
        // As wide as the segment's chord at mid-radius: a label stays on its segment.
        const double boxWidth = std::min(thickness * 2.6, radius);
        const QRectF box(at.x() - boxWidth / 2, at.y() - thickness / 2, boxWidth, thickness);
        // Labels shrink with a small ring rather than overprint each other.
        d.text(box, QString::fromLatin1(kRing[i].label), lit ? d.theme.litText : d.theme.mutedText,
               std::min(0.8, thickness * 0.36 / d.unit), lit, Qt::AlignCenter | Qt::TextWordWrap);
    }
    // Arrow heads between segments show the direction of travel.
    p.setPen(Qt::NoPen);
    p.setBrush(d.theme.mutedText);
    for (int i = 0; i < 6; ++i) {
        const double a = qDegreesToRadians(90.0 - i * 60.0);
        const double rr = outer + d.unit * 0.45;
        const QPointF tip(c.x() + rr * std::cos(a - 0.06), c.y() - rr * std::sin(a - 0.06));
        const QPointF back1(c.x() + (rr - d.unit * 0.35) * std::cos(a + 0.04), c.y() - (rr - d.unit * 0.35) * std::sin(a + 0.04));
        const QPointF back2(c.x() + (rr + d.unit * 0.35) * std::cos(a + 0.04), c.y() - (rr + d.unit * 0.35) * std::sin(a + 0.04));
        p.drawPolygon(QPolygonF({tip, back1, back2}));
    }
    // The centre: where the loop is.
    const QRectF centre(c.x() - inner, c.y() - inner * 0.75, 2 * inner, inner * 1.5);
    QString big;
    QString small;
    if (d.state.phase == Phase::MainScript) {
        big = QStringLiteral("main script");
        small = QStringLiteral("before the loop");
    } else if (d.state.finished) {
        big = QStringLiteral("exited");
        small = QStringLiteral("%1 iterations").arg(d.state.iteration);
    } else if (d.state.iteration > 0) {
        big = QStringLiteral("#%1").arg(d.state.iteration);
        small = d.state.phase == Phase::None ? QStringLiteral("iteration") : QString::fromLatin1(phaseName(d.state.phase));
    } else if (d.state.started) {
        big = QStringLiteral("loop");
        small = QStringLiteral("about to start");
    } else {
        big = QStringLiteral("idle");
        small = QStringLiteral("press Run");
    }
    // The big word as large as the ring's hole lets it be.
    const double bigWidth = QFontMetricsF(d.theme.font(1.0, true)).horizontalAdvance(big);
    const double bigScale = std::min(big.size() > 6 ? 1.1 : 2.0, centre.width() * 0.95 / std::max(1.0, bigWidth));
    d.text(QRectF(centre.left(), centre.top(), centre.width(), centre.height() * 0.6), big, d.theme.text, bigScale, true,
           Qt::AlignHCenter | Qt::AlignBottom);
    const double smallWidth = QFontMetricsF(d.theme.font(1.0)).horizontalAdvance(small);
    const double smallScale = std::min(0.85, centre.width() * 0.95 / std::max(1.0, smallWidth));
    d.text(QRectF(centre.left(), centre.top() + centre.height() * 0.6, centre.width(), centre.height() * 0.35), small,
           d.theme.mutedText, smallScale, false, Qt::AlignHCenter | Qt::AlignTop);
}

void paintStack(const Painter& d, const QRectF& r) {
    const auto& frames = d.state.callStack;
    if (frames.empty()) {
        d.text(r, QStringLiteral("empty: the loop can move on"), d.theme.mutedText, 0.85, false,
               Qt::AlignHCenter | Qt::AlignBottom);
        return;
    }
    const double h = std::min(d.unit * 2.1, r.height() / std::max<std::size_t>(1, std::min<std::size_t>(frames.size(), 8)));
    const int shown = std::min<int>(int(frames.size()), std::max(1, int(r.height() / h)));
    // Bottom of the stack at the bottom; the running frame on top, highlighted.
    for (int i = 0; i < shown; ++i) {
        const StackFrame& frame = frames[frames.size() - shown + i];
        const QRectF box(r.left(), r.bottom() - (i + 1) * h + d.unit * 0.15, r.width(), h - d.unit * 0.3);
        const bool top = i == shown - 1;
        QColor fill = top ? d.theme.accent : d.theme.ring;
        d.p.setPen(QPen(top ? d.theme.accent.darker(120) : d.theme.panelBorder, 1));
        d.p.setBrush(fill);
        d.p.drawRoundedRect(box, d.unit * 0.3, d.unit * 0.3);
        const QString where = frame.step.line > 0 ? QStringLiteral("  line %1").arg(frame.step.line) : QString();
        d.text(box.adjusted(d.unit * 0.6, 0, -d.unit * 0.6, 0), QString::fromStdString(frame.name) + where,
               top ? QColor(Qt::white) : d.theme.text, 0.9, top);
    }
}

struct QueueRow {
    const char* title;
    const char* subtitle;
    QueueKind kind;  // None: network I/O the kernel holds
};

QueueRow queueRow(QueueKind kind) { return {queueNames(kind).name, queueNames(kind).hint, kind}; }

void paintQueues(const Painter& d, const QRectF& r) {
    const QueueRow rows[] = {
        queueRow(QueueKind::NextTick),
        queueRow(QueueKind::Microtask),
        queueRow(QueueKind::Timers),
        {"kernel I/O", "network, no thread", QueueKind::None},
        queueRow(QueueKind::Poll),
        queueRow(QueueKind::Check),
        queueRow(QueueKind::Close),
    };
    const int n = int(std::size(rows));
    const double rowH = r.height() / n;
    // The titles' column is as wide as its widest title or subtitle (which shrinks in a narrow panel).
    double titlesNeed = 0;
    for (const QueueRow& row : rows)
        titlesNeed = std::max({titlesNeed, QFontMetricsF(d.theme.font(1.0, true)).horizontalAdvance(QLatin1String(row.title)),
                               QFontMetricsF(d.theme.font(0.78)).horizontalAdvance(QLatin1String(row.subtitle))});
    const double titleW = std::min(r.width() * 0.45, titlesNeed + d.unit * 1.2);
    const bool twoLines = rowH >= d.unit * 2.6;
    for (int i = 0; i < n; ++i) {
        const QRectF row(r.left(), r.top() + i * rowH, r.width(), rowH);
        if (i > 0) {
            d.p.setPen(QPen(d.theme.grid, 1));
            d.p.drawLine(QPointF(row.left(), row.top()), QPointF(row.right(), row.top()));
        }
        const QColor color = rows[i].kind == QueueKind::None ? d.theme.kernel : d.theme.queueColor(rows[i].kind);
        d.p.setPen(Qt::NoPen);
        d.p.setBrush(color);
        d.p.drawRoundedRect(QRectF(row.left(), row.top() + rowH * 0.2, d.unit * 0.3, rowH * 0.6), 2, 2);
        const QRectF label(row.left() + d.unit * 0.8, row.top(), titleW - d.unit, rowH);
        if (twoLines) {
            d.text(QRectF(label.left(), row.center().y() - d.unit * 1.25, label.width(), d.unit * 1.3),
                   QString::fromLatin1(rows[i].title), d.theme.text, 1.0, true, Qt::AlignLeft | Qt::AlignBottom);
            d.text(QRectF(label.left(), row.center().y() + d.unit * 0.05, label.width(), d.unit * 1.2),
                   QString::fromLatin1(rows[i].subtitle), d.theme.mutedText, 0.78, false, Qt::AlignLeft | Qt::AlignTop);
        } else {
            d.text(label, QString::fromLatin1(rows[i].title), d.theme.text, 0.95, true);
        }
        const double chipH = std::min(rowH - d.unit * 0.5, d.unit * 2.8);
        const QRectF chips(row.left() + titleW, row.center().y() - chipH / 2, row.width() - titleW, chipH);
        const QString empty = QStringLiteral("empty");
        if (rows[i].kind == QueueKind::None) {
            d.chipRow(chips, d.state.kernelIo, color, [&](const QueueEntry& c) { return d.elapsed(c); }, empty);
        } else if (rows[i].kind == QueueKind::Timers) {
            d.chipRow(chips, d.state.queue(QueueKind::Timers), color,
                      [&](const QueueEntry& c) {
                          return c.due > 0 ? QStringLiteral("due at %1").arg(qs(formatDuration(c.due))) : d.stepText(c.step);
                      },
                      empty);
        } else {
            d.chipRow(chips, d.state.queue(rows[i].kind), color, [&](const QueueEntry& c) { return d.stepText(c.step); }, empty);
        }
    }
}

// Worker lanes (pool or worker threads) as rows: the job on each, or idle.
double paintLanes(const Painter& d, const QRectF& r, const std::vector<LaneSlot>& lanes, int minimum,
                  const QColor& color, const QString& name) {
    const int count = std::max<int>(minimum, int(lanes.size()));
    if (count == 0)
        return 0;
    const double rowH = std::min(d.unit * 3.0, r.height() / count);
    if (rowH < d.unit * 1.2) {
        // Too many lanes for rows: one cell per worker, lit when busy.
        const int busy = int(std::count_if(lanes.begin(), lanes.end(), [](const LaneSlot& s) { return s.busy; }));
        d.text(QRectF(r.left(), r.top(), r.width(), d.unit * 1.6),
               QStringLiteral("%1 of %2 %3s busy").arg(busy).arg(count).arg(name), d.theme.text, 0.9, true);
        const double cell = std::max(3.0, std::min(d.unit, std::sqrt((r.width() * (r.height() - d.unit * 2)) / count) - 2));
        const int perRow = std::max(1, int(r.width() / (cell + 2)));
        for (int i = 0; i < count; ++i) {
            const bool on = i < int(lanes.size()) && lanes[i].busy;
            d.p.setPen(Qt::NoPen);
            d.p.setBrush(on ? color : d.theme.ring);
            d.p.drawRect(QRectF(r.left() + (i % perRow) * (cell + 2), r.top() + d.unit * 1.8 + (i / perRow) * (cell + 2),
                                cell, cell));
        }
        return r.height();
    }
    const double labelW = d.unit * 5.5;
    for (int i = 0; i < count; ++i) {
        const QRectF row(r.left(), r.top() + i * rowH, r.width(), rowH);
        d.text(QRectF(row.left(), row.top(), labelW, rowH), QStringLiteral("%1 %2").arg(name).arg(i + 1), d.theme.mutedText,
               0.85);
        const QRectF slot = QRectF(row.left() + labelW, row.top() + d.unit * 0.2, row.width() - labelW,
                                   rowH - d.unit * 0.4);
        if (i < int(lanes.size()) && lanes[i].busy)
            d.chip(slot, qs(lanes[i].job.label), d.elapsed(lanes[i].job), color);
        else
            d.chip(slot, QStringLiteral("idle"), QString(), d.theme.panelBorder, true);
    }
    return count * rowH;
}

void paintPool(const Painter& d, const QRectF& r, const LoopViewOptions& options) {
    double y = r.top();
    const bool hasWorkers = !d.state.workerThreads.empty();
    const bool hasThreads = !d.state.threads.empty();
    const double reserved = (hasWorkers ? r.height() * 0.25 : 0) + (hasThreads ? d.unit * 5 : 0) + d.unit * 5.2;
    const double lanesH = paintLanes(d, QRectF(r.left(), y, r.width(), std::max(d.unit * 3, r.height() - reserved)),
                                     d.state.poolLanes, options.threadpool, d.theme.pool, QStringLiteral("worker"));
    y += lanesH + d.unit * 0.6;
    const auto& fifo = d.state.queue(QueueKind::PoolFifo);
    d.text(QRectF(r.left(), y, r.width(), d.unit * 1.6),
           fifo.empty() ? QStringLiteral("Waiting for a worker: none")
                        : QStringLiteral("Waiting for a worker (first in, first out): %1").arg(fifo.size()),
           d.theme.text, 0.85, !fifo.empty());
    y += d.unit * 1.7;
    const double chipH = std::min(d.unit * 2.6, std::max(d.unit * 1.6, r.bottom() - y));
    d.chipRow(QRectF(r.left(), y, r.width(), chipH), fifo, d.theme.pool,
              [&](const QueueEntry& c) { return d.elapsed(c); }, QString());
    y += chipH + d.unit * 0.8;
    if (hasWorkers) {
        d.text(QRectF(r.left(), y, r.width(), d.unit * 1.6), QStringLiteral("Worker threads"), d.theme.mutedText, 0.85, true);
        y += d.unit * 1.7;
        y += paintLanes(d, QRectF(r.left(), y, r.width(), r.height() * 0.25 - d.unit * 1.7), d.state.workerThreads, 0,
                        d.theme.worker, QStringLiteral("worker")) + d.unit * 0.5;
    }
    if (hasThreads) {
        d.text(QRectF(r.left(), y, r.width(), d.unit * 1.6),
               QStringLiteral("Request threads: %1 (%2 blocked)")
                   .arg(d.state.threadsAlive).arg(d.state.threadsBlocked),
               d.theme.text, 0.85, true);
        y += d.unit * 1.8;
        const double cell = d.unit * 0.7;
        const int perRow = std::max(1, int(r.width() / (cell + 2)));
        const int rowsFit = std::max(1, int((r.bottom() - y) / (cell + 2)));
        const int shown = std::min<int>(int(d.state.threads.size()), perRow * rowsFit);
        for (int i = 0; i < shown; ++i) {
            const ThreadActivity a = d.state.threads[i];
            QColor color = a == ThreadActivity::Running ? d.theme.running
                         : a == ThreadActivity::Blocked ? d.theme.blocked
                                                        : d.theme.ring;
            d.p.setPen(Qt::NoPen);
            d.p.setBrush(color);
            d.p.drawRect(QRectF(r.left() + (i % perRow) * (cell + 2), y + (i / perRow) * (cell + 2), cell, cell));
        }
    }
}

}  // namespace

double loopViewUnit(const QRectF& area, const Theme& theme) {
    // The layout's minimum, in units: the three columns side by side, seven queue rows over the narration.
    constexpr double kMinimumWidth = 52;
    constexpr double kMinimumHeight = 22;
    constexpr double kSmallestUnit = 9;
    const double fits = std::min(area.width() / kMinimumWidth, area.height() / kMinimumHeight);
    return std::max(kSmallestUnit, std::min(double(theme.fontPx), std::floor(fits)));
}

void paintLoopView(QPainter& painter, const QRectF& area, const LoopState& state, const Theme& theme,
                   const LoopViewOptions& options) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.fillRect(area, theme.background);
    // Type that fits the area: every panel keeps its room instead of cutting its text.
    Theme fitted = theme;
    fitted.fontPx = int(loopViewUnit(area, theme));
    const double unit = fitted.fontPx;
    Painter d{painter, fitted, state, unit, options.report};
    const double margin = unit * 0.6;
    const QRectF inner = area.adjusted(margin, margin, -margin, -margin);

    // Narration along the bottom: what just happened, in words.
    const double narrationH = unit * 2.6;
    const QRectF narration(inner.left(), inner.bottom() - narrationH, inner.width(), narrationH);
    painter.setPen(Qt::NoPen);
    painter.setBrush(theme.isDark ? theme.panel.lighter(130) : QColor(0xee, 0xf2, 0xff));
    painter.drawRoundedRect(narration, unit * 0.5, unit * 0.5);
    const QString clock = QStringLiteral("t = %1").arg(qs(formatDuration(state.time)));
    const double clockW = unit * 8;
    QString status = clock;
    if (state.requestsArrived > 0)
        status = QStringLiteral("%1 in flight   ").arg(state.requestsInFlight()) + clock;
    // The status keeps its place at the right; the narration is cut before it, never under it.
    const double statusW = state.requestsArrived > 0 ? clockW + unit * 7.2 : clockW;
    const QRectF statusRect(narration.right() - statusW - unit * 0.8, narration.top(), statusW, narrationH);
    d.text(QRectF(narration.left() + unit * 0.8, narration.top(), statusRect.left() - narration.left() - unit * 1.6,
                  narrationH),
           state.narration.empty() ? QStringLiteral("Press Run (F5) to run the scenario") : qs(state.narration),
           theme.text, 1.15, true);
    d.text(statusRect, status, theme.mutedText, 0.9, false, Qt::AlignRight | Qt::AlignVCenter);

    const QRectF top(inner.left(), inner.top(), inner.width(), inner.height() - narrationH - margin);
    const double leftW = std::clamp(top.width() * 0.24, unit * 14, unit * 24);
    const double rightW = std::clamp(top.width() * 0.3, unit * 16, unit * 30);
    const QRectF left(top.left(), top.top(), leftW, top.height());
    const QRectF middle(left.right() + margin, top.top(), top.width() - leftW - rightW - 2 * margin, top.height());
    const QRectF right(middle.right() + margin, top.top(), rightW, top.height());

    // Left: the loop and the call stack under it.
    const double ringH = std::min(left.width(), left.height() * 0.58);
    const QRectF ringPanel(left.left(), left.top(), left.width(), ringH);
    d.panel(ringPanel, QStringLiteral("Event loop"));
    paintRing(d, d.body(ringPanel));
    const QRectF stackPanel(left.left(), ringPanel.bottom() + margin, left.width(), left.height() - ringH - margin);
    d.panel(stackPanel, QStringLiteral("Call stack (main thread)"));
    paintStack(d, d.body(stackPanel));

    d.panel(middle, QStringLiteral("Queues"));
    paintQueues(d, d.body(middle));

    d.panel(right, QStringLiteral("libuv thread pool"));
    paintPool(d, d.body(right), options);
    painter.restore();
}

}  // namespace loopscope
