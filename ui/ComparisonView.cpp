#include "ComparisonView.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <algorithm>
#include <map>
#include <qcustomplot.h>

#include "LoopState.h"
#include "TraceStore.h"

namespace loopscope {

RunMeasures measureRun(const Trace& trace, EngineKind engine, int threadpool) {
    RunMeasures m;
    std::map<std::int64_t, Nanoseconds> arrived;
    // A cluster run has one loop thread, one pool and one RSS per process.
    int processes = 1;
    for (const TraceEvent& e : trace)
        processes = std::max(processes, int(e.lane.process) + 1);
    int alive = engine == EngineKind::EventLoop ? processes : 0;
    std::vector<bool> poolSeen(std::size_t(processes), false);
    std::vector<std::int64_t> rssOf(std::size_t(processes), 0);
    for (const TraceEvent& e : trace) {
        m.duration = std::max(m.duration, e.ts);
        switch (e.kind) {
        case EventKind::RequestArrive:
            ++m.requests;
            arrived.emplace(e.value, e.ts);
            break;
        case EventKind::RequestRespond: {
            auto it = arrived.find(e.value);
            if (it != arrived.end()) {
                ++m.answered;
                m.latencies.emplace_back(int(e.value), e.ts - it->second);
            }
            break;
        }
        case EventKind::Counter:
            if (e.text == "RSS bytes") {
                rssOf[e.lane.process] = e.value;
                std::int64_t total = 0;
                for (std::int64_t rss : rssOf)
                    total += rss;
                m.rss.emplace_back(e.ts, total);
                m.peakRssBytes = std::max(m.peakRssBytes, total);
            }
            break;
        case EventKind::ThreadCreate:
            ++alive;
            m.threads.emplace_back(e.ts, alive);
            break;
        case EventKind::ThreadExit:
            --alive;
            m.threads.emplace_back(e.ts, alive);
            break;
        case EventKind::WorkBegin:
            // libuv starts its whole pool at the first job.
            if (e.lane.kind == LaneKind::PoolWorker && !poolSeen[e.lane.process]) {
                poolSeen[e.lane.process] = true;
                alive += threadpool;
                m.threads.emplace_back(e.ts, alive);
            }
            break;
        default:
            break;
        }
        m.peakThreads = std::max(m.peakThreads, alive);
    }
    if (m.threads.empty() || m.threads.front().first > 0)
        m.threads.insert(m.threads.begin(), {0, engine == EngineKind::EventLoop ? processes : 0});
    m.threads.emplace_back(m.duration, alive);
    std::vector<Nanoseconds> sorted;
    for (const auto& [request, latency] : m.latencies)
        sorted.push_back(latency);
    std::sort(sorted.begin(), sorted.end());
    auto percentile = [&](double p) {
        if (sorted.empty())
            return Nanoseconds(0);
        // Nearest rank.
        const std::size_t rank = std::size_t(std::ceil(p * double(sorted.size())));
        return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
    };
    m.p50 = percentile(0.50);
    m.p99 = percentile(0.99);
    m.throughput = m.duration > 0 ? double(m.answered) / (double(m.duration) / double(kSecond)) : 0.0;
    return m;
}

namespace {

QCustomPlot* makePlot(const QString& title, const QString& yLabel) {
    auto* plot = new QCustomPlot;
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, title, QFont(QStringLiteral("DejaVu Sans"), 10, QFont::Bold)));
    plot->yAxis->setLabel(yLabel);
    plot->legend->setVisible(true);
    plot->legend->setFont(QFont(QStringLiteral("DejaVu Sans"), 8));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
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

QString ms(Nanoseconds ns) { return QString::fromStdString(formatDuration(ns)); }

}  // namespace

ComparisonView::ComparisonView(QWidget* parent)
    : QWidget(parent),
      latency_(makePlot(tr("Latency of each request"), tr("ms"))),
      threadPlot_(makePlot(tr("Threads alive"), tr("threads"))),
      memory_(makePlot(tr("Resident memory"), tr("MiB"))),
      table_(new QTableWidget(0, 3)),
      hint_(new QLabel(tr("Run a scenario with a server and load on both engines (Engine: Both, compared) to compare them."))) {
    latency_->xAxis->setLabel(tr("request (arrival order)"));
    threadPlot_->xAxis->setLabel(tr("time (ms)"));
    memory_->xAxis->setLabel(tr("time (ms)"));
    table_->setHorizontalHeaderLabels({tr("Measure"), tr("Event loop"), tr("Thread per request")});
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->verticalHeader()->setVisible(false);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    hint_->setWordWrap(true);
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(4, 4, 4, 4);
    grid->addWidget(hint_, 0, 0, 1, 4);
    grid->addWidget(latency_, 1, 0);
    grid->addWidget(threadPlot_, 1, 1);
    grid->addWidget(memory_, 1, 2);
    grid->addWidget(table_, 1, 3);
    for (int c = 0; c < 4; ++c)
        grid->setColumnStretch(c, 1);
    setTheme(theme_);
}

void ComparisonView::setStores(const TraceStore* eventLoop, const TraceStore* threadPerRequest) {
    eventLoop_ = eventLoop;
    threads_ = threadPerRequest;
    refresh();
}

void ComparisonView::setTheme(const Theme& theme) {
    theme_ = theme;
    for (QCustomPlot* plot : {latency_, threadPlot_, memory_}) {
        plot->setBackground(theme.panel);
        for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
            axis->setTickLabelColor(theme.text);
            axis->setLabelColor(theme.mutedText);
            axis->setBasePen(QPen(theme.panelBorder));
            axis->setTickPen(QPen(theme.panelBorder));
            axis->grid()->setPen(QPen(theme.grid, 1, Qt::DotLine));
        }
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
    table_->setRowCount(0);
    struct Side {
        const TraceStore* store;
        EngineKind engine;
        QString name;
        QColor color;
        int column;
    };
    const Side sides[] = {{eventLoop_, EngineKind::EventLoop, tr("event loop"), theme_.main, 1},
                          {threads_, EngineKind::ThreadPerRequest, tr("thread per request"), theme_.blocked, 2}};
    const QStringList rows{tr("Requests answered"), tr("Latency p50"), tr("Latency p99"), tr("Throughput"),
                           tr("Peak threads"), tr("Peak memory (RSS)"), tr("Run time")};
    table_->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r)
        table_->setItem(r, 0, new QTableWidgetItem(rows[r]));
    bool any = false;
    for (const Side& side : sides) {
        if (!side.store || side.store->size() == 0)
            continue;
        any = true;
        const RunMeasures m = measureRun(side.store->trace(), side.engine, threadpool_);
        QCPGraph* latency = series(latency_, side.name, side.color, false);
        latency->setLineStyle(QCPGraph::lsNone);
        latency->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, side.color, side.color, 5));
        for (const auto& [request, ns] : m.latencies)
            latency->addData(request, double(ns) / kMillisecond);
        QCPGraph* threads = series(threadPlot_, side.name, side.color, true);
        for (const auto& [ts, count] : m.threads)
            threads->addData(double(ts) / kMillisecond, count);
        QCPGraph* memory = series(memory_, side.name, side.color, false);
        for (const auto& [ts, bytes] : m.rss)
            memory->addData(double(ts) / kMillisecond, double(bytes) / (1024.0 * 1024.0));
        const QStringList values{
            QStringLiteral("%1 of %2").arg(m.answered).arg(m.requests), ms(m.p50), ms(m.p99),
            QStringLiteral("%1 req/s").arg(m.throughput, 0, 'f', 1), QString::number(m.peakThreads),
            m.peakRssBytes > 0 ? QStringLiteral("%1 MiB").arg(double(m.peakRssBytes) / (1024.0 * 1024.0), 0, 'f', 1) : tr("not measured"),
            ms(m.duration)};
        for (int r = 0; r < values.size(); ++r)
            table_->setItem(r, side.column, new QTableWidgetItem(values[r]));
    }
    hint_->setVisible(!any);
    for (QCustomPlot* plot : {latency_, threadPlot_, memory_}) {
        plot->rescaleAxes();
        plot->yAxis->setRangeLower(0);
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

}  // namespace loopscope
