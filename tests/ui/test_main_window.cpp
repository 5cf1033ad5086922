// The window end to end, offscreen: open scenarios, run them on the real engine
// (LOOPSCOPE_BINARY), then step and scrub and check what the panels show.
#include <QtTest>

#include <QComboBox>
#include <QListWidget>
#include <QSettings>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBlock>
#include <cstdio>
#include <map>
#include <set>

#include "ComparisonView.h"
#include "RunMeasurements.h"
#include "SummaryTable.h"
#include "EventLoopPanel.h"
#include "MainWindow.h"
#include "PlaybackController.h"
#include "RunController.h"
#include "TimelineView.h"
#include "TraceStore.h"

using namespace loopscope;

namespace {

QString data(const char* name) { return QStringLiteral(LOOPSCOPE_TEST_DATA "/ui/") + QLatin1String(name); }

void dumpIfAsked(const Trace& trace) {
    if (qEnvironmentVariableIsEmpty("LOOPSCOPE_DUMP_TRACE"))
        return;
    for (const TraceEvent& e : trace)
        std::fprintf(stderr, "%10lld %-16s %-14s %-12s %-16s id=%llu cause=%llu line=%d v=%lld %s\n",
                     static_cast<long long>(e.ts), eventKindName(e.kind), phaseName(e.phase), queueName(e.queue),
                     laneName(e.lane).c_str(), static_cast<unsigned long long>(e.id),
                     static_cast<unsigned long long>(e.cause), e.step.line, static_cast<long long>(e.value),
                     e.text.c_str());
}

bool runToEnd(MainWindow& window) {
    QSignalSpy finished(&window, &MainWindow::runFinished);
    if (!window.startRun())
        return false;
    if (!finished.wait(60000))
        return false;
    // Everything that arrived is taken in before the run counts as finished.
    return window.eventLoopStore()->isIdle() || window.threadStore()->isIdle();
}

// With LOOPSCOPE_SAVE_RENDERS=DIR, a picture of the window as it is now.
void saveIfAsked(MainWindow& window, const QString& name) {
    if (qEnvironmentVariableIsEmpty("LOOPSCOPE_SAVE_RENDERS"))
        return;
    window.show();
    QApplication::processEvents();
    window.timeline()->refresh();
    QApplication::processEvents();
    window.grab().save(qEnvironmentVariable("LOOPSCOPE_SAVE_RENDERS") + "/" + name + ".png");
}

QStringList consoleLines(const MainWindow& window) {
    return window.consoleView()->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QStringList poolJobs(const LoopState& state) {
    QStringList jobs;
    for (const LaneSlot& slot : state.poolLanes)
        if (slot.busy)
            jobs << QString::fromStdString(slot.job.label);
    return jobs;
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(QStringLiteral(LOOPSCOPE_BINARY)), LOOPSCOPE_BINARY " is not built");
    }

    void opensABuiltInScenarioAsNodeCode() {
        MainWindow window(QStringLiteral(":/scenarios/timer.yaml"));
        QVERIFY(window.scenario().has_value());
        QVERIFY(window.problems().isEmpty());
        const QString code = window.codeView()->toPlainText();
        QVERIFY2(code.contains(QStringLiteral("setTimeout(() => {\n  console.log('Timer finished');\n}, 2000);")),
                 qPrintable(code));
        QVERIFY(code.contains(QStringLiteral("console.log('Start');")));
        QCOMPARE(window.engineChoice()->currentIndex(), 0);
    }

    void aBadScenarioListsItsErrorAndJumpsToIt() {
        MainWindow window(data("bad_key.yaml"));
        QVERIFY(!window.scenario().has_value());
        QCOMPARE(window.problems().size(), 1);
        QCOMPARE(window.problems().front(),
                 data("bad_key.yaml") + QStringLiteral(":5:5: error: unknown step `setTimout`; did you mean `setTimeout`?"));
        QVERIFY(!window.startRun());
        window.showProblem(0);
        const QTextCursor cursor = window.sourceView()->textCursor();
        QCOMPARE(cursor.blockNumber(), 4);
        QCOMPARE(cursor.positionInBlock(), 4);
        QCOMPARE(cursor.block().text(), QStringLiteral("  - setTimout:"));
        saveIfAsked(window, QStringLiteral("window_bad_scenario"));
    }

    void reloadsWhenTheFileChangesOnDisk() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("live.yaml"));
        QFile::copy(data("bad_key.yaml"), path);
        QFile(path).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        MainWindow window(path);
        QVERIFY(!window.scenario().has_value());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("loopscope: 1\ntitle: Fixed\nmain:\n  - log: fixed\n");
        file.close();
        QTRY_VERIFY_WITH_TIMEOUT(window.scenario().has_value(), 5000);
        QCOMPARE(QString::fromStdString(window.scenario()->title), QStringLiteral("Fixed"));
        QVERIFY(window.problems().isEmpty());
    }

    // A program scenario's program is watched with it: fixing the program reloads the scenario.
    void reloadsWhenTheProgramChangesOnDisk() {
        QTemporaryDir dir;
        const QString scenario = dir.filePath(QStringLiteral("live.yaml"));
        const QString program = dir.filePath(QStringLiteral("live.js"));
        QFile yaml(scenario);
        QVERIFY(yaml.open(QIODevice::WriteOnly));
        yaml.write("loopscope: 1\ntitle: Live program\nprogram: live.js\n");
        yaml.close();
        QFile js(program);
        QVERIFY(js.open(QIODevice::WriteOnly));
        js.write("console.log('broken'\n");
        js.close();
        MainWindow window(scenario);
        QVERIFY(!window.scenario().has_value());  // the program does not compile
        QCOMPARE(window.problems().size(), 1);
        QVERIFY(js.open(QIODevice::WriteOnly | QIODevice::Truncate));
        js.write("console.log('fixed');\n");
        js.close();
        QTRY_VERIFY_WITH_TIMEOUT(window.scenario().has_value(), 5000);
        QVERIFY(window.problems().isEmpty());
        QCOMPARE(window.codeView()->toPlainText(), QStringLiteral("console.log('fixed');\n"));
        // And again once it runs.
        QVERIFY(js.open(QIODevice::WriteOnly | QIODevice::Truncate));
        js.write("console.log('changed');\n");
        js.close();
        QTRY_COMPARE_WITH_TIMEOUT(window.codeView()->toPlainText(), QStringLiteral("console.log('changed');\n"), 5000);
    }

    // The built-in list ends with the lessons as real JavaScript programs; one opens from a
    // copy on disk (its program is a file beside it) and is not added to Recent.
    void theBuiltInProgramsOpenAndRun() {
        MainWindow window(QStringLiteral(":/scenarios/timer.yaml"));
        QListWidget* list = window.scenarioList();
        int heading = -1;
        for (int row = 0; row < list->count(); ++row)
            if (list->item(row)->text() == QStringLiteral("Real JavaScript programs"))
                heading = row;
        QVERIFY(heading > 0);
        QCOMPARE(list->item(heading)->flags(), Qt::NoItemFlags);
        QStringList programs;
        QListWidgetItem* threadPool = nullptr;
        for (int row = heading + 1; row < list->count(); ++row) {
            programs << list->item(row)->data(Qt::UserRole).toString();
            if (programs.back() == QStringLiteral(":/programs/thread-pool.yaml"))
                threadPool = list->item(row);
        }
        QVERIFY2(programs.size() >= 8, qPrintable(programs.join(u' ')));
        QVERIFY(threadPool);
        QSettings settings;
        const QStringList recentBefore = settings.value(QStringLiteral("recentFiles")).toStringList();
        emit list->itemClicked(threadPool);
        QVERIFY(window.scenario().has_value());
        const QString programFile = QString::fromStdString(window.scenario()->program);
        QVERIFY2(QFileInfo(programFile).isFile(), qPrintable(programFile));
        QCOMPARE(QFileInfo(programFile).fileName(), QStringLiteral("thread-pool.js"));
        QCOMPARE(list->currentItem(), threadPool);
        QCOMPARE(settings.value(QStringLiteral("recentFiles")).toStringList(), recentBefore);

        QSignalSpy finished(&window, &MainWindow::runFinished);
        window.setEngineExecutable(QStringLiteral(LOOPSCOPE_BINARY));
        QVERIFY(window.startRun());
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.front().at(0).toBool());
        QVERIFY2(window.consoleView()->toPlainText().contains(QStringLiteral("all 8 hashes done")),
                 qPrintable(window.consoleView()->toPlainText()));
    }

    void runsTheTimerScenarioAndStepsThroughIt() {
        MainWindow window(QStringLiteral(":/scenarios/timer.yaml"));
        window.setEngineExecutable(QStringLiteral(LOOPSCOPE_BINARY));
        QVERIFY(runToEnd(window));
        dumpIfAsked(window.eventLoopStore()->trace().toTrace());
        QCOMPARE(consoleLines(window).size(), 3);
        QVERIFY(consoleLines(window)[0].endsWith(QStringLiteral("Start")));
        QVERIFY(consoleLines(window)[1].endsWith(QStringLiteral("End")));
        QVERIFY(consoleLines(window)[2].endsWith(QStringLiteral("Timer finished")));

        PlaybackController* playback = window.playback();
        TraceStore* store = window.eventLoopStore();
        playback->toStart();
        QCOMPARE(playback->position(), std::size_t(0));
        QVERIFY(consoleLines(window).isEmpty());
        // Step until the timer is queued: the main script is on the stack, End not printed yet.
        bool sawTimerQueued = false;
        while (playback->position() < store->size()) {
            playback->stepForward();
            const LoopState& state = window.loopPanel()->state();
            if (!state.queue(QueueKind::Timers).empty() && state.consoleLines == 1) {
                sawTimerQueued = true;
                QVERIFY(!state.callStack.empty());
                QCOMPARE(state.phase, Phase::MainScript);
                // The highlighted line of code is the setTimeout.
                const int line = window.highlightedCodeLine();
                QVERIFY(line >= 0);
                QVERIFY2(window.codeView()->document()->findBlockByNumber(line).text().contains(QStringLiteral("setTimeout")),
                         qPrintable(window.codeView()->document()->findBlockByNumber(line).text()));
                break;
            }
        }
        QVERIFY(sawTimerQueued);
        saveIfAsked(window, QStringLiteral("window_timer"));
        // Scrub to 1 s: the timer waits, the stack is empty, two lines printed.
        playback->seekTime(kSecond);
        LoopState middle = window.loopPanel()->state();
        QCOMPARE(middle.queue(QueueKind::Timers).size(), std::size_t(1));
        QVERIFY(middle.callStack.empty());
        QCOMPARE(middle.consoleLines, std::size_t(2));
        QCOMPARE(consoleLines(window).size(), 2);
        // Stepping back from the end undoes the last event only.
        playback->toEnd();
        const LoopState end = window.loopPanel()->state();
        QVERIFY(end.finished);
        QVERIFY(end.queue(QueueKind::Timers).empty());
        playback->stepBack();
        QCOMPARE(window.loopPanel()->state(), store->stateAt(store->size() - 1));
        QCOMPARE(consoleLines(window).size(), 3);
    }

    void eightReadsOnFourWorkers() {
        MainWindow window(data("eight_reads.yaml"));
        window.setEngineExecutable(QStringLiteral(LOOPSCOPE_BINARY));
        QVERIFY(runToEnd(window));
        TraceStore* store = window.eventLoopStore();
        const Trace& trace = store->trace().toTrace();
        dumpIfAsked(trace);
        // As in Node, each fs.readFile is four pool jobs (open, fstat, the 60 ms read,
        // close), each queued when the one before it completes. Where the main script
        // ends, and where the fourth and the eighth read (the job labelled plainly)
        // start on a worker.
        auto isPoolWork = [](const TraceEvent& event, EventKind kind) {
            return event.kind == kind && event.lane.kind == LaneKind::PoolWorker;
        };
        std::size_t mainEnd = 0, fourthStart = 0, eighthStart = 0, starts = 0;
        for (std::size_t i = 0; i < trace.size(); ++i) {
            if (trace[i].kind == EventKind::PhaseLeave && trace[i].phase == Phase::MainScript && mainEnd == 0)
                mainEnd = i + 1;
            if (isPoolWork(trace[i], EventKind::WorkBegin) && trace[i].text == "fs.readFile") {
                ++starts;
                if (starts == 4)
                    fourthStart = i + 1;
                if (starts == 8)
                    eighthStart = i + 1;
            }
        }
        QVERIFY(mainEnd > 0);
        QVERIFY(fourthStart > mainEnd);
        QVERIFY(eighthStart > fourthStart);
        PlaybackController* playback = window.playback();
        // The main script has queued all eight opens: each read is waiting in the FIFO, on
        // a lane, or (its open done) waiting for the loop in the poll queue.
        playback->seekEvent(mainEnd);
        LoopState state = window.loopPanel()->state();
        std::set<std::uint64_t> reads;
        for (const LaneSlot& lane : state.poolLanes)
            if (lane.busy)
                reads.insert(lane.job.id);
        for (QueueKind queue : {QueueKind::PoolFifo, QueueKind::Poll})
            for (const QueueEntry& chip : state.queue(queue))
                reads.insert(chip.id);
        QCOMPARE(reads.size(), std::size_t(8));
        QVERIFY(state.callStack.empty());
        QCOMPARE(state.consoleLines, std::size_t(2));
        // A little after four reads have started (the loop has queued the next job of the
        // others, and no read has ended): four reads on the lanes, four jobs waiting.
        auto settledAfter = [&](std::size_t index) {
            const Nanoseconds at = trace[index - 1].ts + 20 * kMillisecond;
            std::size_t settled = index;
            while (settled < trace.size() && trace[settled - 1].ts < at)
                ++settled;
            return settled;
        };
        const std::size_t afterFourth = settledAfter(fourthStart);
        int readsEndedBefore = 0;
        for (std::size_t i = 0; i < afterFourth; ++i)
            if (isPoolWork(trace[i], EventKind::WorkEnd) && trace[i].text == "fs.readFile")
                ++readsEndedBefore;
        if (readsEndedBefore == 0) {  // not when a busy machine stalled the run for 40 ms
            playback->seekEvent(afterFourth);
            state = window.loopPanel()->state();
            QCOMPARE(poolJobs(state), (QStringList{"fs.readFile", "fs.readFile", "fs.readFile", "fs.readFile"}));
            QCOMPARE(state.queue(QueueKind::PoolFifo).size(), std::size_t(4));
        }

        // The second wave: the eighth read has started; the first four reads have ended
        // and their close jobs wait in the FIFO behind the reads of the second wave.
        int endsBefore = 0;
        for (std::size_t i = 0; i < eighthStart; ++i)
            if (isPoolWork(trace[i], EventKind::WorkEnd) && trace[i].text == "fs.readFile")
                ++endsBefore;
        QVERIFY(endsBefore >= 4);
        playback->seekEvent(eighthStart);
        saveIfAsked(window, QStringLiteral("window_eight_reads"));
        state = window.loopPanel()->state();
        for (const QString& job : poolJobs(state))
            QVERIFY2(job.contains(QStringLiteral("readFile")), qPrintable(job));
        for (const QueueEntry& waiting : state.queue(QueueKind::PoolFifo))
            QVERIFY2(waiting.label.find("(close)") != std::string::npos, waiting.label.c_str());

        // The timeline shows the main thread and four pool workers, four jobs per read.
        const SpanSet& spans = store->spans();
        int poolSpans = 0;
        for (const SpanRow& row : spans.rows())
            if (row.lane.kind == LaneKind::PoolWorker)
                poolSpans += int(row.spans.size());
        QCOMPARE(poolSpans, 32);
        playback->toEnd();
        QCOMPARE(consoleLines(window).size(), 10);
        QCOMPARE(consoleLines(window).front().section(QLatin1Char(' '), -1), QStringLiteral("Start"));
    }

    void threeUsersOnBothEngines() {
        MainWindow window(QStringLiteral(":/scenarios/three-users-file-server.yaml"));
        window.setEngineExecutable(QStringLiteral(LOOPSCOPE_BINARY));
        // A scenario with a server and load runs on both engines unless told otherwise.
        QCOMPARE(window.engineChoice()->currentIndex(), 2);
        QSignalSpy finished(&window, &MainWindow::runFinished);
        QVERIFY(window.startRun());
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.front().at(0).toBool(), true);
        QTRY_VERIFY(window.eventLoopStore()->isIdle() && window.threadStore()->isIdle());
        dumpIfAsked(window.threadStore()->trace().toTrace());

        // The comparison tab shows what `run --summary` prints: the client's view of
        // each request and what the OS said about each engine's process.
        const TraceStore* stores[] = {window.eventLoopStore(), window.threadStore()};
        RunMeasurements measured[2];
        for (int side = 0; side < 2; ++side) {
            QVERIFY(!stores[side]->processSamples().empty());
            measured[side] = measureRun(requestTimings(stores[side]->trace().toTrace()), stores[side]->processSamples(),
                                        processTotalsFromTrace(stores[side]->trace().toTrace()));
            QCOMPARE(measured[side].answered, 3);
        }
        const RunMeasurements& loop = measured[0];
        const RunMeasurements& threads = measured[1];
        // The main thread, four pool workers, libuv's and the runtime's own: never one per request.
        QVERIFY2(threads.peakThreads >= 3 + 1, qPrintable(QString::number(threads.peakThreads)));
        QVERIFY2(loop.peakThreads >= 5, qPrintable(QString::number(loop.peakThreads)));
        QVERIFY(loop.peakRssBytes > 0 && threads.peakRssBytes > 0);
        // Each request waits one 20 ms read on the pool, not for the other requests' reads:
        // a request that had arrived before a read began has its own read queued before
        // that read ends (the main thread needs 0.2 ms of its 20). When the requests arrive
        // is the machine's: on a busy one they can come further apart than a read lasts.
        struct Read {
            Nanoseconds queued = -1, begun = -1, ended = -1;
        };
        std::vector<Nanoseconds> arrivals;
        std::map<std::uint64_t, Read> reads;
        std::vector<std::uint64_t> readOrder;  // as the handlers queued them: arrival order
        for (const TraceEvent& event : window.eventLoopStore()->trace().toTrace()) {
            if (event.kind == EventKind::RequestArrive)
                arrivals.push_back(event.ts);
            if (event.text != "fs.readFile")
                continue;
            if (event.kind == EventKind::Enqueue && event.queue == QueueKind::PoolFifo) {
                reads[event.id].queued = event.ts;
                readOrder.push_back(event.id);
            } else if (event.kind == EventKind::WorkBegin && event.lane.kind == LaneKind::PoolWorker) {
                reads[event.id].begun = event.ts;
            } else if (event.kind == EventKind::WorkEnd && event.lane.kind == LaneKind::PoolWorker) {
                reads[event.id].ended = event.ts;
            }
        }
        QCOMPARE(int(arrivals.size()), 3);
        QCOMPARE(int(readOrder.size()), 3);
        for (std::size_t i = 0; i < readOrder.size(); ++i) {
            const Read& read = reads[readOrder[i]];
            QVERIFY(read.queued >= 0 && read.begun >= read.queued && read.ended > read.begun);
            for (std::size_t j = 0; j < readOrder.size(); ++j)
                if (j != i && arrivals[j] < read.begun)
                    QVERIFY2(reads[readOrder[j]].queued < read.ended,
                             qPrintable(QStringLiteral("request %1 waited for read %2").arg(j + 1).arg(i + 1)));
        }
        QTableWidget* table = window.comparison()->table();
        const std::vector<std::string> titles = summaryTitles();
        QCOMPARE(table->rowCount(), int(titles.size()));
        for (int side = 0; side < 2; ++side) {
            const std::vector<std::string> cells = summaryCells(measured[side]);
            for (int row = 0; row < table->rowCount(); ++row)
                QCOMPARE(table->item(row, 1 + side)->text(), QString::fromStdString(cells[std::size_t(row)]));
        }
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("1.00"));  // 3 answered by each

        // When the third read starts, the workers hold every read not finished yet
        // (on a busy machine the first may finish before the third request is read).
        // A read is the plainly labelled one of fs.readFile's four pool jobs.
        const Trace& trace = window.eventLoopStore()->trace().toTrace();
        auto isRead = [&](std::size_t i, EventKind kind) {
            return trace[i].kind == kind && trace[i].lane.kind == LaneKind::PoolWorker && trace[i].text == "fs.readFile";
        };
        std::size_t third = 0, starts = 0, ends = 0;
        for (std::size_t i = 0; i < trace.size() && third == 0; ++i) {
            if (isRead(i, EventKind::WorkEnd))
                ++ends;
            if (isRead(i, EventKind::WorkBegin) && ++starts == 3)
                third = i + 1;
        }
        QVERIFY(third > 0);
        window.playback()->seekEvent(third);
        const LoopState& state = window.loopPanel()->state();
        QCOMPARE(poolJobs(state).count(QStringLiteral("fs.readFile")), int(3 - ends));
        QCOMPARE(state.requestsArrived, 3);
        // The timeline holds both runs: the loop's lanes and the three request threads.
        QStringList rows;
        for (const TimelineRow& row : window.timeline()->spans()->rows())
            rows << row.name;
        QVERIFY2(rows.contains(QStringLiteral("main thread")) && rows.contains(QStringLiteral("thread 3")),
                 qPrintable(rows.join(QStringLiteral(", "))));
        window.timeline()->fitAll();
        saveIfAsked(window, QStringLiteral("three-users-file-server"));
        // The comparison tab (a QTabWidget page sits in the tab widget's stack).
        if (auto* tabs = qobject_cast<QTabWidget*>(window.comparison()->parentWidget()->parentWidget())) {
            tabs->setCurrentWidget(window.comparison());
            saveIfAsked(window, QStringLiteral("three-users-comparison"));
        }
    }

    void threadPoolSaturation() {
        MainWindow window(QStringLiteral(":/scenarios/thread-pool.yaml"));
        window.setEngineExecutable(QStringLiteral(LOOPSCOPE_BINARY));
        QCOMPARE(window.threadpoolSetting()->value(), 4);
        QVERIFY(runToEnd(window));
        const Trace& trace = window.eventLoopStore()->trace().toTrace();
        // Once the fourth hash started (and the script queued all eight): four computing, four waiting.
        std::size_t mainEnd = 0, fourth = 0, starts = 0;
        for (std::size_t i = 0; i < trace.size(); ++i) {
            if (trace[i].kind == EventKind::PhaseLeave && trace[i].phase == Phase::MainScript && mainEnd == 0)
                mainEnd = i + 1;
            if (trace[i].kind == EventKind::WorkBegin && trace[i].lane.kind == LaneKind::PoolWorker && ++starts == 4)
                fourth = i + 1;
        }
        QVERIFY(mainEnd > 0 && fourth > 0);
        window.playback()->seekEvent(std::max(mainEnd, fourth));
        LoopState state = window.loopPanel()->state();
        QCOMPARE(poolJobs(state).size(), 4);
        QCOMPARE(state.queue(QueueKind::PoolFifo).size(), std::size_t(4));
        QCOMPARE(window.eventLoopStore()->stateAt(trace.size()).consoleLines, std::size_t(9));
        // Halfway through the first wave, the picture a teacher stops on.
        window.playback()->seekTime(trace[std::max(mainEnd, fourth) - 1].ts + 60 * kMillisecond);
        window.timeline()->fitAll();
        saveIfAsked(window, QStringLiteral("thread-pool"));
        window.setTheme(Theme::dark());
        saveIfAsked(window, QStringLiteral("thread-pool-dark"));
        window.setProjectorMode(true);
        saveIfAsked(window, QStringLiteral("thread-pool-projector"));
    }

    // A cluster run: the loop panel offers its processes and shows the one chosen;
    // the timeline names every process's lanes.
    void aClusterRunShowsTheChosenProcess() {
        MainWindow window(data("cluster_two_processes.yaml"));
        window.setEngineExecutable(QStringLiteral(LOOPSCOPE_BINARY));
        window.engineChoice()->setCurrentIndex(0);  // the event loop only
        QVERIFY(runToEnd(window));
        window.playback()->toEnd();
        EventLoopPanel* panel = window.loopPanel();
        auto* choice = panel->findChild<QComboBox*>();
        QVERIFY(choice);
        QVERIFY(!choice->isHidden());
        QCOMPARE(choice->count(), 2);
        QCOMPARE(choice->currentIndex(), 0);
        QCOMPARE(panel->state().process, std::uint16_t(0));
        QCOMPARE(panel->state().requestsArrived, 4);
        QCOMPARE(panel->state().consoleLines, std::size_t(1 + 4));  // "worker started", 4 requests
        choice->setCurrentIndex(1);
        emit choice->activated(1);
        QCOMPARE(panel->state().process, std::uint16_t(1));
        QCOMPARE(panel->state().requestsArrived, 4);
        QCOMPARE(QString::fromStdString(panel->state().console.back().text), QStringLiteral("request 8 arrived"));
        saveIfAsked(window, QStringLiteral("window_cluster"));
        QStringList names;
        for (const SpanRow& row : window.eventLoopStore()->spans().rows())
            names << QString::fromStdString(laneName(row.lane));
        QVERIFY2(names.contains(QStringLiteral("process 2 main thread")), qPrintable(names.join(", ")));
        QVERIFY2(names.contains(QStringLiteral("process 2 pool worker 1")), qPrintable(names.join(", ")));
        // The figures count a loop thread and a pool of two in each process.
        const ProcessTotals totals = processTotalsFromTrace(window.eventLoopStore()->trace().toTrace());
        QVERIFY2(totals.peakThreads >= 2 * (1 + 2), qPrintable(QString::number(totals.peakThreads)));
    }

    // The same CPU-bound load on 1 and on 2 processes, without editing the file: the
    // Processes setting runs a one-process scenario as a cluster, whose requests then
    // alternate between two loops.
    void processesSettingRunsTheSameScenarioAsACluster() {
        MainWindow window(QStringLiteral(":/scenarios/cpu-heavy-route.yaml"));
        window.setEngineExecutable(QStringLiteral(LOOPSCOPE_BINARY));
        QCOMPARE(window.processesSetting()->value(), 1);
        window.engineChoice()->setCurrentIndex(0);
        window.processesSetting()->setValue(2);
        QVERIFY(runToEnd(window));
        std::map<std::uint16_t, int> arrivals;
        for (const TraceEvent& e : window.eventLoopStore()->trace().toTrace())
            if (e.kind == EventKind::RequestArrive)
                ++arrivals[e.lane.process];
        QCOMPARE(arrivals.size(), std::size_t(2));
        QCOMPARE(arrivals[0], 2);
        QCOMPARE(arrivals[1], 2);
        // Opening the scenario again puts its own setting back.
        QVERIFY(window.openScenario(QStringLiteral(":/scenarios/cpu-heavy-route.yaml")));
        QCOMPARE(window.processesSetting()->value(), 1);
    }

    void cancelStopsALongRun() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("long.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("loopscope: 1\ntitle: Long\nmain:\n  - setTimeout:\n      delay: 30s\n      run:\n        - log: late\n");
        file.close();
        MainWindow window(path);
        window.setEngineExecutable(QStringLiteral(LOOPSCOPE_BINARY));
        QSignalSpy finished(&window, &MainWindow::runFinished);
        QVERIFY(window.startRun());
        QVERIFY(window.runs()->isRunning());
        QTest::qWait(300);
        window.cancelRun();
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Cancelling..."));
        // The 30 s timer is never waited for: the run ends long before it is due.
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.front().at(0).toBool(), false);
        QVERIFY(!window.runs()->isRunning());
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Run cancelled"));
        // The settings can be changed again; whatever the run sent before the cancel (on a
        // busy machine the child may not have started yet) is from before the timer was due.
        QVERIFY(window.engineChoice()->isEnabled());
        QVERIFY(window.threadpoolSetting()->isEnabled());
        window.eventLoopStore()->drain();
        const Trace& trace = window.eventLoopStore()->trace().toTrace();
        if (!trace.empty())
            QCOMPARE(trace.front().kind, EventKind::RunBegin);
        for (const TraceEvent& event : trace) {
            QVERIFY(event.ts < 30 * kSecond);
            QVERIFY(!(event.kind == EventKind::Log && event.text == "late"));
        }
        QVERIFY(!consoleLines(window).contains(QStringLiteral("late")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
