#include "PlotStyle.h"

#include <qcustomplot.h>

namespace loopscope {

void applyPlotTheme(QCustomPlot& plot, const Theme& theme) {
    plot.setBackground(theme.panel);
    plot.axisRect()->setBackground(theme.panel);
    for (QCPAxis* axis : {plot.xAxis, plot.yAxis}) {
        axis->setBasePen(QPen(theme.panelBorder));
        axis->setTickPen(QPen(theme.panelBorder));
        axis->setSubTickPen(QPen(theme.panelBorder));
        axis->setTickLabelColor(theme.text);
        axis->setLabelColor(theme.mutedText);
        axis->setTickLabelFont(theme.font(0.85));
        axis->setLabelFont(theme.font(0.85));
        axis->grid()->setPen(QPen(theme.grid, 1, Qt::DotLine));
    }
}

}  // namespace loopscope
