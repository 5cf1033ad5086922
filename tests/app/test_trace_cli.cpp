// `loopscope run FILE --trace OUT.json`: a Chrome trace of every engine that ran, written
// the way the path asks (a link's target, a FIFO's reader, standard output, a full disk).
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include "TraceFormatCheck.h"
#include "support/LoopscopeProcess.h"

namespace {

constexpr int kRunTimeoutMs = 60000;

using loopscope::testing::Outcome;

Outcome runLoopscope(const QStringList& arguments) { return loopscope::testing::runLoopscope(arguments, kRunTimeoutMs); }

QStringList processNames(const QByteArray& json) {
    QStringList names;
    const QJsonArray events = QJsonDocument::fromJson(json).object().value("traceEvents").toArray();
    for (const QJsonValue& value : events) {
        const QJsonObject event = value.toObject();
        if (event.value("ph").toString() == "M" && event.value("name").toString() == "process_name")
            names << event.value("args").toObject().value("name").toString();
    }
    names.sort();
    return names;
}

const QString kTimer = QStringLiteral(LOOPSCOPE_SOURCE_DIR "/resources/scenarios/timer.yaml");

QStringList traceArguments(const QString& out) {
    return {QStringLiteral("run"), kTimer, QStringLiteral("--mode"), QStringLiteral("event-loop"), QStringLiteral("--trace"), out};
}

QStringList entries(const QString& dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
}

QByteArray contents(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

mode_t modeOf(const QString& path) {
    struct stat status {};
    return ::lstat(QFile::encodeName(path).constData(), &status) == 0 ? status.st_mode : 0;
}

// A 64 KiB tmpfs under `dir`, unmounted on destruction. Only root may mount.
struct SmallFileSystem {
    QString path;
    bool mounted = false;
    explicit SmallFileSystem(const QTemporaryDir& dir) : path(dir.filePath(QStringLiteral("small"))) {
        QDir().mkdir(path);
        mounted = ::geteuid() == 0 &&
                  ::mount("tmpfs", QFile::encodeName(path).constData(), "tmpfs", 0, "size=64k") == 0;
    }
    ~SmallFileSystem() {
        if (mounted)
            ::umount(QFile::encodeName(path).constData());
    }
};

}  // namespace

class TestTraceCli : public QObject {
    Q_OBJECT

private slots:
    void bothEnginesInOneTrace() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString out = dir.filePath("run.json");
        const Outcome outcome = runLoopscope(
            {"run", LOOPSCOPE_SOURCE_DIR "/resources/scenarios/three-users-file-server.yaml", "--trace", out});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        const QStringList problems = loopscope::testing::chromeTraceProblems(json);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
        const QString dash = QString::fromUtf8(" \u2014 ");
        QCOMPARE(processNames(json),
                 QStringList({"Three users hit the file server" + dash + "event loop",
                              "Three users hit the file server" + dash + "thread per request",
                              "load client" + dash + "event loop", "load client" + dash + "thread per request"}));
        QVERIFY(json.contains("\"request 3: page read, answering\""));
    }

    void oneEngineIsNamedByTheTitle() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString out = dir.filePath("timer.json");
        const Outcome outcome = runLoopscope({"run", LOOPSCOPE_SOURCE_DIR "/resources/scenarios/timer.yaml",
                                              "--mode", "event-loop", "--trace", out});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        QVERIFY(loopscope::testing::chromeTraceProblems(json).isEmpty());
        QCOMPARE(processNames(json), QStringList{"Start, End, Timer finished"});
        QVERIFY(json.contains("\"name\":\"Timer finished\""));
    }

    void unwritableTraceIsABadArgument() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString out = dir.filePath("missing/run.json");
        const Outcome outcome = runLoopscope({"run", LOOPSCOPE_SOURCE_DIR "/resources/scenarios/timer.yaml",
                                              "--mode", "event-loop", "--trace", out});
        QCOMPARE(outcome.exitCode, 1);
        QCOMPARE(outcome.err, "loopscope: cannot write " + out + ": No such file or directory\n");
        QVERIFY(!QFile::exists(out));
    }

    void aSymbolicLinkWritesTheFileItPointsTo() {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("kept")));
        const QString real = dir.filePath(QStringLiteral("kept/run.json"));
        QFile old(real);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
        old.close();
        QCOMPARE(::chmod(QFile::encodeName(real).constData(), 0640), 0);
        const QString link = dir.filePath(QStringLiteral("run.json"));
        QVERIFY(QFile::link(QStringLiteral("kept/run.json"), link));
        const Outcome outcome = runLoopscope(traceArguments(link));
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QVERIFY(S_ISLNK(modeOf(link)));  // still the link, not a file in its place
        const QByteArray json = contents(real);
        QVERIFY(json.contains("\"name\":\"Timer finished\""));
        QVERIFY(loopscope::testing::chromeTraceProblems(json).isEmpty());
        QCOMPARE(modeOf(real) & 07777, mode_t(0640));  // the old file's permissions
        QCOMPARE(entries(dir.filePath(QStringLiteral("kept"))), QStringList{QStringLiteral("run.json")});
    }

    void theOldFilesPermissionsAreKept() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("run.json"));
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.close();
        QCOMPARE(::chmod(QFile::encodeName(out).constData(), 0600), 0);
        const Outcome outcome = runLoopscope(traceArguments(out));
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QVERIFY(contents(out).contains("\"name\":\"Timer finished\""));
        QCOMPARE(modeOf(out) & 07777, mode_t(0600));
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("run.json")});
    }

    // A FIFO is written in place: its reader gets the trace, and the FIFO stays a FIFO.
    void aFifoStreamsToItsReader() {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("trace.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QByteArray received;
        std::thread reader([&] {
            QFile in(fifo);
            if (in.open(QIODevice::ReadOnly | QIODevice::Unbuffered))  // waits for the writer
                received = in.readAll();
        });
        const Outcome outcome = runLoopscope(traceArguments(fifo));
        // Had loopscope never opened the FIFO, the reader would wait forever: give it an end.
        const int unblock = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK);
        if (unblock >= 0)
            ::close(unblock);
        reader.join();
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QVERIFY(received.contains("\"name\":\"Timer finished\""));
        QVERIFY(loopscope::testing::chromeTraceProblems(received).isEmpty());
        QVERIFY(S_ISFIFO(modeOf(fifo)));
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("trace.fifo")});
    }

    // `-` is standard output, not a file named "-".
    void dashWritesToStandardOutput() {
        QTemporaryDir dir;
        QProcess process;
        process.setWorkingDirectory(dir.path());
        process.start(QStringLiteral(LOOPSCOPE_BINARY), traceArguments(QStringLiteral("-")));
        QVERIFY(process.waitForFinished(kRunTimeoutMs));
        const QByteArray out = process.readAllStandardOutput();
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
                 process.readAllStandardError().constData());
        QVERIFY(out.startsWith("{\"traceEvents\":["));
        QVERIFY(out.contains("\"name\":\"Timer finished\""));
        QVERIFY(loopscope::testing::chromeTraceProblems(out).isEmpty());
        QCOMPARE(entries(dir.path()), QStringList());
    }

    void aFullDeviceIsAnError() {
        if (!S_ISCHR(modeOf(QStringLiteral("/dev/full"))))
            QSKIP("/dev/full is not a character device here");
        const Outcome outcome = runLoopscope(traceArguments(QStringLiteral("/dev/full")));
        QCOMPARE(outcome.exitCode, 1);
        QCOMPARE(outcome.err, QStringLiteral("loopscope: cannot write /dev/full: No space left on device\n"));
        QVERIFY(S_ISCHR(modeOf(QStringLiteral("/dev/full"))));  // the device node is still there
    }

    // A disk that fills up mid-trace: exit 1, the old file untouched, no temporary file.
    void aFullFileSystemLeavesTheOldFile() {
        QTemporaryDir dir;
        SmallFileSystem small(dir);
        if (!small.mounted)
            QSKIP("needs root to mount a 64 KiB tmpfs (mount -t tmpfs -o size=64k); not root or mount refused");
        const QString out = small.path + QStringLiteral("/run.json");
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
        old.close();
        QFile filler(small.path + QStringLiteral("/filler"));
        QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        while (filler.write(QByteArray(4096, 'f')) == 4096) {
        }
        filler.close();
        const Outcome outcome = runLoopscope(traceArguments(out));
        QCOMPARE(outcome.exitCode, 1);
        QCOMPARE(outcome.err, QStringLiteral("loopscope: cannot write %1: No space left on device\n").arg(out));
        QCOMPARE(contents(out), QByteArray("old"));
        QCOMPARE(entries(small.path), QStringList({QStringLiteral("filler"), QStringLiteral("run.json")}));
    }
};

QTEST_GUILESS_MAIN(TestTraceCli)
#include "test_trace_cli.moc"
