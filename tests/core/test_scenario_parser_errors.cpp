// The scenario parser on bad input, each case asserting the exact `FILE:LINE:COLUMN: error:
// MESSAGE` a teacher sees. Most cases are rows of one table (the first error of a text), so
// that one failing row does not hide the others; the rest check more than one line.
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

std::string_view viewOf(const QByteArray& bytes) { return {bytes.constData(), static_cast<std::size_t>(bytes.size())}; }

QString temporaryPath(const QTemporaryDir& dir, const char* name) { return dir.filePath(QString::fromLatin1(name)); }

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

// One row: a scenario text and the first line the parser reports for it.
void row(const char* name, const QByteArray& text, const QByteArray& expected) {
    QTest::newRow(name) << text << expected;
}

QByteArray billionLaughs() {
    std::string laughs = "loopscope: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'j'; ++c)
        laughs += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + "]\n";
    return QByteArray::fromStdString(laughs);
}

}  // namespace

class TestScenarioParserErrors : public QObject {
    Q_OBJECT

private slots:
    void firstError_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("expected");

        // YAML syntax that libyaml names tersely, said plainly and placed at the culprit.
        row("yaml: closes nothing", "loopscope: 1\nmain: ]\n",
            "s.yaml:2:7: error: unexpected `]`: no `[` is open here, so it closes nothing");
        row("yaml: value starts with @", "loopscope: 1\nmain:\n  - log: @x\n",
            "s.yaml:3:10: error: a value cannot start with `@`; put the text in quotes");
        row("yaml: unknown escape", "loopscope: 1\nmain:\n  - log: \"bad \\q\"\n",
            "s.yaml:3:15: error: unknown escape `\\q` in double-quoted text; write `\\\\` for a "
            "backslash, or use single quotes");
        // libyaml's columns count characters, as the rest of the parser's positions do.
        row("yaml: columns count characters", "loopscope: 1\ntitle: \u00e9\u00e9\u00e9: x\n",
            "s.yaml:2:11: error: a `key: value` is not allowed here; check the indentation, or "
            "put text that contains `: ` in quotes");
        row("yaml: bracket never closed", "loopscope: 1\nmain: [log: a\n",
            "s.yaml:2:7: error: this `[` is never closed: a `]` is missing");
        row("yaml: list item indentation", "loopscope: 1\nmain:\n  - log: a\n   cpu: b\n",
            "s.yaml:4:4: error: the indentation here does not line up with the list items above it");
        row("yaml: colon in text", "loopscope: 1\ntitle: Note: this\n",
            "s.yaml:2:12: error: a `key: value` is not allowed here; check the indentation, or put "
            "text that contains `: ` in quotes");
        row("yaml: quote never closed", "loopscope: 1\nmain:\n  - log: \"Start\n  - log: End\n",
            "s.yaml:3:10: error: this quoted text never ends: the closing \" is missing");
        row("yaml: alias", "loopscope: 1\nx: &a [log: a]\nmain: *a\n",
            "s.yaml:3:7: error: YAML aliases (`*name`) are not supported; write the steps out in full");
        // A billion laughs never expands: the first alias stops the parse.
        row("yaml: billion laughs", billionLaughs(),
            "s.yaml:3:8: error: YAML aliases (`*name`) are not supported; write the steps out in full");
        row("yaml: one bracket too many", "{\"main\": [ {\"log\": \"Start\"} ]]}\n",
            "s.yaml:1:30: error: unexpected `]`: no `[` is open here, so it closes nothing; expected `,` or `}` for "
            "the `{` at line 1, column 1");
        row("yaml: too many values", "loopscope: 1\nmain: [" + QByteArray("1, ").repeated(250000) + "1]\n",
            "s.yaml:2:749993: error: the file holds more than 250000 YAML values; a scenario is limited to that many");
        row("yaml: deep brackets", "loopscope: 1\nmain: " + QByteArray(100000, '[') + "\n",
            "s.yaml:2:107: error: brackets nested deeper than 100 levels; a scenario is never nested this deep");

        // Bytes and structure that are refused before libyaml reads the file.
        row("text: invalid UTF-8", "loopscope: 1\nmain:\n  - log: caf\xE9\n",
            "s.yaml:3:13: error: invalid UTF-8 (byte 0xE9); save the file with the UTF-8 encoding");
        row("text: UTF-16 surrogate", "loopscope: 1\ntitle: \xC3\xA9t\xC3\xA9 \xED\xA0\x80\n",
            "s.yaml:2:12: error: invalid UTF-8 (byte 0xED); save the file with the UTF-8 encoding");
        row("text: NUL byte", QByteArray("loopscope: 1\ntitle: a\0b\n", 22),
            "s.yaml:2:9: error: the file contains a NUL byte; a scenario file is plain text");
        row("text: control character", "loopscope: 1\ntitle: a\x1b[0m\n",
            "s.yaml:2:9: error: the file contains the control character 0x1B; a scenario file is plain text");
        row("text: tab in indentation", "loopscope: 1\nmain:\n\t- log: a\n",
            "s.yaml:3:1: error: tab in indentation; YAML indents with spaces only");
        row("text: tab after dash", "loopscope: 1\nmain:\n  - \tlog: a\n",
            "s.yaml:3:5: error: tab in indentation; YAML indents with spaces only");
        row("text: second document", "loopscope: 1\n---\nloopscope: 1\n",
            "s.yaml:2:1: error: a second YAML document starts here; a scenario file holds one document");
        row("text: after document end", "loopscope: 1\n...\nmain: []\n",
            "s.yaml:3:1: error: text after the end of the document (`...` on line 2); a scenario file holds one document");
        row("text: empty", "",
            "s.yaml:1:1: error: the file is empty; a scenario starts with `loopscope: 1` and has a `main:` list");
        row("text: only a comment", "# only a comment\n\n",
            "s.yaml:1:1: error: the file is empty; a scenario starts with `loopscope: 1` and has a `main:` list");

        // Keys: unknown ones with the closest name or the known list, duplicates, required ones.
        row("key: unknown top-level", "loopscope: 1\nmian: []\n",
            "s.yaml:2:1: error: unknown key `mian`; did you mean `main`?");
        row("key: unknown option", "loopscope: 1\nmain:\n  - setTimeout: {dealy: 2s}\n",
            "s.yaml:3:18: error: unknown key `dealy` in `setTimeout`; did you mean `delay`?");
        row("key: unknown step ignoring case", "loopscope: 1\nmain:\n  - settimeout: {}\n",
            "s.yaml:3:5: error: unknown step `settimeout`; did you mean `setTimeout`?");
        row("key: unknown step without module", "loopscope: 1\nmain:\n  - readFileSync: 2ms\n",
            "s.yaml:3:5: error: unknown step `readFileSync`; did you mean `fs.readFileSync`?");
        row("key: unknown without close name", "loopscope: 1\nruntime: {colour: red}\n",
            "s.yaml:2:11: error: unknown key `colour` in `runtime`; expected `threadpool`, `cores`, "
            "`processes`, `time_scale`, `horizon`, `module` or `heap`");
        row("key: long name shortened", "loopscope: 1\n" + QByteArray(100, 'k') + ": 1\n",
            "s.yaml:2:1: error: unknown key `" + QByteArray(40, 'k') +
                "...`; expected `loopscope`, `title`, `summary`, `description`, `runtime`, `threads`, `program`, `main`, "
                "`server`, `load`, `services` or `notes`");
        row("key: duplicate top-level", "loopscope: 1\ntitle: a\ntitle: b\n",
            "s.yaml:3:1: error: duplicate key `title` (first given on line 2)");
        row("key: duplicate option", "loopscope: 1\nmain:\n  - setTimeout:\n      delay: 1ms\n      delay: 2ms\n",
            "s.yaml:5:7: error: duplicate key `delay` (first given on line 4)");
        row("key: missing version", "title: no version\n",
            "s.yaml:1:1: error: missing `loopscope: 1` (the format version) at the top of the file");
        row("key: missing takes", "loopscope: 1\nmain:\n  - fs.readFile: {then: []}\n",
            "s.yaml:3:5: error: missing `takes:` in `fs.readFile`; expected how long it takes, such as `takes: 20ms`");
        row("key: missing every", "loopscope: 1\nmain:\n  - setInterval: {times: 2}\n",
            "s.yaml:3:5: error: missing `every:` in `setInterval`; expected the time between ticks, such as `every: 100ms`");
        row("key: missing times", "loopscope: 1\nmain:\n  - repeat: {run: []}\n",
            "s.yaml:3:5: error: missing `times:` in `repeat`; expected how many times, such as `times: 3`");
        row("key: missing handler", "loopscope: 1\nserver: {}\n",
            "s.yaml:2:1: error: missing `handler:` in `server`; expected the steps run for each request, such as `handler: [respond: 200]`");

        // Values of the wrong type name what was expected.
        row("type: duration", "loopscope: 1\nmain:\n  - setTimeout: {delay: soon}\n",
            "s.yaml:3:25: error: expected a duration such as 20ms, 1.5s or 250us for `delay`, found `soon`");
        row("type: size", "loopscope: 1\nthreads: {stack: big}\n",
            "s.yaml:2:18: error: expected a size such as 64KiB, 1MiB or 512 (bytes) for `stack`, found `big`");
        row("type: text", "loopscope: 1\nmain:\n  - log: [a, b]\n",
            "s.yaml:3:10: error: expected text for `log`, found a list");
        row("type: step list", "loopscope: 1\nmain: hello\n",
            "s.yaml:2:7: error: expected a list of steps under `main:` such as `- log: Hello`, found `hello`");
        row("type: whole number", "loopscope: 1\nruntime: {threadpool: four}\n",
            "s.yaml:2:23: error: expected a whole number from 1 to 1024 for `threadpool`, found `four`");
        row("type: missing value points at the key", "loopscope: 1\nmain:\n  - setTimeout:\n      delay:\n",
            "s.yaml:4:7: error: `delay:` has no value; expected a duration such as 20ms, 1.5s or 250us");
        row("type: text over two lines shortened", "loopscope: 1\nmain:\n  - cpu: |\n      fast\n      and more\n",
            "s.yaml:3:10: error: expected a duration such as 20ms, 1.5s or 250us for `cpu`, found `fast...`");
        row("type: top level not a mapping", "- log: a\n",
            "s.yaml:1:1: error: a scenario file is a mapping of keys such as `loopscope: 1` and `main:`, found a list");

        // Values out of range.
        row("range: threadpool", "loopscope: 1\nruntime: {threadpool: 1025}\n",
            "s.yaml:2:23: error: `threadpool` must be from 1 to 1024, found `1025`");
        row("range: negative duration", "loopscope: 1\nmain:\n  - cpu: -1ms\n",
            "s.yaml:3:10: error: `cpu` cannot be negative, found `-1ms`");
        row("range: duration over an hour", "loopscope: 1\nmain:\n  - cpu: 3601s\n",
            "s.yaml:3:10: error: `cpu` is limited to 1 hour (3600s), found `3601s`");
        row("range: huge duration", "loopscope: 1\nmain:\n  - cpu: 99999999999999999999999999s\n",
            "s.yaml:3:10: error: `cpu` is limited to 1 hour (3600s), found `99999999999999999999999999s`");
        row("range: repeat times", "loopscope: 1\nmain:\n  - repeat: {times: 1000001}\n",
            "s.yaml:3:21: error: `times` must be from 0 to 1000000, found `1000001`");
        row("range: horizon zero", "loopscope: 1\nruntime: {horizon: 0}\n",
            "s.yaml:2:20: error: `horizon` must be greater than 0, found `0`");
        row("range: time scale zero", "loopscope: 1\nruntime: {time_scale: 0}\n",
            "s.yaml:2:23: error: `time_scale` must be greater than 0 and at most 1000, found `0`");
        row("range: requests", "loopscope: 1\nserver: {handler: []}\nload: [{requests: 100001}]\n",
            "s.yaml:3:19: error: `requests` must be from 1 to 100000, found `100001`");
        row("range: total requests", "loopscope: 1\nserver: {handler: []}\nload: [{requests: 60000}, {requests: 60000}]\n",
            "s.yaml:3:38: error: the load adds up to more than 100000 requests, the most one run may send");
        row("range: HTTP status", "loopscope: 1\nserver: {handler: [respond: 99]}\n",
            "s.yaml:2:29: error: `respond` must be from 100 to 599, found `99`");
        row("range: huge whole number", "loopscope: 1\nruntime: {cores: 99999999999999999999999}\n",
            "s.yaml:2:18: error: `cores` must be from 1 to 1024, found `99999999999999999999999`");

        // Steps used where they cannot be.
        row("place: load without server", "loopscope: 1\nload:\n  - requests: 3\n",
            "s.yaml:2:1: error: `load:` sends requests to `server:`, but this scenario has no `server:`");
        row("place: respond outside the handler", "loopscope: 1\nmain:\n  - setTimeout: {run: [respond: 200]}\n",
            "s.yaml:3:24: error: `respond` ends an HTTP request, so it can only be used inside `server.handler`");
        row("place: await in main", "loopscope: 1\nmain:\n  - await: 1\n",
            "s.yaml:3:5: error: `await` can only be used inside `async` (or in `main` with `runtime.module: esm`)");
        // An ES module's main may await, but a callback inside it is a plain function.
        row("place: await in a callback of an ES module", "loopscope: 1\nruntime: {module: esm}\nmain:\n  - setTimeout: {run: [await: 1]}\n",
            "s.yaml:4:24: error: `await` can only be used inside `async` (or in `main` with `runtime.module: esm`)");
        row("place: await in a call inside async", "loopscope: 1\nmain:\n  - async: {run: [call: {run: [await: 1]}]}\n",
            "s.yaml:3:32: error: `await` can only be used inside `async` (or in `main` with `runtime.module: esm`)");
        row("place: awaited step with then", "loopscope: 1\nmain:\n  - async: {run: [await: {net: {takes: 1ms, then: []}}]}\n",
            "s.yaml:3:45: error: an awaited `net` cannot have its own `then:`; the steps after the "
            "`await` run when it settles");
        row("place: await a step without a promise", "loopscope: 1\nmain:\n  - async: {run: [await: {setImmediate: {}}]}\n",
            "s.yaml:3:27: error: `setImmediate` does not return a promise, so it cannot be awaited; "
            "await a value, `thenable`, `all`, `race`, or one of fs.readFile, crypto.pbkdf2, zlib.gzip, "
            "dns.lookup, net, sleep and async");
        row("place: sleep not awaited", "loopscope: 1\nmain:\n  - sleep: 10ms\n",
            "s.yaml:3:5: error: `sleep` can only be awaited: write `- await: {sleep: 10ms}`");
        row("place: clearing an undeclared timer", "loopscope: 1\nmain:\n  - setTimeout: {id: ticker}\n  - clearInterval: tikcer\n",
            "s.yaml:4:20: error: no timer in this scenario has `id: tikcer`; `clearInterval` needs the "
            "`id` of a setTimeout or setInterval (did you mean `ticker`?)");
        row("place: request outside the handler", "loopscope: 1\nmain:\n  - log: 'request {request}'\n",
            "s.yaml:3:10: error: `{request}` is the request number, so it can only be used inside `server.handler`");
        row("place: index outside repeat", "loopscope: 1\nmain:\n  - log: 'n{i}'\n",
            "s.yaml:3:10: error: `{i}` is the `repeat` index, so it can only be used inside `repeat`");
        row("place: tick outside setInterval", "loopscope: 1\nmain:\n  - cpu: {takes: 1ms, label: 't{tick}'}\n",
            "s.yaml:3:30: error: `{tick}` is the `setInterval` tick, so it can only be used inside `setInterval`");

        // One list item, one step.
        row("item: two steps", "loopscope: 1\nmain:\n  - log: a\n    cpu: 1ms\n",
            "s.yaml:4:5: error: one list item holds one step: start `cpu` on its own line with `- `");
        row("item: option not indented", "loopscope: 1\nmain:\n  - setTimeout:\n    delay: 2s\n",
            "s.yaml:4:5: error: `delay` belongs to `setTimeout`: indent it under `setTimeout:`");
        row("item: step without colon", "loopscope: 1\nmain:\n  - setImmediate\n",
            "s.yaml:3:5: error: a step needs a colon after its name: write `- setImmediate:`");

        // A real program instead of steps.
        row("program: beside main", "loopscope: 1\nprogram: app.js\nmain:\n  - log: a\n",
            "s.yaml:3:1: error: `program:` runs a JavaScript file, so `main:` steps have no place beside it; keep one of the two");
        row("program: empty", "loopscope: 1\nprogram: ''\n",
            "s.yaml:2:10: error: `program:` names a JavaScript file, such as `program: app.js`");
        row("program: heap too small", "loopscope: 1\nprogram: app.js\nruntime: {heap: 1MiB}\n",
            "s.yaml:3:17: error: `heap` must be from 16MiB to 4GiB, found `1MiB`");
        row("services: without a program", "loopscope: 1\nmain: []\nservices:\n  - {name: db, port: 7001, takes: 5ms}\n",
            "s.yaml:3:1: error: `services:` answer a program's requests (http.get), but this scenario has no `program:`; "
            "steps call a service with `net:`");
        row("services: not a list", "loopscope: 1\nprogram: app.js\nservices: {name: db}\n",
            "s.yaml:3:11: error: expected a list of services under `services:`, such as "
            "`- {name: database, port: 7001, takes: 50ms}`, found a mapping (`key: value` pairs)");
        row("services: a privileged port", "loopscope: 1\nprogram: app.js\nservices:\n  - {name: db, port: 80, takes: 5ms}\n",
            "s.yaml:4:22: error: `port` must be from 1024 to 65535, found `80`");
        row("services: one port twice",
            "loopscope: 1\nprogram: app.js\nservices:\n  - {name: a, port: 7001, takes: 5ms}\n"
            "  - {name: b, port: 7001, takes: 5ms}\n",
            "s.yaml:5:21: error: port 7001 is already another service's");
        row("services: no takes", "loopscope: 1\nprogram: app.js\nservices:\n  - {name: db, port: 7001}\n",
            "s.yaml:4:5: error: a service needs `takes:`, such as `takes: 50ms`");
        row("services: misspelt key", "loopscope: 1\nprogram: app.js\nservices:\n  - {nmae: db, port: 7001, takes: 5ms}\n",
            "s.yaml:4:6: error: unknown key `nmae` in `services`; did you mean `name`?");
    }
    void firstError() {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, expected);
        QCOMPARE(QByteArray::fromStdString(firstErrorOf(viewOf(text))), expected);
    }

    void everyError_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArrayList>("expected");
        // A later format's keys would only bring noise: the version is the one error.
        QTest::newRow("unsupported format version")
            << QByteArray("loopscope: 2\nmian: []\n")
            << QByteArrayList{"s.yaml:1:12: error: unsupported format version 2; this loopscope reads format 1"};
        QTest::newRow("independent errors are all reported")
            << QByteArray("loopscope: 1\nruntime:\n  threadpool: 0\nmain:\n  - lgo: a\n  - setTimeout: {delay: x}\n"
                          "  - log: ok\n  - cpu: {}\n")
            << QByteArrayList{
                   "s.yaml:3:15: error: `threadpool` must be from 1 to 1024, found `0`",
                   "s.yaml:5:5: error: unknown step `lgo`; did you mean `log`?",
                   "s.yaml:6:25: error: expected a duration such as 20ms, 1.5s or 250us for `delay`, found `x`",
                   "s.yaml:8:5: error: missing `takes:` in `cpu`; expected the CPU time, such as `takes: 20ms`",
               };
    }
    void everyError() {
        QFETCH(QByteArray, text);
        QFETCH(QByteArrayList, expected);
        std::vector<std::string> lines;
        for (const QByteArray& line : expected)
            lines.push_back(line.toStdString());
        QCOMPARE(errorsOf(viewOf(text)), lines);
    }

    void acceptedText_data() {
        QTest::addColumn<QByteArray>("text");
        // Tabs inside text, and inside a block scalar, are text.
        QTest::newRow("tabs in text") << QByteArray("loopscope: 1\ntitle: a\tb\ndescription: |\n  code:\n  \tindented\n");
        QTest::newRow("one document between markers") << QByteArray("---\nloopscope: 1\n...\n# done\n");
        QTest::newRow("services for a program")
            << QByteArray("loopscope: 1\nprogram: app.js\nservices:\n  - {name: db, port: 7001, takes: 5ms}\n"
                          "  - name: cache\n    port: 7002\n    takes: 0ms\n");
    }
    void acceptedText() {
        QFETCH(QByteArray, text);
        QVERIFY(parseScenarioText(viewOf(text), "s.yaml").ok());
    }

    void timerDelayUnderAMillisecondIsKept() {
        const ParseResult result = parseScenarioText("loopscope: 1\nmain: [setTimeout: {delay: 250us}]\n", "s.yaml");
        QVERIFY(result.ok());
        QCOMPARE(result.scenario->main.at(0).duration, 250 * kMicrosecond);
    }

    void deepIndentationIsRefusedBeforeTheStackRunsOut() {
        std::string indented = "loopscope: 1\nmain:\n";
        for (int depth = 0; depth < 200; ++depth)
            indented += std::string(static_cast<std::size_t>(6 * depth + 2), ' ') + "- setImmediate:\n" +
                        std::string(static_cast<std::size_t>(6 * depth + 6), ' ') + "run:\n";
        const std::string first = firstErrorOf(indented);
        QVERIFY2(first.find("error: nested deeper than 100 levels; a scenario is never nested this deep") != std::string::npos,
                 first.c_str());
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
