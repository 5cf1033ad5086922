// Files appear complete or not at all: committed, abandoned, failed and killed writes.
#include <QtTest>
#include <QDir>
#include <QTemporaryDir>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include "PartialFile.h"

using namespace loopscope;

namespace {

QStringList entries(const QString& dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

QByteArray contents(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class TestPartialFile : public QObject {
    Q_OBJECT
private slots:
    void committedBytesReplaceTheTarget() {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("out.txt"));
        std::string reason;
        QVERIFY(writeFileAtomically(target.toStdString(), "first", &reason));
        QVERIFY(writeFileAtomically(target.toStdString(), "second version", &reason));
        QCOMPARE(contents(target), QByteArray("second version"));
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("out.txt")});
        QCOMPARE(QFileInfo(target).permissions() & QFile::ReadOther, QFile::ReadOther);
    }

    void whileWritingOnlyTheTemporaryFileExists() {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("slide.png"));
        std::string reason;
        {
            PartialFile file(target.toStdString());
            QVERIFY(file.open(&reason));
            QVERIFY(file.write("half", &reason));
            QVERIFY(!QFileInfo::exists(target));
            QCOMPARE(entries(dir.path()).size(), 1);
            QVERIFY(entries(dir.path()).first().startsWith(QStringLiteral(".slide.png.partial-")));
        }  // abandoned: never committed
        QCOMPARE(entries(dir.path()), QStringList());
    }

    void aMissingDirectoryIsAReason() {
        QTemporaryDir dir;
        std::string reason;
        QVERIFY(!writeFileAtomically(dir.filePath(QStringLiteral("none/out.txt")).toStdString(), "x", &reason));
        QCOMPARE(reason, std::string("No such file or directory"));
        QCOMPARE(entries(dir.path()), QStringList());
    }

    void aKilledWriteLeavesNothing_data() {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGINT") << SIGINT;
        QTest::newRow("SIGTERM") << SIGTERM;
        QTest::newRow("SIGHUP") << SIGHUP;
    }

    void aKilledWriteLeavesNothing() {
        QFETCH(int, signal);
        QTemporaryDir dir;
        const std::string target = dir.filePath(QStringLiteral("frames.png")).toStdString();
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            PartialFile file(target);
            std::string reason;
            if (!file.open(&reason) || !file.write(std::string(100000, 'x'), &reason))
                ::_exit(3);
            ::raise(signal);  // the export is interrupted mid-file
            ::_exit(4);
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY2(WIFSIGNALED(status), "the child ended by the signal, not by exiting");
        QCOMPARE(WTERMSIG(status), signal);
        QCOMPARE(entries(dir.path()), QStringList());
    }
};

QTEST_MAIN(TestPartialFile)
#include "test_partial_file.moc"
