// Every output goes through OutputFile: a file appears complete or not at all (committed,
// abandoned, failed, full and killed writes), a symbolic link writes its target, `-`, a
// FIFO and a character device are written in place, permissions are kept.
#include <QtTest>
#include <QDir>
#include <QTemporaryDir>
#include <csignal>
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "OutputFile.h"

using namespace loopscope;

namespace {

using Temporary = OutputFile::Temporary;

QStringList entries(const QString& dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
}

QByteArray contents(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeContents(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

mode_t modeOf(const QString& path) {
    struct stat status {};
    return ::lstat(QFile::encodeName(path).constData(), &status) == 0 ? status.st_mode : 0;
}

bool write(const QString& path, std::string_view bytes, Temporary temporary, std::string* reason) {
    OutputFile file(path.toStdString(), temporary);
    return file.open(reason) && file.write(bytes, reason) && file.commit(reason);
}

void addTemporaryKinds() {
    QTest::addColumn<Temporary>("temporary");
    QTest::newRow("unnamed where possible") << Temporary::UnnamedWherePossible;
    QTest::newRow("named") << Temporary::Named;
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

Q_DECLARE_METATYPE(OutputFile::Temporary)

class TestOutputFile : public QObject {
    Q_OBJECT
private slots:
    void committedBytesReplaceTheTarget_data() { addTemporaryKinds(); }
    void committedBytesReplaceTheTarget() {
        QFETCH(Temporary, temporary);
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("out.txt"));
        std::string reason;
        QVERIFY2(write(target, "first", temporary, &reason), reason.c_str());
        QVERIFY2(write(target, "second version", temporary, &reason), reason.c_str());
        QCOMPARE(contents(target), QByteArray("second version"));
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("out.txt")});
        // A new file gets what the umask leaves of 0666, as any program's would.
        const mode_t mask = ::umask(0);
        ::umask(mask);
        QCOMPARE(modeOf(target) & 07777, mode_t(0666 & ~mask));
    }

    void theOldFilesPermissionsAreKept_data() {
        addTemporaryKinds();
    }
    void theOldFilesPermissionsAreKept() {
        QFETCH(Temporary, temporary);
        QTemporaryDir dir;
        for (mode_t mode : {mode_t(0600), mode_t(0640), mode_t(0755), mode_t(0444)}) {
            const QString target = dir.filePath(QStringLiteral("kept-%1").arg(mode, 0, 8));
            writeContents(target, "old");
            QCOMPARE(::chmod(QFile::encodeName(target).constData(), mode), 0);
            std::string reason;
            QVERIFY2(write(target, "new", temporary, &reason), reason.c_str());
            QCOMPARE(contents(target), QByteArray("new"));
            QCOMPARE(modeOf(target) & 07777, mode);
        }
    }

    void whileWritingTheTargetKeepsItsOldContent_data() { addTemporaryKinds(); }
    void whileWritingTheTargetKeepsItsOldContent() {
        QFETCH(Temporary, temporary);
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("slide.png"));
        writeContents(target, "old");
        std::string reason;
        {
            OutputFile file(target.toStdString(), temporary);
            QVERIFY(file.open(&reason));
            QVERIFY(file.write("half", &reason));
            QVERIFY(!file.streams());
            QCOMPARE(contents(target), QByteArray("old"));
            const QStringList during = entries(dir.path());
            if (temporary == Temporary::Named || !file.temporaryPath().empty()) {
                QCOMPARE(during.size(), 2);
                QVERIFY(during.first().startsWith(QStringLiteral(".slide.png.partial-")));
                QCOMPARE(dir.filePath(during.first()).toStdString(), file.temporaryPath());
            } else {
                QCOMPARE(during, QStringList{QStringLiteral("slide.png")});  // O_TMPFILE: no name at all
            }
        }  // abandoned: never committed
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("slide.png")});
        QCOMPARE(contents(target), QByteArray("old"));
    }

    void aMissingDirectoryIsAReason() {
        QTemporaryDir dir;
        std::string error;
        const std::string target = dir.filePath(QStringLiteral("none/out.txt")).toStdString();
        QVERIFY(!writeOutputFile(target, "x", &error));
        QCOMPARE(error, "cannot write " + target + ": No such file or directory");
        QCOMPARE(entries(dir.path()), QStringList());
        QVERIFY(!writeOutputFile("", "x", &error));
        QCOMPARE(error, std::string("cannot write : no file name given"));
        OutputFile unopened(target);
        QVERIFY(!unopened.write("x", &error));
        QCOMPARE(error, std::string("the file is not open"));
    }

    void aSymbolicLinkWritesTheFileItPointsTo_data() { addTemporaryKinds(); }
    void aSymbolicLinkWritesTheFileItPointsTo() {
        QFETCH(Temporary, temporary);
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("real")));
        const QString real = dir.filePath(QStringLiteral("real/trace.json"));
        writeContents(real, "old");
        QCOMPARE(::chmod(QFile::encodeName(real).constData(), 0640), 0);
        // link -> real/trace.json (relative), chain -> link (absolute)
        QCOMPARE(::symlink("real/trace.json", QFile::encodeName(dir.filePath(QStringLiteral("link"))).constData()), 0);
        QCOMPARE(::symlink(QFile::encodeName(dir.filePath(QStringLiteral("link"))).constData(),
                           QFile::encodeName(dir.filePath(QStringLiteral("chain"))).constData()),
                 0);
        std::string reason;
        QVERIFY2(write(dir.filePath(QStringLiteral("chain")), "new", temporary, &reason), reason.c_str());
        QCOMPARE(contents(real), QByteArray("new"));
        QVERIFY(S_ISLNK(modeOf(dir.filePath(QStringLiteral("link")))));
        QVERIFY(S_ISLNK(modeOf(dir.filePath(QStringLiteral("chain")))));
        QCOMPARE(modeOf(real) & 07777, mode_t(0640));
        QCOMPARE(entries(dir.path()), QStringList({QStringLiteral("chain"), QStringLiteral("link"), QStringLiteral("real")}));
        QCOMPARE(entries(dir.filePath(QStringLiteral("real"))), QStringList{QStringLiteral("trace.json")});

        // A dangling link creates the file it names, as a shell's `>` does.
        QCOMPARE(::symlink("real/new.csv", QFile::encodeName(dir.filePath(QStringLiteral("dangling"))).constData()), 0);
        QVERIFY2(write(dir.filePath(QStringLiteral("dangling")), "rows", temporary, &reason), reason.c_str());
        QVERIFY(S_ISLNK(modeOf(dir.filePath(QStringLiteral("dangling")))));
        QCOMPARE(contents(dir.filePath(QStringLiteral("real/new.csv"))), QByteArray("rows"));

        // A loop of links is a reason, not a hang.
        QCOMPARE(::symlink("loop-b", QFile::encodeName(dir.filePath(QStringLiteral("loop-a"))).constData()), 0);
        QCOMPARE(::symlink("loop-a", QFile::encodeName(dir.filePath(QStringLiteral("loop-b"))).constData()), 0);
        QVERIFY(!write(dir.filePath(QStringLiteral("loop-a")), "x", temporary, &reason));
        QCOMPARE(reason, std::string("Too many levels of symbolic links"));
    }

    void aFifoIsWrittenInPlaceToItsReader() {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("pipe"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const std::string sent(1 << 20, 'x');  // more than a pipe holds: the reader must drain it
        QByteArray received;
        std::thread reader([&] {
            QFile in(fifo);
            if (in.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
                received = in.readAll();
        });
        OutputFile file(fifo.toStdString());
        std::string reason;
        const bool written = file.open(&reason) && file.streams() && file.temporaryPath().empty() &&
                             file.write(sent, &reason) && file.commit(&reason);
        reader.join();
        QVERIFY2(written, reason.c_str());
        QCOMPARE(received.size(), qsizetype(sent.size()));
        QVERIFY(S_ISFIFO(modeOf(fifo)));
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("pipe")});
    }

    void dashIsStandardOutput() {
        QTemporaryDir dir;
        const QString captured = dir.filePath(QStringLiteral("captured"));
        const QString work = dir.filePath(QStringLiteral("work"));
        QVERIFY(QDir().mkdir(work));
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            const int fd = ::open(QFile::encodeName(captured).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            if (fd < 0 || ::dup2(fd, STDOUT_FILENO) < 0 || ::chdir(QFile::encodeName(work).constData()) != 0)
                ::_exit(3);
            std::printf("printed first\n");  // still in stdio's buffer: it must come out first
            std::string error;
            ::_exit(writeOutputFile("-", "{\"traceEvents\":[]}\n", &error) ? 0 : 4);
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
        QCOMPARE(contents(captured), QByteArray("printed first\n{\"traceEvents\":[]}\n"));
        QCOMPARE(entries(work), QStringList());  // no file named "-"
    }

    void aFullDeviceIsAnError() {
        if (!S_ISCHR(modeOf(QStringLiteral("/dev/full"))))
            QSKIP("/dev/full is not a character device here");
        std::string error;
        QVERIFY(!writeOutputFile("/dev/full", "bytes", &error));
        QCOMPARE(error, std::string("cannot write /dev/full: No space left on device"));
        QVERIFY(S_ISCHR(modeOf(QStringLiteral("/dev/full"))));  // written in place, never replaced

        // Through a link: the same device, the link stays.
        QTemporaryDir dir;
        const QString link = dir.filePath(QStringLiteral("out.json"));
        QCOMPARE(::symlink("/dev/full", QFile::encodeName(link).constData()), 0);
        QVERIFY(!writeOutputFile(link.toStdString(), "bytes", &error));
        QCOMPARE(error, "cannot write " + link.toStdString() + ": No space left on device");
        QVERIFY(S_ISLNK(modeOf(link)));
        QVERIFY(S_ISCHR(modeOf(QStringLiteral("/dev/full"))));
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("out.json")});
    }

    void aFullFileSystemKeepsTheOldFile_data() { addTemporaryKinds(); }
    void aFullFileSystemKeepsTheOldFile() {
        QFETCH(Temporary, temporary);
        QTemporaryDir dir;
        SmallFileSystem small(dir);
        if (!small.mounted)
            QSKIP("needs root to mount a 64 KiB tmpfs (mount -t tmpfs -o size=64k)");
        const QString target = small.path + QStringLiteral("/trace.json");
        writeContents(target, "old");
        std::string reason;
        QVERIFY(!write(target, std::string(256 * 1024, 'x'), temporary, &reason));
        QCOMPARE(reason, std::string("No space left on device"));
        QCOMPARE(contents(target), QByteArray("old"));
        QCOMPARE(entries(small.path), QStringList{QStringLiteral("trace.json")});
    }

    void outputProblemsBeforeAnyWork() {
        QTemporaryDir dir;
        const auto problem = [](const QString& path) { return QString::fromStdString(outputProblem(path.toStdString())); };
        QCOMPARE(problem(dir.filePath(QStringLiteral("new.png"))), QString());
        QCOMPARE(problem(QStringLiteral("-")), QString());
        QCOMPARE(problem(QStringLiteral("/dev/null")), QString());
        QCOMPARE(problem(QString()), QStringLiteral("no file name given"));
        QCOMPARE(problem(dir.path()), QStringLiteral("it is a directory"));
        QCOMPARE(problem(dir.filePath(QStringLiteral("missing/x.png"))),
                 QStringLiteral("the directory %1 does not exist").arg(dir.filePath(QStringLiteral("missing"))));
        writeContents(dir.filePath(QStringLiteral("file")), "x");
        QCOMPARE(problem(dir.filePath(QStringLiteral("file/x.png"))),
                 QStringLiteral("%1 is not a directory").arg(dir.filePath(QStringLiteral("file"))));
        QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(QStringLiteral("fifo"))).constData(), 0600), 0);
        QCOMPARE(problem(dir.filePath(QStringLiteral("fifo"))), QString());  // never opened: that would wait for a reader
        // A directory nobody may create files in (root may write anywhere but /proc).
        QString readOnly = dir.filePath(QStringLiteral("read-only"));
        QVERIFY(QDir().mkdir(readOnly));
        QCOMPARE(::chmod(QFile::encodeName(readOnly).constData(), 0500), 0);
        if (::access(QFile::encodeName(readOnly).constData(), W_OK) == 0)
            readOnly = QStringLiteral("/proc");
        QCOMPARE(problem(readOnly + QStringLiteral("/x.png")), QStringLiteral("the directory %1 is not writable").arg(readOnly));
        ::chmod(QFile::encodeName(dir.filePath(QStringLiteral("read-only"))).constData(), 0700);
        // The checks leave nothing behind.
        QCOMPARE(entries(dir.path()), QStringList({QStringLiteral("fifo"), QStringLiteral("file"), QStringLiteral("read-only")}));
    }

    // Under nohup, SIGHUP stays harmless: the writer does not put a handler in its place.
    void anIgnoredSignalStaysIgnored() {
        QTemporaryDir dir;
        const std::string target = dir.filePath(QStringLiteral("out.txt")).toStdString();
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            struct sigaction ignore {};
            ignore.sa_handler = SIG_IGN;
            ::sigaction(SIGHUP, &ignore, nullptr);
            OutputFile file(target, Temporary::Named);
            std::string reason;
            if (!file.open(&reason) || !file.write("kept", &reason))
                ::_exit(3);
            struct sigaction current {};
            ::sigaction(SIGHUP, nullptr, &current);
            if ((current.sa_flags & SA_SIGINFO) || current.sa_handler != SIG_IGN)
                ::_exit(4);
            ::raise(SIGHUP);
            ::_exit(file.commit(&reason) ? 0 : 5);
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
        QCOMPARE(contents(dir.filePath(QStringLiteral("out.txt"))), QByteArray("kept"));
    }

    void aKilledWriteLeavesNothing_data() {
        QTest::addColumn<Temporary>("temporary");
        QTest::addColumn<int>("signal");
        for (const auto& [name, temporary] : {std::pair{"unnamed", Temporary::UnnamedWherePossible}, std::pair{"named", Temporary::Named}}) {
            QTest::addRow("%s SIGINT", name) << temporary << SIGINT;
            QTest::addRow("%s SIGTERM", name) << temporary << SIGTERM;
            QTest::addRow("%s SIGHUP", name) << temporary << SIGHUP;
        }
    }
    void aKilledWriteLeavesNothing() {
        QFETCH(Temporary, temporary);
        QFETCH(int, signal);
        struct sigaction current {};
        ::sigaction(signal, nullptr, &current);
        if (!(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_IGN)
            QSKIP("the test runs with this signal ignored (nohup?): it cannot end the writer");
        QTemporaryDir dir;
        const std::string target = dir.filePath(QStringLiteral("frames.png")).toStdString();
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            // As in the application: no test harness handler that prints a stack trace first.
            struct sigaction byDefault {};
            byDefault.sa_handler = SIG_DFL;
            ::sigaction(signal, &byDefault, nullptr);
            OutputFile file(target, temporary);
            std::string reason;
            if (!file.open(&reason) || !file.write(std::string(100000, 'x'), &reason))
                ::_exit(3);
            if (temporary == Temporary::Named && ::access(file.temporaryPath().c_str(), F_OK) != 0)
                ::_exit(5);  // the temporary file must exist for this test to mean something
            ::raise(signal);  // the export is interrupted mid-file
            ::_exit(4);
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY2(WIFSIGNALED(status), qPrintable(QStringLiteral("the child exited with %1").arg(WEXITSTATUS(status))));
        QCOMPARE(WTERMSIG(status), signal);
        QCOMPARE(entries(dir.path()), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestOutputFile)
#include "test_output_file.moc"
