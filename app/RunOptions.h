// What `loopscope run` was asked to do, after the command line was checked.
#pragma once

#include <QString>
#include <optional>
#include <string>
#include <vector>

#include "TraceEvent.h"

namespace loopscope {

struct RunOptions {
    QString scenarioPath;
    QString mode;          // an engine's name (EngineNames.h), kBothEngines, or "" (default)
    bool printLog = false;
    bool summary = false;
    QString tracePath;     // --trace OUT.json
    QString csvPath;       // --csv OUT.csv
    QString saveRunPath;   // --save-run OUT.lsrun
    QString pngPath;
    QString svgPath;
    QString pdfPath;
    int width = 1920;
    int height = 1080;
    QString view = QStringLiteral("timeline");  // timeline | loop | comparison
    QString at;            // --at TIME (scenario time), for the loop view
    QString theme = QStringLiteral("light");    // light | dark | print
    QString framesDir;     // --frames DIR
    int fps = 10;
    // Over the scenario's own settings (so a bare program runs without a scenario file).
    std::optional<int> threadpool;
    std::optional<int> cores;
    std::optional<Nanoseconds> horizon;
    std::vector<std::string> loadWaves;  // --load N@TIME[/SPACING], as given
    std::vector<std::string> programArguments;  // a program's process.argv after its path
    bool standardInputNull = false;  // the program reads /dev/null, not loopscope's standard input
};

// The --mode that runs both engines, one after the other.
inline constexpr const char* kBothEngines = "both";
// The engines a --mode runs, in order: one, both, or none when it names neither.
std::vector<EngineKind> modeEngines(const QString& mode);

// Runs the scenario headless as `options` say; returns the process exit code.
int runHeadless(const RunOptions& options);

}  // namespace loopscope
