// Event loop against thread per request on the same load: latency of every request,
// threads and memory over time as the OS reported them, and the table of
// `loopscope run --summary` (core's RunMeasurements), with the ratio between the engines.
#pragma once

#include <QWidget>

#include "Theme.h"
#include "TraceEvent.h"

class QCustomPlot;
class QTableWidget;
class QLabel;

namespace loopscope {

class TraceStore;

class ComparisonView : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonView(QWidget* parent = nullptr);

    void setStores(const TraceStore* eventLoop, const TraceStore* threadPerRequest);
    void refresh();
    void setTheme(const Theme& theme);
    QTableWidget* table() const { return table_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // The table is never narrower than its figures and the longest word of its names.
    void fitTableWidth();

    const TraceStore* eventLoop_ = nullptr;
    const TraceStore* threads_ = nullptr;
    Theme theme_ = Theme::light();
    QCustomPlot* latency_;
    QCustomPlot* threadPlot_;
    QCustomPlot* memory_;
    QTableWidget* table_;
    QLabel* legend_;
    QLabel* hint_;
};

}  // namespace loopscope
