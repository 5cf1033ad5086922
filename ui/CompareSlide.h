// Two runs as one slide: both timelines on one time axis, lane by lane in the same colours
// (each lane named after its run), and the table of their differences (RunDifferences).
// `loopscope compare A B --png/--svg/--pdf` paints it; so does the Compare window's export.
#pragma once

#include <string>
#include <vector>

#include "SlidePainting.h"
#include "SlideRenderer.h"
#include "RunDocument.h"

namespace loopscope {

struct CompareSide {
    QString name;         // short, it prefixes every lane: "A", "node"
    QString description;  // "app.js on loopscope 0.1.0, 4 pool workers"
    const Trace* trace = nullptr;
    const std::vector<ProcessSample>* samples = nullptr;
    std::vector<std::string> limits;  // what this run's recording cannot show
};

// Short names for two runs that prefix their lanes: who recorded each (loopscope, node, or
// the engine when one document holds both), or else their files' names, or A and B.
std::pair<QString, QString> compareNames(const RunDocument& first, std::size_t firstRun, const QString& firstPath,
                                         const RunDocument& second, std::size_t secondRun, const QString& secondPath);
// "app.js by loopscope 0.1.0, 4 pool workers".
QString compareDescription(const RunDocument& document, const QString& path);

// Both runs' spans, their clocks lined up where their main scripts began (runs start their
// clocks at different moments: Node's trace at its first event, during its own start-up).
void buildAlignedSpans(const Trace* first, const Trace* second, SpanSet& firstSpans, SpanSet& secondSpans);

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
