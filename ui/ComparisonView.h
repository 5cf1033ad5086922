// Event loop against thread per request on the same load: latency of every request,
// threads and memory over time, and the summary table.
#pragma once

#include <QWidget>

#include "Theme.h"
#include "TraceEvent.h"

class QCustomPlot;
class QTableWidget;
class QLabel;

namespace loopscope {

class TraceStore;

// What one run measured, from its trace.
struct RunMeasures {
    int requests = 0;                                      // arrived
    int answered = 0;
    std::vector<std::pair<int, Nanoseconds>> latencies;    // request number -> arrive..respond
    Nanoseconds p50 = 0;
    Nanoseconds p99 = 0;
    Nanoseconds duration = 0;                              // the run's last event
    double throughput = 0;                                 // answered per second of run time
    int peakThreads = 0;
    std::int64_t peakRssBytes = 0;
    std::vector<std::pair<Nanoseconds, int>> threads;      // threads alive over time
    std::vector<std::pair<Nanoseconds, std::int64_t>> rss; // resident memory over time
};

RunMeasures measureRun(const Trace& trace, EngineKind engine, int threadpool);

class ComparisonView : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonView(QWidget* parent = nullptr);

    void setStores(const TraceStore* eventLoop, const TraceStore* threadPerRequest);
    void setThreadpool(int threads) { threadpool_ = threads; }
    void refresh();
    void setTheme(const Theme& theme);
    QTableWidget* table() const { return table_; }

private:
    const TraceStore* eventLoop_ = nullptr;
    const TraceStore* threads_ = nullptr;
    int threadpool_ = 4;
    Theme theme_ = Theme::light();
    QCustomPlot* latency_;
    QCustomPlot* threadPlot_;
    QCustomPlot* memory_;
    QTableWidget* table_;
    QLabel* hint_;
};

}  // namespace loopscope
