// Runs the loopscope executable as a teacher would, on Qt's offscreen platform,
// and keeps what it printed and how it ended.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace loopscope::testing {

struct Outcome {
    int exitCode = -1;  // -2: the process crashed
    QString out;
    QString err;
};

inline Outcome runLoopscope(const QStringList& arguments, int timeoutMs) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(LOOPSCOPE_BINARY), arguments);
    Outcome outcome;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        outcome.err = QStringLiteral("<did not finish>");
        return outcome;
    }
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    return outcome;
}

}  // namespace loopscope::testing
