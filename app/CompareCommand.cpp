#include "CompareCommand.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QRegularExpression>
#include <cstdio>

#include "CommandLine.h"
#include "CompareSlide.h"
#include "EngineNames.h"
#include "EngineRuns.h"
#include "NodeRecording.h"
#include "PictureExport.h"
#include "PictureOptions.h"
#include "RecordedRuns.h"
#include "RunDifferences.h"
#include "ScenarioParser.h"
#include "SlideWriter.h"

namespace loopscope {
namespace {

int fail(const std::string& message) {
    std::fprintf(stderr, "loopscope: %s\n", message.c_str());
    return kExitBadInput;
}

// One side of the comparison: the document it came from and which of its runs.
struct Side {
    RunDocument document;
    std::size_t run = 0;
    QString path;
    const RecordedRun& recorded() const { return document.runs[run]; }
};

// A recording as it is; a scenario or program run now, headless, on the event-loop engine.
std::optional<RunDocument> loadSide(const QString& path, std::string* error) {
    const std::string file = path.toStdString();
    if (recordingKindOf(file) != RecordingKind::None) {
        RunFileResult opened = openRecording(file);
        if (!opened.document)
            *error = opened.error;
        else if (opened.document->runs.empty())
            *error = file + ": the run has no engine's events in it";
        return std::move(opened.document);
    }
    ParseResult parsed = parseScenarioFile(file);
    if (!parsed.ok()) {
        for (const Diagnostic& d : parsed.diagnostics)
            std::fprintf(stderr, "%s\n", d.format().c_str());
        *error = file + ": cannot be run (see above)";
        return std::nullopt;
    }
    RunOptions options;
    options.scenarioPath = path;
    options.standardInputNull = true;
    EngineRun run = runEngine(options, EngineKind::EventLoop, true);
    if (!run.ok) {
        *error = run.error;
        return std::nullopt;
    }
    RunDocument document = documentForRun(file, *parsed.scenario, {});
    document.runs.push_back({EngineKind::EventLoop, std::move(run.trace), std::move(run.samples), run.programExitCode});
    return document;
}

CompareSide compareSide(const Side& side, const QString& name) {
    CompareSide compared;
    compared.name = name;
    compared.description = compareDescription(side.document, side.path);
    compared.trace = &side.recorded().trace;
    compared.samples = &side.recorded().samples;
    compared.limits = side.document.limits;
    return compared;
}

}  // namespace

int compareCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Put two runs on one time axis and list their differences. A run is a saved run (.lsrun), a trace "
        "recorded by Node, or a scenario or program, which is run first. One file holding both engines "
        "compares them; one program with --with-node compares it with real Node."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("compare"), QStringLiteral("The compare command."));
    parser.addPositionalArgument(QStringLiteral("A"), QStringLiteral("The first run."));
    parser.addPositionalArgument(QStringLiteral("B"), QStringLiteral("The second run."), QStringLiteral("[B]"));
    const QCommandLineOption withNode(QStringLiteral("with-node"),
                                      QStringLiteral("Also run the program A under `node` with trace events, as B."));
    const PictureOptions pictureOptions;
    parser.addOption(withNode);
    pictureOptions.addTo(parser);
    const QString command = QStringLiteral("loopscope compare");
    auto usage = [&](const QString& message) {
        std::fprintf(stderr, "loopscope: %s\nTry '%s --help'.\n", qPrintable(message), qPrintable(command));
        return int(kExitBadInput);
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText().replace(QRegularExpression(QStringLiteral("^Usage: \\S+")),
                                                        QStringLiteral("Usage: loopscope"))),
                   stdout);
        return kExitOk;
    }
    const QStringList files = parser.positionalArguments().mid(1);
    const bool node = parser.isSet(withNode);
    if (files.isEmpty())
        return usage(QStringLiteral("compare: no run given"));
    if (files.size() > 2 || (node && files.size() != 1))
        return usage(node ? QStringLiteral("compare --with-node takes one program")
                          : QStringLiteral("compare: at most two runs can be compared"));

    RunOptions pictures;
    if (const QString problem = pictureOptions.read(parser, pictures); !problem.isEmpty())
        return usage(problem);
    QString why;
    std::optional<QString> nodeExecutable;
    if (node && !(nodeExecutable = findNode(&why)))
        return fail("--with-node is off: " + why.toStdString());
    for (const QString& path : {pictures.pngPath, pictures.svgPath, pictures.pdfPath})
        if (!path.isEmpty() && !canWriteFile(path, &why))
            return fail(why.toStdString());

    std::string error;
    std::optional<RunDocument> first = loadSide(files[0], &error);
    if (!first)
        return fail(error);
    Side a{std::move(*first), 0, files[0]};
    Side b;
    if (node) {
        const Scenario scenario = scenarioOfDocument(a.document);
        RunFileResult recorded = recordWithNode(*nodeExecutable, scenario, {});
        if (!recorded.document)
            return fail(recorded.error);
        b = Side{std::move(*recorded.document), 0, files[0]};
    } else if (files.size() == 2) {
        std::optional<RunDocument> second = loadSide(files[1], &error);
        if (!second)
            return fail(error);
        b = Side{std::move(*second), 0, files[1]};
    } else {
        if (a.document.runs.size() < 2)
            return usage(QStringLiteral("compare: %1 holds one run; give a second run, or --with-node").arg(files[0]));
        b = Side{a.document, 1, files[0]};
    }
    const auto [nameA, nameB] = compareNames(a.document, a.run, a.path, b.document, b.run, b.path);
    const CompareSide sideA = compareSide(a, nameA), sideB = compareSide(b, nameB);
    const std::vector<DifferenceRow> rows = runDifferences({nameA.toStdString(), sideA.trace, sideA.samples},
                                                           {nameB.toStdString(), sideB.trace, sideB.samples});
    std::fputs(formatDifferences(rows, nameA.toStdString(), nameB.toStdString()).c_str(), stdout);
    for (const CompareSide* side : {&sideA, &sideB})
        for (const std::string& limit : side->limits)
            std::fprintf(stdout, "%s: %s\n", qPrintable(side->name), limit.c_str());
    std::fflush(stdout);
    const QString subject = QString::fromStdString(a.document.title);
    const QString title = subject.isEmpty() ? QStringLiteral("%1 vs %2").arg(nameA, nameB)
                                            : QStringLiteral("%1: %2 vs %3").arg(subject, nameA, nameB);
    CompareSlide slide(title, sideA, sideB);
    return writePictureFiles(slide, pictures);
}

}  // namespace loopscope
