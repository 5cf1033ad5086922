#include "EngineRuns.h"

#include <QCoreApplication>
#include <stdexcept>

#include "ConsoleOutput.h"
#include "EngineProcess.h"
#include "ProcessUsage.h"
#include "RunOverrides.h"

namespace loopscope {

EngineRun runEngine(const RunOptions& options, EngineKind engine, bool keepTrace) {
    EngineRun outcome;
    EngineOptions engineOptions;
    engineOptions.engine = engine;
    engineOptions.executable = QCoreApplication::applicationFilePath().toStdString();
    engineOptions.threadpool = options.threadpool;
    engineOptions.cores = options.cores;
    engineOptions.horizon = options.horizon;
    engineOptions.loadWaves = options.loadWaves;
    engineOptions.standardInput = options.standardInputNull ? -1 : 0;
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

}  // namespace loopscope
