// The scenario corpus under tests/data: every file in good/ parses; every file in bad/
// gives, as its first diagnostic, exactly the line in its sibling NAME.expected.
// Adding a file to either folder adds a case.
#include <QtTest>

#include "ScenarioParser.h"

using namespace loopscope;

namespace {

const QString kData = QStringLiteral(LOOPSCOPE_TEST_DATA);
const QStringList kScenarioPatterns{QStringLiteral("*.yaml"), QStringLiteral("*.json")};

QString readExpected(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll()).trimmed();
}

}  // namespace

class TestScenarioParserCorpus : public QObject {
    Q_OBJECT

private slots:
    void goodFilesParse_data() {
        QTest::addColumn<QString>("path");
        const QDir dir(kData + QStringLiteral("/good"));
        for (const QString& name : dir.entryList(kScenarioPatterns, QDir::Files))
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }
    void goodFilesParse() {
        QFETCH(QString, path);
        const ParseResult result = parseScenarioFile(path.toStdString());
        for (const Diagnostic& d : result.diagnostics)
            qWarning("%s", d.format().c_str());
        QVERIFY(result.ok());
        QVERIFY(!result.scenario->main.empty() || result.scenario->server.has_value());
    }

    void badCorpusIsLargeAndEveryFileHasItsExpectation() {
        const QDir dir(kData + QStringLiteral("/bad"));
        const QStringList scenarios = dir.entryList(kScenarioPatterns, QDir::Files);
        QVERIFY2(scenarios.size() >= 40, qPrintable(QString::number(scenarios.size())));
        for (const QString& name : scenarios)
            QVERIFY2(QFileInfo::exists(dir.filePath(QFileInfo(name).completeBaseName() + QStringLiteral(".expected"))),
                     qPrintable(name + QStringLiteral(" has no .expected file")));
        for (const QString& expected : dir.entryList({QStringLiteral("*.expected")}, QDir::Files)) {
            const QString base = QFileInfo(expected).completeBaseName();
            QVERIFY2(QFileInfo::exists(dir.filePath(base + QStringLiteral(".yaml"))) ||
                         QFileInfo::exists(dir.filePath(base + QStringLiteral(".json"))),
                     qPrintable(expected + QStringLiteral(" has no scenario file")));
        }
    }

    void badFilesGiveTheirExpectedFirstError_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        const QDir dir(kData + QStringLiteral("/bad"));
        for (const QString& name : dir.entryList(kScenarioPatterns, QDir::Files))
            QTest::newRow(qPrintable(name))
                << dir.filePath(name)
                << readExpected(dir.filePath(QFileInfo(name).completeBaseName() + QStringLiteral(".expected")));
    }
    void badFilesGiveTheirExpectedFirstError() {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QVERIFY(!expected.isEmpty());
        const ParseResult result = parseScenarioFile(path.toStdString());
        QVERIFY(!result.ok());
        QVERIFY(!result.scenario.has_value());
        QVERIFY(!result.diagnostics.empty());
        const QString directory = QFileInfo(path).path() + QLatin1Char('/');
        QString first = QString::fromStdString(result.diagnostics.front().format());
        QVERIFY(first.startsWith(directory));
        first.remove(0, directory.size());
        QCOMPARE(first, expected);
        for (const Diagnostic& d : result.diagnostics) {
            QVERIFY(d.line >= 1);
            QVERIFY(d.column >= 1);
        }
    }
};

QTEST_APPLESS_MAIN(TestScenarioParserCorpus)
#include "test_scenario_parser_corpus.moc"
