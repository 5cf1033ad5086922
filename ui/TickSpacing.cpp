#include "TickSpacing.h"

#include <algorithm>
#include <cmath>

namespace loopscope {

void SpacedTicker::setSpacing(double axisPixels, double labelPixels) {
    axisPixels_ = axisPixels;
    labelPixels_ = labelPixels;
}

double SpacedTicker::getTickStep(const QCPRange& range) {
    if (axisPixels_ <= 0 || labelPixels_ <= 0)
        return QCPAxisTicker::getTickStep(range);
    const double least = std::max(wholeNumbers_ ? 1.0 : 0.0, range.size() * labelPixels_ / axisPixels_);
    if (!(least > 0) || !std::isfinite(least))
        return QCPAxisTicker::getTickStep(range);
    const double magnitude = std::pow(10.0, std::floor(std::log10(least)));
    for (const double mantissa : {1.0, 2.0, 2.5, 5.0}) {
        const double step = mantissa * magnitude;
        if (step >= least * (1 - 1e-9) && (!wholeNumbers_ || step == std::floor(step)))
            return step;
    }
    return 10 * magnitude;
}

namespace {

// How far a label reaches along its axis: its width across, its height up.
double labelExtent(const QCPAxis& axis) {
    const QFontMetricsF metrics(axis.tickLabelFont());
    if (axis.orientation() == Qt::Vertical)
        return metrics.height();
    const QVector<QString> labels = axis.tickVectorLabels();
    if (labels.isEmpty())
        return metrics.horizontalAdvance(QStringLiteral("000"));  // none yet: a guess the next layout corrects
    double widest = 0;
    for (const QString& label : labels)
        widest = std::max(widest, metrics.horizontalAdvance(label));
    return widest;
}

}  // namespace

void keepTickLabelsApart(QCustomPlot& plot) {
    QObject::connect(&plot, &QCustomPlot::afterLayout, &plot, [&plot] {
        bool changed = false;
        for (QCPAxis* axis : plot.axisRect()->axes()) {
            auto* ticker = dynamic_cast<SpacedTicker*>(axis->ticker().data());
            if (!ticker || !axis->visible())
                continue;
            const double length = axis->orientation() == Qt::Horizontal ? axis->axisRect()->width()
                                                                         : axis->axisRect()->height();
            const double spacing = labelExtent(*axis) + kTickLabelGap;
            // The labels' width depends on the step: in the same room a step only grows,
            // so that two steps never take turns.
            const QString room = QString::number(length) + u' ' + axis->tickLabelFont().toString();
            const bool newRoom = axis->property("spacedFor").toString() != room;
            if (newRoom || spacing > ticker->labelPixels()) {
                changed = changed || spacing != ticker->labelPixels() || newRoom;
                ticker->setSpacing(length, newRoom ? spacing : std::max(spacing, ticker->labelPixels()));
            }
            axis->setProperty("spacedFor", room);
        }
        if (changed)
            plot.replot(QCustomPlot::rpQueuedReplot);
    });
}

}  // namespace loopscope
