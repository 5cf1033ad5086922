#include <QCoreApplication>

#include <cstdio>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "ChromeTraceExporter.h"
#include "CommandLine.h"
#include "ComparisonRun.h"
#include "ConsoleOutput.h"
#include "EngineNames.h"
#include "EngineRuns.h"
#include "RecordedRuns.h"
#include "SlideWriter.h"
#include "PictureExport.h"
#include "RunOptions.h"
#include "RunOverrides.h"
#include "ScenarioParser.h"

namespace loopscope {

std::vector<EngineKind> modeEngines(const QString& mode) {
    const bool both = mode == QLatin1String(kBothEngines);
    std::vector<EngineKind> engines;
    for (EngineKind engine : {EngineKind::EventLoop, EngineKind::ThreadPerRequest})
        if (both || mode == QLatin1String(engineName(engine)))
            engines.push_back(engine);
    return engines;
}

namespace {

// The outputs of runs just made or read back: Chrome trace, the summary and CSV, a saved
// run, pictures. Returns an exit code.
int exportRuns(const RunOptions& options, const Scenario& scenario, const RunDocument& document) {
    if (!options.tracePath.isEmpty()) {
        std::vector<ChromeTraceRun> traces;
        for (const RecordedRun& run : document.runs)
            traces.push_back({&run.trace, engineLabel(run.engine)});
        std::string error;
        if (!writeChromeTrace(traces, options.tracePath.toStdString(), scenario.title, &error)) {
            std::fprintf(stderr, "loopscope: %s\n", error.c_str());
            return kExitBadInput;
        }
    }
    if (options.summary || !options.csvPath.isEmpty()) {
        std::vector<MeasuredRun> measured;
        for (const RecordedRun& run : document.runs)
            measured.push_back({run.engine, run.trace, run.samples});
        if (int code = reportComparison(options, measured); code != kExitOk)
            return code;
    }
    if (!options.saveRunPath.isEmpty()) {
        std::string error;
        if (!writeRunFile(document, options.saveRunPath.toStdString(), &error)) {
            std::fprintf(stderr, "loopscope: %s\n", error.c_str());
            return kExitBadInput;
        }
    }
    const RecordedRun* loopRun = document.runOf(EngineKind::EventLoop);
    const RecordedRun* threadRun = document.runOf(EngineKind::ThreadPerRequest);
    return exportPictures(options, scenario, loopRun ? &loopRun->trace : nullptr, threadRun ? &threadRun->trace : nullptr,
                          loopRun ? &loopRun->samples : nullptr, threadRun ? &threadRun->samples : nullptr);
}

// A saved run or a trace from Node: its outputs, without running anything.
int exportRecording(const RunOptions& options) {
    if (!options.mode.isEmpty() || options.threadpool || options.cores || options.horizon ||
        !options.loadWaves.empty() || !options.programArguments.empty()) {
        std::fprintf(stderr, "loopscope: %s is a recorded run: it is shown as it was made, without --mode, "
                             "--threadpool, --cores, --horizon, --load or program arguments\n",
                     qPrintable(options.scenarioPath));
        return kExitBadInput;
    }
    RunFileResult opened = openRecording(options.scenarioPath.toStdString());
    if (!opened.document) {
        std::fprintf(stderr, "loopscope: %s\n", opened.error.c_str());
        return kExitBadInput;
    }
    const RunDocument& document = *opened.document;
    const Scenario scenario = scenarioOfDocument(document);
    const QString mode = document.runs.size() > 1 ? QLatin1String(kBothEngines)
                         : document.runs.empty() ? QString()
                                                 : QLatin1String(engineName(document.runs[0].engine));
    if (int code = checkPictureOptions(options, scenario, mode); code != kExitOk)
        return code;
    if (options.printLog)
        for (const RecordedRun& run : document.runs)
            ConsoleOutput::echo(run.trace, stdout, stderr);
    return exportRuns(options, scenario, document);
}

}  // namespace

int runHeadless(const RunOptions& options) {
    if (recordingKindOf(options.scenarioPath.toStdString()) != RecordingKind::None)
        return exportRecording(options);
    ParseResult parsed = parseScenarioFile(options.scenarioPath.toStdString());
    for (const Diagnostic& d : parsed.diagnostics)
        std::fprintf(stderr, "%s\n", d.format().c_str());
    if (!parsed.ok())
        return kExitBadInput;
    Scenario scenario = *parsed.scenario;
    applyCommandLine(options, scenario);

    QString mode = options.mode;
    const bool onlyEventLoop = scenario.load.empty() || !scenario.program.empty();
    if (mode.isEmpty())
        mode = QLatin1String(onlyEventLoop ? engineName(EngineKind::EventLoop) : kBothEngines);
    if (!scenario.program.empty() && mode != QLatin1String(engineName(EngineKind::EventLoop))) {
        std::fprintf(stderr, "loopscope: a JavaScript program runs on the %s engine only; --mode %s cannot run it\n",
                     engineName(EngineKind::EventLoop), qPrintable(mode));
        return kExitBadInput;
    }
    const std::vector<EngineKind> engines = modeEngines(mode);

    if (int code = checkPictureOptions(options, scenario, mode); code != kExitOk)
        return code;
    if (!options.saveRunPath.isEmpty()) {
        QString error;
        if (!canWriteFile(options.saveRunPath, &error)) {
            std::fprintf(stderr, "loopscope: %s\n", qPrintable(error));
            return kExitBadInput;
        }
    }

    const bool keepTrace = !options.tracePath.isEmpty() || wantsPictures(options) || options.summary ||
                           !options.csvPath.isEmpty() || !options.saveRunPath.isEmpty();
    RunDocument document = documentForRun(options.scenarioPath.toStdString(), scenario,
                                          overrideArguments(options.threadpool, options.cores, options.horizon,
                                                            options.loadWaves));
    for (EngineKind engine : engines) {
        EngineRun run = runEngine(options, engine, keepTrace);
        if (!run.ok) {
            std::fprintf(stderr, "loopscope: %s\n", run.error.c_str());
            return kExitRunFailed;
        }
        // The horizon is the scenario's own choice; the event limit is not: say so.
        if (isStoppedAtEventLimit(run.stopNote))
            std::fprintf(stderr, "loopscope: the run %s\n", run.stopNote.c_str());
        document.runs.push_back({engine, std::move(run.trace), std::move(run.samples), run.programExitCode});
    }
    const int exported = exportRuns(options, scenario, document);
    // A JavaScript program's run exits as `node` would, once its outputs are written.
    const RecordedRun* loopRun = document.runOf(EngineKind::EventLoop);
    if (exported == kExitOk && loopRun && loopRun->programExitCode)
        return *loopRun->programExitCode;
    return exported;
}

}  // namespace loopscope
