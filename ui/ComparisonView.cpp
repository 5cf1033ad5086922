#include "ComparisonView.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QStyle>
#include <QTableWidget>
#include <algorithm>
#include <map>
#include <qcustomplot.h>

#include "EngineNames.h"
#include "LoopState.h"
#include "PlotStyle.h"
#include "RunMeasurements.h"
#include "SummaryTable.h"
#include "TickSpacing.h"
#include "TraceStore.h"

namespace loopscope {
namespace {

// The events the measurements read (requests and the process's counters): a run of
// millions of events is not decoded whole to measure its few requests.
Trace measuredEvents(const PackedTrace& trace) {
    Trace measured;
    for (PackedTrace::Cursor c = trace.cursor(); !c.atEnd(); c.next()) {
        switch (c.event().kind) {
        case EventKind::RequestSend:
        case EventKind::RequestDone:
        case EventKind::RequestArrive:
        case EventKind::RequestRespond:
        case EventKind::Counter: measured.push_back(c.event()); break;
        default: break;
        }
    }
    return measured;
}

}  // namespace

namespace {

QString engineText(EngineKind engine) { return QString::fromUtf8(engineLabel(engine)); }

QCustomPlot* makePlot(const QString& title, const QString& yLabel) {
    auto* plot = new QCustomPlot;
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, title, QFont(QStringLiteral("DejaVu Sans"), 10, QFont::Bold)));
    plot->yAxis->setLabel(yLabel);
    // One legend above the three plots (legend_) names the colours: none inside a plot
    // hides a point.
    plot->legend->setVisible(false);
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    // Three plots side by side are narrow on a projector: as many ticks as their labels fit.
    plot->xAxis->setTicker(QSharedPointer<SpacedTicker>::create());
    plot->yAxis->setTicker(QSharedPointer<SpacedTicker>::create());
    keepTickLabelsApart(*plot);
    return plot;
}

QCPGraph* series(QCustomPlot* plot, const QString& name, const QColor& color, bool steps) {
    QCPGraph* graph = plot->addGraph();
    graph->setName(name);
    graph->setPen(QPen(color, 2));
    if (steps)
        graph->setLineStyle(QCPGraph::lsStepLeft);
    graph->setAdaptiveSampling(true);
    return graph;
}

}  // namespace

ComparisonView::ComparisonView(QWidget* parent)
    : QWidget(parent),
      latency_(makePlot(tr("Latency of each request"), tr("ms"))),
      threadPlot_(makePlot(tr("Threads alive"), tr("threads"))),
      memory_(makePlot(tr("Resident memory"), tr("MiB"))),
      table_(new QTableWidget(0, 4)),
      legend_(new QLabel),
      hint_(new QLabel(tr("Run a scenario with a server and load on both engines (Engine: Both, compared) to compare them."))) {
    latency_->xAxis->setLabel(tr("request"));
    // Whole requests and whole threads.
    qSharedPointerCast<SpacedTicker>(latency_->xAxis->ticker())->setWholeNumbers(true);
    qSharedPointerCast<SpacedTicker>(threadPlot_->yAxis->ticker())->setWholeNumbers(true);
    threadPlot_->xAxis->setLabel(tr("time (ms)"));
    memory_->xAxis->setLabel(tr("time (ms)"));
    table_->setHorizontalHeaderLabels({tr("Measured"), tr("Event loop"), tr("Threads"), tr("Ratio")});
    table_->horizontalHeaderItem(2)->setToolTip(tr("Thread per request"));
    table_->horizontalHeaderItem(3)->setToolTip(tr("Thread per request divided by event loop"));
    // The figures keep their width; the names take what is left and wrap, so that the
    // table never scrolls sideways (1280x720, projector type).
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table_->horizontalHeader()->setStretchLastSection(false);
    table_->setWordWrap(true);
    table_->setTextElideMode(Qt::ElideNone);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->verticalHeader()->setVisible(false);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    hint_->setWordWrap(true);
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(4, 4, 4, 4);
    grid->addWidget(hint_, 0, 0, 1, 4);
    grid->addWidget(legend_, 1, 0, 1, 3, Qt::AlignHCenter);
    grid->addWidget(latency_, 2, 0);
    grid->addWidget(threadPlot_, 2, 1);
    grid->addWidget(memory_, 2, 2);
    grid->addWidget(table_, 1, 3, 2, 1);
    for (int c = 0; c < 3; ++c)
        grid->setColumnStretch(c, 2);
    grid->setColumnStretch(3, 4);  // the table's names are long
    grid->setRowStretch(2, 1);  // the plots take the height, not the legend
    table_->installEventFilter(this);  // its type changes with projector mode
    setTheme(theme_);
}

bool ComparisonView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == table_ && event->type() == QEvent::FontChange)
        fitTableWidth();
    return QWidget::eventFilter(watched, event);
}

// The names wrap at spaces but cannot break a word, and the figures never wrap: with that
// width the table needs no sideways scrolling and cuts nothing.
void ComparisonView::fitTableWidth() {
    const QFontMetrics metrics(table_->font());
    const int margin = 2 * (table_->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table_) + 1) + 1;
    QHeaderView* header = table_->horizontalHeader();
    int width = 0;
    for (int c = 1; c < table_->columnCount(); ++c)
        if (!table_->isColumnHidden(c))
            width += std::max(static_cast<const QAbstractItemView*>(table_)->sizeHintForColumn(c), header->sectionSizeHint(c));
    int names = header->sectionSizeHint(0);
    for (int r = 0; r < table_->rowCount(); ++r)
        if (const QTableWidgetItem* item = table_->item(r, 0))
            for (const QString& word : item->text().split(u' ', Qt::SkipEmptyParts))
                names = std::max(names, metrics.horizontalAdvance(word) + margin);
    table_->setMinimumWidth(width + names + 2 * table_->frameWidth() + table_->verticalScrollBar()->sizeHint().width());
}

void ComparisonView::setStores(const TraceStore* eventLoop, const TraceStore* threadPerRequest) {
    eventLoop_ = eventLoop;
    threads_ = threadPerRequest;
    refresh();
}

void ComparisonView::setTheme(const Theme& theme) {
    theme_ = theme;
    const auto swatch = [](const QColor& color, const QString& name) {
        return QStringLiteral("<span style='color:%1'>&#9632;</span>&nbsp;%2").arg(color.name(), name.toHtmlEscaped());
    };
    legend_->setText(swatch(theme.engineColor(EngineKind::EventLoop), engineText(EngineKind::EventLoop)) +
                     QStringLiteral("&nbsp;&nbsp;&nbsp;&nbsp;") +
                     swatch(theme.engineColor(EngineKind::ThreadPerRequest), engineText(EngineKind::ThreadPerRequest)));
    for (QCustomPlot* plot : {latency_, threadPlot_, memory_}) {
        applyPlotTheme(*plot, theme);
        plot->legend->setBrush(theme.panel);
        plot->legend->setTextColor(theme.text);
        if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0)))
            title->setTextColor(theme.text);
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void ComparisonView::refresh() {
    for (QCustomPlot* plot : {latency_, threadPlot_, memory_})
        plot->clearGraphs();
    struct Side {
        const TraceStore* store;
        QString name;
        QColor color;
        int column;
    };
    const Side sides[] = {
        {eventLoop_, engineText(EngineKind::EventLoop), theme_.engineColor(EngineKind::EventLoop), 1},
        {threads_, engineText(EngineKind::ThreadPerRequest), theme_.engineColor(EngineKind::ThreadPerRequest), 2}};
    const std::vector<std::string> titles = summaryTitles();
    table_->setRowCount(int(titles.size()));
    for (int r = 0; r < table_->rowCount(); ++r)
        for (int c = 0; c < table_->columnCount(); ++c)
            table_->setItem(r, c, new QTableWidgetItem(c == 0 ? QString::fromStdString(titles[std::size_t(r)]) : QString()));
    std::vector<RunMeasurements> measured;
    for (const Side& side : sides) {
        if (!side.store || side.store->size() == 0)
            continue;
        const Trace trace = measuredEvents(side.store->trace());
        const std::vector<RequestTiming> requests = requestTimings(trace);
        const std::vector<ProcessSample> samples = side.store->processSamples();
        const RunMeasurements m = measureRun(requests, samples, processTotalsFromTrace(trace));
        measured.push_back(m);

        QCPGraph* latency = series(latency_, side.name, side.color, false);
        latency->setLineStyle(QCPGraph::lsNone);
        latency->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, side.color, side.color, 5));
        for (const RequestTiming& request : requests)
            if (request.answered())
                latency->addData(request.number, double(request.latency()) / kMillisecond);
        QCPGraph* threads = series(threadPlot_, side.name, side.color, true);
        QCPGraph* memory = series(memory_, side.name, side.color, false);
        for (const ProcessSample& sample : samples) {
            threads->addData(double(sample.at) / kMillisecond, sample.status.threads);
            memory->addData(double(sample.at) / kMillisecond, double(sample.status.rssBytes) / (1024.0 * 1024.0));
        }
        const std::vector<std::string> cells = summaryCells(m);
        for (std::size_t r = 0; r < cells.size() && r < titles.size(); ++r)
            table_->item(int(r), side.column)->setText(QString::fromStdString(cells[r]));
    }
    if (measured.size() == 2) {
        const std::vector<std::string> ratios = summaryRatios(measured[0], measured[1]);
        for (std::size_t r = 0; r < ratios.size() && r < titles.size(); ++r)
            table_->item(int(r), 3)->setText(QString::fromStdString(ratios[r]));
    }
    table_->setColumnHidden(3, measured.size() != 2);
    fitTableWidth();
    hint_->setVisible(measured.empty());
    for (QCustomPlot* plot : {latency_, threadPlot_, memory_}) {
        plot->rescaleAxes();
        plot->yAxis->setRangeLower(0);
        plot->yAxis->setRangeUpper(plot->yAxis->range().upper * 1.08);  // the top line off the frame
    }
    // Whole requests, with room either side of the first and the last.
    latency_->xAxis->setRange(latency_->xAxis->range().lower - 0.5, latency_->xAxis->range().upper + 0.5);
    for (QCustomPlot* plot : {latency_, threadPlot_, memory_})
        plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace loopscope
