// `loopscope run` with --png/--svg/--pdf/--frames: pictures of the run for slides.
#pragma once

#include "ProcessUsage.h"
#include "RunOptions.h"
#include "Scenario.h"
#include "SlideRenderer.h"
#include "TraceEvent.h"

namespace loopscope {

bool wantsPictures(const RunOptions& options);

// Checks the picture options against the scenario before anything runs (the view has
// what it needs, the --at time, every output path can be written). Returns an exit
// code: kExitOk to go on, otherwise the error was printed.
int checkPictureOptions(const RunOptions& options, const Scenario& scenario, const QString& mode);

// Writes the --png, --svg and --pdf files of `slide`. Returns an exit code.
int writePictureFiles(Slide& slide, const RunOptions& options);

// Writes every picture asked for; any trace or sample list may be null. Returns an exit code.
int exportPictures(const RunOptions& options, const Scenario& scenario, const Trace* eventLoop,
                   const Trace* threadPerRequest, const std::vector<ProcessSample>* eventLoopSamples = nullptr,
                   const std::vector<ProcessSample>* threadPerRequestSamples = nullptr);

}  // namespace loopscope
