// Where a program reaches what loopscope does not have or does differently from Node, the
// run says so plainly: a Node built-in module it lacks is named as one (not as an npm
// package), with the place that asked for it; Node's deprecation warnings and vm's error
// lines are on stderr as Node prints them; a V8 heap snapshot is a clear error; a
// MessagePort moves to a worker with Node's checks of a transfer list, a BroadcastChannel
// has Node's errors, an unhandled rejection is reported at the program's line where its
// error was made, and an engine error carries V8's words with the values V8 names; the
// event loop's utilization is measured, as Node's.
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

    // A failed execSync: the child's stderr passes through, then the uncaught error is
    // Node's "Command failed: CMD" with that stderr and the result's fields.
    void aFailedExecSyncPrintsTheChildsStderrAndNodesError() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Printed printed = runProgram(dir, "exec-sync.js",
            "console.log('before');\n"
            "require('child_process').execSync('echo oops >&2; exit 3');\n");
        QCOMPARE(printed.out, std::string("before\n"));
        QVERIFY2(printed.err.rfind("oops\n", 0) == 0, printed.err.c_str());
        QVERIFY2(printed.err.find("Error: Command failed: echo oops >&2; exit 3\noops\n") != std::string::npos,
                 printed.err.c_str());
        QVERIFY2(printed.err.find("status: 3,") != std::string::npos, printed.err.c_str());
        QCOMPARE(printed.exitCode, std::optional<int>(1));
    }

    // A command that is not there, with no 'error' listener: Node's unhandled 'error' text.
    void aMissingCommandIsAnUnhandledErrorAsNodes() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Printed printed = runProgram(dir, "missing.js",
            "require('child_process').spawn('no-such-command-here', ['x']);\n");
        QVERIFY2(printed.err.find("Error: spawn no-such-command-here ENOENT\n") != std::string::npos, printed.err.c_str());
        QVERIFY2(printed.err.find("throw er; // Unhandled 'error' event\n") != std::string::npos, printed.err.c_str());
        QVERIFY2(printed.err.find("  syscall: 'spawn no-such-command-here',\n  path: 'no-such-command-here',\n"
                                  "  spawnargs: [ 'x' ]\n") != std::string::npos,
                 printed.err.c_str());
        QCOMPARE(printed.exitCode, std::optional<int>(1));
    }

    // An error thrown inside Node's API is placed where Node throws it: a binding call in
    // lib/fs.js, a validator's `throw error;` in lib/internal/errors.js, the module loader;
    // its frames above the program's are Node's, none of the library's own.
    void anApiErrorIsPlacedWhereNodeThrowsIt() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string file = dir.filePath("api.js").toStdString();
        const struct {
            QByteArray source;
            std::string printed;
        } cases[] = {
            {"require('fs').readFileSync('/nonexistent/x', 'utf8');\n",
             "node:fs:448\n    return binding.readFileUtf8(path, stringToFlags(options.flag));\n                   ^\n\n"
             "Error: ENOENT: no such file or directory, open '/nonexistent/x'\n"
             "    at Object.readFileSync (node:fs:448:20)\n    at Object.<anonymous> (" + file + ":1:15)\n"},
            {"const fs = require('fs');\nfs.statSync('/nonexistent/y');\n",
             "node:fs:1681\n  const stats = binding.stat(\n                        ^\n\n"
             "Error: ENOENT: no such file or directory, stat '/nonexistent/y'\n"
             "    at Object.statSync (node:fs:1681:25)\n    at Object.<anonymous> (" + file + ":2:4)\n"},
            {"require('path').join('a', 5);\n",
             "node:internal/errors:541\n      throw error;\n      ^\n\n"
             "TypeError [ERR_INVALID_ARG_TYPE]: The \"path\" argument must be of type string. Received type number (5)\n"
             "    at Object.join (node:path:1305:7)\n    at Object.<anonymous> (" + file + ":1:17)\n"},
            {"Buffer.from(5);\n",
             "node:buffer:322\n  throw new ERR_INVALID_ARG_TYPE(\n  ^\n\nTypeError [ERR_INVALID_ARG_TYPE]: The first argument"},
            {"require('./nope');\n",
             "node:internal/modules/cjs/loader:1210\n  throw err;\n  ^\n\nError: Cannot find module './nope'\n"
             "Require stack:\n- " + file + "\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1207:15)\n"},
            {"JSON.parse('{\"a\": 1,\\n\"b\": x}');\n",
             "<anonymous_script>:2\n\"b\": x}\n     ^\n\nSyntaxError: Unexpected token 'x'"},
            {"JSON.parse('[1,\\n');\n",
             "<anonymous_script>:2\n\n\nSyntaxError: Unexpected end of JSON input\n    at JSON.parse (<anonymous>)\n"},
            {"new (require('events'))().emit('error', new Error('x'));\n",
             "node:events:502\n      throw er; // Unhandled 'error' event\n      ^\n\nError: x\n"},
            {"require('http').createServer().listen(-5);\n",
             "node:internal/errors:541\n      throw error;\n      ^\n\n"
             "RangeError [ERR_SOCKET_BAD_PORT]: options.port should be >= 0 and < 65536. Received type number (-5).\n"
             "    at Server.listen (node:net:2059:5)\n"},
            {"require('fs').promises.readFile('/nonexistent/z');\n",
             "node:internal/fs/promises:637\n  return new FileHandle(await PromisePrototypeThen(\n                        ^\n\n"
             "Error: ENOENT: no such file or directory, open '/nonexistent/z'\n"
             "    at async open (node:internal/fs/promises:637:25)\n"
             "    at async Object.readFile (node:internal/fs/promises:1249:14) {\n"},
        };
        for (const auto& each : cases) {
            const Printed printed = runProgram(dir, "api.js", each.source);
            QVERIFY2(printed.err.substr(0, each.printed.size()) == each.printed, (each.source.toStdString() + printed.err).c_str());
            QCOMPARE(printed.exitCode, std::optional<int>(1));
        }
        const Printed emitted = runProgram(dir, "api.js", "new (require('events'))().emit('error', new Error('x'));\n");
        const std::string where = "Emitted 'error' event at:\n    at Object.<anonymous> (" + file + ":1:27)\n"
                                  "    at Module._compile (node:internal/modules/cjs/loader:1521:14)\n"
                                  "    [... lines matching original stack trace ...]\n";
        QVERIFY2(emitted.err.find(where) != std::string::npos, emitted.err.c_str());
    }

    // An uncaught error's stack on stderr: a listener's frames name the emitter's type and
    // Node's line of emit; a program's Error.prepareStackTrace makes the text Node prints
    // (in brackets, as the stack is not Node's own).
    void anUncaughtErrorsStackIsNodes() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Printed listener = runProgram(dir, "listener.js",
            "const EventEmitter = require('events');\n"
            "class Shop extends EventEmitter {}\n"
            "const shop = new Shop();\n"
            "shop.on('sold', () => { throw new Error('sold out'); });\n"
            "shop.emit('sold');\n");
        const std::string file = dir.filePath("listener.js").toStdString();
        const std::string frames = "Error: sold out\n    at Shop.<anonymous> (" + file + ":4:31)\n"
            "    at Shop.emit (node:events:524:28)\n    at Object.<anonymous> (" + file + ":5:6)\n";
        QVERIFY2(listener.err.find(frames) != std::string::npos, listener.err.c_str());
        QCOMPARE(listener.exitCode, std::optional<int>(1));

        const Printed prepared = runProgram(dir, "prepared.js",
            "Error.prepareStackTrace = (error, sites) => `${error.message} at ${sites[0].getFunctionName()}:${sites[0].getLineNumber()}`;\n"
            "function checkout() { throw new Error('declined'); }\n"
            "checkout();\n");
        QVERIFY2(prepared.err.find("\n\n[declined at checkout:2]\n") != std::string::npos, prepared.err.c_str());
        QCOMPARE(prepared.exitCode, std::optional<int>(1));
    }

    // performance.eventLoopUtilization() is libuv's idle time against the time since the loop
    // started: zeros while the main script runs, near 1 over a span the loop spent running
    // JavaScript, near 0 over one it spent waiting (loose bounds: the machine may be busy).
    void eventLoopUtilizationMeasuresTheLoop() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Printed printed = runProgram(dir, "utilization.js",
            "const { performance } = require('perf_hooks');\n"
            "console.log(JSON.stringify(performance.eventLoopUtilization()));\n"
            "setTimeout(() => {\n"
            "  const start = performance.eventLoopUtilization();\n"
            "  const until = performance.now() + 60;\n"
            "  while (performance.now() < until) {}\n"
            "  const busy = performance.eventLoopUtilization(start);\n"
            "  const before = performance.eventLoopUtilization();\n"
            "  setTimeout(() => {\n"
            "    const waited = performance.eventLoopUtilization(before);\n"
            "    const now = performance.eventLoopUtilization();\n"
            "    const between = performance.eventLoopUtilization(now, before);\n"
            "    console.log(Object.keys(busy).join(), busy.utilization > 0.5, busy.active >= 50);\n"
            "    console.log(waited.utilization < 0.5, waited.idle >= 40, now.idle >= waited.idle);\n"
            "    console.log(Math.abs(between.idle - waited.idle) < 5, Math.abs(between.active - waited.active) < 5);\n"
            "    console.log(globalThis.performance.eventLoopUtilization === performance.eventLoopUtilization);\n"
            "  }, 60);\n"
            "}, 10);\n");
        QCOMPARE(printed.out, std::string("{\"idle\":0,\"active\":0,\"utilization\":0}\n"
                                          "idle,active,utilization true true\n"
                                          "true true true\n"
                                          "true true\n"
                                          "true\n"));
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
