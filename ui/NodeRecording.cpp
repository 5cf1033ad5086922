#include "NodeRecording.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "RecordedRuns.h"

namespace loopscope {

std::optional<QString> findNode(QString* why) {
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty()) {
        if (why)
            *why = QStringLiteral("no `node` executable on PATH: install Node.js to record the same program under it");
        return std::nullopt;
    }
    return node;
}

RunFileResult recordWithNode(const QString& node, const Scenario& scenario,
                             const std::vector<std::string>& programArguments) {
    RunFileResult result;
    if (scenario.program.empty()) {
        result.error = "only a JavaScript program can be run by Node too, not a scenario of steps";
        return result;
    }
    QTemporaryDir folder;
    if (!folder.isValid()) {
        result.error = "cannot make a temporary folder for Node's trace: " + folder.errorString().toStdString();
        return result;
    }
    const QString program = QFileInfo(QString::fromStdString(scenario.program)).absoluteFilePath();
    QStringList arguments{QStringLiteral("--trace-event-categories"), QLatin1String(kNodeTraceCategories),
                          QStringLiteral("--trace-event-file-pattern"),
                          folder.filePath(QStringLiteral("node_trace.${rotation}.log")), program};
    for (const std::string& argument : programArguments)
        arguments << QString::fromStdString(argument);
    QProcess process;
    process.setProgram(node);
    process.setArguments(arguments);
    process.setWorkingDirectory(QFileInfo(program).absolutePath());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("UV_THREADPOOL_SIZE"), QString::number(scenario.runtime.threadpool));
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QProcess::nullDevice());
    process.start();
    if (!process.waitForStarted()) {
        result.error = "cannot start " + node.toStdString() + ": " + process.errorString().toStdString();
        return result;
    }
    // A server program runs until stopped: at the horizon, as loopscope's own run does.
    const int horizonMs = int(std::min<Nanoseconds>(scenario.runtime.horizon / kMillisecond, 600'000));
    if (!process.waitForFinished(horizonMs)) {
        process.terminate();  // Node writes the end of its trace on SIGTERM
        if (!process.waitForFinished(5000)) {
            process.kill();
            process.waitForFinished(-1);
        }
    }
    const std::string trace = folder.filePath(QStringLiteral("node_trace.1.log")).toStdString();
    if (!QFileInfo::exists(QString::fromStdString(trace))) {
        result.error = "node wrote no trace (" + node.toStdString() + " exited with code " +
                       std::to_string(process.exitCode()) + ")";
        return result;
    }
    result = openRecording(trace);
    if (result.document) {
        result.document->title = scenario.title;
        QFile source(program);
        result.document->sources = {
            {scenario.program, source.open(QIODevice::ReadOnly) ? source.readAll().toStdString() : std::string()}};
    }
    return result;
}

}  // namespace loopscope
