// Runs the loopscope executable as a teacher would, and keeps what it printed and
// how it ended.
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

// Where the process believes it runs: Qt's offscreen platform, or a shell on a
// machine with no display at all (no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM).
enum class Display { Offscreen, None };

// `standardInput`: what the command reads on its standard input (then end of file).
inline Outcome runLoopscope(const QStringList& arguments, int timeoutMs, Display display = Display::Offscreen,
                            const QByteArray& standardInput = {}) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (display == Display::Offscreen) {
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    } else {
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            environment.remove(QString::fromLatin1(name));
    }
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(LOOPSCOPE_BINARY), arguments);
    if (!standardInput.isEmpty())
        process.write(standardInput);
    process.closeWriteChannel();
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
