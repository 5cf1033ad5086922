// Slides to files: PNG, SVG (text stays text) and PDF (one page, text stays text), and
// numbered PNG frames of the loop view across a run. A picture is rendered into memory
// and its bytes go to the core's OutputFile (OutputFile.h), like every other output: a
// file appears whole or not at all, a symbolic link writes the file it points to, `-`, a
// FIFO or a device is written in place, and a full disk is an error.
#pragma once

#include <QString>
#include <functional>

#include "SlideRenderer.h"

namespace loopscope {

enum class SlideFormat { Png, Svg, Pdf };

QString slideFormatName(SlideFormat format);  // "PNG", "SVG", "PDF"

// On failure returns false and sets *error to "cannot write PATH: REASON".
bool writeSlide(Slide& slide, const SlideOptions& options, SlideFormat format, const QString& path,
                QString* error);

// Checks, before any work, that `path` can take the output (outputProblem in
// OutputFile.h); otherwise sets *error to "cannot write PATH: REASON".
bool canWriteFile(const QString& path, QString* error);

// The PNG of a slide, as bytes (for the clipboard and tests).
QByteArray slidePng(Slide& slide, const SlideOptions& options);

// frame-00001.png, frame-00002.png, ... in `dir` (created if missing): the loop view from
// time 0 to the end of the run, `fps` frames per scenario second (at least one frame).
// `progress(written, total)` is called after each frame.
bool writeFrames(SlideRenderer& renderer, SlideOptions options, int fps, const QString& dir,
                 const std::function<void(int, int)>& progress, QString* error);

// How many frames writeFrames writes for a run that ends at `end`.
int frameCount(Nanoseconds end, int fps);

}  // namespace loopscope
