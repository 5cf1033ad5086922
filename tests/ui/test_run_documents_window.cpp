// Runs as documents in the window: a saved run opens as it was made (its events, its
// scenario as it was, nothing run again), Save Run writes what is on screen, a damaged file
// is a problem, and the Compare window puts two runs on one axis with their differences.
#include <QtTest>

#include <QAction>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QTemporaryDir>
#include <qcustomplot.h>

#include "CompareWindow.h"
#include "MainWindow.h"
#include "RecordedRuns.h"
#include "RunController.h"
#include "SpanPlottable.h"
#include "TimelineView.h"
#include "TraceStore.h"

using namespace loopscope;

namespace {

const QString kRuns = QStringLiteral(LOOPSCOPE_TEST_DATA "/runs/");
const QString kNodeTraces = QStringLiteral(LOOPSCOPE_TEST_DATA "/node-traces/");

bool openToEnd(MainWindow& window, const QString& path) {
    QSignalSpy finished(&window, &MainWindow::runFinished);
    return window.openScenario(path) && finished.wait(60000) && window.eventLoopStore()->isIdle();
}

bool sameEvents(const Trace& a, const Trace& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].ts != b[i].ts || a[i].kind != b[i].kind || a[i].id != b[i].id || a[i].text != b[i].text ||
            !(a[i].lane == b[i].lane) || a[i].value != b[i].value || a[i].queue != b[i].queue)
            return false;
    return true;
}

QStringList laneNames(const TimelineView& view) {
    QStringList names;
    for (const TimelineRow& row : view.spans()->rows())
        names << row.name;
    return names;
}

}  // namespace

class TestRunDocumentsWindow : public QObject {
    Q_OBJECT

private slots:
    void aSavedRunOpensAsItWasMade() {
        const QString path = kRuns + "thread-pool.lsrun";
        const RunFileResult saved = readRunFile(path.toStdString());
        QVERIFY2(saved.document.has_value(), saved.error.c_str());
        MainWindow window(QStringLiteral(":/scenarios/timer.yaml"));
        QVERIFY(openToEnd(window, path));
        QVERIFY(sameEvents(window.eventLoopStore()->trace().toTrace(), saved.document->runs.at(0).trace));
        QCOMPARE(window.threadStore()->size(), std::size_t(0));
        // The scenario as it was, the settings it ran with; nothing runs again.
        QVERIFY(window.scenario().has_value());
        QCOMPARE(window.sourceView()->toPlainText().toStdString(), saved.document->sources.at(0).text);
        QVERIFY(!window.startRun());
        QCOMPARE(window.windowTitle(), QStringLiteral("thread-pool.lsrun — loopscope"));
        QVERIFY(window.timeline()->spans()->rows().size() >= 5);  // main thread and four workers
        // loopscope's runs say when each callback was queued: arrows start there, and no
        // table of causes is kept for them.
        const SpanSet& spans = window.eventLoopStore()->spans();
        std::size_t callbacks = 0;
        for (const Span& span : spans.rows().at(std::size_t(spans.rowOf(Lane{LaneKind::Main, 0, 0}))).spans) {
            QCOMPARE(spans.unqueuedCauseOf(span.id), std::uint64_t(0));
            callbacks += spans.enqueuedAt(span.id) >= 0;
        }
        QVERIFY(callbacks >= 8);  // the eight hashes' callbacks
    }

    void saveRunWritesWhatIsOnScreen() {
        QTemporaryDir dir;
        MainWindow window(QStringLiteral(":/scenarios/timer.yaml"));
        QSignalSpy finished(&window, &MainWindow::runFinished);
        window.setEngineExecutable(QStringLiteral(LOOPSCOPE_BINARY));
        QVERIFY(!window.saveRun(dir.filePath("nothing.lsrun")));  // no run yet
        QVERIFY(!QFileInfo::exists(dir.filePath("nothing.lsrun")));
        QVERIFY(window.startRun());
        QVERIFY(finished.wait(60000));
        const QString path = dir.filePath("timer.lsrun");
        QSignalSpy saves(&window, &MainWindow::runSaved);
        QVERIFY(window.saveRun(path));
        QVERIFY(saves.wait(30000));
        QCOMPARE(saves.at(0).at(0).toString(), path);
        QCOMPARE(saves.at(0).at(1).toString(), QString());
        const RunFileResult saved = readRunFile(path.toStdString());
        QVERIFY2(saved.document.has_value(), saved.error.c_str());
        QCOMPARE(saved.document->runs.size(), std::size_t(1));
        QVERIFY(sameEvents(saved.document->runs[0].trace, window.eventLoopStore()->trace().toTrace()));
        QCOMPARE(saved.document->title, window.scenario()->title);
        QVERIFY(saved.document->sources.at(0).text.find("Timer finished") != std::string::npos);  // the built-in's text
        // Reopened in another window, it is the same run.
        MainWindow again(QStringLiteral(":/scenarios/timer.yaml"));
        QVERIFY(openToEnd(again, path));
        QVERIFY(sameEvents(again.eventLoopStore()->trace().toTrace(), window.eventLoopStore()->trace().toTrace()));

        // A file that cannot be written is said so, and nothing is left behind.
        QVERIFY(window.saveRun(dir.filePath("no-such-folder/timer.lsrun")));
        QVERIFY(saves.wait(30000));
        QVERIFY2(saves.at(1).at(1).toString().startsWith("cannot write " + dir.filePath("no-such-folder/timer.lsrun")),
                 qPrintable(saves.at(1).at(1).toString()));

        // File > Compare With Run: the saved run beside the one on screen, in a window of its own.
        QSignalSpy compared(&window, &MainWindow::comparisonShown);
        QVERIFY(window.compareWith(path));
        QVERIFY(compared.wait(30000));
        auto* compare = qobject_cast<CompareWindow*>(compared.at(0).at(0).value<QWidget*>());
        QVERIFY(compare);
        QVERIFY(compare->isVisible());
        QVERIFY(compare->table()->rowCount() >= 5);
        QCOMPARE(compare->table()->item(0, 1)->text(), compare->table()->item(0, 2)->text());  // the same run twice
        compare->close();
    }

    void aDamagedRunIsAProblem() {
        QTemporaryDir dir;
        QFile source(kRuns + "timer.lsrun");
        QVERIFY(source.open(QIODevice::ReadOnly));
        QByteArray bytes = source.readAll();
        bytes.chop(7);
        const QString damaged = dir.filePath("damaged.lsrun");
        QFile out(damaged);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size());
        out.close();
        MainWindow window(QStringLiteral(":/scenarios/timer.yaml"));
        QSignalSpy finished(&window, &MainWindow::runFinished);
        QVERIFY(window.openScenario(damaged));
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.front().at(0).toBool(), false);
        QCOMPARE(window.problems().size(), 1);
        QVERIFY2(window.problems().front().contains(QStringLiteral("truncated")), qPrintable(window.problems().front()));
        QVERIFY(!window.scenario().has_value());
    }

    void aNodeTraceOpensWithWhatItCannotShow() {
        MainWindow window(QStringLiteral(":/scenarios/timer.yaml"));
        QVERIFY(openToEnd(window, kNodeTraces + "pbkdf2.trace.json"));
        QVERIFY(window.eventLoopStore()->size() > 20);
        QStringList names = laneNames(*window.timeline());
        QCOMPARE(names.filter(QStringLiteral("pool worker")).size(), 4);
        // Node's trace has no queue events: the arrows start at each callback's cause.
        const SpanSet& spans = window.eventLoopStore()->spans();
        std::size_t caused = 0;
        for (const Span& span : spans.rows().at(std::size_t(spans.rowOf(Lane{LaneKind::Main, 0, 0}))).spans)
            caused += spans.unqueuedCauseOf(span.id) != 0;
        QVERIFY(caused >= 8);
        QVERIFY(window.runs()->recording().has_value());
        QVERIFY(!window.runs()->recording()->limits.empty());
    }

    void compareWindowPutsTwoRunsOnOneAxis() {
        QTemporaryDir dir;
        RunFileResult loopscopeRun = readRunFile((kRuns + "thread-pool.lsrun").toStdString());
        RunFileResult nodeRun = openRecording((kNodeTraces + "pbkdf2.trace.json").toStdString());
        QVERIFY2(loopscopeRun.document && nodeRun.document, (loopscopeRun.error + nodeRun.error).c_str());
        const auto [a, b] = compareNames(*loopscopeRun.document, 0, "thread-pool.lsrun", *nodeRun.document, 0,
                                         "pbkdf2.trace.json");
        QCOMPARE(a, QStringLiteral("loopscope"));
        QCOMPARE(b, QStringLiteral("node"));
        CompareWindow window(compareRuns({std::move(*loopscopeRun.document), 0, a, QStringLiteral("thread-pool")},
                                         {std::move(*nodeRun.document), 0, b, QStringLiteral("pbkdf2")}));
        window.resize(1400, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QStringList names = laneNames(*window.timeline());
        QVERIFY2(names.contains(QStringLiteral("loopscope main thread")), qPrintable(names.join(", ")));
        QVERIFY2(names.contains(QStringLiteral("node pool worker 4")), qPrintable(names.join(", ")));
        QStringList titles;
        for (int r = 0; r < window.table()->rowCount(); ++r)
            titles << window.table()->item(r, 0)->text();
        const int waves = int(titles.indexOf(QStringLiteral("Thread-pool waves")));
        QVERIFY(waves >= 0);
        QCOMPARE(window.table()->item(waves, 1)->text(), QStringLiteral("2"));
        QCOMPARE(window.table()->item(waves, 2)->text(), QStringLiteral("2"));
        QString error;
        QVERIFY2(window.exportPicture(dir.filePath("compare.png"), &error), qPrintable(error));
        QCOMPARE(QImage(dir.filePath("compare.png")).size(), QSize(1920, 1080));
        QVERIFY(window.grab().save(dir.filePath("window.png")));
    }
};

QTEST_MAIN(TestRunDocumentsWindow)
#include "test_run_documents_window.moc"
