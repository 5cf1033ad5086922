// Two runs side by side in a window of their own: both timelines on one time axis, lane by
// lane in the same colours (each lane named after its run), the table of their differences
// and what each recording cannot show; Export Picture writes the same slide as
// `loopscope compare --png`.
#pragma once

#include <QWidget>
#include <memory>

#include "CompareSlide.h"
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

class CompareWindow : public QWidget {
    Q_OBJECT
public:
    CompareWindow(ComparedDocument first, ComparedDocument second, QWidget* parent = nullptr);
    ~CompareWindow() override;

    TimelineView* timeline() const { return timeline_; }
    QTableWidget* table() const { return table_; }
    // Writes the compare slide (PNG, SVG or PDF by the file's suffix); false and *error on failure.
    bool exportPicture(const QString& path, QString* error);

private:
    CompareSide sideOf(const ComparedDocument& compared) const;

    ComparedDocument first_;
    ComparedDocument second_;
    SpanSet firstSpans_;
    SpanSet secondSpans_;
    TimelineView* timeline_;
    QTableWidget* table_;
    QLabel* limits_;
};

}  // namespace loopscope
