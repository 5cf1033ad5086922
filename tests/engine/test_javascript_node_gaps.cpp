// Where a program reaches what loopscope does not have or does differently from Node, the
// run says so plainly: a Node built-in module it lacks is named as one (not as an npm
// package), with the place that asked for it; Node's deprecation warnings and vm's error
// lines are on stderr as Node prints them; a V8 heap snapshot is a clear error; a
// MessagePort moves to a worker with Node's checks of a transfer list, a BroadcastChannel
// has Node's errors, an unhandled rejection is reported at the program's line where its
// error was made, and an engine error carries V8's words with the values V8 names.
#include <QTemporaryDir>
#include <QtTest>

#include "ChildRun.h"
#include "ConsoleOutput.h"

using namespace loopscope;
using namespace loopscope::testing;

namespace {

struct Printed {
    std::string out;
    std::string err;
    std::optional<int> exitCode;
};

Printed runProgram(const QTemporaryDir& dir, const char* name, const QByteArray& source) {
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(source) != source.size())
        return {};
    file.close();
    const Outcome run = runChild(path.toStdString());
    ConsoleOutput console;
    console.take(run.events);
    return {console.standardOutput(), console.standardError(), console.exitCode()};
}

bool writeFile(const QTemporaryDir& dir, const char* name, const QByteArray& source) {
    QFile file(dir.filePath(name));
    return file.open(QIODevice::WriteOnly) && file.write(source) == source.size();
}

const std::string kMainModuleCompileFrames =
    "    at wrapSafe (node:internal/modules/cjs/loader:1464:18)\n"
    "    at Module._compile (node:internal/modules/cjs/loader:1495:20)\n"
    "    at Module._extensions..js (node:internal/modules/cjs/loader:1623:10)\n"
    "    at Module.load (node:internal/modules/cjs/loader:1266:32)\n"
    "    at Module._load (node:internal/modules/cjs/loader:1091:12)\n"
    "    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)\n"
    "    at node:internal/main/run_main_module:28:49\n"
    "\nNode.js v20.20.2\n";

}  // namespace

class TestJavaScriptNodeGaps : public QObject {
    Q_OBJECT
private slots:
    // Node has it, loopscope does not: the error says so, with the require's place in the
    // program; the code stays MODULE_NOT_FOUND for programs that fall back on something else.
    void aMissingBuiltinIsNamedAsNodes() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Printed printed = runProgram(dir, "secure.js",
            "try { require('https'); }\n"
            "catch (e) { console.log(e.code); console.log(e.message); }\n"
            "const { connect } = require('node:tls');\n");
        const std::string file = dir.filePath("secure.js").toStdString();
        QCOMPARE(printed.out.substr(0, printed.out.find('\n')), std::string("MODULE_NOT_FOUND"));
        QVERIFY2(printed.out.find("loopscope does not provide Node's built-in module 'https' (required at " + file +
                                  ":1:7).\nloopscope runs the program's own files and Node's built-in modules (") !=
                     std::string::npos,
                 printed.out.c_str());
        QVERIFY2(printed.out.find(", vm, worker_threads, zlib).\n") != std::string::npos, printed.out.c_str());
        QVERIFY2(printed.out.find("not npm packages") == std::string::npos, printed.out.c_str());
        QVERIFY2(printed.err.find("loopscope does not provide Node's built-in module 'tls' (required at " + file +
                                  ":3:21).") != std::string::npos,
                 printed.err.c_str());
        QCOMPARE(printed.exitCode, std::optional<int>(1));
    }

    // Every module of Node's list either loads or is one loopscope says it does not provide.
    void everyNodeBuiltinLoadsOrIsNamed() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Printed printed = runProgram(dir, "all.js",
            "const names = require('module').builtinModules;\n"
            "let missing = 0;\n"
            "for (const name of [...names, 'node:test']) {\n"
            "  try { require(name); } catch (e) {\n"
            "    const shown = name === 'node:test' ? name : name.replace(/^node:/, '');\n"
            "    if (e.code === 'MODULE_NOT_FOUND' && e.message.startsWith(`loopscope does not provide Node's built-in module '${shown}' (required at `)) missing++;\n"
            "    else console.log('bad', name, e.message);\n"
            "  }\n"
            "}\n"
            "console.log(names.length, missing > 0, missing < names.length / 2);\n");
        QCOMPARE(printed.out, std::string("68 true true\n"));
    }

    void anImportedMissingBuiltinIsNamedAsNodes() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Printed printed = runProgram(dir, "secure.mjs", "import http2 from 'node:http2';\n");
        QVERIFY2(printed.err.find("loopscope does not provide Node's built-in module 'http2' (imported from " +
                                  dir.filePath("secure.mjs").toStdString() + ").") != std::string::npos,
                 printed.err.c_str());
        QCOMPARE(printed.exitCode, std::optional<int>(1));
    }

    // Node's deprecated modules warn on stderr as Node's do, once.
    void sysWarnsAsDeprecated() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Printed printed = runProgram(dir, "old.js",
            "const sys = require('sys'); require('node:sys'); require('punycode');\n"
            "console.log(sys === require('util'));\n");
        QCOMPARE(printed.out, std::string("true\n"));
        const std::string warning = "[DEP0025] DeprecationWarning: sys is deprecated. Use util instead.\n"
                                    "(Use `node --trace-deprecation ...` to show where the warning was created)\n";
        QVERIFY2(printed.err.find(warning) != std::string::npos, printed.err.c_str());
        QCOMPARE(printed.err.find("DeprecationWarning"), printed.err.rfind("DeprecationWarning"));
    }

    // An error thrown out of vm code prints the code's line, as Node's does.
    void anUncaughtVmErrorShowsItsLine() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Printed printed = runProgram(dir, "vm.js",
            "require('vm').runInNewContext('const a = 1;\\nthrow new RangeError(`inside ${a}`)', {});\n");
        const std::string expected = "evalmachine.<anonymous>:2\nthrow new RangeError(`inside ${a}`)\n^\n\n"
                                     "RangeError: inside 1\n    at evalmachine.<anonymous>:2:7\n";
        QCOMPARE(printed.err.substr(0, expected.size()), expected);
        QCOMPARE(printed.exitCode, std::optional<int>(1));
    }

    // What SpiderMonkey cannot give: a V8 heap snapshot.
    void aHeapSnapshotIsAClearError() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Printed printed = runProgram(dir, "heap.js",
            "const v8 = require('v8');\n"
            "for (const f of [v8.getHeapSnapshot, v8.writeHeapSnapshot])\n"
            "  try { f(); } catch (e) { console.log(e.code, e.message); }\n");
        QCOMPARE(printed.out, std::string(
            "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM v8.getHeapSnapshot() is not available in loopscope: its engine is "
            "SpiderMonkey, not V8\n"
            "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM v8.writeHeapSnapshot() is not available in loopscope: its engine is "
            "SpiderMonkey, not V8\n"));
    }

    void anUnknownPackageIsStillAnNpmPackage() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Printed printed = runProgram(dir, "express.js",
            "try { require('express'); } catch (e) { console.log(e.message.split('\\n').pop()); }\n");
        QVERIFY2(printed.out.find("), not npm packages.\n") != std::string::npos, printed.out.c_str());
    }

    void aPortMovesToAWorkerWithNodesChecks() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Printed printed = runProgram(dir, "transfer.js",
            "const { Worker, MessageChannel } = require('worker_threads');\n"
            "const { port1, port2 } = new MessageChannel();\n"
            "const w = new Worker(\"require('worker_threads').parentPort.once('message', ({ port }) => {\"\n"
            "  + \" port.postMessage('pong'); port.close(); })\", { eval: true });\n"
            "const tryPost = (target, value, list) => {\n"
            "  try { target.postMessage(value, list); } catch (e) { console.log(e.name, e.message); }\n"
            "};\n"
            "tryPost(w, port1, [port1, port1]);\n"
            "tryPost(port1, port1, [port1]);\n"
            "w.postMessage({ port: port2 }, [port2]);\n"
            "tryPost(w, port2, [port2]);\n"
            "port1.on('message', (m) => console.log(m));\n"
            "port1.on('close', () => console.log('closed'));\n");
        QCOMPARE(printed.out, std::string("DataCloneError Transfer list contains duplicate MessagePort\n"
                                          "DataCloneError Transfer list contains source port\n"
                                          "DataCloneError MessagePort in transfer list is already detached\n"
                                          "pong\nclosed\n"));
        QCOMPARE(printed.exitCode, std::optional<int>(0));
    }

    void aBroadcastChannelChecksAsNodes() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Printed printed = runProgram(dir, "broadcast.js",
            "const channel = new BroadcastChannel('news');\n"
            "console.log(channel.name, BroadcastChannel === require('worker_threads').BroadcastChannel);\n"
            "channel.close();\n"
            "try { channel.postMessage(1); } catch (e) { console.log(e.name, e.message); }\n"
            "try { new BroadcastChannel(); } catch (e) { console.log(e.code, e.message); }\n"
            "new BroadcastChannel('kept').unref();\n");
        QCOMPARE(printed.out, std::string("news true\nInvalidStateError BroadcastChannel is closed.\n"
                                          "ERR_MISSING_ARGS The \"name\" argument must be specified\n"));
        QCOMPARE(printed.exitCode, std::optional<int>(0));
    }

    void anUnhandledRejectionIsPlacedWhereItsErrorWasMade() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Printed printed = runProgram(dir, "reject.js",
            "async function main() {\n  await null;\n  throw new Error('lost');\n}\nmain();\n");
        const std::string expected =
            dir.filePath("reject.js").toStdString() + ":3\n  throw new Error('lost');\n        ^\n";
        QCOMPARE(printed.err.substr(0, expected.size()), expected);
        QVERIFY2(printed.err.find("Error: lost\n") != std::string::npos, printed.err.c_str());
        QCOMPARE(printed.exitCode, std::optional<int>(1));
    }

    // SpiderMonkey's messages leave out what V8's name; the source at the error's place gives
    // the method (toPrecision called through .call), the literal value, the receiver's class.
    void anEngineErrorNamesWhatTheSourceShows() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Printed printed = runProgram(dir, "values.js",
            "const show = (f) => { try { f(); } catch (e) { console.log(e.message); } };\n"
            "show(() => Number.prototype.toPrecision.call(2.5, 0));\n"
            "show(() => 'ab'.repeat(-3));\n"
            "show(() => new Map([[1, 2], 'k']));\n"
            "show(() => Map.prototype.get.call([], 1));\n"
            "show(() => Array.prototype.join.call(null));\n"
            "show(() => new Uint8Array(new ArrayBuffer(4), 1, 9));\n");
        QCOMPARE(printed.out, std::string("toPrecision() argument must be between 1 and 100\n"
                                          "Invalid count value: -3\n"
                                          "Iterator value k is not an entry object\n"
                                          "Method Map.prototype.get called on incompatible receiver [object Array]\n"
                                          "Cannot convert undefined or null to object\n"
                                          "Invalid typed array length: 9\n"));
    }

    // A syntax error in code given to eval is named by the token V8 stops at, on its own line
    // of that code; an uncaught error's header says the same as its message.
    void aSyntaxErrorInEvalNamesItsToken() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Printed printed = runProgram(dir, "tokens.js",
            "try { eval('let a = 1;\\n  a b'); } catch (e) { console.log(e.message); }\n"
            "try { new Function('x', 'return x +* 1'); } catch (e) { console.log(String(e)); }\n"
            "new RegExp('(ab', 'g');\n");
        QCOMPARE(printed.out, std::string("Unexpected identifier 'b'\nSyntaxError: Unexpected token '*'\n"));
        QVERIFY2(printed.err.find("SyntaxError: Invalid regular expression: /(ab/g: Unterminated group\n") != std::string::npos,
                 printed.err.c_str());
        QCOMPARE(printed.exitCode, std::optional<int>(1));
    }

    // A program that does not compile: Node's header (the line, the offending token's whole
    // span underlined, nothing under the end of the input on the line after the last), V8's
    // message naming the token, and the frames of Node's loader; exit code 1.
    void aSyntaxErrorIsReportedAsV8Does() {
        struct Case {
            const char* source;
            int line;
            const char* shown;  // the source line and the carets
            const char* message;
        };
        const Case cases[] = {
            {"let x = 1;\n\n\tfoo   bar;\n", 3, "\tfoo   bar;\n\t      ^^^", "Unexpected identifier 'bar'"},
            {"console.log('hi'\n", 1, "console.log('hi'\n            ^^^^", "missing ) after argument list"},
            {"// h\xc3\xa9llo\nconst s = '\xc3\xa9'; x => => 2\n", 2, "const s = '\xc3\xa9'; x => => 2\n                    ^^",
             "Unexpected token '=>'"},
            {"if (x) {\n  y();\n", 3, "\n", "Unexpected end of input"},
            {"\n}\n", 2, "}\n^", "Unexpected token '}'"},
            {"yield 5\n", 1, "yield 5\n      ^", "Unexpected number"},
            {"const s = 'open;\n", 1, "const s = 'open;\n          ^^^^^^", "Invalid or unexpected token"},
            {"let q = 0x;\n", 1, "let q = 0x;\n        ^^", "Invalid or unexpected token"},
            {"class A { constructor() { super(); } }\n", 1, "class A { constructor() { super(); } }\n                          ^^^^^",
             "'super' keyword unexpected here"},
            {"function f() {\n  return await g();\n}\n", 2, "  return await g();\n         ^^^^^",
             "await is only valid in async functions and the top level bodies of modules"},
            {"let abc = 1;\nlet abc = 2;\n", 2, "let abc = 2;\n    ^", "Identifier 'abc' has already been declared"},
        };
        for (const Case& test : cases) {
            QTemporaryDir dir;
            QVERIFY(dir.isValid());
            const Printed printed = runProgram(dir, "bad.js", test.source);
            const std::string expected = dir.filePath("bad.js").toStdString() + ":" + std::to_string(test.line) + "\n" +
                                         test.shown + "\n\nSyntaxError: " + test.message + "\n" + kMainModuleCompileFrames;
            QCOMPARE(printed.err, expected);
            QCOMPARE(printed.exitCode, std::optional<int>(1));
        }
    }

    // A required file that does not compile is shown at its own line, below it the require
    // chain; an ES module's at its URL with Node's ESM loader frames; a required JSON file
    // that does not parse at Node's loader, its path in the message.
    void aSyntaxErrorInAnotherFileIsPlacedThere() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir, "bad.js", "module.exports = {\n  a: 1,,\n};\n"));
        QVERIFY(writeFile(dir, "bad.json", "{\"a\": 1,}\n"));
        const std::string bad = dir.filePath("bad.js").toStdString();
        Printed printed = runProgram(dir, "req.js", "require('./bad');\n");
        QCOMPARE(printed.err.substr(0, printed.err.find("    at Module._extensions")),
                 bad + ":2\n  a: 1,,\n       ^\n\nSyntaxError: Unexpected token ','\n"
                 "    at wrapSafe (node:internal/modules/cjs/loader:1464:18)\n"
                 "    at Module._compile (node:internal/modules/cjs/loader:1495:20)\n");
        QVERIFY2(printed.err.find("    at require (node:internal/modules/helpers:182:18)\n    at Object.<anonymous> (" +
                                  dir.filePath("req.js").toStdString() + ":1:1)\n") != std::string::npos,
                 printed.err.c_str());
        QCOMPARE(printed.exitCode, std::optional<int>(1));

        // Caught, its stack starts with the same header, as Node's loader writes it there.
        printed = runProgram(dir, "caught.js",
            "try { require('./bad'); } catch (e) { console.log(e.message); console.log(e.stack.split('\\n').slice(0, 6).join('\\n')); }\n");
        QCOMPARE(printed.out, "Unexpected token ','\n" + bad + ":2\n  a: 1,,\n       ^\n\nSyntaxError: Unexpected token ','\n"
                 "    at wrapSafe (node:internal/modules/cjs/loader:1464:18)\n");

        printed = runProgram(dir, "esm.mjs", "import fs from 'node:fs';\nconst = 5;\n");
        QCOMPARE(printed.err, "file://" + dir.filePath("esm.mjs").toStdString() + ":2\nconst = 5;\n      ^\n\n"
                 "SyntaxError: Unexpected token '='\n"
                 "    at compileSourceTextModule (node:internal/modules/esm/utils:346:16)\n"
                 "    at ModuleLoader.moduleStrategy (node:internal/modules/esm/translators:146:18)\n"
                 "    at #translate (node:internal/modules/esm/loader:497:12)\n"
                 "    at ModuleLoader.loadAndTranslate (node:internal/modules/esm/loader:544:27)\n"
                 "    at async ModuleJob._link (node:internal/modules/esm/module_job:148:19)\n"
                 "\nNode.js v20.20.2\n");
        QCOMPARE(printed.exitCode, std::optional<int>(1));

        printed = runProgram(dir, "reqjson.js", "const j = require('./bad.json');\n");
        QCOMPARE(printed.err.substr(0, printed.err.find("    at Module.load")),
                 "node:internal/modules/cjs/loader:1644\n    throw err;\n    ^\n\nSyntaxError: " +
                 dir.filePath("bad.json").toStdString() + ": Expected double-quoted property name in JSON at position 8\n"
                 "    at parse (<anonymous>)\n"
                 "    at Module._extensions..json (node:internal/modules/cjs/loader:1641:39)\n");
        QCOMPARE(printed.exitCode, std::optional<int>(1));
    }
};

QTEST_GUILESS_MAIN(TestJavaScriptNodeGaps)
#include "test_javascript_node_gaps.moc"
