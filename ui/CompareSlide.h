// Two runs as one slide: both timelines on one time axis, lane by lane in the same colours
// (each lane named after its run), and the table of their differences (RunDifferences).
// `loopscope compare A B --png/--svg/--pdf` paints it; so does the Compare window's export.
#pragma once

#include <string>
#include <vector>

#include "SlidePainting.h"
#include "SlideRenderer.h"

namespace loopscope {

struct CompareSide {
    QString name;         // short, it prefixes every lane: "A", "node"
    QString description;  // "app.js on loopscope 0.1.0, 4 pool workers"
    const Trace* trace = nullptr;
    const std::vector<ProcessSample>* samples = nullptr;
    std::vector<std::string> limits;  // what this run's recording cannot show
};

class CompareSlide : public Slide {
public:
    CompareSlide(QString title, CompareSide first, CompareSide second);

    void paint(QCPPainter& painter, const SlideOptions& options) override;
    QString name(const SlideOptions&) const override { return QStringLiteral("compare"); }

private:
    void paintDifferences(QPainter& painter, const QRectF& area, const Theme& theme);

    QString title_;
    CompareSide first_;
    CompareSide second_;
    SpanSet firstSpans_;
    SpanSet secondSpans_;
    std::set<std::pair<int, int>> spanKinds_;
    SlideTimeline timeline_;
};

}  // namespace loopscope
