// Node's report of an uncaught error, read back from a run's stderr: file, line, the
// caret's column and what was thrown; anything else is not one.
#include <QtTest>

#include "UncaughtError.h"

using namespace loopscope;

class TestUncaughtError : public QObject {
    Q_OBJECT
private slots:
    void readsNodesReport() {
        const auto error = uncaughtErrorIn("/home/t/app.js:3\n"
                                           "  throw new TypeError('boom');\n"
                                           "  ^\n"
                                           "\n"
                                           "TypeError: boom\n"
                                           "    at Object.<anonymous> (/home/t/app.js:3:9)\n"
                                           "\n"
                                           "Node.js v20.20.2");
        QVERIFY(error.has_value());
        QCOMPARE(error->file, std::string("/home/t/app.js"));
        QCOMPARE(error->line, 3);
        QCOMPARE(error->column, 3);
        QCOMPARE(error->thrown, std::string("TypeError: boom"));
    }

    void aThrownValueThatIsNotAnError() {
        const auto error = uncaughtErrorIn("/t/a b.js:12\nfoo();  throw 42;\n        ^\n\nUncaught 42\n\nNode.js v20.20.2\n");
        QVERIFY(error.has_value());
        QCOMPARE(error->file, std::string("/t/a b.js"));
        QCOMPARE(error->line, 12);
        QCOMPARE(error->column, 9);
        QCOMPARE(error->thrown, std::string("Uncaught 42"));
    }

    void otherLinesAreNotErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("a console.error line") << "something went wrong";
        QTest::newRow("no line number") << "/t/app.js\n  x\n  ^\n\nError: e\n";
        QTest::newRow("a line number that is not one") << "/t/app.js:3x\n  x\n  ^\n\nError: e\n";
        QTest::newRow("no caret") << "/t/app.js:3\n  x\n  -\n\nError: e\n";
        QTest::newRow("text before the caret") << "/t/app.js:3\n  x\n a^\n\nError: e\n";
        QTest::newRow("nothing thrown after the blank line") << "/t/app.js:3\n  x\n  ^\n\n";
        QTest::newRow("no blank line") << "/t/app.js:3\n  x\n  ^\nError: e\n    at x\n";
    }
    void otherLinesAreNotErrors() {
        QFETCH(QString, text);
        QVERIFY(!uncaughtErrorIn(text.toStdString()).has_value());
    }
};

QTEST_GUILESS_MAIN(TestUncaughtError)
#include "test_uncaught_error.moc"
