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
#include "EngineProcess.h"
#include "PictureExport.h"
#include "RunOptions.h"
#include "RunOverrides.h"
#include "ScenarioParser.h"

namespace loopscope {
namespace {

struct EngineRun {
    bool ok = false;
    std::string error;
    Trace trace;
    std::vector<ProcessSample> samples;  // kept with the trace: what the OS said the child cost
    std::optional<int> programExitCode;  // a JavaScript program's own exit code
    std::string stopNote;                // why the run stopped early (RunEnd's text), if it did
};

// Runs one engine in its child process; prints console lines as they arrive when asked.
EngineRun runEngine(const RunOptions& options, EngineKind engine, bool keepTrace) {
    EngineRun outcome;
    EngineOptions engineOptions;
    engineOptions.engine = engine;
    engineOptions.executable = QCoreApplication::applicationFilePath().toStdString();
    engineOptions.threadpool = options.threadpool;
    engineOptions.cores = options.cores;
    engineOptions.horizon = options.horizon;
    engineOptions.loadWaves = options.loadWaves;
    engineOptions.standardInput = 0;
    engineOptions.programArguments = options.programArguments;
    const bool printLog = options.printLog;
    ConsoleOutput console;
    EngineProcess process(options.scenarioPath.toStdString(), engineOptions,
                          [&outcome, &console, printLog, keepTrace](std::vector<TraceEvent>&& batch) {
                              console.take(batch);
                              for (const TraceEvent& event : batch)
                                  if (event.kind == EventKind::RunEnd && event.value == 0)
                                      outcome.stopNote = event.text;
                              if (printLog)
                                  ConsoleOutput::echo(batch, stdout, stderr);
                              if (keepTrace)
                                  outcome.trace.insert(outcome.trace.end(), std::make_move_iterator(batch.begin()),
                                                       std::make_move_iterator(batch.end()));
                          });
    try {
        process.start();
    } catch (const std::exception& error) {
        outcome.error = error.what();
        return outcome;
    }
    std::optional<ProcessSampler> sampler;
    if (keepTrace)
        sampler.emplace(process.childPid(), kProcessSampleInterval);
    outcome.ok = process.wait();
    outcome.error = process.error();
    outcome.programExitCode = console.exitCode();
    if (sampler) {
        sampler->stop();
        outcome.samples = sampler->samples();
    }
    return outcome;
}

// The command line's overrides, applied to the app's copy of the scenario as the engine
// child applies them to its own (pictures and the default mode read this copy).
void applyCommandLine(const RunOptions& options, Scenario& scenario) {
    if (options.threadpool)
        scenario.runtime.threadpool = *options.threadpool;
    if (options.cores)
        scenario.runtime.cores = *options.cores;
    if (options.horizon)
        scenario.runtime.horizon = *options.horizon;
    for (const std::string& text : options.loadWaves) {
        std::string error;
        if (const std::optional<LoadWave> wave = parseLoadWaveText(text, error))
            scenario.load.push_back(*wave);
    }
}

}  // namespace

std::vector<EngineKind> modeEngines(const QString& mode) {
    const bool both = mode == QLatin1String(kBothEngines);
    std::vector<EngineKind> engines;
    for (EngineKind engine : {EngineKind::EventLoop, EngineKind::ThreadPerRequest})
        if (both || mode == QLatin1String(engineName(engine)))
            engines.push_back(engine);
    return engines;
}

int runHeadless(const RunOptions& options) {
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

    const bool measure = options.summary || !options.csvPath.isEmpty();
    const bool keepTrace = !options.tracePath.isEmpty() || wantsPictures(options) || measure;
    std::vector<EngineRun> runs;
    for (EngineKind engine : engines) {
        EngineRun run = runEngine(options, engine, keepTrace);
        if (!run.ok) {
            std::fprintf(stderr, "loopscope: %s\n", run.error.c_str());
            return kExitRunFailed;
        }
        // The horizon is the scenario's own choice; the event limit is not: say so.
        if (run.stopNote == kStoppedAtEventLimit)
            std::fprintf(stderr, "loopscope: the run %s\n", run.stopNote.c_str());
        runs.push_back(std::move(run));
    }
    if (!options.tracePath.isEmpty()) {
        std::vector<ChromeTraceRun> traces;
        for (std::size_t i = 0; i < engines.size(); ++i)
            traces.push_back({&runs[i].trace, engineLabel(engines[i])});
        std::string error;
        if (!writeChromeTrace(traces, options.tracePath.toStdString(), scenario.title, &error)) {
            std::fprintf(stderr, "loopscope: %s\n", error.c_str());
            return kExitBadInput;
        }
    }
    if (measure) {
        std::vector<MeasuredRun> measured;
        for (std::size_t i = 0; i < engines.size(); ++i)
            measured.push_back({engines[i], runs[i].trace, runs[i].samples});
        if (int code = reportComparison(options, measured); code != kExitOk)
            return code;
    }
    auto runOf = [&](EngineKind engine) -> const EngineRun* {
        for (std::size_t i = 0; i < engines.size(); ++i)
            if (engines[i] == engine)
                return &runs[i];
        return nullptr;
    };
    const EngineRun* loopRun = runOf(EngineKind::EventLoop);
    const EngineRun* threadRun = runOf(EngineKind::ThreadPerRequest);
    const int exported = exportPictures(options, scenario, loopRun ? &loopRun->trace : nullptr,
                                        threadRun ? &threadRun->trace : nullptr, loopRun ? &loopRun->samples : nullptr,
                                        threadRun ? &threadRun->samples : nullptr);
    // A JavaScript program's run exits as `node` would, once its outputs are written.
    if (exported == kExitOk && loopRun && loopRun->programExitCode)
        return *loopRun->programExitCode;
    return exported;
}

}  // namespace loopscope
