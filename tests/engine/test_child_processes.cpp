// A program's child processes never outlive its run: one still running at the horizon is
// killed and reaped with the run (spawn, fork), and a synchronous one is not waited for
// past it (spawnSync).
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <signal.h>

#include <cerrno>

#include "ChildRun.h"
#include "ConsoleOutput.h"

using namespace loopscope;
using namespace loopscope::testing;

namespace {

std::string writeFile(const QTemporaryDir& dir, const char* name, const QByteArray& source) {
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(source) != source.size())
        return {};
    return path.toStdString();
}

Outcome runUntil(const std::string& file, Nanoseconds horizon) {
    EngineOptions options;
    options.horizon = horizon;
    return runChild(file, options);
}

std::string printed(const Outcome& run) {
    ConsoleOutput console;
    console.take(run.events);
    return console.standardOutput();
}

// The pids a run printed, one per line after `prefix`.
std::vector<int> pidsAfter(const std::string& out, const std::string& prefix) {
    std::vector<int> pids;
    for (std::size_t at = out.find(prefix); at != std::string::npos; at = out.find(prefix, at + 1))
        pids.push_back(std::atoi(out.c_str() + at + prefix.size()));
    return pids;
}

// Gone: no such process, not even a zombie (a run's child is reaped by the run, or by
// init once the run's process has ended; give init a moment).
bool gone(int pid) {
    for (int tries = 0; tries < 100; ++tries) {
        if (::kill(pid, 0) != 0 && errno == ESRCH)
            return true;
        QTest::qWait(20);
    }
    return false;
}

// Whether a process of this machine has `word` in its command line.
bool runningWith(const std::string& word) {
    const QStringList entries = QDir("/proc").entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& entry : entries) {
        QFile cmdline("/proc/" + entry + "/cmdline");
        if (entry.toInt() > 0 && cmdline.open(QIODevice::ReadOnly) &&
            cmdline.readAll().contains(QByteArray::fromStdString(word)))
            return true;
    }
    return false;
}

}  // namespace

class TestChildProcesses : public QObject {
    Q_OBJECT
private slots:
    void aChildStillRunningAtTheHorizonIsKilled() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string file = writeFile(dir, "sleepers.js",
            "const { spawn, exec } = require('child_process');\n"
            "const sleeper = spawn('sleep', ['30']);\n"
            "console.log('pid ' + sleeper.pid);\n"
            "const shell = exec('sleep 31.0625; echo never', () => console.log('never'));\n"
            "console.log('pid ' + shell.pid);\n"
            "sleeper.on('exit', () => console.log('never'));\n");
        QElapsedTimer clock;
        clock.start();
        const Outcome run = runUntil(file, 500 * kMillisecond);
        QVERIFY2(run.ok, run.error.c_str());
        QVERIFY2(clock.elapsed() < 10000, "the run waited for its children");
        const std::string out = printed(run);
        QVERIFY2(out.find("never") == std::string::npos, out.c_str());
        const std::vector<int> pids = pidsAfter(out, "pid ");
        QCOMPARE(int(pids.size()), 2);
        for (int pid : pids) {
            QVERIFY(pid > 0);
            QVERIFY2(gone(pid), std::to_string(pid).c_str());
        }
        // The shell's own child too.
        QVERIFY(!runningWith("31.0625"));
    }

    void aForkedChildStillRunningAtTheHorizonIsKilled() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir, "forever.js", "setInterval(() => {}, 1000);\n");
        const std::string file = writeFile(dir, "fork.js",
            "const child = require('child_process').fork(__dirname + '/forever.js');\n"
            "console.log('pid ' + child.pid);\n");
        const Outcome run = runUntil(file, 800 * kMillisecond);
        QVERIFY2(run.ok, run.error.c_str());
        const std::vector<int> pids = pidsAfter(printed(run), "pid ");
        QCOMPARE(int(pids.size()), 1);
        QVERIFY2(gone(pids[0]), std::to_string(pids[0]).c_str());
    }

    void aSynchronousChildIsNotWaitedForPastTheHorizon() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string file = writeFile(dir, "sync.js",
            "const { spawnSync } = require('child_process');\n"
            "const result = spawnSync('sh', ['-c', 'sleep 30.0625; echo never']);\n"
            "console.log('pid ' + result.pid);\n");
        QElapsedTimer clock;
        clock.start();
        const Outcome run = runUntil(file, 500 * kMillisecond);
        QVERIFY2(clock.elapsed() < 10000, "the run waited for its child");
        QVERIFY2(run.ok, run.error.c_str());
        const std::vector<int> pids = pidsAfter(printed(run), "pid ");
        for (int pid : pids)
            QVERIFY2(gone(pid), std::to_string(pid).c_str());
        QVERIFY(!runningWith("30.0625"));
    }
};

QTEST_GUILESS_MAIN(TestChildProcesses)
#include "test_child_processes.moc"
