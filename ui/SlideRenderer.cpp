#include "SlideRenderer.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QResizeEvent>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>
#include <set>
#include <tuple>

#include "EngineNames.h"
#include "LoopStateIndex.h"
#include "LoopView.h"
#include "PlotStyle.h"
#include "QueueNames.h"
#include "RunMeasurements.h"
#include "SlidePainting.h"
#include "TimelineView.h"
#include "TraceSpans.h"

namespace loopscope {
namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }
QString duration(Nanoseconds ns) { return qs(formatDuration(ns)); }
QString engineText(EngineKind engine) { return QString::fromUtf8(engineLabel(engine)); }

// A note late in the run would run off the right edge: its label hangs to the left of
// its line instead.
bool hasRequests(const Trace* trace) {
    return trace && std::any_of(trace->begin(), trace->end(),
                                [](const TraceEvent& e) {
                                    return e.kind == EventKind::RequestArrive || e.kind == EventKind::RequestSend;
                                });
}

QString runtimeText(const RuntimeSettings& runtime) {
    QString text = QStringLiteral("libuv thread pool: %1 worker%2 \u00b7 %3 CPU core%4")
                       .arg(runtime.threadpool).arg(runtime.threadpool == 1 ? "" : "s")
                       .arg(runtime.cores).arg(runtime.cores == 1 ? "" : "s");
    if (runtime.processes > 1)
        text += QStringLiteral(" \u00b7 %1 processes").arg(runtime.processes);
    return text;
}

QString bytesText(std::int64_t bytes) {
    if (bytes < 0)
        return QStringLiteral("\u2014");
    if (bytes >= 1024LL * 1024 * 1024)
        return QStringLiteral("%1 GiB").arg(double(bytes) / (1024.0 * 1024 * 1024), 0, 'f', 2);
    return QStringLiteral("%1 MiB").arg(double(bytes) / (1024.0 * 1024), 0, 'f', 1);
}


}  // namespace

bool slideViewFromName(const QString& name, SlideView* view) {
    if (name == QLatin1String("timeline"))
        *view = SlideView::Timeline;
    else if (name == QLatin1String("loop"))
        *view = SlideView::Loop;
    else if (name == QLatin1String("comparison"))
        *view = SlideView::Comparison;
    else
        return false;
    return true;
}

QString slideViewName(SlideView view) {
    switch (view) {
    case SlideView::Timeline: return QStringLiteral("timeline");
    case SlideView::Loop: return QStringLiteral("loop");
    case SlideView::Comparison: return QStringLiteral("comparison");
    }
    return {};
}

SlideSource slideSourceFor(const Scenario& scenario, const Trace* eventLoop, const Trace* threadPerRequest) {
    SlideSource source;
    source.title = qs(scenario.title);
    source.runtime = scenario.runtime;
    source.notes = scenario.notes;
    source.eventLoop = eventLoop;
    source.threadPerRequest = threadPerRequest;
    return source;
}

struct SlideRenderer::Impl {
    SlideSource source;
    SpanSet eventLoopSpans;
    SpanSet threadSpans;
    std::set<std::pair<int, int>> spanKinds;  // (SpanKind, QueueKind) that occur
    std::vector<LegendEntry> timelineLegend;
    const Trace* loopTrace = nullptr;  // the trace the loop view replays
    PackedTrace loopPacked;  // loopTrace as the index reads it
    LoopStateIndex loopIndex{2048};  // built on the first loop view: timelines do not need it

    const LoopStateIndex& indexedLoop() {
        if (loopTrace && loopIndex.indexedEvents() < loopTrace->size()) {
            for (std::size_t i = loopPacked.size(); i < loopTrace->size(); ++i)
                loopPacked.append((*loopTrace)[i]);
            loopIndex.extend(loopPacked);
        }
        return loopIndex;
    }
    SlideTimeline timeline;
    // The comparison's figures: the same RunMeasurements as `loopscope run --summary`.
    struct Measured {
        std::vector<RequestTiming> requests;
        RunMeasurements figures;
        Nanoseconds duration = 0;
    };
    bool measuredReady = false;
    Measured eventLoopMeasured;
    Measured threadMeasured;
    std::unique_ptr<QCustomPlot> latencyPlot;
    std::unique_ptr<QCustomPlot> inFlightPlot;

    Nanoseconds endTime() const {
        Nanoseconds end = 0;
        for (const Trace* trace : {source.eventLoop, source.threadPerRequest})
            if (trace)
                for (const TraceEvent& e : *trace)
                    end = std::max(end, e.ts);
        return end;
    }

    void buildLegend(const Theme& theme) { timelineLegend = spanLegend(spanKinds, theme); }

    TimelineView& timelineFor(const Theme& theme, const QSize& size) {
        return timeline.at(theme, size, eventLoopSpans, threadSpans, source.notes);
    }

    static Measured measure(const Trace* trace, const std::vector<ProcessSample>* samples) {
        Measured m;
        if (!trace)
            return m;
        m.requests = requestTimings(*trace);
        m.figures = measureRun(m.requests, samples ? *samples : std::vector<ProcessSample>{},
                               processTotalsFromTrace(*trace));
        for (const TraceEvent& e : *trace)
            m.duration = std::max(m.duration, e.ts);
        return m;
    }

    void ensureMeasured() {
        if (measuredReady)
            return;
        eventLoopMeasured = measure(source.eventLoop, source.eventLoopSamples);
        threadMeasured = measure(source.threadPerRequest, source.threadPerRequestSamples);
        measuredReady = true;
    }
};

SlideRenderer::SlideRenderer(SlideSource source) : impl_(std::make_unique<Impl>()) {
    impl_->source = std::move(source);
    if (impl_->source.eventLoop)
        for (const TraceEvent& e : *impl_->source.eventLoop)
            impl_->eventLoopSpans.add(e);
    if (impl_->source.threadPerRequest)
        for (const TraceEvent& e : *impl_->source.threadPerRequest)
            impl_->threadSpans.add(e);
    collectSpanKinds(impl_->eventLoopSpans, impl_->spanKinds);
    collectSpanKinds(impl_->threadSpans, impl_->spanKinds);
    impl_->loopTrace = impl_->source.eventLoop ? impl_->source.eventLoop : impl_->source.threadPerRequest;
}

SlideRenderer::~SlideRenderer() = default;

bool SlideRenderer::canShow(SlideView view, QString* why) const {
    auto fail = [&](const QString& text) {
        if (why)
            *why = text;
        return false;
    };
    const bool anyEvents = (impl_->source.eventLoop && !impl_->source.eventLoop->empty()) ||
                           (impl_->source.threadPerRequest && !impl_->source.threadPerRequest->empty());
    if (!anyEvents)
        return fail(QStringLiteral("the run recorded no events"));
    if (view == SlideView::Comparison) {
        if (!impl_->source.eventLoop || !impl_->source.threadPerRequest)
            return fail(QStringLiteral("the comparison view needs both engines: run with --mode both"));
        if (!hasRequests(impl_->source.eventLoop) && !hasRequests(impl_->source.threadPerRequest))
            return fail(QStringLiteral("the comparison view needs requests: the scenario has no server load"));
    }
    return true;
}

Nanoseconds SlideRenderer::endTime() const { return impl_->endTime(); }

Nanoseconds SlideRenderer::busiestMoment() const {
    if (!impl_->loopTrace || impl_->loopTrace->empty())
        return 0;
    const Nanoseconds end = endTime();
    Nanoseconds best = 0;
    int bestScore = -1;
    constexpr int kSamples = 240;
    for (int i = 0; i <= kSamples; ++i) {
        const Nanoseconds t = end * i / kSamples;
        const LoopState state = impl_->indexedLoop().stateAtTime(impl_->loopPacked, t);
        int score = state.poolBusy() * 3 + state.workersBusy() * 3 + int(state.kernelIo.size()) * 2 +
                    int(state.callStack.size()) + state.threadsAlive;
        for (const auto& queue : state.queues)
            score += int(queue.size()) * 2;
        if (score > bestScore) {
            bestScore = score;
            best = t;
        }
    }
    return best;
}

Theme SlideRenderer::slideTheme(const QString& name, const QSize& size) {
    Theme theme = Theme::byName(name);
    const double scale = std::min(size.width() / 1920.0, size.height() / 1080.0);
    theme.fontPx = std::clamp(int(std::lround(20 * scale)), 9, 96);
    return theme;
}

namespace {

void styleChart(QCustomPlot& plot, const Theme& theme) {
    applyPlotTheme(plot, theme);
    plot.setAntialiasedElements(QCP::aeAll);
    plot.legend->setVisible(false);
}

void addEngineGraph(QCustomPlot& plot, const QVector<double>& x, const QVector<double>& y, const QColor& color,
                    bool steps, double unit) {
    QCPGraph* graph = plot.addGraph();
    graph->setData(x, y, true);
    graph->setPen(QPen(color, std::max(2.0, unit * 0.15)));
    graph->setLineStyle(steps ? QCPGraph::lsStepLeft : QCPGraph::lsLine);
    if (!steps && x.size() <= 200)
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, unit * 0.45));
}

// Counts have whole-number ticks: 1, 2, 3 or 10, 20, 30, never 2.5.
QSharedPointer<QCPAxisTicker> wholeNumberTicker() {
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    ticker->setTickCount(8);
    return ticker;
}

}  // namespace

void SlideRenderer::paint(QCPPainter& painter, const SlideOptions& options) {
    painter.save();
    const Theme theme = beginSlide(painter, options);
    const double unit = theme.fontPx;
    const QSizeF size(options.size);
    const QString title = impl_->source.title.isEmpty() ? QStringLiteral("loopscope") : impl_->source.title;
    const RuntimeSettings& runtime = impl_->source.runtime;

    switch (options.view) {
    case SlideView::Timeline: {
        impl_->buildLegend(theme);
        const SlideLayout layout = layoutSlide(size, unit, true);
        const QString engines = impl_->source.eventLoop && impl_->source.threadPerRequest
                                    ? QStringLiteral("Both engines on one time axis")
                                    : impl_->source.threadPerRequest ? QStringLiteral("One thread per request")
                                                                     : QStringLiteral("What each thread did, and when");
        paintHeader(painter, layout.header, theme, title,
                    QStringLiteral("Timeline \u00b7 %1 \u00b7 %2").arg(engines, runtimeText(runtime)),
                    options.at >= 0 ? QStringLiteral("t = %1").arg(duration(options.at)) : QString());
        const QSize plotSize = layout.body.size().toSize();
        TimelineView& view = impl_->timelineFor(theme, plotSize);
        view.setPlayhead(options.at >= 0 ? options.at : Nanoseconds(-1) * kSecond * 3600 * 24);
        painter.save();
        painter.translate(layout.body.topLeft());
        view.plot()->toPainter(&painter, plotSize.width(), plotSize.height());
        painter.restore();
        paintLegend(painter, layout.footer, theme, impl_->timelineLegend);
        break;
    }
    case SlideView::Loop: {
        const SlideLayout layout = layoutSlide(size, unit, false);
        const Nanoseconds at = options.at >= 0 ? options.at : busiestMoment();
        LoopState state;
        if (impl_->loopTrace)
            state = impl_->indexedLoop().stateAtTime(impl_->loopPacked, at);
        state.time = at;  // the moment asked for, not the last event before it
        paintHeader(painter, layout.header, theme, title,
                    QStringLiteral("The event loop \u00b7 %1").arg(runtimeText(runtime)),
                    QStringLiteral("t = %1").arg(duration(at)));
        LoopViewOptions loopOptions;
        loopOptions.threadpool = runtime.threadpool;
        loopOptions.caption = title;
        paintLoopView(painter, layout.body, state, theme, loopOptions);
        break;
    }
    case SlideView::Comparison: {
        impl_->ensureMeasured();
        const Impl::Measured& loop = impl_->eventLoopMeasured;
        const Impl::Measured& threads = impl_->threadMeasured;
        const QColor loopColor = theme.engineColor(EngineKind::EventLoop);
        const QColor threadColor = theme.engineColor(EngineKind::ThreadPerRequest);
        const SlideLayout layout = layoutSlide(size, unit, true);
        paintHeader(painter, layout.header, theme, title,
                    QStringLiteral("One thread with an event loop vs one thread per request \u00b7 %1 requests \u00b7 %2")
                        .arg(std::max(loop.figures.requests, threads.figures.requests))
                        .arg(runtimeText(runtime)),
                    QString());
        const double gap = unit;
        const double tableW = std::clamp(layout.body.width() * 0.36, unit * 20, unit * 34);
        const QRectF charts(layout.body.left(), layout.body.top(), layout.body.width() - tableW - gap, layout.body.height());
        const QRectF latencyPanel(charts.left(), charts.top(), charts.width(), (charts.height() - gap) / 2);
        const QRectF inFlightPanel(charts.left(), latencyPanel.bottom() + gap, charts.width(), latencyPanel.height());
        const QRectF tablePanel(charts.right() + gap, layout.body.top(), tableW, layout.body.height());

        auto chart = [&](std::unique_ptr<QCustomPlot>& plot, const QRectF& panel, const QString& panelTitle,
                         auto fill) {
            const QRectF area = paintPanel(painter, panel, theme, panelTitle);
            if (!plot)
                plot = std::make_unique<QCustomPlot>();
            plot->clearGraphs();
            styleChart(*plot, theme);
            plot->resize(area.size().toSize());
            fill(*plot);
            painter.save();
            painter.translate(area.topLeft());
            plot->toPainter(&painter, int(area.width()), int(area.height()));
            painter.restore();
        };
        chart(impl_->latencyPlot, latencyPanel, QStringLiteral("How long each request took"), [&](QCustomPlot& plot) {
            double maxY = 1;
            double maxX = 1;
            for (const auto& [measured, color] : {std::pair(&loop, loopColor), std::pair(&threads, threadColor)}) {
                QVector<double> x, y;
                for (const RequestTiming& r : measured->requests)
                    if (r.latency() >= 0) {
                        x << r.number;
                        y << double(r.latency()) / kMillisecond;
                        maxY = std::max(maxY, y.back());
                        maxX = std::max(maxX, x.back());
                    }
                addEngineGraph(plot, x, y, color, false, unit);
            }
            plot.xAxis->setTicker(wholeNumberTicker());
            plot.xAxis->setLabel(QStringLiteral("request number"));
            plot.yAxis->setLabel(QStringLiteral("latency (ms)"));
            plot.xAxis->setRange(0.5, maxX + 0.5);
            plot.yAxis->setRange(0, maxY * 1.1);
        });
        chart(impl_->inFlightPlot, inFlightPanel, QStringLiteral("Requests in flight"), [&](QCustomPlot& plot) {
            double maxY = 1;
            double maxX = 1;
            for (const auto& [measured, color] : {std::pair(&loop, loopColor), std::pair(&threads, threadColor)}) {
                // Sent and not yet answered (or failed), over time.
                std::vector<std::pair<Nanoseconds, int>> steps;
                for (const RequestTiming& r : measured->requests) {
                    if (r.arrival < 0)
                        continue;
                    steps.push_back({r.arrival, +1});
                    steps.push_back({r.end >= 0 ? r.end : measured->duration, -1});
                }
                std::sort(steps.begin(), steps.end());
                QVector<double> x{0}, y{0};
                int inFlight = 0;
                for (const auto& [at, change] : steps) {
                    inFlight += change;
                    x << double(at) / kMillisecond;
                    y << inFlight;
                    maxY = std::max(maxY, double(inFlight));
                    maxX = std::max(maxX, x.back());
                }
                addEngineGraph(plot, x, y, color, true, unit);
            }
            plot.xAxis->setLabel(QStringLiteral("time since the run started (ms)"));
            plot.yAxis->setTicker(wholeNumberTicker());
            plot.yAxis->setLabel(QStringLiteral("requests"));
            plot.xAxis->setRange(0, maxX * 1.03);
            plot.yAxis->setRange(0, maxY * 1.15);
        });

        const QRectF tableArea = paintPanel(painter, tablePanel, theme, QStringLiteral("Summary"));
        struct Row {
            QString label, loop, threads;
        };
        auto perSecond = [](double v) { return v > 0 ? QStringLiteral("%1 /s").arg(v, 0, 'f', v >= 100 ? 0 : 1) : QStringLiteral("\u2014"); };
        auto answered = [](const RunMeasurements& m) { return QStringLiteral("%1 of %2").arg(m.answered).arg(m.requests); };
        auto latency = [](const RunMeasurements& m, Nanoseconds value) { return m.answered > 0 ? duration(value) : QStringLiteral("\u2014"); };
        auto count = [](int value) { return value > 0 ? QString::number(value) : QStringLiteral("\u2014"); };
        auto cpu = [](const RunMeasurements& m) {
            return m.cpuUser + m.cpuSystem > 0 ? duration(m.cpuUser + m.cpuSystem) : QStringLiteral("\u2014");
        };
        const RunMeasurements& a = loop.figures;
        const RunMeasurements& b = threads.figures;
        const std::vector<Row> rows = {
            {QStringLiteral("requests answered"), answered(a), answered(b)},
            {QStringLiteral("latency p50"), latency(a, a.latencyP50), latency(b, b.latencyP50)},
            {QStringLiteral("latency p99"), latency(a, a.latencyP99), latency(b, b.latencyP99)},
            {QStringLiteral("slowest request"), latency(a, a.latencyMax), latency(b, b.latencyMax)},
            {QStringLiteral("throughput"), perSecond(a.throughput), perSecond(b.throughput)},
            {QStringLiteral("peak threads"), count(a.peakThreads), count(b.peakThreads)},
            {QStringLiteral("peak memory (RSS)"), bytesText(a.peakRssBytes > 0 ? a.peakRssBytes : -1),
             bytesText(b.peakRssBytes > 0 ? b.peakRssBytes : -1)},
            {QStringLiteral("CPU time"), cpu(a), cpu(b)},
        };
        const double rowH = std::min(unit * 2.6, tableArea.height() / double(rows.size() + 2));
        const double headH = rowH * 1.8;
        const double labelW = tableArea.width() * 0.4;
        const double valueW = (tableArea.width() - labelW) / 2;
        const QRectF head(tableArea.left(), tableArea.top(), tableArea.width(), headH);
        for (const auto& [column, text, color] : {std::tuple(0, engineText(EngineKind::EventLoop), loopColor),
                                                  std::tuple(1, engineText(EngineKind::ThreadPerRequest), threadColor)}) {
            painter.setFont(theme.font(0.95, true));
            painter.setPen(color);
            painter.drawText(QRectF(head.left() + labelW + valueW * column, head.top(), valueW - unit * 0.5, headH),
                             Qt::AlignRight | Qt::AlignVCenter | Qt::TextWordWrap, text);
        }
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const QRectF row(tableArea.left(), tableArea.top() + headH + rowH * double(i), tableArea.width(), rowH);
            if (i % 2 == 0) {
                paintZebraRow(painter, row, theme);
            }
            drawText(painter, row.adjusted(unit * 0.5, 0, -(tableArea.width() - labelW), 0), rows[i].label, theme.font(0.95),
                     theme.text);
            drawText(painter, QRectF(row.left() + labelW, row.top(), valueW - unit * 0.5, rowH), rows[i].loop,
                     theme.font(1.0, true), theme.text, Qt::AlignRight | Qt::AlignVCenter);
            drawText(painter, QRectF(row.left() + labelW + valueW, row.top(), valueW - unit * 0.5, rowH), rows[i].threads,
                     theme.font(1.0, true), theme.text, Qt::AlignRight | Qt::AlignVCenter);
        }
        paintLegend(painter, layout.footer, theme,
                    {{loopColor, engineText(EngineKind::EventLoop) + QStringLiteral(" (one thread + libuv pool)")},
                     {threadColor, engineText(EngineKind::ThreadPerRequest) + QStringLiteral(" (blocking)")}});
        break;
    }
    }
    painter.restore();
}

QImage Slide::image(const SlideOptions& options) {
    QImage image(options.size, QImage::Format_ARGB32_Premultiplied);
    image.fill(SlideRenderer::slideTheme(options.theme, options.size).background);
    QCPPainter painter(&image);
    paint(painter, options);
    painter.end();
    return image;
}

}  // namespace loopscope
