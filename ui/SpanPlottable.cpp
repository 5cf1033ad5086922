#include "SpanPlottable.h"

#include <algorithm>
#include <cmath>

namespace loopscope {

SpanPlottable::SpanPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis) : QCPAbstractPlottable(keyAxis, valueAxis) {
    setAntialiasedFill(false);
    setSelectable(QCP::stNone);
}

void SpanPlottable::setRows(std::vector<TimelineRow> rows) { rows_ = std::move(rows); }

void SpanPlottable::setTheme(const Theme& theme) { theme_ = theme; }

void SpanPlottable::setShownRows(int first, int count) {
    firstShown_ = std::max(0, first);
    shownCount_ = count;
}

bool SpanPlottable::isShown(int displayRow) const {
    return displayRow >= firstShown_ && (shownCount_ < 0 || displayRow < firstShown_ + shownCount_);
}

double SpanPlottable::minimumRowPixels(const Theme& theme) {
    return std::ceil(QFontMetricsF(theme.font(0.8)).height() / (kBarBottom - kBarTop));
}

QRectF SpanPlottable::spanRect(int displayRow, double x0, double x1) const {
    const double y0 = mValueAxis->coordToPixel(displayRow + kBarTop);
    const double y1 = mValueAxis->coordToPixel(displayRow + kBarBottom);
    return QRectF(QPointF(x0, std::min(y0, y1)), QPointF(std::max(x1, x0 + 1.0), std::max(y0, y1)));
}

int SpanPlottable::displayRowOf(const SpanSet* set, int row) const {
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].set == set && rows_[i].row == row && rows_[i].kind == TimelineRow::Kind::Spans)
            return int(i);
    return -1;
}

void SpanPlottable::draw(QCPPainter* painter) {
    lastDrawnRects_ = 0;
    if (!mKeyAxis || !mValueAxis || mKeyAxis->axisRect()->width() <= 0 || mKeyAxis->range().size() <= 0)
        return;
    painter->setPen(Qt::NoPen);
    const int last = shownCount_ < 0 ? int(rows_.size()) : std::min(int(rows_.size()), firstShown_ + shownCount_);
    if (firstShown_ > 0 || last < int(rows_.size())) {
        // Rows scrolled away draw nothing, not even into the band of notes above the first.
        const double top = mValueAxis->coordToPixel(firstShown_);
        const double bottom = mValueAxis->coordToPixel(last);
        painter->setClipRect(QRectF(QPointF(mKeyAxis->axisRect()->left(), std::min(top, bottom)),
                                    QPointF(mKeyAxis->axisRect()->right() + 1, std::max(top, bottom))),
                             Qt::IntersectClip);
    }
    for (int i = firstShown_; i < last; ++i) {
        const TimelineRow& row = rows_[i];
        // Zebra stripes make long rows easy to follow across the screen.
        if (i % 2 == 1) {
            QRectF stripe(QPointF(mKeyAxis->axisRect()->left(), mValueAxis->coordToPixel(i)),
                          QPointF(mKeyAxis->axisRect()->right(), mValueAxis->coordToPixel(i + 1)));
            QColor zebra = theme_.grid;
            zebra.setAlpha(theme_.isDark ? 60 : 90);
            painter->fillRect(stripe.normalized(), zebra);
        }
        if (!row.set)
            continue;
        if (row.kind == TimelineRow::Kind::Spans) {
            if (row.row >= 0 && row.row < int(row.set->rows().size()))
                drawRow(painter, i, row.set->rows()[row.row], *row.set);
        } else {
            drawThreadCounts(painter, i, row);
        }
    }
    drawOpenSpans(painter);
    drawFlows(painter);
}

void SpanPlottable::drawRow(QCPPainter* painter, int displayRow, const SpanRow& row, const SpanSet& set) {
    const auto& spans = row.spans;
    const QCPRange range = mKeyAxis->range();
    auto it = std::lower_bound(spans.begin(), spans.end(), range.lower,
                               [](const Span& s, double key) { return double(s.end) < key; });
    const QFont font = labelFont();
    const QFontMetricsF metrics(font);
    while (it != spans.end() && double(it->begin) <= range.upper) {
        const double x0 = mKeyAxis->coordToPixel(double(it->begin));
        const double x1 = mKeyAxis->coordToPixel(double(it->end));
        const QColor color = theme_.spanColor(it->kind, it->queue);
        if (x1 - x0 >= mergePixels_) {
            // A one-pixel gap keeps back-to-back spans (the same worker's next job) apart.
            const QRectF r = spanRect(displayRow, x0, x1 - (x1 - x0 > 4 ? 1.0 : 0.0));
            painter->setPen(Qt::NoPen);
            painter->setBrush(color);
            painter->drawRect(r);
            ++lastDrawnRects_;
            // A label only where the bar holds it whole in height (a picture squeezes many
            // lanes; the tooltip still names the span).
            if (r.width() > 36 && r.height() >= metrics.height() - 1) {
                const QString label = QString::fromUtf8(set.label(it->label).data(), qsizetype(set.label(it->label).size()));
                const QRectF visible = r.intersected(QRectF(mKeyAxis->axisRect()->rect())).adjusted(4, 0, -3, 0);
                painter->setFont(font);
                painter->setPen(Qt::white);
                painter->drawText(visible, Qt::AlignLeft | Qt::AlignVCenter,
                                  metrics.elidedText(label, Qt::ElideRight, visible.width()));
            }
            ++it;
            continue;
        }
        // A run of narrow spans: one block, found by jumping ahead one merge distance at a time.
        const double blockStart = x0;
        double blockEnd = std::max(x1, x0 + 1.0);
        ++it;
        while (it != spans.end()) {
            const double limitKey = mKeyAxis->pixelToCoord(blockEnd + mergePixels_);
            auto next = std::lower_bound(it, spans.end(), limitKey,
                                         [](const Span& s, double key) { return double(s.begin) < key; });
            if (next == it)
                break;
            auto last = next - 1;
            const double lastX0 = mKeyAxis->coordToPixel(double(last->begin));
            const double lastX1 = mKeyAxis->coordToPixel(double(last->end));
            if (lastX1 - lastX0 >= mergePixels_) {
                // Only the last of the jumped spans can be wide; it is drawn on its own.
                if (last != it)
                    blockEnd = std::max(blockEnd, mKeyAxis->coordToPixel(double((last - 1)->end)));
                it = last;
                break;
            }
            blockEnd = std::max(blockEnd, lastX1);
            it = next;
        }
        QColor dense = color;
        dense.setAlpha(170);
        painter->setPen(Qt::NoPen);
        painter->setBrush(dense);
        painter->drawRect(spanRect(displayRow, blockStart, blockEnd));
        ++lastDrawnRects_;
    }
}

void SpanPlottable::drawThreadCounts(QCPPainter* painter, int displayRow, const TimelineRow& row) {
    const auto& samples = row.set->threadCounts();
    if (samples.empty())
        return;
    const bool running = row.kind == TimelineRow::Kind::ThreadsRunning;
    auto valueOf = [running](const ThreadCountSample& s) { return running ? s.running : s.blocked; };
    int peak = 1;
    for (const ThreadCountSample& s : samples)
        peak = std::max(peak, valueOf(s));
    const QColor color = running ? theme_.running : theme_.blocked;
    const double left = std::max(double(mKeyAxis->axisRect()->left()), mKeyAxis->coordToPixel(double(samples.front().ts)));
    const double right = std::min(double(mKeyAxis->axisRect()->right()), mKeyAxis->coordToPixel(double(row.set->endTime())));
    const double columnPx = 2.0;
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    for (double x = left; x < right; x += columnPx) {
        const double k0 = mKeyAxis->pixelToCoord(x);
        const double k1 = mKeyAxis->pixelToCoord(x + columnPx);
        auto it = std::upper_bound(samples.begin(), samples.end(), k0,
                                   [](double key, const ThreadCountSample& s) { return key < double(s.ts); });
        int value = it == samples.begin() ? 0 : valueOf(*(it - 1));
        for (; it != samples.end() && double(it->ts) < k1; ++it)
            value = std::max(value, valueOf(*it));
        if (value == 0)
            continue;
        const double fraction = double(value) / peak;
        const QRectF bar = spanRect(displayRow, x, x + columnPx);
        painter->drawRect(QRectF(bar.left(), bar.bottom() - bar.height() * fraction, columnPx, bar.height() * fraction));
        ++lastDrawnRects_;
    }
    const QRectF labelRow = spanRect(displayRow, mKeyAxis->axisRect()->right() - 140, mKeyAxis->axisRect()->right() - 6);
    painter->setFont(theme_.font(0.75));
    painter->setPen(theme_.mutedText);
    painter->drawText(labelRow, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("peak %1").arg(peak));
}

void SpanPlottable::drawOpenSpans(QCPPainter* painter) {
    if (liveEnd_ < 0)
        return;
    for (const TimelineRow& row : rows_) {
        if (!row.set || row.kind != TimelineRow::Kind::Spans)
            continue;
        // Each set once: the first row that names it.
        if (&row != &*std::find_if(rows_.begin(), rows_.end(), [&](const TimelineRow& r) { return r.set == row.set; }))
            continue;
        std::vector<std::uint32_t> openRows;
        const std::vector<Span> open = row.set->openSpansAt(liveEnd_, &openRows);
        for (std::size_t i = 0; i < open.size(); ++i) {
            const int display = displayRowOf(row.set, int(openRows[i]));
            if (display < 0)
                continue;
            QColor color = theme_.spanColor(open[i].kind, open[i].queue);
            color.setAlpha(150);
            painter->setPen(Qt::NoPen);
            painter->setBrush(color);
            painter->drawRect(spanRect(display, mKeyAxis->coordToPixel(double(open[i].begin)),
                                       mKeyAxis->coordToPixel(double(open[i].end))));
            ++lastDrawnRects_;
        }
    }
}

void SpanPlottable::drawFlows(QCPPainter* painter) {
    if (!selected_.valid() || selected_.displayRow >= int(rows_.size()))
        return;
    const TimelineRow& row = rows_[selected_.displayRow];
    if (!row.set)
        return;
    const SpanSet& set = *row.set;
    const Span& chosen = selected_.span;
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(theme_.text, 2));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(spanRect(selected_.displayRow, mKeyAxis->coordToPixel(double(chosen.begin)),
                               mKeyAxis->coordToPixel(double(chosen.end))).adjusted(-1, -1, 1, 1));
    if (chosen.id == 0)
        return;
    // The chain of one id: where it was scheduled, then every span it occupied.
    std::vector<QPointF> points;
    auto centreY = [&](int display) { return mValueAxis->coordToPixel(display + 0.5); };
    const int mainRow = displayRowOf(&set, set.rowOf(Lane{LaneKind::Main, 0, 0}));
    const Nanoseconds enqueued = set.enqueuedAt(chosen.id);
    if (enqueued >= 0 && mainRow >= 0) {
        points.push_back(QPointF(mKeyAxis->coordToPixel(double(enqueued)), centreY(mainRow)));
    } else if (const std::uint64_t cause = set.unqueuedCauseOf(chosen.id)) {
        // No queue events (a trace from Node): the arrow starts at what scheduled it, the
        // last span of its cause that began before it.
        for (const SpanRef& ref : set.spansOf(cause)) {
            const Span& span = set.rows()[ref.row].spans[ref.index];
            const int display = displayRowOf(&set, int(ref.row));
            if (span.begin > chosen.begin || display < 0)
                continue;
            points.assign(1, QPointF(mKeyAxis->coordToPixel(double(std::min(span.end, chosen.begin))), centreY(display)));
        }
    }
    std::vector<std::pair<QPointF, QPointF>> arrows;
    for (const SpanRef& ref : set.spansOf(chosen.id)) {
        const int display = displayRowOf(&set, int(ref.row));
        if (display < 0)
            continue;
        const Span& span = set.rows()[ref.row].spans[ref.index];
        const QPointF start(mKeyAxis->coordToPixel(double(span.begin)), centreY(display));
        if (!points.empty())
            arrows.emplace_back(points.back(), start);
        points.push_back(QPointF(mKeyAxis->coordToPixel(double(span.end)), centreY(display)));
    }
    QPen pen(theme_.playhead, 2);
    painter->setPen(pen);
    painter->setBrush(theme_.playhead);
    for (const auto& [from, to] : arrows) {
        QPainterPath path(from);
        const double dx = std::max(20.0, std::abs(to.x() - from.x()) / 2);
        path.cubicTo(from + QPointF(dx, 0), to - QPointF(dx, 0), to);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(path);
        painter->setBrush(theme_.playhead);
        painter->drawPolygon(QPolygonF({to, to + QPointF(-9, -5), to + QPointF(-9, 5)}));
    }
    painter->setRenderHint(QPainter::Antialiasing, false);
}

SpanHit SpanPlottable::spanAt(const QPointF& pixel) const {
    if (!mKeyAxis || !mValueAxis)
        return {};
    const double value = mValueAxis->pixelToCoord(pixel.y());
    const int display = int(std::floor(value));
    if (display < 0 || display >= int(rows_.size()) || !isShown(display))
        return {};
    const double fraction = value - display;
    if (fraction < kBarTop - 0.05 || fraction > kBarBottom + 0.05)
        return {};
    const TimelineRow& row = rows_[display];
    if (!row.set || row.kind != TimelineRow::Kind::Spans || row.row < 0)
        return {};
    const auto& spans = row.set->rows()[row.row].spans;
    const double key = mKeyAxis->pixelToCoord(pixel.x());
    const double tolerance = std::abs(mKeyAxis->pixelToCoord(pixel.x() + 3) - key);
    auto it = std::lower_bound(spans.begin(), spans.end(), key - tolerance,
                               [](const Span& s, double k) { return double(s.end) < k; });
    // The nearest span within the tolerance.
    const Span* best = nullptr;
    double bestDistance = tolerance;
    for (; it != spans.end() && double(it->begin) <= key + tolerance; ++it) {
        const double distance = key < it->begin ? it->begin - key : key > it->end ? key - it->end : 0.0;
        if (distance <= bestDistance) {
            best = &*it;
            bestDistance = distance;
            if (distance == 0)
                break;
        }
    }
    if (!best)
        return {};
    return SpanHit{display, *best};
}

double SpanPlottable::selectTest(const QPointF& pos, bool onlySelectable, QVariant*) const {
    if (onlySelectable && !selectable())
        return -1;
    return spanAt(pos).valid() ? 0.0 : -1.0;
}

QCPRange SpanPlottable::getKeyRange(bool& foundRange, QCP::SignDomain) const {
    Nanoseconds end = 0;
    for (const TimelineRow& row : rows_)
        if (row.set)
            end = std::max(end, row.set->endTime());
    foundRange = true;
    return QCPRange(0, std::max<double>(double(end), 1000.0));
}

QCPRange SpanPlottable::getValueRange(bool& foundRange, QCP::SignDomain, const QCPRange&) const {
    foundRange = !rows_.empty();
    return QCPRange(0, double(std::max<std::size_t>(1, rows_.size())));
}

void SpanPlottable::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const {
    painter->fillRect(rect, theme_.main);
}

}  // namespace loopscope
