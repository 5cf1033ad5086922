// Two runs side by side in a window of their own: both timelines on one time axis, lane by
// lane in the same colours (each lane named after its run), the table of their differences
// and what each recording cannot show; Export Picture writes the same slide as
// `loopscope compare --png`.
#pragma once

#include <QWidget>
#include <memory>

#include "CompareSlide.h"
#include "RunDifferences.h"
#include "RunDocument.h"

class QTableWidget;
class QLabel;

namespace loopscope {

class TimelineView;

struct ComparedDocument {
    RunDocument document;
    std::size_t run = 0;  // which of its runs (one per engine)
    QString name;         // short: it prefixes every lane
    QString description;  // the file, who recorded it, the pool
};

// Two runs made ready to be shown side by side: their spans on one axis and the table of
// their differences. The work of a comparison, seconds for runs of millions of events:
// compareRuns() is done off the GUI thread, the window then only shows the result.
struct ComparedRuns {
    ComparedDocument first;
    ComparedDocument second;
    SpanSet firstSpans;
    SpanSet secondSpans;
    std::vector<DifferenceRow> differences;
};
ComparedRuns compareRuns(ComparedDocument first, ComparedDocument second);
CompareSide compareSideOf(const ComparedDocument& compared);

class CompareWindow : public QWidget {
    Q_OBJECT
public:
    explicit CompareWindow(ComparedRuns compared, QWidget* parent = nullptr);
    ~CompareWindow() override;

    TimelineView* timeline() const { return timeline_; }
    QTableWidget* table() const { return table_; }
    // Writes the compare slide (PNG, SVG or PDF by the file's suffix); false and *error on failure.
    bool exportPicture(const QString& path, QString* error);

private:
    ComparedRuns compared_;
    TimelineView* timeline_;
    QTableWidget* table_;
    QLabel* limits_;
};

}  // namespace loopscope
