// Where a program reaches what loopscope does not have or does differently from Node, the
// run says so plainly: a Node built-in module it lacks is named as one (not as an npm
// package), a MessagePort moves to a worker with Node's checks of a transfer list, a
// BroadcastChannel has Node's errors, an unhandled rejection is reported at the program's
// line where its error was made, and an engine error carries V8's words with the values
// V8 names.
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

}  // namespace

class TestJavaScriptNodeGaps : public QObject {
    Q_OBJECT
private slots:
    void aMissingBuiltinIsNamedAsNodes() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Printed printed = runProgram(dir, "spawn.js",
            "try { require('child_process'); }\n"
            "catch (e) { console.log(e.code); console.log(e.message.split('\\n').pop()); }\n");
        QCOMPARE(printed.out.substr(0, printed.out.find('\n')), std::string("MODULE_NOT_FOUND"));
        QVERIFY2(printed.out.find("Node's 'child_process' is not one of them.\n") != std::string::npos,
                 printed.out.c_str());
        QVERIFY2(printed.out.find("not npm packages") == std::string::npos, printed.out.c_str());
        QCOMPARE(printed.exitCode, std::optional<int>(0));
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
};

QTEST_GUILESS_MAIN(TestJavaScriptNodeGaps)
#include "test_javascript_node_gaps.moc"
