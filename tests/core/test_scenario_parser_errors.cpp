// The scenario parser on bad input: one test per class of error, each asserting the exact
// `FILE:LINE:COLUMN: error: MESSAGE` a teacher sees.
#include <QtTest>

#include <string>
#include <vector>

#include "ScenarioParser.h"

using namespace loopscope;

namespace {

std::vector<std::string> errorsOf(std::string_view text) {
    const ParseResult result = parseScenarioText(text, "s.yaml");
    std::vector<std::string> lines;
    for (const Diagnostic& d : result.diagnostics)
        lines.push_back(d.format());
    if (lines.empty() != result.ok())
        lines.push_back("<ok() disagrees with the diagnostics>");
    return lines;
}

std::string firstErrorOf(std::string_view text) {
    const std::vector<std::string> lines = errorsOf(text);
    return lines.empty() ? std::string("<no error>") : lines.front();
}

QString temporaryPath(const QTemporaryDir& dir, const char* name) { return dir.filePath(QString::fromLatin1(name)); }

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

}  // namespace

class TestScenarioParserErrors : public QObject {
    Q_OBJECT

private slots:
    void yamlSyntaxErrorIsPlacedAtYamlCppsMark() {
        QCOMPARE(firstErrorOf("loopscope: 1\nmain: [log: a\n"),
                 std::string("s.yaml:3:1: error: a `[` is never closed: a `]` is missing"));
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - log: a\n   cpu: b\n"),
                 std::string("s.yaml:4:4: error: the indentation here does not line up with the list items above it"));
        QCOMPARE(firstErrorOf("loopscope: 1\ntitle: Note: this\n"),
                 std::string("s.yaml:2:12: error: a `key: value` is not allowed here; check the indentation, or put "
                             "text that contains `: ` in quotes"));
    }

    void unknownKeySuggestsTheClosestName() {
        QCOMPARE(firstErrorOf("loopscope: 1\nmian: []\n"),
                 std::string("s.yaml:2:1: error: unknown key `mian`; did you mean `main`?"));
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - setTimeout: {dealy: 2s}\n"),
                 std::string("s.yaml:3:18: error: unknown key `dealy` in `setTimeout`; did you mean `delay`?"));
    }

    void unknownStepSuggestsIgnoringCase() {
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - settimeout: {}\n"),
                 std::string("s.yaml:3:5: error: unknown step `settimeout`; did you mean `setTimeout`?"));
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - readFileSync: 2ms\n"),
                 std::string("s.yaml:3:5: error: unknown step `readFileSync`; did you mean `fs.readFileSync`?"));
    }

    void unknownKeyWithoutCloseNameListsTheKnownOnes() {
        QCOMPARE(firstErrorOf("loopscope: 1\nruntime: {colour: red}\n"),
                 std::string("s.yaml:2:11: error: unknown key `colour` in `runtime`; expected `threadpool`, `cores`, "
                             "`processes`, `time_scale`, `horizon` or `module`"));
    }

    void wrongTypeNamesWhatWasExpected() {
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - setTimeout: {delay: soon}\n"),
                 std::string("s.yaml:3:25: error: expected a duration such as 20ms, 1.5s or 250us for `delay`, found `soon`"));
        QCOMPARE(firstErrorOf("loopscope: 1\nthreads: {stack: big}\n"),
                 std::string("s.yaml:2:18: error: expected a size such as 64KiB, 1MiB or 512 (bytes) for `stack`, found `big`"));
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - log: [a, b]\n"),
                 std::string("s.yaml:3:10: error: expected text for `log`, found a list"));
        QCOMPARE(firstErrorOf("loopscope: 1\nmain: hello\n"),
                 std::string("s.yaml:2:7: error: expected a list of steps under `main:` such as `- log: Hello`, found `hello`"));
        QCOMPARE(firstErrorOf("loopscope: 1\nruntime: {threadpool: four}\n"),
                 std::string("s.yaml:2:23: error: expected a whole number from 1 to 1024 for `threadpool`, found `four`"));
    }

    void valueMissingPointsAtTheKey() {
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - setTimeout:\n      delay:\n"),
                 std::string("s.yaml:4:7: error: `delay:` has no value; expected a duration such as 20ms, 1.5s or 250us"));
    }

    void missingRequiredKey() {
        QCOMPARE(firstErrorOf("title: no version\n"),
                 std::string("s.yaml:1:1: error: missing `loopscope: 1` (the format version) at the top of the file"));
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - fs.readFile: {then: []}\n"),
                 std::string("s.yaml:3:5: error: missing `takes:` in `fs.readFile`; expected how long it takes, such as `takes: 20ms`"));
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - setInterval: {times: 2}\n"),
                 std::string("s.yaml:3:5: error: missing `every:` in `setInterval`; expected the time between ticks, such as `every: 100ms`"));
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - repeat: {run: []}\n"),
                 std::string("s.yaml:3:5: error: missing `times:` in `repeat`; expected how many times, such as `times: 3`"));
        QCOMPARE(firstErrorOf("loopscope: 1\nserver: {}\n"),
                 std::string("s.yaml:2:1: error: missing `handler:` in `server`; expected the steps run for each request, such as `handler: [respond: 200]`"));
    }

    void outOfRangeValues() {
        QCOMPARE(firstErrorOf("loopscope: 1\nruntime: {threadpool: 1025}\n"),
                 std::string("s.yaml:2:23: error: `threadpool` must be from 1 to 1024, found `1025`"));
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - cpu: -1ms\n"),
                 std::string("s.yaml:3:10: error: `cpu` cannot be negative, found `-1ms`"));
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - cpu: 3601s\n"),
                 std::string("s.yaml:3:10: error: `cpu` is limited to 1 hour (3600s), found `3601s`"));
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - cpu: 99999999999999999999999999s\n"),
                 std::string("s.yaml:3:10: error: `cpu` is limited to 1 hour (3600s), found `99999999999999999999999999s`"));
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - repeat: {times: 1000001}\n"),
                 std::string("s.yaml:3:21: error: `times` must be from 0 to 1000000, found `1000001`"));
        QCOMPARE(firstErrorOf("loopscope: 1\nruntime: {horizon: 0}\n"),
                 std::string("s.yaml:2:20: error: `horizon` must be greater than 0, found `0`"));
        QCOMPARE(firstErrorOf("loopscope: 1\nruntime: {time_scale: 0}\n"),
                 std::string("s.yaml:2:23: error: `time_scale` must be greater than 0 and at most 1000, found `0`"));
        QCOMPARE(firstErrorOf("loopscope: 1\nserver: {handler: []}\nload: [{requests: 100001}]\n"),
                 std::string("s.yaml:3:19: error: `requests` must be from 1 to 100000, found `100001`"));
        QCOMPARE(firstErrorOf("loopscope: 1\nserver: {handler: []}\nload: [{requests: 60000}, {requests: 60000}]\n"),
                 std::string("s.yaml:3:38: error: the load adds up to more than 100000 requests, the most one run may send"));
        QCOMPARE(firstErrorOf("loopscope: 1\nserver: {handler: [respond: 99]}\n"),
                 std::string("s.yaml:2:29: error: `respond` must be from 100 to 599, found `99`"));
        QCOMPARE(firstErrorOf("loopscope: 1\nruntime: {cores: 99999999999999999999999}\n"),
                 std::string("s.yaml:2:18: error: `cores` must be from 1 to 1024, found `99999999999999999999999`"));
    }

    void timerDelayUnderAMillisecondIsKept() {
        const ParseResult result = parseScenarioText("loopscope: 1\nmain: [setTimeout: {delay: 250us}]\n", "s.yaml");
        QVERIFY(result.ok());
        QCOMPARE(result.scenario->main.at(0).duration, 250 * kMicrosecond);
    }

    void loadWithoutServer() {
        QCOMPARE(firstErrorOf("loopscope: 1\nload:\n  - requests: 3\n"),
                 std::string("s.yaml:2:1: error: `load:` sends requests to `server:`, but this scenario has no `server:`"));
    }

    void respondOutsideTheHandler() {
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - setTimeout: {run: [respond: 200]}\n"),
                 std::string("s.yaml:3:24: error: `respond` ends an HTTP request, so it can only be used inside `server.handler`"));
    }

    void awaitOutsideAsync() {
        const std::string message = ": error: `await` can only be used inside `async` (or in `main` with `runtime.module: esm`)";
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - await: 1\n"), "s.yaml:3:5" + message);
        // An ES module's main may await, but a callback inside it is a plain function.
        QCOMPARE(firstErrorOf("loopscope: 1\nruntime: {module: esm}\nmain:\n  - setTimeout: {run: [await: 1]}\n"),
                 "s.yaml:4:24" + message);
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - async: {run: [call: {run: [await: 1]}]}\n"),
                 "s.yaml:3:32" + message);
    }

    void awaitedStepCannotHaveThen() {
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - async: {run: [await: {net: {takes: 1ms, then: []}}]}\n"),
                 std::string("s.yaml:3:45: error: an awaited `net` cannot have its own `then:`; the steps after the "
                             "`await` run when it settles"));
    }

    void awaitTargetMustBePromise() {
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - async: {run: [await: {setImmediate: {}}]}\n"),
                 std::string("s.yaml:3:27: error: `setImmediate` does not return a promise, so it cannot be awaited; "
                             "await a value, `thenable`, `all`, `race`, or one of fs.readFile, crypto.pbkdf2, zlib.gzip, "
                             "dns.lookup, net, sleep and async"));
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - sleep: 10ms\n"),
                 std::string("s.yaml:3:5: error: `sleep` can only be awaited: write `- await: {sleep: 10ms}`"));
    }

    void clearingAnUndeclaredTimer() {
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - setTimeout: {id: ticker}\n  - clearInterval: tikcer\n"),
                 std::string("s.yaml:4:20: error: no timer in this scenario has `id: tikcer`; `clearInterval` needs the "
                             "`id` of a setTimeout or setInterval (did you mean `ticker`?)"));
    }

    void placeholdersOutsideTheirConstruct() {
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - log: 'request {request}'\n"),
                 std::string("s.yaml:3:10: error: `{request}` is the request number, so it can only be used inside `server.handler`"));
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - log: 'n{i}'\n"),
                 std::string("s.yaml:3:10: error: `{i}` is the `repeat` index, so it can only be used inside `repeat`"));
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - cpu: {takes: 1ms, label: 't{tick}'}\n"),
                 std::string("s.yaml:3:30: error: `{tick}` is the `setInterval` tick, so it can only be used inside `setInterval`"));
    }

    void unsupportedFormatVersion() {
        QCOMPARE(errorsOf("loopscope: 2\nmian: []\n"),
                 std::vector<std::string>{"s.yaml:1:12: error: unsupported format version 2; this loopscope reads format 1"});
    }

    void emptyFile() {
        const std::string message = "s.yaml:1:1: error: the file is empty; a scenario starts with `loopscope: 1` and has a `main:` list";
        QCOMPARE(firstErrorOf(""), message);
        QCOMPARE(firstErrorOf("# only a comment\n\n"), message);
    }

    void missingFileAndDirectory() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string missing = temporaryPath(dir, "nope.yaml").toStdString();
        ParseResult result = parseScenarioFile(missing);
        QCOMPARE(result.diagnostics.size(), std::size_t{1});
        QCOMPARE(result.diagnostics[0].format(), missing + ": error: no such file");
        result = parseScenarioFile(dir.path().toStdString());
        QCOMPARE(result.diagnostics.at(0).format(), dir.path().toStdString() + ": error: is a directory, not a scenario file");
        QVERIFY(!result.ok());
    }

    void fileTooLargeIsRefusedBeforeReading() {
        QTemporaryDir dir;
        const QString path = temporaryPath(dir, "huge.yaml");
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.resize(static_cast<qint64>(kMaxScenarioFileBytes) + 1));  // sparse: nothing to read
        }
        const ParseResult result = parseScenarioFile(path.toStdString());
        QCOMPARE(result.diagnostics.at(0).format(),
                 path.toStdString() + ": error: the file is 4194305 bytes; scenario files are limited to 4194304 bytes");
        const std::string text(kMaxScenarioFileBytes + 1, '#');
        QCOMPARE(parseScenarioText(text, "s.yaml").diagnostics.at(0).format(),
                 std::string("s.yaml: error: the scenario is 4194305 bytes; scenario files are limited to 4194304 bytes"));
    }

    void invalidUtf8NamesTheByte() {
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - log: caf\xE9\n"),
                 std::string("s.yaml:3:13: error: invalid UTF-8 (byte 0xE9); save the file with the UTF-8 encoding"));
        QCOMPARE(firstErrorOf("loopscope: 1\ntitle: \xC3\xA9t\xC3\xA9 \xED\xA0\x80\n"),
                 std::string("s.yaml:2:12: error: invalid UTF-8 (byte 0xED); save the file with the UTF-8 encoding"));
    }

    void nulAndControlBytes() {
        QCOMPARE(firstErrorOf(std::string_view("loopscope: 1\ntitle: a\0b\n", 22)),
                 std::string("s.yaml:2:9: error: the file contains a NUL byte; a scenario file is plain text"));
        QCOMPARE(firstErrorOf("loopscope: 1\ntitle: a\x1b[0m\n"),
                 std::string("s.yaml:2:9: error: the file contains the control character 0x1B; a scenario file is plain text"));
    }

    void tabInIndentation() {
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n\t- log: a\n"),
                 std::string("s.yaml:3:1: error: tab in indentation; YAML indents with spaces only"));
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - \tlog: a\n"),
                 std::string("s.yaml:3:5: error: tab in indentation; YAML indents with spaces only"));
        // Tabs inside text, and inside a block scalar, are text.
        QVERIFY(parseScenarioText("loopscope: 1\ntitle: a\tb\ndescription: |\n  code:\n  \tindented\n", "s.yaml").ok());
    }

    void secondDocument() {
        QCOMPARE(firstErrorOf("loopscope: 1\n---\nloopscope: 1\n"),
                 std::string("s.yaml:2:1: error: a second YAML document starts here; a scenario file holds one document"));
        QCOMPARE(firstErrorOf("loopscope: 1\n...\nmain: []\n"),
                 std::string("s.yaml:3:1: error: text after the end of the document (`...` on line 2); a scenario file holds one document"));
        QVERIFY(parseScenarioText("---\nloopscope: 1\n...\n# done\n", "s.yaml").ok());
    }

    void duplicateKeys() {
        QCOMPARE(firstErrorOf("loopscope: 1\ntitle: a\ntitle: b\n"),
                 std::string("s.yaml:3:1: error: duplicate key `title` (first given on line 2)"));
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - setTimeout:\n      delay: 1ms\n      delay: 2ms\n"),
                 std::string("s.yaml:5:7: error: duplicate key `delay` (first given on line 4)"));
    }

    void twoStepsInOneItem() {
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - log: a\n    cpu: 1ms\n"),
                 std::string("s.yaml:4:5: error: one list item holds one step: start `cpu` on its own line with `- `"));
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - setTimeout:\n    delay: 2s\n"),
                 std::string("s.yaml:4:5: error: `delay` belongs to `setTimeout`: indent it under `setTimeout:`"));
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - setImmediate\n"),
                 std::string("s.yaml:3:5: error: a step needs a colon after its name: write `- setImmediate:`"));
    }

    void aliasesAreRefused() {
        QCOMPARE(firstErrorOf("loopscope: 1\nx: &a [log: a]\nmain: *a\n"),
                 std::string("s.yaml:3:7: error: YAML aliases (`*name`) are not supported; write the steps out in full"));
        // A billion laughs never expands: the first alias stops the parse.
        std::string laughs = "loopscope: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (char c = 'b'; c <= 'j'; ++c)
            laughs += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + "]\n";
        QCOMPARE(firstErrorOf(laughs),
                 std::string("s.yaml:3:8: error: YAML aliases (`*name`) are not supported; write the steps out in full"));
    }

    void deepNestingIsRefusedBeforeTheStackRunsOut() {
        const std::string brackets = "loopscope: 1\nmain: " + std::string(100000, '[') + "\n";
        QCOMPARE(firstErrorOf(brackets),
                 std::string("s.yaml:2:107: error: brackets nested deeper than 100 levels; a scenario is never nested this deep"));
        std::string indented = "loopscope: 1\nmain:\n";
        for (int depth = 0; depth < 200; ++depth)
            indented += std::string(static_cast<std::size_t>(6 * depth + 2), ' ') + "- setImmediate:\n" +
                        std::string(static_cast<std::size_t>(6 * depth + 6), ' ') + "run:\n";
        const std::string first = firstErrorOf(indented);
        QVERIFY2(first.find("error: nested deeper than 100 levels; a scenario is never nested this deep") != std::string::npos,
                 first.c_str());
    }

    void unterminatedQuote() {
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - log: \"Start\n  - log: End\n"),
                 std::string("s.yaml:3:10: error: this quoted text never ends: the closing \" is missing"));
    }

    void independentErrorsAreAllReported() {
        const std::vector<std::string> errors = errorsOf(
            "loopscope: 1\nruntime:\n  threadpool: 0\nmain:\n  - lgo: a\n  - setTimeout: {delay: x}\n  - log: ok\n  - cpu: {}\n");
        const std::vector<std::string> expected{
            "s.yaml:3:15: error: `threadpool` must be from 1 to 1024, found `0`",
            "s.yaml:5:5: error: unknown step `lgo`; did you mean `log`?",
            "s.yaml:6:25: error: expected a duration such as 20ms, 1.5s or 250us for `delay`, found `x`",
            "s.yaml:8:5: error: missing `takes:` in `cpu`; expected the CPU time, such as `takes: 20ms`",
        };
        QCOMPARE(errors, expected);
    }

    void manyErrorsAreCutShort() {
        std::string text = "loopscope: 1\nmain:\n";
        for (int i = 0; i < 60; ++i)
            text += "  - lgo: a\n";
        const std::vector<std::string> errors = errorsOf(text);
        QCOMPARE(errors.size(), std::size_t{51});
        QCOMPARE(errors[49], std::string("s.yaml:52:5: error: unknown step `lgo`; did you mean `log`?"));
        QCOMPARE(errors[50], std::string("s.yaml:53:5: error: and 10 more errors; fix the ones above first"));
    }

    void suggestionsStopAfterTheShownErrors() {
        // The first 50 unknown keys get their suggestion; the count covers the rest.
        std::string text = "loopscope: 1\n";
        for (int i = 0; i < 20000; ++i)
            text += "titel" + std::to_string(i) + ": x\n";
        text += "mian: []\n";
        const std::vector<std::string> errors = errorsOf(text);
        QCOMPARE(errors.size(), std::size_t{51});
        QCOMPARE(errors.front(), std::string("s.yaml:2:1: error: unknown key `titel0`; did you mean `title`?"));
        QCOMPARE(errors.back(), std::string("s.yaml:52:1: error: and 19951 more errors; fix the ones above first"));
    }

    void longTextIsShortenedInMessages() {
        const std::string key(100, 'k');
        QCOMPARE(firstErrorOf("loopscope: 1\n" + key + ": 1\n"),
                 "s.yaml:2:1: error: unknown key `" + std::string(40, 'k') +
                     "...`; expected `loopscope`, `title`, `summary`, `description`, `runtime`, `threads`, `main`, "
                     "`server`, `load` or `notes`");
        QCOMPARE(firstErrorOf("loopscope: 1\nmain:\n  - cpu: |\n      fast\n      and more\n"),
                 std::string("s.yaml:3:10: error: expected a duration such as 20ms, 1.5s or 250us for `cpu`, found `fast...`"));
    }

    void nonMapTopLevel() {
        QCOMPARE(firstErrorOf("- log: a\n"),
                 std::string("s.yaml:1:1: error: a scenario file is a mapping of keys such as `loopscope: 1` and `main:`, found a list"));
    }

    void nonUtf8FileOnDisk() {
        QTemporaryDir dir;
        const QString path = temporaryPath(dir, "latin1.yaml");
        writeFile(path, QByteArray("loopscope: 1\ntitle: Caf\xE9\n"));
        const ParseResult result = parseScenarioFile(path.toStdString());
        QCOMPARE(result.diagnostics.at(0).format(),
                 path.toStdString() + ":2:11: error: invalid UTF-8 (byte 0xE9); save the file with the UTF-8 encoding");
    }
};

QTEST_APPLESS_MAIN(TestScenarioParserErrors)
#include "test_scenario_parser_errors.moc"
