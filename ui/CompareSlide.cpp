#include "CompareSlide.h"

#include <QFileInfo>
#include <QPainter>
#include <qcustomplot.h>

#include "EngineNames.h"
#include "RecordedRuns.h"
#include "RunDifferences.h"
#include "TimelineView.h"

namespace loopscope {

namespace {

Nanoseconds mainScriptStart(const Trace* trace) {
    if (trace)
        for (const TraceEvent& event : *trace)
            if (event.kind == EventKind::CallbackBegin && event.lane.kind == LaneKind::Main)
                return event.ts;
    return 0;
}

bool recordedByNode(const RunDocument& document) { return document.origin.recorder.rfind("node", 0) == 0; }

QString recorderName(const RunDocument& document, std::size_t run) {
    if (recordedByNode(document))
        return QStringLiteral("node");
    return document.runs.size() > 1 && run < document.runs.size()
               ? QString::fromUtf8(engineLabel(document.runs[run].engine))
               : QStringLiteral("loopscope");
}

}  // namespace

void buildAlignedSpans(const Trace* first, const Trace* second, SpanSet& firstSpans, SpanSet& secondSpans) {
    const Nanoseconds start = std::min(mainScriptStart(first), mainScriptStart(second));
    for (const auto& [trace, spans] : {std::pair(first, &firstSpans), std::pair(second, &secondSpans)}) {
        const Nanoseconds shift = mainScriptStart(trace) - start;
        if (trace)
            for (TraceEvent event : *trace) {
                event.ts = std::max<Nanoseconds>(0, event.ts - shift);
                spans->add(event);
            }
    }
}

std::pair<QString, QString> compareNames(const RunDocument& first, std::size_t firstRun, const QString& firstPath,
                                         const RunDocument& second, std::size_t secondRun, const QString& secondPath) {
    const QString a = recorderName(first, firstRun), b = recorderName(second, secondRun);
    if (a != b)
        return {a, b};
    const QString fileA = QFileInfo(firstPath).completeBaseName(), fileB = QFileInfo(secondPath).completeBaseName();
    if (fileA != fileB && !fileA.isEmpty() && !fileB.isEmpty())
        return {fileA, fileB};
    return {QStringLiteral("A"), QStringLiteral("B")};
}

QString compareDescription(const RunDocument& document, const QString& path) {
    const Scenario scenario = scenarioOfDocument(document);
    return QStringLiteral("%1 by %2, %3 pool worker%4")
        .arg(QFileInfo(path).fileName(), QString::fromStdString(document.origin.recorder))
        .arg(scenario.runtime.threadpool)
        .arg(scenario.runtime.threadpool == 1 ? "" : "s");
}

CompareSlide::CompareSlide(QString title, CompareSide first, CompareSide second)
    : title_(std::move(title)), first_(std::move(first)), second_(std::move(second)) {
    buildAlignedSpans(first_.trace, second_.trace, firstSpans_, secondSpans_);
    collectSpanKinds(firstSpans_, spanKinds_);
    collectSpanKinds(secondSpans_, spanKinds_);
}

void CompareSlide::paint(QCPPainter& painter, const SlideOptions& options) {
    painter.save();
    const Theme theme = beginSlide(painter, options);
    const double unit = theme.fontPx;
    const QSizeF size(options.size);
    const SlideLayout layout = layoutSlide(size, unit, true);
    paintHeader(painter, layout.header, theme, title_,
                QStringLiteral("Compare, main scripts lined up \u00b7 %1: %2 \u00b7 %3: %4")
                    .arg(first_.name, first_.description, second_.name, second_.description),
                QString());

    // The timeline takes the width the table leaves.
    const double tableWidth = std::max(unit * 22, layout.body.width() * 0.3);
    const QRectF timelineArea(layout.body.left(), layout.body.top(), layout.body.width() - tableWidth - unit,
                              layout.body.height());
    const QRectF tablePanel(timelineArea.right() + unit, layout.body.top(), tableWidth, layout.body.height());
    const QSize plotSize = timelineArea.size().toSize();
    TimelineView& view = timeline_.at(theme, plotSize, firstSpans_, secondSpans_, {}, first_.name, second_.name);
    view.setPlayhead(Nanoseconds(-1) * kSecond * 3600 * 24);  // no playhead on a comparison
    painter.save();
    painter.translate(timelineArea.topLeft());
    view.plot()->toPainter(&painter, plotSize.width(), plotSize.height());
    painter.restore();
    paintDifferences(painter, paintPanel(painter, tablePanel, theme, QStringLiteral("Differences")), theme);
    paintLegend(painter, layout.footer, theme, spanLegend(spanKinds_, theme));
    painter.restore();
}

void CompareSlide::paintDifferences(QPainter& painter, const QRectF& area, const Theme& theme) {
    const double unit = theme.fontPx;
    const std::vector<DifferenceRow> rows =
        runDifferences({first_.name.toStdString(), first_.trace, first_.samples},
                       {second_.name.toStdString(), second_.trace, second_.samples});
    QStringList limits;
    for (const CompareSide* side : {&first_, &second_})
        if (!side->limits.empty()) {
            QStringList sentences;
            for (const std::string& limit : side->limits)
                sentences << QString::fromStdString(limit);
            limits << QStringLiteral("%1: %2").arg(side->name, sentences.join(QLatin1Char(' ')));
        }
    const QString limitText = limits.join(QLatin1Char('\n'));
    const QFont limitFont = theme.font(0.75);
    const double limitHeight =
        limitText.isEmpty() ? 0
                            : QFontMetricsF(limitFont)
                                  .boundingRect(QRectF(0, 0, area.width(), 1e6), Qt::TextWordWrap, limitText)
                                  .height() + unit * 0.5;
    const double rowHeight = std::min(unit * 1.9, (area.height() - limitHeight) / double(rows.size() + 1));
    // The figures keep their width; the titles take what is left.
    const QFont head = theme.font(0.85, true);
    const QFontMetricsF headMetrics(head), figureMetrics(theme.font(0.85, true));
    double valueWidths[3] = {headMetrics.horizontalAdvance(first_.name), headMetrics.horizontalAdvance(second_.name),
                             headMetrics.horizontalAdvance(QStringLiteral("change"))};
    for (const DifferenceRow& row : rows) {
        valueWidths[0] = std::max(valueWidths[0], figureMetrics.horizontalAdvance(QString::fromStdString(row.first)));
        valueWidths[1] = std::max(valueWidths[1], figureMetrics.horizontalAdvance(QString::fromStdString(row.second)));
        valueWidths[2] = std::max(valueWidths[2], figureMetrics.horizontalAdvance(QString::fromStdString(row.change)));
    }
    const double gap = unit * 0.8;
    const double labelWidth = std::max(area.width() * 0.3, area.width() - (valueWidths[0] + valueWidths[1] + valueWidths[2] + 3 * gap));
    auto cell = [&](int column, double top, const QString& text, const QFont& font, const QColor& color) {
        double left = area.left() + labelWidth;
        for (int c = 1; c < column; ++c)
            left += valueWidths[c - 1] + gap;
        const QRectF box(column == 0 ? area.left() : left, top, column == 0 ? labelWidth : valueWidths[column - 1] + gap, rowHeight);
        drawText(painter, box, text, font, color, (column == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
    };
    cell(1, area.top(), first_.name, head, theme.text);
    cell(2, area.top(), second_.name, head, theme.text);
    cell(3, area.top(), QStringLiteral("change"), head, theme.mutedText);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const double top = area.top() + rowHeight * double(i + 1);
        if (i % 2 == 0) {
            paintZebraRow(painter, QRectF(area.left(), top, area.width(), rowHeight), theme);
        }
        const DifferenceRow& row = rows[i];
        cell(0, top, QString::fromStdString(row.title), theme.font(0.8), theme.text);
        cell(1, top, QString::fromStdString(row.first), theme.font(0.85, true), theme.text);
        cell(2, top, QString::fromStdString(row.second), theme.font(0.85, true), theme.text);
        cell(3, top, QString::fromStdString(row.change), theme.font(0.85), theme.mutedText);
    }
    if (!limitText.isEmpty()) {
        painter.setFont(limitFont);
        painter.setPen(theme.mutedText);
        painter.drawText(QRectF(area.left(), area.bottom() - limitHeight + unit * 0.5, area.width(), limitHeight),
                         Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, limitText);
    }
}

}  // namespace loopscope
