// The loopscope executable's command line: help, version, `check` and bad `run` options,
// run as a real process the way a teacher types them.
#include <QtTest>

#include "support/LoopscopeProcess.h"

namespace {

const QString kBinary = QStringLiteral(LOOPSCOPE_BINARY);
const QString kData = QStringLiteral(LOOPSCOPE_TEST_DATA);
const QStringList kScenarioPatterns{QStringLiteral("*.yaml"), QStringLiteral("*.json")};

using loopscope::testing::Outcome;

Outcome runLoopscope(const QStringList& arguments) {
    return loopscope::testing::runLoopscope(arguments, 60000);
}

QString good(const char* name) { return kData + QStringLiteral("/good/") + QLatin1String(name); }
QString bad(const char* name) { return kData + QStringLiteral("/bad/") + QLatin1String(name); }

}  // namespace

class TestCommandLine : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(QFileInfo(kBinary).isExecutable(), qPrintable(kBinary)); }

    void help() {
        const Outcome o = runLoopscope({QStringLiteral("--help")});
        QCOMPARE(o.exitCode, 0);
        QVERIFY(o.out.contains(QStringLiteral("loopscope check FILE...")));
        QVERIFY(o.out.contains(QStringLiteral("Exit codes: 0 success, 1 bad scenario or arguments, 2 the run failed.")));
        QCOMPARE(o.err, QString());
    }

    // The program is named loopscope, not by the path it was started from.
    void helpStartsWithTheUsageOfLoopscope_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("usage");
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << QStringLiteral("Usage: loopscope [options] [FILE]");
        QTest::newRow("run --help") << QStringList{QStringLiteral("run"), QStringLiteral("--help")}
                                    << QStringLiteral("Usage: loopscope run [options] FILE [-- ARGUMENT...]");
        QTest::newRow("run --png --help") << QStringList{QStringLiteral("run"), QStringLiteral("--png"), QStringLiteral("x.png"), QStringLiteral("--help")}
                                          << QStringLiteral("Usage: loopscope run [options] FILE [-- ARGUMENT...]");
        QTest::newRow("check --help") << QStringList{QStringLiteral("check"), QStringLiteral("--help")}
                                      << QStringLiteral("Usage: loopscope check [options] FILE...");
    }
    void helpStartsWithTheUsageOfLoopscope() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, usage);
        const Outcome o = runLoopscope(arguments);
        QCOMPARE(o.exitCode, 0);
        QCOMPARE(o.out.section(QLatin1Char('\n'), 0, 0), usage);
    }

    // `loopscope run app.js -- ARGS` is process.argv after the program's path, and what
    // loopscope reads on its standard input is the program's process.stdin.
    void runGivesAProgramItsArgumentsAndStandardInput() {
        const Outcome arguments = runLoopscope({QStringLiteral("run"), QStringLiteral(LOOPSCOPE_TEST_DATA "/js-engine/argv.js"),
                                                QStringLiteral("--print-log"), QStringLiteral("--"), QStringLiteral("--name"),
                                                QStringLiteral("Ada"), QStringLiteral("-v"), QStringLiteral("in put.txt")});
        QCOMPARE(arguments.exitCode, 0);
        QCOMPARE(arguments.out, QStringLiteral("argv: argv.js --name Ada -v in put.txt\n"
                                               "values: {\"name\":\"Ada\",\"verbose\":true} positionals: [\"in put.txt\"]\n"));
        const Outcome input = loopscope::testing::runLoopscope(
            {QStringLiteral("run"), QStringLiteral(LOOPSCOPE_TEST_DATA "/js/stdin-stream-events.js"), QStringLiteral("--print-log")},
            60000, loopscope::testing::Display::Offscreen, QByteArrayLiteral("one two\nthree\n"));
        QCOMPARE(input.exitCode, 0);
        QVERIFY2(input.out.contains(QStringLiteral("end: 14 characters, 3 lines\n")), qPrintable(input.out));
        QVERIFY2(input.out.contains(QStringLiteral("words: 3\n")), qPrintable(input.out));
    }

    void commandHelp() {
        const Outcome check = runLoopscope({QStringLiteral("check"), QStringLiteral("--help")});
        QCOMPARE(check.exitCode, 0);
        QVERIFY(check.out.contains(QStringLiteral("Validate scenario files.")));
        const Outcome run = runLoopscope({QStringLiteral("run"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("--print-log")));
    }

    void version() {
        const Outcome o = runLoopscope({QStringLiteral("--version")});
        QCOMPARE(o.exitCode, 0);
        QCOMPARE(o.out, QStringLiteral("loopscope " LOOPSCOPE_VERSION "\n"));
    }

    void checkGoodFiles_data() {
        QTest::addColumn<QString>("path");
        const QDir dir(kData + QStringLiteral("/good"));
        for (const QString& name : dir.entryList(kScenarioPatterns, QDir::Files))
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
        QTest::newRow("built-in timer") << QStringLiteral(LOOPSCOPE_SOURCE_DIR "/resources/scenarios/timer.yaml");
    }
    void checkGoodFiles() {
        QFETCH(QString, path);
        const Outcome o = runLoopscope({QStringLiteral("check"), path});
        QCOMPARE(o.err, QString());
        QCOMPARE(o.exitCode, 0);
    }

    void checkBadFiles_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        const QDir dir(kData + QStringLiteral("/bad"));
        for (const QString& name : dir.entryList(kScenarioPatterns, QDir::Files)) {
            QFile expected(dir.filePath(QFileInfo(name).completeBaseName() + QStringLiteral(".expected")));
            QVERIFY(expected.open(QIODevice::ReadOnly));
            QTest::newRow(qPrintable(name)) << dir.filePath(name) << QString::fromUtf8(expected.readAll()).trimmed();
        }
    }
    void checkBadFiles() {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        const Outcome o = runLoopscope({QStringLiteral("check"), path});
        QCOMPARE(o.exitCode, 1);
        QCOMPARE(o.out, QString());
        // Diagnostics name the file as it was given on the command line.
        const QString directory = QFileInfo(path).path() + QLatin1Char('/');
        QCOMPARE(o.err.section(QLatin1Char('\n'), 0, 0), directory + expected);
    }

    // A JavaScript program is checked as Node compiles it, and not run: its error is placed
    // and worded as V8 reports it.
    void checkPrograms_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected");
        const QString programs = kData + QStringLiteral("/js-engine/");
        QTest::newRow("CommonJS") << programs + "syntax-error.js" << 1
                                  << programs + "syntax-error.js:3:15: error: Unexpected token ';'";
        QTest::newRow("ES module") << programs + "syntax-error.mjs" << 1
                                   << programs + "syntax-error.mjs:2:31: error: Unexpected token ';'";
        QTest::newRow("program of a scenario") << programs + "program-syntax-error.yaml" << 1
                                               << programs + "syntax-error.js:3:15: error: Unexpected token ';'";
        // The CommonJS wrapper SpiderMonkey compiles a file in is not seen: a `}` closing
        // nothing is placed where it stands, not past the file's end.
        QTest::newRow("a stray brace") << programs + "stray-brace.js" << 1
                                       << programs + "stray-brace.js:6:1: error: Unexpected token '}'";
        QTest::newRow("a good program") << programs + "frames.js" << 0 << QString();
        QTest::newRow("a good module") << kData + "/js/esm-imports.mjs" << 0 << QString();
    }
    void checkPrograms() {
        QFETCH(QString, path);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        const Outcome o = runLoopscope({QStringLiteral("check"), path});
        QCOMPARE(o.out, QString());
        QCOMPARE(o.err.trimmed(), expected);
        QCOMPARE(o.exitCode, exitCode);
    }

    void checkWithoutFile() {
        const Outcome o = runLoopscope({QStringLiteral("check")});
        QCOMPARE(o.exitCode, 1);
        QCOMPARE(o.err, QStringLiteral("loopscope: check: no scenario file given\nTry 'loopscope check --help'.\n"));
    }

    void checkMissingFile() {
        const QString path = kData + QStringLiteral("/no-such-scenario.yaml");
        const Outcome o = runLoopscope({QStringLiteral("check"), path});
        QCOMPARE(o.exitCode, 1);
        QCOMPARE(o.err, path + QStringLiteral(": error: no such file\n"));
    }

    void checkDirectory() {
        const Outcome o = runLoopscope({QStringLiteral("check"), kData});
        QCOMPARE(o.exitCode, 1);
        QCOMPARE(o.err, kData + QStringLiteral(": error: is a directory, not a scenario file\n"));
    }

    void checkSeveralFiles() {
        const Outcome allGood = runLoopscope({QStringLiteral("check"), good("every-step.yaml"), good("json-scenario.json")});
        QCOMPARE(allGood.exitCode, 0);
        QCOMPARE(allGood.err, QString());

        // Every file is checked, good ones stay quiet, and one bad file fails the whole check.
        const Outcome mixed = runLoopscope({QStringLiteral("check"), bad("unknown-step.yaml"), good("every-step.yaml"),
                                            bad("threadpool-zero.yaml")});
        QCOMPARE(mixed.exitCode, 1);
        QCOMPARE(mixed.err, bad("unknown-step.yaml") + QStringLiteral(":4:5: error: unknown step `setTimout`; did you mean `setTimeout`?\n") +
                                bad("threadpool-zero.yaml") + QStringLiteral(":3:15: error: `threadpool` must be from 1 to 1024, found `0`\n"));
    }

    void checkReportsEveryIndependentError() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("two.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("loopscope: 1\nmain:\n  - lgo: a\n  - cpu: fast\n");
        file.close();
        const Outcome o = runLoopscope({QStringLiteral("check"), path});
        QCOMPARE(o.exitCode, 1);
        QCOMPARE(o.err, path + QStringLiteral(":3:5: error: unknown step `lgo`; did you mean `log`?\n") + path +
                            QStringLiteral(":4:10: error: expected a duration such as 20ms, 1.5s or 250us for `cpu`, found `fast`\n"));
    }

    void unknownOption() {
        const Outcome o = runLoopscope({QStringLiteral("check"), QStringLiteral("--frobnicate"), good("every-step.yaml")});
        QCOMPARE(o.exitCode, 1);
        QCOMPARE(o.err, QStringLiteral("loopscope: Unknown option 'frobnicate'.\nTry 'loopscope check --help'.\n"));
    }

    void runWithBadOptions_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString file = good("every-step.yaml");
        const QString run = QStringLiteral("run");
        QTest::newRow("no file") << QStringList{run} << QStringLiteral("run: no scenario file given");
        QTest::newRow("two files") << QStringList{run, file, file} << QStringLiteral("run: only one scenario file can be run (arguments go to a JavaScript program)");
        QTest::newRow("mode") << QStringList{run, file, QStringLiteral("--mode"), QStringLiteral("fast")}
                              << QStringLiteral("--mode must be event-loop, thread-per-request or both, not 'fast'");
        QTest::newRow("width") << QStringList{run, file, QStringLiteral("--width"), QStringLiteral("5")}
                               << QStringLiteral("--width must be a number of pixels from 16 to 16384");
        QTest::newRow("height") << QStringList{run, file, QStringLiteral("--height"), QStringLiteral("tall")}
                                << QStringLiteral("--height must be a number of pixels from 16 to 16384");
        QTest::newRow("view") << QStringList{run, file, QStringLiteral("--view"), QStringLiteral("map")}
                              << QStringLiteral("--view must be timeline, loop or comparison, not 'map'");
        QTest::newRow("at") << QStringList{run, file, QStringLiteral("--at"), QStringLiteral("soon")}
                            << QStringLiteral("--at must be a time such as 250ms or 1.5s, not 'soon'");
        QTest::newRow("theme") << QStringList{run, file, QStringLiteral("--theme"), QStringLiteral("neon")}
                               << QStringLiteral("--theme must be light, dark or print, not 'neon'");
        QTest::newRow("fps") << QStringList{run, file, QStringLiteral("--fps"), QStringLiteral("0")}
                             << QStringLiteral("--fps must be a number from 1 to 240");
        QTest::newRow("unknown option") << QStringList{run, file, QStringLiteral("--fast")}
                                        << QStringLiteral("Unknown option 'fast'.");
        QTest::newRow("missing value") << QStringList{run, file, QStringLiteral("--mode")}
                                       << QStringLiteral("Missing value after '--mode'.");
    }
    void runWithBadOptions() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Outcome o = runLoopscope(arguments);
        QCOMPARE(o.exitCode, 1);
        QCOMPARE(o.err, QStringLiteral("loopscope: ") + message + QStringLiteral("\nTry 'loopscope run --help'.\n"));
    }

    void runOnABadScenarioGivesItsDiagnostics() {
        const Outcome o = runLoopscope({QStringLiteral("run"), bad("load-without-server.yaml")});
        QCOMPARE(o.exitCode, 1);
        QCOMPARE(o.err.section(QLatin1Char('\n'), 0, 0),
                 bad("load-without-server.yaml") +
                     QStringLiteral(":4:1: error: `load:` sends requests to `server:`, but this scenario has no `server:`"));
    }

    void unknownCommand() {
        const Outcome o = runLoopscope({QStringLiteral("frobnicate"), QStringLiteral("file.yaml")});
        QCOMPARE(o.exitCode, 1);
        QCOMPARE(o.err, QStringLiteral("loopscope: unknown command 'frobnicate'\nTry 'loopscope --help'.\n"));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "test_command_line.moc"
