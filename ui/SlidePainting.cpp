#include "SlidePainting.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QResizeEvent>
#include <algorithm>
#include <qcustomplot.h>

#include "QueueNames.h"
#include "SlideRenderer.h"
#include "TimelineView.h"

namespace loopscope {

QString spanKindLabel(SpanKind kind, QueueKind queue) {
    switch (kind) {
    case SpanKind::Callback: return QString::fromUtf8(queueNames(queue).legend);
    case SpanKind::Work: return QStringLiteral("thread-pool / worker job");
    case SpanKind::Io: return QStringLiteral("network I/O in the kernel");
    case SpanKind::Running: return QStringLiteral("thread running");
    case SpanKind::Blocked: return QStringLiteral("thread blocked");
    }
    return QStringLiteral("callback");
}

void collectSpanKinds(const SpanSet& set, std::set<std::pair<int, int>>& kinds) {
    for (const SpanRow& row : set.rows())
        for (const Span& span : row.spans)
            kinds.insert({int(span.kind), span.kind == SpanKind::Callback ? int(span.queue) : 0});
}

std::vector<LegendEntry> spanLegend(const std::set<std::pair<int, int>>& kinds, const Theme& theme) {
    std::vector<LegendEntry> legend;
    std::set<QString> seen;
    for (const auto& [kind, queue] : kinds) {
        const QString label = spanKindLabel(SpanKind(kind), QueueKind(queue));
        if (!seen.insert(label).second)
            continue;
        const QColor color = theme.spanColor(SpanKind(kind), QueueKind(queue));
        auto same = std::find_if(legend.begin(), legend.end(), [&](const LegendEntry& e) { return e.color == color; });
        if (same != legend.end())
            same->label += QStringLiteral(", ") + label;
        else
            legend.push_back({color, label});
    }
    return legend;
}

SlideLayout layoutSlide(const QSizeF& size, double unit, bool legend) {
    const double margin = unit * 1.2;
    SlideLayout layout;
    layout.header = QRectF(margin, margin * 0.8, size.width() - 2 * margin, unit * 4.2);
    const double footerH = legend ? unit * 2.2 : 0;
    layout.footer = QRectF(margin, size.height() - margin * 0.6 - footerH, size.width() - 2 * margin, footerH);
    const double top = layout.header.bottom() + unit * 0.6;
    const double bottom = legend ? layout.footer.top() - unit * 0.4 : size.height() - margin * 0.6;
    layout.body = QRectF(margin, top, size.width() - 2 * margin, bottom - top);
    return layout;
}

void drawText(QPainter& painter, const QRectF& r, const QString& text, const QFont& font, const QColor& color,
              int flags) {
    painter.setFont(font);
    painter.setPen(color);
    painter.drawText(r, flags, QFontMetricsF(font).elidedText(text, Qt::ElideRight, r.width()));
}

void paintHeader(QPainter& painter, const QRectF& r, const Theme& theme, const QString& title, const QString& subtitle,
                 const QString& badge) {
    const double unit = theme.fontPx;
    painter.setPen(Qt::NoPen);
    painter.setBrush(theme.accent);
    painter.drawRoundedRect(QRectF(r.left(), r.top() + unit * 0.3, unit * 0.35, r.height() - unit * 0.6), unit * 0.15,
                            unit * 0.15);
    const QRectF text = r.adjusted(unit * 1.0, 0, 0, 0);
    const QFont badgeFont = theme.font(0.95, true);
    const double badgeW = badge.isEmpty() ? 0 : QFontMetricsF(badgeFont).horizontalAdvance(badge) + unit * 1.6;
    drawText(painter, QRectF(text.left(), text.top(), text.width() - badgeW - unit, r.height() * 0.6), title,
             theme.font(1.75, true), theme.text, Qt::AlignLeft | Qt::AlignBottom);
    drawText(painter, QRectF(text.left(), text.top() + r.height() * 0.62, text.width() - badgeW - unit, r.height() * 0.38),
             subtitle, theme.font(1.0), theme.mutedText, Qt::AlignLeft | Qt::AlignTop);
    if (!badge.isEmpty()) {
        const QRectF box(r.right() - badgeW, r.top() + r.height() * 0.5 - unit * 1.1, badgeW, unit * 2.2);
        painter.setPen(QPen(theme.playhead, 2));
        painter.setBrush(theme.panel);
        painter.drawRoundedRect(box, unit * 0.5, unit * 0.5);
        drawText(painter, box, badge, badgeFont, theme.playhead, Qt::AlignCenter);
    }
}

void paintLegend(QPainter& painter, const QRectF& r, const Theme& theme, const std::vector<LegendEntry>& entries) {
    const double unit = theme.fontPx;
    const QFont font = theme.font(0.9);
    const QFontMetricsF metrics(font);
    double x = r.left();
    for (const LegendEntry& entry : entries) {
        const double w = unit * 1.6 + metrics.horizontalAdvance(entry.label) + unit * 1.6;
        if (x + w > r.right() + unit)
            break;
        painter.setPen(Qt::NoPen);
        painter.setBrush(entry.color);
        painter.drawRoundedRect(QRectF(x, r.center().y() - unit * 0.45, unit * 1.2, unit * 0.9), unit * 0.2, unit * 0.2);
        drawText(painter, QRectF(x + unit * 1.6, r.top(), w - unit * 1.6, r.height()), entry.label, font, theme.text);
        x += w;
    }
}

QRectF paintPanel(QPainter& painter, const QRectF& r, const Theme& theme, const QString& title) {
    const double unit = theme.fontPx;
    painter.setPen(QPen(theme.panelBorder, 1));
    painter.setBrush(theme.panel);
    painter.drawRoundedRect(r, unit * 0.5, unit * 0.5);
    drawText(painter, QRectF(r.left() + unit * 0.9, r.top() + unit * 0.4, r.width() - unit * 1.8, unit * 1.8), title,
             theme.font(1.0, true), theme.text);
    return r.adjusted(unit * 0.5, unit * 2.4, -unit * 0.8, -unit * 0.5);
}


Theme beginSlide(QPainter& painter, const SlideOptions& options) {
    const Theme theme = SlideRenderer::slideTheme(options.theme, options.size);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.fillRect(QRectF(QPointF(0, 0), QSizeF(options.size)), theme.background);
    return theme;
}

void paintZebraRow(QPainter& painter, const QRectF& row, const Theme& theme) {
    QColor zebra = theme.grid;
    zebra.setAlpha(theme.isDark ? 90 : 120);
    painter.fillRect(row, zebra);
}

SlideTimeline::SlideTimeline() = default;
SlideTimeline::~SlideTimeline() = default;

TimelineView& SlideTimeline::at(const Theme& theme, const QSize& size, const SpanSet& first, const SpanSet& second,
                                const std::vector<Note>& notes, const QString& firstName, const QString& secondName) {
    if (!view_) {
        view_ = std::make_unique<TimelineView>();
        view_->setAttribute(Qt::WA_DontShowOnScreen);
        view_->setRowsScroll(false);  // a picture shows every lane
        view_->plot()->setAntialiasedElements(QCP::aeAll);
        view_->plot()->setNotAntialiasedElements(QCP::aeNone);
    }
    if (size != size_ || theme.name != theme_ || !view_->isVisible()) {
        view_->setTheme(theme);
        view_->resize(size);
        view_->show();
        view_->plot()->setGeometry(QRect(QPoint(0, 0), size));
        view_->setSourceNames(firstName, secondName);
        view_->setSources(first.rows().empty() ? nullptr : &first, second.rows().empty() ? nullptr : &second);
        view_->setNotes(notes);
        // The layout at this size decides how many lanes fit; rows follow it.
        view_->plot()->replot(QCustomPlot::rpImmediateRefresh);
        QResizeEvent resized(size, size);
        QCoreApplication::sendEvent(view_.get(), &resized);
        view_->fitAll();
        view_->plot()->replot(QCustomPlot::rpImmediateRefresh);
        size_ = size;
        theme_ = theme.name;
    }
    return *view_;
}

}  // namespace loopscope
