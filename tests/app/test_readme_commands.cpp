// Every `build/bin/loopscope ...` command that README.md shows runs, as written, in a
// folder of its own and makes what it says; the scripts that draw the docs' pictures make
// every picture the docs show. The commands are read from README.md itself, so an edit
// there is tested as it reads.
#include <QtTest>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <csignal>
#include <unistd.h>

#include "support/PngSize.h"

namespace {

const QString kSourceDir = QStringLiteral(LOOPSCOPE_SOURCE_DIR);
// The README shows six commands: the timeline in three formats, the loop view, the
// comparison, the frames, a trace piped through gzip and a write to a full disk.
constexpr int kReadmeCommands = 6;
// A bound on one command on a busy machine; an idle one takes a second or two each.
constexpr int kCommandTimeoutMs = 120000;
// The scripts run 5 and 15 commands.
constexpr int kScriptTimeoutMs = 600000;

// One command of the README, its `\` continuation lines joined, and what the comment above
// it says it does when that is not exit code 0: `# prints "MESSAGE" and exits with N`.
struct ReadmeCommand {
    QString text;
    int readmeLine = 0;
    int exitCode = 0;
    QString message;
    QString lastLine;  // `... last line "TEXT"` in the comment above: what --print-log ends with
};

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList readmeLines() {
    return QString::fromUtf8(readAll(kSourceDir + QStringLiteral("/README.md"))).split(QLatin1Char('\n'));
}

// Indented code lines (four spaces) that start with the executable's path.
std::vector<ReadmeCommand> readmeCommands() {
    static const QRegularExpression failure(QStringLiteral("^# prints \"(.+)\" and exits with (\\d+)$"));
    static const QRegularExpression printed(QStringLiteral("last line \"(.+)\""));
    const QStringList lines = readmeLines();
    std::vector<ReadmeCommand> commands;
    for (int i = 0; i < lines.size(); ++i) {
        if (!lines[i].startsWith(QLatin1String("    ")) || !lines[i].trimmed().startsWith(QLatin1String("build/bin/loopscope ")))
            continue;
        ReadmeCommand command;
        command.readmeLine = i + 1;
        QString text = lines[i].trimmed();
        while (text.endsWith(QLatin1Char('\\')) && i + 1 < lines.size()) {
            text.chop(1);
            text += QLatin1Char(' ') + lines[++i].trimmed();
        }
        command.text = text.simplified();
        if (command.readmeLine >= 2) {
            const QRegularExpressionMatch said = failure.match(lines[command.readmeLine - 2].trimmed());
            if (said.hasMatch()) {
                command.message = said.captured(1);
                command.exitCode = said.captured(2).toInt();
            }
            const QRegularExpressionMatch last = printed.match(lines[command.readmeLine - 2]);
            if (last.hasMatch())
                command.lastLine = last.captured(1);
        }
        commands.push_back(command);
    }
    return commands;
}

// The picture links of the README that point into `folder` (docs/export/, docs/gallery/).
QStringList readmePictures(const QString& folder) {
    static const QRegularExpression link(QStringLiteral("\\]\\(([^)\\s]+)\\)"));
    QStringList names;
    for (const QString& line : readmeLines())
        for (auto it = link.globalMatch(line); it.hasNext();) {
            const QString target = it.next().captured(1);
            if (target.startsWith(folder) && target.size() > folder.size())
                names << target.mid(folder.size());
        }
    names.removeDuplicates();
    return names;
}

struct Outcome {
    int exitCode = -1;  // -2: ended by a signal, -3: killed after the timeout
    QString out;
    QString err;
};

// Runs a command line as a shell on a machine with no display would, in its own process
// group so that a timeout ends the whole pipeline.
Outcome runShell(const QString& program, const QStringList& arguments, const QString& workingDirectory, int timeoutMs) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QString::fromLatin1(name));
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(workingDirectory);
    process.setChildProcessModifier([] { ::setpgid(0, 0); });
    process.start(program, arguments);
    Outcome outcome;
    if (!process.waitForStarted()) {
        outcome.err = process.errorString();
        return outcome;
    }
    if (!process.waitForFinished(timeoutMs)) {
        ::kill(-pid_t(process.processId()), SIGKILL);
        process.waitForFinished();
        outcome.exitCode = -3;
        outcome.err = QStringLiteral("<did not finish in %1 s>").arg(timeoutMs / 1000);
        return outcome;
    }
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    return outcome;
}

using loopscope::testing::pngSize;

// What is wrong with a picture file, judged by its name's extension; empty when it is whole.
// `size` is the PNG's expected size, or empty for any.
QString pictureProblem(const QString& path, QSize size = {}) {
    const QByteArray bytes = readAll(path);
    if (bytes.isEmpty())
        return QStringLiteral("%1 is missing or empty").arg(path);
    if (path.endsWith(QLatin1String(".png"))) {
        const QSize found = pngSize(bytes);
        if (found.isEmpty())
            return QStringLiteral("%1 has no PNG header").arg(path);
        if (size.isValid() && found != size)
            return QStringLiteral("%1 is %2x%3, not %4x%5").arg(path).arg(found.width()).arg(found.height()).arg(size.width()).arg(size.height());
        // Whole, not cut short: a PNG ends with its IEND chunk.
        if (!bytes.endsWith(QByteArray("IEND\xae\x42\x60\x82", 8)))
            return QStringLiteral("%1 does not end with IEND").arg(path);
        return {};
    }
    if (path.endsWith(QLatin1String(".svg"))) {
        QXmlStreamReader xml(bytes);
        QString root;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && root.isEmpty())
                root = xml.name().toString();
        }
        if (xml.hasError())
            return QStringLiteral("%1 is not XML: %2").arg(path, xml.errorString());
        return root == QLatin1String("svg") ? QString() : QStringLiteral("%1 has the root <%2>, not <svg>").arg(path, root);
    }
    if (path.endsWith(QLatin1String(".pdf"))) {
        if (!bytes.startsWith("%PDF-"))
            return QStringLiteral("%1 has no PDF header").arg(path);
        return bytes.trimmed().endsWith("%%EOF") ? QString() : QStringLiteral("%1 does not end with %%EOF").arg(path);
    }
    return QStringLiteral("%1: no check for this kind of file").arg(path);
}

// A Chrome trace: a JSON object with a non-empty traceEvents array.
QString traceProblem(const QByteArray& json, const QString& what) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return QStringLiteral("%1 is not JSON: %2").arg(what, error.errorString());
    const QJsonArray events = document.object().value(QStringLiteral("traceEvents")).toArray();
    return events.isEmpty() ? QStringLiteral("%1 has no traceEvents").arg(what) : QString();
}

// What is wrong with a folder of frames: frame-00001.png, frame-00002.png, ... and nothing else.
QString framesProblem(const QString& folder, QSize size) {
    const QStringList names = QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    if (names.size() < 2)
        return QStringLiteral("%1 holds %2 frames: %3").arg(folder).arg(names.size()).arg(names.join(u' '));
    for (int i = 0; i < names.size(); ++i) {
        const QString expected = QStringLiteral("frame-%1.png").arg(i + 1, 5, 10, QLatin1Char('0'));
        if (names[i] != expected)
            return QStringLiteral("%1: %2 where %3 was due").arg(folder, names[i], expected);
        const QString problem = pictureProblem(QDir(folder).filePath(names[i]), size);
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

}  // namespace

class TestReadmeCommands : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(QStringLiteral(LOOPSCOPE_BINARY)), LOOPSCOPE_BINARY " is not built");
        QVERIFY2(QFileInfo(kSourceDir + QStringLiteral("/README.md")).isFile(), "no README.md");
    }

    void theReadmeShowsEveryCommand() {
        const std::vector<ReadmeCommand> commands = readmeCommands();
        QStringList found;
        for (const ReadmeCommand& command : commands)
            found << QStringLiteral("%1: %2").arg(command.readmeLine).arg(command.text);
        QVERIFY2(int(commands.size()) >= kReadmeCommands, qPrintable(found.join(u'\n')));
        // Continuation lines were joined: no command ends in a `\`, none holds a line break.
        for (const ReadmeCommand& command : commands)
            QVERIFY2(!command.text.contains(u'\\') && !command.text.contains(u'\n'), qPrintable(command.text));
    }

    void everyReadmeCommandDoesWhatItSays_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("lastLine");
        for (const ReadmeCommand& command : readmeCommands())
            QTest::addRow("README.md:%d", command.readmeLine)
                << command.text << command.exitCode << command.message << command.lastLine;
    }

    void everyReadmeCommandDoesWhatItSays() {
        QFETCH(QString, command);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QFETCH(QString, lastLine);
        // The command's relative paths as in a checkout: build/bin and resources beside its outputs.
        QTemporaryDir work;
        QVERIFY(work.isValid());
        QVERIFY(QDir(work.path()).mkdir(QStringLiteral("build")));
        QVERIFY(QFile::link(QFileInfo(QStringLiteral(LOOPSCOPE_BINARY)).absolutePath(), work.filePath(QStringLiteral("build/bin"))));
        QVERIFY(QFile::link(kSourceDir + QStringLiteral("/resources"), work.filePath(QStringLiteral("resources"))));

        const Outcome run = runShell(QStringLiteral("bash"), {QStringLiteral("-o"), QStringLiteral("pipefail"),
                                                              QStringLiteral("-c"), command},
                                     work.path(), kCommandTimeoutMs);
        QVERIFY2(run.exitCode == exitCode,
                 qPrintable(QStringLiteral("exit code %1, not %2: %3").arg(run.exitCode).arg(exitCode).arg(run.err.right(800))));
        if (!message.isEmpty())
            QCOMPARE(run.err.trimmed(), message);

        // What the command names as outputs, checked by kind.
        const QStringList words = command.split(u' ', Qt::SkipEmptyParts);
        QSize size(1920, 1080);
        for (int i = 0; i + 1 < words.size(); ++i) {
            if (words[i] == QLatin1String("--width"))
                size.setWidth(words[i + 1].toInt());
            else if (words[i] == QLatin1String("--height"))
                size.setHeight(words[i + 1].toInt());
        }
        if (exitCode != 0) {
            // A failure says why, and leaves nothing behind in the folder.
            QVERIFY2(!message.isEmpty(), qPrintable(command));
            const QStringList left = QDir(work.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
            QCOMPARE(left, (QStringList{QStringLiteral("build"), QStringLiteral("resources")}));
            return;
        }
        int checked = 0;
        for (int i = 0; i + 1 < words.size(); ++i) {
            const QString& option = words[i];
            const QString target = words[i + 1];
            const QString path = work.filePath(target);
            if (option == QLatin1String("--png") || option == QLatin1String("--svg") || option == QLatin1String("--pdf")) {
                QVERIFY2(target.endsWith(u'.' + option.mid(2)), qPrintable(target));
                const QString problem = pictureProblem(path, size);
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
                ++checked;
            } else if (option == QLatin1String("--frames")) {
                const QString problem = framesProblem(path, size);
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
                ++checked;
            } else if (option == QLatin1String("--trace") && target != QLatin1String("-")) {
                const QString problem = traceProblem(readAll(path), path);
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
                ++checked;
            } else if (option == QLatin1String(">")) {
                // `... --trace - | gzip > FILE`: the file decompresses to the trace.
                QVERIFY2(command.contains(QLatin1String("| gzip >")), qPrintable(command));
                QVERIFY2(target.endsWith(QLatin1String(".json.gz")), qPrintable(target));
                const Outcome unzipped = runShell(QStringLiteral("gzip"), {QStringLiteral("-dc"), path}, work.path(), kCommandTimeoutMs);
                QVERIFY2(unzipped.exitCode == 0, qPrintable(unzipped.err));
                const QString problem = traceProblem(unzipped.out.toUtf8(), target);
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
                ++checked;
            }
        }
        if (!lastLine.isEmpty()) {
            QVERIFY2(command.contains(QLatin1String("--print-log")), qPrintable(command));
            const QStringList printedLines = run.out.trimmed().split(u'\n');
            QCOMPARE(printedLines.last(), lastLine);
            ++checked;
        }
        QVERIFY2(checked > 0, qPrintable(QStringLiteral("nothing of this command is checked: ") + command));
    }

    void exportExamplesDrawsEveryPictureOfDocsExport() {
        const QStringList committed = QDir(kSourceDir + QStringLiteral("/docs/export")).entryList(QDir::Files, QDir::Name);
        QVERIFY(!committed.isEmpty());
        QStringList promised = committed + readmePictures(QStringLiteral("docs/export/"));
        promised.removeDuplicates();
        runScriptAndCheck(QStringLiteral("scripts/export-examples.sh"), QStringLiteral("docs/export"), promised);
    }

    void makeGalleryDrawsEveryScenario() {
        QStringList promised;
        for (const QString& scenario : QDir(kSourceDir + QStringLiteral("/resources/scenarios")).entryList({QStringLiteral("*.yaml")}, QDir::Files))
            promised << QFileInfo(scenario).completeBaseName() + QStringLiteral(".png");
        QVERIFY(promised.size() >= 10);
        promised += readmePictures(QStringLiteral("docs/gallery/"));
        promised += QDir(kSourceDir + QStringLiteral("/docs/gallery")).entryList(QDir::Files);
        promised.removeDuplicates();
        runScriptAndCheck(QStringLiteral("scripts/make-gallery.sh"), QStringLiteral("docs/gallery"), promised);
    }

private:
    // Runs a picture script into a folder of its own, from the source folder as its usage
    // says, and checks that each promised picture is there and whole, and that the docs
    // folder it writes by default was left alone.
    void runScriptAndCheck(const QString& script, const QString& docsFolder, const QStringList& promised) {
        QTemporaryDir output;
        QVERIFY(output.isValid());
        const QString docs = kSourceDir + u'/' + docsFolder;
        auto stamps = [&] {
            QStringList list;
            for (const QFileInfo& file : QDir(docs).entryInfoList(QDir::Files, QDir::Name))
                list << file.fileName() + u' ' + file.lastModified().toString(Qt::ISODateWithMs);
            return list;
        };
        const QStringList before = stamps();
        const Outcome run = runShell(QStringLiteral("sh"), {script, QStringLiteral(LOOPSCOPE_BINARY), output.path()},
                                     kSourceDir, kScriptTimeoutMs);
        QVERIFY2(run.exitCode == 0, qPrintable(QStringLiteral("exit code %1: %2").arg(run.exitCode).arg(run.err.right(800))));
        for (const QString& name : promised) {
            const QString problem = pictureProblem(QDir(output.path()).filePath(name));
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        QCOMPARE(stamps(), before);
    }
};

QTEST_MAIN(TestReadmeCommands)
#include "test_readme_commands.moc"
