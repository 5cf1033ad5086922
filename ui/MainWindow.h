// The application window: scenario browser and teaching text on the left, the event
// loop at the playhead in the middle with the timeline, console, comparison and problems
// below it, the scenario as Node.js code and the runtime settings on the right.
#pragma once

#include <QMainWindow>
#include <QTemporaryDir>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "Diagnostic.h"
#include "NodeCode.h"
#include "RunDocument.h"
#include "Scenario.h"
#include "Theme.h"

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QFileSystemWatcher;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QMenu;
class QPlainTextEdit;
class QSlider;
class QSplitter;
class QSpinBox;
class QTabWidget;
class QTextBrowser;
class QToolButton;

namespace loopscope {

class BackgroundJob;
class ComparisonView;
class PackedTrace;
class EventLoopPanel;
class PlaybackController;
class PlaybackKeys;
class RunController;
class TimelineView;
class TraceStore;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const QString& scenarioPath, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a scenario file (or a built-in ":/scenarios/..." one). Returns false when it
    // has errors; they are listed under Problems.
    bool openScenario(const QString& path);
    // Opens a saved run (.lsrun) or a trace recorded by Node: its events stream into the
    // window as a run's do, and nothing runs. Returns false if a run is going.
    bool openRecording(const QString& path);
    // Saves the run on screen, whole, to reopen later (File > Save Run), off the GUI thread:
    // runSaved() tells how it went. Returns false and says why in the status bar when there
    // is no finished run to save.
    bool saveRun(const QString& path);
    // Opens the Compare window: the run on screen beside a saved run or a Node trace, read
    // off the GUI thread. Returns false when there is no run on screen.
    bool compareWith(const QString& path);
    // Whether a program's run is followed by a run of it under real Node, both compared.
    QAction* withNodeAction() const { return withNode_; }
    // Starts a run of the open scenario with the settings shown. Returns false if it cannot.
    bool startRun();
    void cancelRun();
    void setEngineExecutable(const QString& path) { executable_ = path; }
    void setTheme(const Theme& theme);
    void setProjectorMode(bool on);
    // Fits the window on its screen, for a projector's 1280x720 as for a large monitor.
    void fitToScreen();

    // For tests and export: the parts of the window.
    const std::optional<Scenario>& scenario() const { return scenario_; }
    QStringList problems() const;
    EventLoopPanel* loopPanel() const { return loopPanel_; }
    TimelineView* timeline() const { return timeline_; }
    ComparisonView* comparison() const { return comparison_; }
    PlaybackController* playback() const { return playback_; }
    RunController* runs() const { return runs_; }
    TraceStore* eventLoopStore() const { return loopStore_; }
    TraceStore* threadStore() const { return threadStore_; }
    QPlainTextEdit* codeView() const { return codeView_; }
    // Above the code: what the event loop waits for while no JavaScript runs (hidden otherwise).
    QLabel* codeWaitBanner() const { return codeWaitBanner_; }
    QListWidget* scenarioList() const { return scenarioList_; }
    QPlainTextEdit* sourceView() const { return sourceView_; }
    QPlainTextEdit* consoleView() const { return console_; }
    QListWidget* problemList() const { return problemList_; }
    QComboBox* engineChoice() const { return engineChoice_; }
    QSpinBox* threadpoolSetting() const { return threadpool_; }
    QSpinBox* processesSetting() const { return processes_; }
    int highlightedCodeLine() const { return highlightedCodeLine_; }
    // Jumps the source view to a problem's line and column.
    void showProblem(int row);

signals:
    void runFinished(bool ok, const QString& error);
    // A saveRun() has ended: `error` is empty when the file was written.
    void runSaved(const QString& path, const QString& error);
    // compareWith() (or Run with Node Too) has opened its Compare window.
    void comparisonShown(QWidget* compareWindow);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    // The run's uncaught error (Node's report on stderr) as a problem of its own, with its
    // line marked in the program; none clears the last one.
    void setRunProblem(const std::optional<Diagnostic>& problem);
    void buildActions();
    void buildLayout();
    void populateBuiltIns();
    void addBuiltIns(const QString& folder);
    void openBuiltIn(QListWidgetItem* item);
    void updateRecentMenu();
    void rememberRecent(const QString& path);
    void markOpenScenario(const QString& path, const QByteArray& text);
    void showPosition(std::size_t events, Nanoseconds time);
    void updateConsole(std::size_t events);
    void updateRunState();
    void onRunFinished(bool ok, const QString& error, bool cancelled);
    void onStoreGrew();
    void exportPicture();
    void openDialog();
    QString runnablePath();
    void highlightCode(const SourceLocation& step);

    void applyRecording(const RunDocument& document);
    // The code pane: the open scenario's program as it is (or was, for a recording), or its
    // steps as Node.js code.
    void showCode(const std::string& programText);
    void showRuntimeSettings(const RuntimeSettings& runtime);
    void compareWithDialog();
    void recordWithNodeToo();
    // What a comparison needs of the run on screen, taken on the GUI thread.
    struct RunOnScreen {
        RunDocument document;                   // its runs without their events
        std::vector<const PackedTrace*> traces;  // their events, in the stores
        bool primaryIsThreads = false;
        QString path;
    };
    RunOnScreen runOnScreen() const;
    std::function<void()> comparisonWith(RunOnScreen onScreen, RunDocument other, const QString& otherPath);
    void saveRunDialog();
    // The run on screen as a document, its runs' events left in the stores (tracesOnScreen(),
    // in the same order): they are read off the GUI thread.
    RunDocument documentOnScreen() const;
    std::vector<const PackedTrace*> tracesOnScreen() const;

    QString scenarioPath_;
    bool showingRecording_ = false;  // the run on screen was read from a file, not run
    int readPercent_ = 0;            // of the recording being opened
    QAction* withNode_ = nullptr;
    QString nodeExecutable_;  // "" when there is none on PATH (withNode_ says why)
    // Saving and comparing read the stores on this thread: it is waited for before they are
    // cleared for another run. Recording under Node (as long as the program runs) has its own.
    BackgroundJob* storeReader_ = nullptr;
    BackgroundJob* nodeRecorder_ = nullptr;
    std::vector<std::string> runOverrides_;  // the settings the last run had over the scenario's
    QString scenarioText_;
    std::optional<Scenario> scenario_;
    NodeCode nodeCode_;
    QStringList problems_;
    QString watchedProgram_;  // the open scenario's program, watched beside it
    QString executable_;
    Theme theme_ = Theme::light();
    bool projector_ = false;
    int highlightedCodeLine_ = -1;
    std::unique_ptr<QTemporaryDir> tempDir_;

    TraceStore* loopStore_;
    TraceStore* threadStore_;
    TraceStore* primary_ = nullptr;
    bool comparing_ = false;
    RunController* runs_;
    PlaybackController* playback_;
    QTimer* timelineRefresh_;
    QFileSystemWatcher* watcher_;
    PlaybackKeys* playbackKeys_;
    std::vector<std::size_t> logEvents_;  // indices of Log events in the primary trace
    std::size_t logScanned_ = 0;
    std::size_t consoleShown_ = 0;

    EventLoopPanel* loopPanel_ = nullptr;
    TimelineView* timeline_ = nullptr;
    ComparisonView* comparison_ = nullptr;
    QTabWidget* bottomTabs_ = nullptr;
    QTabWidget* rightTabs_ = nullptr;
    QListWidget* scenarioList_ = nullptr;
    QTextBrowser* teaching_ = nullptr;
    QPlainTextEdit* codeView_ = nullptr;
    QLabel* codeWaitBanner_ = nullptr;
    QWidget* codePage_ = nullptr;
    QPlainTextEdit* sourceView_ = nullptr;
    QPlainTextEdit* console_ = nullptr;
    QListWidget* problemList_ = nullptr;
    QComboBox* engineChoice_ = nullptr;
    QSpinBox* threadpool_ = nullptr;
    QSpinBox* processes_ = nullptr;
    QSpinBox* cores_ = nullptr;
    QDoubleSpinBox* timeScale_ = nullptr;
    QSlider* scrubber_ = nullptr;
    QLabel* timeLabel_ = nullptr;
    QLabel* speedLabel_ = nullptr;
    QLabel* statusLabel_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QAction* runAction_ = nullptr;
    QAction* cancelAction_ = nullptr;
    QAction* playAction_ = nullptr;
    QWidget* leftColumn_ = nullptr;
    QSplitter* middleColumn_ = nullptr;
    QSplitter* mainSplitter_ = nullptr;
    QWidget* settingsBox_ = nullptr;
    bool columnsMoved_ = false;
    bool scrubbing_ = false;
};

}  // namespace loopscope
