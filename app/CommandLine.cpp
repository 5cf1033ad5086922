#include "CommandLine.h"

#include "CompareCommand.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <cstdio>
#include <memory>
#include <tuple>

#include "EngineChild.h"
#include "EngineNames.h"
#include "EngineProcess.h"
#include "MainWindow.h"
#include "PictureOptions.h"
#include "ProgramSyntax.h"
#include "RunOptions.h"
#include "RunOverrides.h"
#include "RuntimeLimits.h"
#include "ScenarioParser.h"

namespace loopscope {
namespace {

const char* kDefaultScenario = ":/scenarios/timer.yaml";

void printError(const QString& message) {
    std::fprintf(stderr, "loopscope: %s\n", qPrintable(message));
}

// A bad command line: the reason, where to read more, and exit code 1.
int argumentError(const QString& command, const QString& message) {
    printError(message);
    std::fprintf(stderr, "Try '%s --help'.\n", qPrintable(command));
    return kExitBadInput;
}

// QCommandLineParser names the program by argv[0] (a whole path, or "<executable_name>"
// before the application object exists): the usage line says `loopscope COMMAND`.
QString helpText(const QCommandLineParser& parser, const QString& command = {}) {
    const QString text = parser.helpText();
    const QLatin1String options(" [options]");
    const qsizetype lineEnd = text.indexOf(QLatin1Char('\n'));
    const qsizetype optionsAt = text.indexOf(options);
    if (!text.startsWith(QLatin1String("Usage: ")) || optionsAt < 0 || optionsAt > lineEnd)
        return text;
    QString arguments = text.mid(optionsAt + options.size(), lineEnd - optionsAt - options.size());
    if (!command.isEmpty() && arguments.startsWith(QLatin1Char(' ') + command))
        arguments.remove(0, command.size() + 1);  // the command comes before [options]
    const QString program = command.isEmpty() ? QStringLiteral("loopscope") : QStringLiteral("loopscope ") + command;
    return QStringLiteral("Usage: ") + program + options + arguments + text.mid(lineEnd);
}

int checkCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Validate scenario files."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("check"), QStringLiteral("The check command."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Scenario files (.yaml or .json)."),
                                 QStringLiteral("FILE..."));
    if (!parser.parse(arguments))
        return argumentError(QStringLiteral("loopscope check"), parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(helpText(parser, QStringLiteral("check"))), stdout);
        return kExitOk;
    }
    QStringList files = parser.positionalArguments().mid(1);
    if (files.isEmpty())
        return argumentError(QStringLiteral("loopscope check"), QStringLiteral("check: no scenario file given"));

    bool allValid = true;
    for (const QString& file : files) {
        ParseResult result = parseScenarioFile(file.toStdString());
        for (const Diagnostic& d : result.diagnostics)
            std::fprintf(stderr, "%s\n", d.format().c_str());
        if (!result.ok()) {
            allValid = false;
        } else if (!result.scenario->program.empty()) {
            // A program is checked as Node would compile it: its syntax, not its run.
            if (const std::optional<Diagnostic> problem = checkProgramSyntax(result.scenario->program)) {
                std::fprintf(stderr, "%s\n", problem->format().c_str());
                allValid = false;
            }
        }
    }
    return allValid ? kExitOk : kExitBadInput;
}

int runCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Run a scenario headless and export what happened."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("run"), QStringLiteral("The run command."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The scenario file, a JavaScript program, a saved run (.lsrun) or a trace recorded by Node (node_trace.1.log)."));
    parser.addPositionalArgument(QStringLiteral("ARGUMENT"),
                                 QStringLiteral("A program's own arguments, its process.argv after its path; "
                                                "after -- when they start with a dash."),
                                 QStringLiteral("[-- ARGUMENT...]"));
    const QString modes = QStringLiteral("%1, %2 or %3").arg(QLatin1String(engineName(EngineKind::EventLoop)),
                                                             QLatin1String(engineName(EngineKind::ThreadPerRequest)),
                                                             QLatin1String(kBothEngines));
    const QCommandLineOption mode(QStringLiteral("mode"),
        QStringLiteral("%1 (default: %2 where the scenario has load).").arg(modes, QLatin1String(kBothEngines)),
        QStringLiteral("MODE"));
    const QCommandLineOption printLog(QStringLiteral("print-log"), QStringLiteral("Print console.log lines, in order, to stdout."));
    const QCommandLineOption summary(QStringLiteral("summary"), QStringLiteral("Print the comparison table."));
    const QCommandLineOption trace(QStringLiteral("trace"), QStringLiteral("Write a Chrome trace (Perfetto, chrome://tracing); - for standard output."), QStringLiteral("OUT.json"));
    const QCommandLineOption saveRun(QStringLiteral("save-run"), QStringLiteral("Save the whole run, to reopen without running it again (loopscope FILE.lsrun)."), QStringLiteral("OUT.lsrun"));
    const QCommandLineOption csv(QStringLiteral("csv"), QStringLiteral("Write one row per request; - for standard output."), QStringLiteral("OUT.csv"));
    const QCommandLineOption view(QStringLiteral("view"), QStringLiteral("timeline, loop or comparison (default timeline)."), QStringLiteral("VIEW"), QStringLiteral("timeline"));
    const QCommandLineOption at(QStringLiteral("at"), QStringLiteral("Scenario time shown by the loop view (default: its busiest moment) and marked on the timeline, e.g. 250ms."), QStringLiteral("TIME"));
    const QCommandLineOption frames(QStringLiteral("frames"), QStringLiteral("Write a numbered PNG sequence of the loop view."), QStringLiteral("DIR"));
    const QCommandLineOption fps(QStringLiteral("fps"), QStringLiteral("Frames per scenario second for --frames (default 10)."), QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption threadpool(QStringLiteral("threadpool"), QStringLiteral("libuv pool workers, over the scenario's runtime.threadpool."), QStringLiteral("N"));
    const QCommandLineOption cores(QStringLiteral("cores"), QStringLiteral("Cores the run may use, over runtime.cores."), QStringLiteral("N"));
    const QCommandLineOption horizon(QStringLiteral("horizon"), QStringLiteral("Stop the run after this long, over runtime.horizon (e.g. 5s)."), QStringLiteral("TIME"));
    const QCommandLineOption load(QStringLiteral("load"), QStringLiteral("Also send N requests at TIME, SPACING apart, to the program's server (e.g. 10@1s/5ms); repeatable."), QStringLiteral("N@TIME[/SPACING]"));
    const PictureOptions pictures;
    parser.addOptions({mode, printLog, summary, trace, saveRun, csv, view, at, frames, fps, threadpool, cores, horizon, load});
    pictures.addTo(parser);

    if (!parser.parse(arguments))
        return argumentError(QStringLiteral("loopscope run"), parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(helpText(parser, QStringLiteral("run"))), stdout);
        return kExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2)
        return argumentError(QStringLiteral("loopscope run"), QStringLiteral("run: no scenario file given"));
    static const QRegularExpression program(QStringLiteral("\\.(js|mjs|cjs)$"));
    if (positional.size() > 2 && !program.match(positional.at(1)).hasMatch())
        return argumentError(QStringLiteral("loopscope run"), QStringLiteral("run: only one scenario file can be run "
                                                                             "(arguments go to a JavaScript program)"));

    RunOptions options;
    options.scenarioPath = positional.at(1);
    for (const QString& argument : positional.mid(2))
        options.programArguments.push_back(argument.toStdString());
    options.mode = parser.value(mode);
    if (!options.mode.isEmpty() && modeEngines(options.mode).empty())
        return argumentError(QStringLiteral("loopscope run"), QStringLiteral("--mode must be %1, not '%2'").arg(modes, options.mode));
    options.printLog = parser.isSet(printLog);
    options.summary = parser.isSet(summary);
    for (const auto& [option, range, target] : {std::tuple{&threadpool, kThreadpoolRange, &options.threadpool},
                                                std::tuple{&cores, kCoresRange, &options.cores}}) {
        if (!parser.isSet(*option))
            continue;
        bool number = false;
        const int value = parser.value(*option).toInt(&number);
        if (!number || value < range.min || value > range.max)
            return argumentError(QStringLiteral("loopscope run"),
                                 QStringLiteral("--%1 must be a number from %2 to %3")
                                     .arg(option->names().first()).arg(range.min).arg(range.max));
        *target = value;
    }
    std::string overrideError;
    if (parser.isSet(horizon)) {
        options.horizon = parseHorizonText(parser.value(horizon).toStdString(), overrideError);
        if (!options.horizon)
            return argumentError(QStringLiteral("loopscope run"), QString::fromStdString(overrideError));
    }
    for (const QString& wave : parser.values(load)) {
        if (!parseLoadWaveText(wave.toStdString(), overrideError))
            return argumentError(QStringLiteral("loopscope run"), QString::fromStdString(overrideError));
        options.loadWaves.push_back(wave.toStdString());
    }
    options.tracePath = parser.value(trace);
    options.csvPath = parser.value(csv);
    options.saveRunPath = parser.value(saveRun);
    if (const QString problem = pictures.read(parser, options); !problem.isEmpty())
        return argumentError(QStringLiteral("loopscope run"), problem);
    options.view = parser.value(view);
    if (options.view != QLatin1String("timeline") && options.view != QLatin1String("loop") &&
        options.view != QLatin1String("comparison"))
        return argumentError(QStringLiteral("loopscope run"), QStringLiteral("--view must be timeline, loop or comparison, not '%1'").arg(options.view));
    options.at = parser.value(at);
    if (!options.at.isEmpty() && !parseDuration(options.at.toStdString()))
        return argumentError(QStringLiteral("loopscope run"), QStringLiteral("--at must be a time such as 250ms or 1.5s, not '%1'").arg(options.at));
    options.framesDir = parser.value(frames);
    bool ok = false;
    options.fps = parser.value(fps).toInt(&ok);
    if (!ok || options.fps < 1 || options.fps > 240)
        return argumentError(QStringLiteral("loopscope run"), QStringLiteral("--fps must be a number from 1 to 240"));
    return runHeadless(options);
}

bool hasDisplay() {
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ||
           qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

int guiCommand(int argc, char** argv, const QStringList& arguments) {
    QString scenario = arguments.size() > 1 ? arguments.at(1) : QString::fromLatin1(kDefaultScenario);
    if (!hasDisplay()) {
        printError(QStringLiteral("no display found (DISPLAY is not set); the window cannot open here. "
                                  "Use `loopscope run FILE --print-log` to run headless."));
        return kExitBadInput;
    }
    QApplication app(argc, argv);
    MainWindow window(scenario);
    window.fitToScreen();
    window.show();
    return app.exec();
}

QtMessageHandler previousMessageHandler = nullptr;

// Two notices the offscreen platform always prints say nothing about the run (there is no
// session and no window manager, by design); every other message goes through.
void quietOffscreenNotices(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")) ||
        message == QLatin1String("This plugin does not support propagateSizeHints()"))
        return;
    if (previousMessageHandler)
        previousMessageHandler(type, context, message);
}

// Whether a `run` command line asks for a picture (before the parser runs: the kind
// of application object depends on it).
bool asksForPictures(const QStringList& arguments) {
    for (const QString& argument : arguments)
        for (const char* option : {"--png", "--svg", "--pdf", "--frames"})
            if (argument == QLatin1String(option) || argument.startsWith(QLatin1String(option) + QLatin1Char('=')))
                return true;
    return false;
}

}  // namespace

int runCommandLine(int argc, char** argv) {
    QCoreApplication::setApplicationName(QStringLiteral("loopscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LOOPSCOPE_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("loopscope"));

    // Hidden: the child process a run executes in (EngineProcess.h). No Qt here.
    if (argc > 1 && qstrcmp(argv[1], "engine-child") == 0)
        return engineChildMain(argc, argv);

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const QString command = arguments.size() > 1 ? arguments.at(1) : QString();

    if ((command == QLatin1String("run") || command == QLatin1String("compare")) && asksForPictures(arguments)) {
        // Pictures need QApplication (fonts, QCustomPlot widgets) but never a screen:
        // headless runs paint on Qt's offscreen platform, the same everywhere.
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        previousMessageHandler = qInstallMessageHandler(quietOffscreenNotices);
        QApplication app(argc, argv);
        return command == QLatin1String("run") ? runCommand(arguments) : compareCommand(arguments);
    }
    if (command == QLatin1String("check") || command == QLatin1String("run") || command == QLatin1String("compare")) {
        QCoreApplication app(argc, argv);
        return command == QLatin1String("check") ? checkCommand(arguments)
               : command == QLatin1String("run") ? runCommand(arguments)
                                                 : compareCommand(arguments);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "loopscope shows how Node.js serves many requests with one thread.\n\n"
        "Commands:\n"
        "  loopscope [FILE]           open the window (on FILE, or the default scenario)\n"
        "  loopscope check FILE...    validate scenario files\n"
        "  loopscope run FILE [...]   run headless; see `loopscope run --help`\n"
        "  loopscope compare A [B]    two runs side by side; see `loopscope compare --help`\n\n"
        "Exit codes: 0 success, 1 bad scenario or arguments, 2 the run failed."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A scenario file to open."), QStringLiteral("[FILE]"));
    if (!parser.parse(arguments))
        return argumentError(QStringLiteral("loopscope"), parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(helpText(parser)), stdout);
        return kExitOk;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("loopscope %s\n", LOOPSCOPE_VERSION);
        return kExitOk;
    }
    if (parser.positionalArguments().size() > 1)
        return argumentError(QStringLiteral("loopscope"), QStringLiteral("unknown command '%1'").arg(parser.positionalArguments().at(0)));
    return guiCommand(argc, argv, arguments);
}

}  // namespace loopscope
