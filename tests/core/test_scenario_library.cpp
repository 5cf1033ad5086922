// The built-in scenarios a teacher picks from: each one compiled into the application,
// valid, and carrying the teaching text the scenario list and the timeline show.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

#include "ScenarioParser.h"

using namespace loopscope;

namespace {

const QString kLibrary = QStringLiteral(LOOPSCOPE_SOURCE_DIR "/resources/scenarios");
const QString kResources = QStringLiteral(LOOPSCOPE_SOURCE_DIR "/resources/resources.qrc");

QStringList libraryFiles() {
    return QDir(kLibrary).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
}

}  // namespace

class TestScenarioLibrary : public QObject {
    Q_OBJECT

private slots:
    void everyScenarioIsCompiledIn() {
        QFile qrc(kResources);
        QVERIFY(qrc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(qrc.readAll());
        QStringList listed;
        const QRegularExpression entry(QStringLiteral("<file alias=\"([^\"]+)\">scenarios/([^<]+)</file>"));
        for (auto it = entry.globalMatch(text); it.hasNext();) {
            const auto match = it.next();
            QCOMPARE(match.captured(1), match.captured(2));
            listed << match.captured(2);
        }
        listed.sort();
        QCOMPARE(listed, libraryFiles());
        QVERIFY(listed.size() >= 14);
    }

    void everyScenarioTeaches_data() {
        QTest::addColumn<QString>("file");
        for (const QString& file : libraryFiles())
            QTest::newRow(qPrintable(file)) << kLibrary + QLatin1Char('/') + file;
    }

    void everyScenarioTeaches() {
        QFETCH(QString, file);
        const ParseResult parsed = parseScenarioFile(file.toStdString());
        for (const Diagnostic& d : parsed.diagnostics)
            qWarning("%s", d.format().c_str());
        QVERIFY(parsed.ok());
        const Scenario& scenario = *parsed.scenario;
        QVERIFY(!scenario.title.empty());
        QVERIFY(!scenario.summary.empty());
        QVERIFY2(scenario.summary.find('\n') == std::string::npos, "a summary is one line");
        QVERIFY(scenario.description.size() > 100);
        QVERIFY(!scenario.main.empty() || scenario.server.has_value());
        if (scenario.server.has_value())
            QVERIFY2(!scenario.load.empty(), "a server without load never runs its handler");
        if (QFileInfo(file).fileName() == QStringLiteral("timer.yaml"))
            return;  // the first, smallest example needs no notes
        QVERIFY(!scenario.notes.empty());
        Nanoseconds previous = 0;
        for (const Note& note : scenario.notes) {
            QVERIFY(!note.text.empty());
            QVERIFY2(note.at >= previous, "notes in time order");
            QVERIFY2(note.at < scenario.runtime.horizon, "notes within the run");
            previous = note.at;
        }
    }
};

QTEST_APPLESS_MAIN(TestScenarioLibrary)
#include "test_scenario_library.moc"
