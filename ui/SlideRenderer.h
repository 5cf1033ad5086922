// A run drawn as one slide: a title band, then the timeline, the event loop at one
// moment, or the comparison of both engines, and a legend. The window's export and the
// headless `loopscope run --png/--svg/--pdf` both paint through here, with the same
// TimelineView, SpanPlottable and paintLoopView the window shows.
#pragma once

#include <QImage>
#include <QSize>
#include <QString>
#include <memory>
#include <vector>

#include "ProcessUsage.h"
#include "Scenario.h"
#include "Theme.h"
#include "TraceEvent.h"

class QPainter;
class QCPPainter;

namespace loopscope {

enum class SlideView { Timeline, Loop, Comparison };

// "timeline", "loop", "comparison"; false for anything else.
bool slideViewFromName(const QString& name, SlideView* view);
QString slideViewName(SlideView view);

// What a slide is made of. The traces are read, never changed, and must outlive the renderer.
struct SlideSource {
    QString title;                  // the scenario's title
    RuntimeSettings runtime;
    std::vector<Note> notes;
    const Trace* eventLoop = nullptr;
    const Trace* threadPerRequest = nullptr;
    // What the OS reported while each engine ran (threads, memory), when it was sampled.
    const std::vector<ProcessSample>* eventLoopSamples = nullptr;
    const std::vector<ProcessSample>* threadPerRequestSamples = nullptr;
};

SlideSource slideSourceFor(const Scenario& scenario, const Trace* eventLoop, const Trace* threadPerRequest);

struct SlideOptions {
    SlideView view = SlideView::Timeline;
    QSize size{1920, 1080};
    QString theme = QStringLiteral("light");  // light | dark | print
    // The moment shown: the loop view's state, the timeline's playhead.
    // Negative: the loop view picks the busiest moment; the timeline shows no playhead.
    Nanoseconds at = -1;
};

// Anything painted as one slide: written to PNG, SVG and PDF by SlideWriter.
class Slide {
public:
    virtual ~Slide() = default;
    // Paints the whole slide into (0, 0, options.size) of `painter`.
    virtual void paint(QCPPainter& painter, const SlideOptions& options) = 0;
    // What the slide shows, for a file's title: "timeline", "loop", "comparison", "compare".
    virtual QString name(const SlideOptions& options) const { return slideViewName(options.view); }
    QImage image(const SlideOptions& options);
};

class SlideRenderer : public Slide {
public:
    explicit SlideRenderer(SlideSource source);
    ~SlideRenderer();
    SlideRenderer(const SlideRenderer&) = delete;
    SlideRenderer& operator=(const SlideRenderer&) = delete;

    // Whether `view` has something to show; otherwise *why says what is missing.
    bool canShow(SlideView view, QString* why = nullptr) const;
    // When the last event of the run happened.
    Nanoseconds endTime() const;
    // The moment the loop view shows when no time was asked for: the most going on at once.
    Nanoseconds busiestMoment() const;
    // The slide's theme: `name`'s palette with type sized for `size` (20 px at 1080 lines).
    static Theme slideTheme(const QString& name, const QSize& size);

    void paint(QCPPainter& painter, const SlideOptions& options) override;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace loopscope
