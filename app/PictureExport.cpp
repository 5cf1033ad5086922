#include "PictureExport.h"

#include <QFileInfo>
#include <cstdio>
#include <unistd.h>

#include "CommandLine.h"
#include "ScenarioParser.h"
#include "SlideWriter.h"

namespace loopscope {
namespace {

int printError(const QString& message) {
    std::fprintf(stderr, "loopscope: %s\n", qPrintable(message));
    return kExitBadInput;
}

struct PictureFile {
    SlideFormat format;
    QString path;
};

std::vector<PictureFile> pictureFiles(const RunOptions& options) {
    std::vector<PictureFile> files;
    if (!options.pngPath.isEmpty())
        files.push_back({SlideFormat::Png, options.pngPath});
    if (!options.svgPath.isEmpty())
        files.push_back({SlideFormat::Svg, options.svgPath});
    if (!options.pdfPath.isEmpty())
        files.push_back({SlideFormat::Pdf, options.pdfPath});
    return files;
}

SlideOptions slideOptions(const RunOptions& options) {
    SlideOptions slide;
    slideViewFromName(options.view, &slide.view);
    slide.size = QSize(options.width, options.height);
    slide.theme = options.theme;
    if (!options.at.isEmpty())
        slide.at = parseDuration(options.at.toStdString()).value_or(-1);
    return slide;
}

}  // namespace

bool wantsPictures(const RunOptions& options) {
    return !options.pngPath.isEmpty() || !options.svgPath.isEmpty() || !options.pdfPath.isEmpty() ||
           !options.framesDir.isEmpty();
}

int checkPictureOptions(const RunOptions& options, const Scenario& scenario, const QString& mode) {
    if (!wantsPictures(options))
        return kExitOk;
    if (options.view == QLatin1String("comparison") && !pictureFiles(options).empty()) {
        if (mode != QLatin1String(kBothEngines))
            return printError(QStringLiteral("--view comparison needs both engines; use --mode both"));
        if (scenario.load.empty())
            return printError(QStringLiteral("--view comparison needs requests, but %1 has no `load:`")
                                  .arg(options.scenarioPath));
    }
    QString error;
    for (const PictureFile& file : pictureFiles(options))
        if (!canWriteFile(file.path, &error))
            return printError(error);
    if (!options.framesDir.isEmpty()) {
        const QFileInfo frames(options.framesDir);
        if (frames.exists() && !frames.isDir())
            return printError(QStringLiteral("cannot write %1: it exists and is not a directory").arg(options.framesDir));
    }
    return kExitOk;
}

int writePictureFiles(Slide& slide, const RunOptions& options) {
    const SlideOptions size = slideOptions(options);
    QString error;
    for (const PictureFile& file : pictureFiles(options))
        if (!writeSlide(slide, size, file.format, file.path, &error))
            return printError(error);
    return kExitOk;
}

int exportPictures(const RunOptions& options, const Scenario& scenario, const Trace* eventLoop,
                   const Trace* threadPerRequest, const std::vector<ProcessSample>* eventLoopSamples,
                   const std::vector<ProcessSample>* threadPerRequestSamples) {
    if (!wantsPictures(options))
        return kExitOk;
    SlideSource source = slideSourceFor(scenario, eventLoop, threadPerRequest);
    source.eventLoopSamples = eventLoopSamples;
    source.threadPerRequestSamples = threadPerRequestSamples;
    SlideRenderer renderer(std::move(source));
    const SlideOptions slide = slideOptions(options);
    QString error;
    if (!pictureFiles(options).empty() && !renderer.canShow(slide.view, &error))
        return printError(QStringLiteral("cannot draw the %1 view: %2").arg(options.view, error));
    if (int code = writePictureFiles(renderer, options); code != kExitOk)
        return code;
    if (!options.framesDir.isEmpty()) {
        if (!renderer.canShow(SlideView::Loop, &error))
            return printError(QStringLiteral("cannot draw frames: %1").arg(error));
        const bool ok = writeFrames(renderer, slide, options.fps, options.framesDir,
                                    [](int written, int total) {
                                        // One line rewritten in place on a terminal; a line per frame in a log.
                                        static const bool terminal = ::isatty(STDERR_FILENO) != 0;
                                        std::fprintf(stderr, terminal ? "\rloopscope: frame %d of %d" : "loopscope: frame %d of %d\n",
                                                     written, total);
                                        if (terminal && written == total)
                                            std::fputc('\n', stderr);
                                        std::fflush(stderr);
                                    },
                                    &error);
        if (!ok) {
            if (::isatty(STDERR_FILENO))
                std::fputc('\n', stderr);
            return printError(error);
        }
    }
    return kExitOk;
}

}  // namespace loopscope
