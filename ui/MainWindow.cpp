#include "MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPointer>
#include <QScreen>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "ComparisonView.h"
#include "EventLoopPanel.h"
#include "ExportDialog.h"
#include "LoopWait.h"
#include "OutputFile.h"
#include "SlideRenderer.h"
#include "PlaybackController.h"
#include "PlaybackKeys.h"
#include "ProgramFile.h"
#include "ProgramSyntax.h"
#include "BackgroundJob.h"
#include "CompareWindow.h"
#include "ConsoleOutput.h"
#include "NodeRecording.h"
#include "RecordedRuns.h"
#include "RunController.h"
#include "RuntimeLimits.h"
#include "ScenarioParser.h"
#include "TimelineView.h"
#include "TraceStore.h"
#include "UncaughtError.h"

// The built-in scenarios live in the static ui library: register them explicitly.
static void registerBuiltInScenarios() { Q_INIT_RESOURCE(resources); }

namespace loopscope {
namespace {

constexpr int kScrubberSteps = 10000;
constexpr int kMaxRecent = 8;
constexpr int kConsoleLines = 2000;
constexpr int kConsoleBurst = 200;

QString qs(const std::string& text) { return QString::fromStdString(text); }

QString consoleLine(Nanoseconds ts, const std::string& text) {
    return QStringLiteral("%1  %2").arg(qs(formatDuration(ts)), 10).arg(qs(text));
}

// Problems found by a run (rather than by reading the file) carry this role.
constexpr int kRunProblemRole = Qt::UserRole + 1;

// What the window opens: scenarios, programs, saved runs and traces recorded by Node.
bool isOpenableFile(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    for (const char* known : {"yaml", "yml", "json", "js", "mjs", "cjs", "lsrun"})
        if (suffix == QLatin1String(known))
            return true;
    return recordingKindOf(QFile::encodeName(path).toStdString()) != RecordingKind::None;
}

QString waitBannerStyle(const Theme& theme) {
    return QStringLiteral("QLabel { background: %1; color: %2; border-bottom: 2px solid %3; padding: 6px; }")
        .arg(theme.isDark ? QStringLiteral("#3b2f12") : QStringLiteral("#fef3c7"), theme.text.name(),
             QColor(245, 158, 11).name());
}

// The text of a scenario's program (its path is resolved by the parser), "" if unreadable.
std::string readProgram(const Scenario& scenario) {
    QFile file(QString::fromStdString(scenario.program));
    return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
}

void highlightLine(QPlainTextEdit* edit, int line, const QColor& color, int column = 0) {
    QList<QTextEdit::ExtraSelection> selections;
    if (line >= 0) {
        QTextEdit::ExtraSelection selection;
        selection.format.setBackground(color);
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        QTextCursor cursor(edit->document()->findBlockByNumber(line));
        if (column > 0)
            cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, column - 1);
        // The whole block, so that every screen line of a wrapped line is marked.
        selection.cursor = cursor;
        selection.cursor.movePosition(QTextCursor::StartOfBlock);
        selection.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        selections.append(selection);
        edit->setTextCursor(cursor);
        edit->ensureCursorVisible();
    }
    edit->setExtraSelections(selections);
}

}  // namespace

MainWindow::MainWindow(const QString& scenarioPath, QWidget* parent)
    : QMainWindow(parent),
      executable_(QCoreApplication::applicationFilePath()),
      loopStore_(new TraceStore(EngineKind::EventLoop, this)),
      threadStore_(new TraceStore(EngineKind::ThreadPerRequest, this)),
      runs_(new RunController(this)),
      playback_(new PlaybackController(this)),
      timelineRefresh_(new QTimer(this)),
      watcher_(new QFileSystemWatcher(this)),
      playbackKeys_(new PlaybackKeys(this)) {
    storeReader_ = new BackgroundJob(this);
    nodeRecorder_ = new BackgroundJob(this);
    registerBuiltInScenarios();
    setWindowTitle(QStringLiteral("loopscope"));
    setAcceptDrops(true);
    buildLayout();
    buildActions();
    populateBuiltIns();

    // The timeline redraws at most ten times a second while a run streams.
    timelineRefresh_->setInterval(100);
    timelineRefresh_->setSingleShot(true);
    connect(timelineRefresh_, &QTimer::timeout, timeline_, &TimelineView::refresh);
    for (TraceStore* store : {loopStore_, threadStore_})
        connect(store, &TraceStore::grew, this, &MainWindow::onStoreGrew);
    connect(playback_, &PlaybackController::positionChanged, this, &MainWindow::showPosition);
    connect(playback_, &PlaybackController::playingChanged, this, [this](bool playing) {
        playAction_->setText(playing ? tr("Pause") : tr("Play"));
        playAction_->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    });
    connect(playback_, &PlaybackController::speedChanged, this,
            [this](double speed) { speedLabel_->setText(QStringLiteral("%1x").arg(speed)); });
    connect(timeline_, &TimelineView::seekRequested, playback_, &PlaybackController::seekTime);
    connect(loopPanel_, &EventLoopPanel::processChosen, this, [this](int process) {
        if (!primary_)
            return;
        primary_->followProcess(std::uint16_t(process));
        showPosition(playback_->position(), playback_->time());
    });
    connect(runs_, &RunController::finished, this, &MainWindow::onRunFinished);
    connect(runs_, &RunController::readProgress, this, [this](double fraction) {
        readPercent_ = int(fraction * 100);
        updateRunState();
    });
    connect(runs_, &RunController::engineStarted, this, [this](EngineKind engine) {
        statusLabel_->setText(engine == EngineKind::EventLoop ? tr("Running on the event loop...")
                                                              : tr("Running one thread per request..."));
    });
    connect(watcher_, &QFileSystemWatcher::fileChanged, this, [this](const QString& path) {
        // Editors often replace the file: watch the new one, and read it once it is complete.
        // A scenario's program is watched beside it: a change to either reloads the scenario.
        QTimer::singleShot(150, this, [this, path] {
            const bool ours = path == scenarioPath_ || path == watchedProgram_;
            if (ours && QFileInfo::exists(path) && QFileInfo::exists(scenarioPath_)) {
                openScenario(scenarioPath_);
                statusBar()->showMessage(tr("Reloaded %1").arg(QFileInfo(path).fileName()), 4000);
            }
        });
    });

    playback_->setStore(loopStore_);
    primary_ = loopStore_;
    timeline_->setSources(loopStore_->spans().rows().empty() ? &loopStore_->spans() : &loopStore_->spans(), nullptr);
    resize(1600, 900);
    openScenario(scenarioPath);
    updateRunState();
}

MainWindow::~MainWindow() {
    runs_->cancel();
    runs_->join();
    storeReader_->wait();
    nodeRecorder_->wait();
}

void MainWindow::buildLayout() {
    // Left: scenarios and the teaching text.
    scenarioList_ = new QListWidget;
    scenarioList_->setAlternatingRowColors(true);
    scenarioList_->setWordWrap(true);
    scenarioList_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scenarioList_->setSpacing(1);
    connect(scenarioList_, &QListWidget::itemActivated, this, &MainWindow::openBuiltIn);
    connect(scenarioList_, &QListWidget::itemClicked, this, &MainWindow::openBuiltIn);
    teaching_ = new QTextBrowser;
    teaching_->setOpenExternalLinks(true);
    auto* left = new QSplitter(Qt::Vertical);
    auto* listBox = new QGroupBox(tr("Scenarios"));
    auto* listLayout = new QVBoxLayout(listBox);
    listLayout->setContentsMargins(4, 4, 4, 4);
    listLayout->addWidget(scenarioList_);
    auto* textBox = new QGroupBox(tr("About this scenario"));
    auto* textLayout = new QVBoxLayout(textBox);
    textLayout->setContentsMargins(4, 4, 4, 4);
    textLayout->addWidget(teaching_);
    left->addWidget(listBox);
    left->addWidget(textBox);
    left->setStretchFactor(0, 2);
    left->setStretchFactor(1, 3);

    // Middle: the loop at the playhead over the tabs.
    loopPanel_ = new EventLoopPanel;
    timeline_ = new TimelineView;
    console_ = new QPlainTextEdit;
    console_->setReadOnly(true);
    console_->setMaximumBlockCount(kConsoleLines);
    console_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    console_->setPlaceholderText(tr("console.log output appears here, with the time it was printed"));
    comparison_ = new ComparisonView;
    problemList_ = new QListWidget;
    // A long message wraps rather than runs off to the right, in projector type too.
    problemList_->setWordWrap(true);
    problemList_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(problemList_, &QListWidget::currentRowChanged, this, &MainWindow::showProblem);
    connect(problemList_, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { showProblem(problemList_->row(item)); });
    bottomTabs_ = new QTabWidget;
    bottomTabs_->addTab(timeline_, tr("Timeline"));
    bottomTabs_->addTab(console_, tr("Console"));
    bottomTabs_->addTab(comparison_, tr("Comparison"));
    bottomTabs_->addTab(problemList_, tr("Problems"));
    auto* middle = new QSplitter(Qt::Vertical);
    middle->addWidget(loopPanel_);
    middle->addWidget(bottomTabs_);
    middle->setStretchFactor(0, 5);
    middle->setStretchFactor(1, 4);
    middle->setSizes({470, 400});

    // Right: the code, the file, the settings.
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    codeView_ = new QPlainTextEdit;
    codeView_->setReadOnly(true);
    codeView_->setFont(mono);
    // Long lines wrap rather than hide behind a scroll bar, in projector type too.
    codeView_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    codeView_->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    // While no callback runs, this says what the loop waits for instead of a stale highlight.
    codeWaitBanner_ = new QLabel;
    codeWaitBanner_->setWordWrap(true);
    codeWaitBanner_->setAccessibleName(tr("What the event loop is doing"));
    codeWaitBanner_->hide();
    codeWaitBanner_->setStyleSheet(waitBannerStyle(theme_));
    codePage_ = new QWidget;
    auto* codeLayout = new QVBoxLayout(codePage_);
    codeLayout->setContentsMargins(0, 0, 0, 0);
    codeLayout->setSpacing(0);
    codeLayout->addWidget(codeWaitBanner_);
    codeLayout->addWidget(codeView_);
    sourceView_ = new QPlainTextEdit;
    sourceView_->setReadOnly(true);
    sourceView_->setFont(mono);
    sourceView_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    sourceView_->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    rightTabs_ = new QTabWidget;
    rightTabs_->addTab(codePage_, tr("As Node.js"));
    rightTabs_->addTab(sourceView_, tr("Scenario file"));

    auto* settings = new QGroupBox(tr("Runtime (before a run)"));
    auto* form = new QFormLayout(settings);
    engineChoice_ = new QComboBox;
    engineChoice_->addItem(tr("Event loop"), int(0));
    engineChoice_->addItem(tr("Thread per request"), int(1));
    engineChoice_->addItem(tr("Both, compared"), int(2));
    threadpool_ = new QSpinBox;
    threadpool_->setRange(kThreadpoolRange.min, kThreadpoolRange.max);
    threadpool_->setToolTip(tr("UV_THREADPOOL_SIZE: libuv worker threads"));
    cores_ = new QSpinBox;
    cores_->setRange(kCoresRange.min, kCoresRange.max);
    timeScale_ = new QDoubleSpinBox;
    timeScale_->setRange(0.01, kMaxTimeScale);
    timeScale_->setDecimals(2);
    timeScale_->setToolTip(tr("Real seconds per scenario second"));
    processes_ = new QSpinBox;
    processes_->setRange(kProcessesRange.min, kProcessesRange.max);
    processes_->setToolTip(tr("Event-loop processes sharing the requests round-robin, as Node's cluster module "
                              "does (the thread-per-request engine is one process)"));
    form->addRow(tr("Engine"), engineChoice_);
    form->addRow(tr("Thread pool"), threadpool_);
    form->addRow(tr("Cores"), cores_);
    form->addRow(tr("Processes"), processes_);
    form->addRow(tr("Time scale"), timeScale_);
    auto* right = new QSplitter(Qt::Vertical);
    right->addWidget(rightTabs_);
    right->addWidget(settings);
    settingsBox_ = settings;
    right->setStretchFactor(0, 4);
    right->setStretchFactor(1, 0);

    auto* main = new QSplitter(Qt::Horizontal);
    leftColumn_ = left;
    middleColumn_ = middle;
    main->addWidget(left);
    main->addWidget(middle);
    main->addWidget(right);
    main->setStretchFactor(0, 0);
    main->setStretchFactor(1, 1);
    main->setStretchFactor(2, 0);
    main->setSizes({290, 980, 330});
    mainSplitter_ = main;
    connect(main, &QSplitter::splitterMoved, this, [this] { columnsMoved_ = true; });
    setCentralWidget(main);

    timeLabel_ = new QLabel;
    timeLabel_->setMinimumWidth(190);
    timeLabel_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    speedLabel_ = new QLabel(QStringLiteral("1x"));
    speedLabel_->setMinimumWidth(40);
    speedLabel_->setAlignment(Qt::AlignCenter);
    statusLabel_ = new QLabel;
    statusBar()->addPermanentWidget(statusLabel_);
    scrubber_ = new QSlider(Qt::Horizontal);
    scrubber_->setRange(0, kScrubberSteps);
    scrubber_->setMinimumWidth(360);
    scrubber_->setToolTip(tr("Scrub through the run"));
    connect(scrubber_, &QSlider::sliderPressed, this, [this] { scrubbing_ = true; });
    connect(scrubber_, &QSlider::sliderReleased, this, [this] { scrubbing_ = false; });
    connect(scrubber_, &QSlider::valueChanged, this, [this](int value) {
        if (!scrubbing_ || !primary_)
            return;
        playback_->seekTime(Nanoseconds(double(primary_->endTime()) * value / kScrubberSteps));
    });
}

void MainWindow::buildActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open..."), this, &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    QAction* reload = file->addAction(tr("Re&load"), this, [this] { openScenario(scenarioPath_); });
    reload->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    QAction* save = file->addAction(tr("&Save Run..."), this, &MainWindow::saveRunDialog);
    save->setShortcut(QKeySequence::Save);
    file->addAction(tr("&Compare With Run..."), this, &MainWindow::compareWithDialog);
    QAction* exportAction = file->addAction(tr("&Export Picture..."), this, &MainWindow::exportPicture);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    runAction_ = run->addAction(style()->standardIcon(QStyle::SP_CommandLink), tr("&Run"), this,
                                [this] { startRun(); });
    runAction_->setShortcut(Qt::Key_F5);
    cancelAction_ = run->addAction(style()->standardIcon(QStyle::SP_BrowserStop), tr("&Cancel"), this,
                                   &MainWindow::cancelRun);
    cancelAction_->setShortcut(Qt::Key_Escape);
    run->addSeparator();
    withNode_ = run->addAction(tr("Run with &Node Too"));
    withNode_->setCheckable(true);
    QString why;
    if (const std::optional<QString> node = findNode(&why))
        nodeExecutable_ = *node;
    withNode_->setStatusTip(nodeExecutable_.isEmpty() ? why
                                                      : tr("After a program's run, run it under %1 with trace events and "
                                                           "compare both").arg(nodeExecutable_));
    withNode_->setToolTip(withNode_->statusTip());
    run->setToolTipsVisible(true);

    QMenu* play = menuBar()->addMenu(tr("&Playback"));
    playAction_ = play->addAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("Play"), playback_,
                                  &PlaybackController::togglePlay);
    playAction_->setShortcut(Qt::Key_Space);
    QAction* back = play->addAction(style()->standardIcon(QStyle::SP_MediaSkipBackward), tr("Step Back"), playback_,
                                    &PlaybackController::stepBack);
    // A presenter remote's Page Up / Page Down step as its "previous / next slide" do.
    back->setShortcuts({QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_PageUp)});
    QAction* forward = play->addAction(style()->standardIcon(QStyle::SP_MediaSkipForward), tr("Step Forward"), playback_,
                                       &PlaybackController::stepForward);
    forward->setShortcuts({QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_PageDown)});
    QAction* start = play->addAction(style()->standardIcon(QStyle::SP_MediaSeekBackward), tr("To Start"), playback_,
                                     &PlaybackController::toStart);
    start->setShortcut(Qt::Key_Home);
    QAction* end = play->addAction(style()->standardIcon(QStyle::SP_MediaSeekForward), tr("To End"), playback_,
                                   &PlaybackController::toEnd);
    end->setShortcut(Qt::Key_End);
    // The remote's "blank screen" key (. or b): the teacher turns to the class, the run stops.
    QAction* pause = play->addAction(style()->standardIcon(QStyle::SP_MediaPause), tr("Pause"), playback_,
                                     &PlaybackController::pause);
    pause->setShortcuts({QKeySequence(Qt::Key_Period), QKeySequence(Qt::Key_B)});
    QAction* faster = play->addAction(tr("Faster"), playback_, &PlaybackController::faster);
    faster->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)});
    QAction* slower = play->addAction(tr("Slower"), playback_, &PlaybackController::slower);
    slower->setShortcut(Qt::Key_Minus);
    QAction* fit = play->addAction(tr("Fit Timeline"), timeline_, &TimelineView::fitAll);
    fit->setShortcut(QKeySequence(Qt::Key_F));
    // Keys work wherever the focus is, except while typing in a settings field.
    for (QAction* action : {playAction_, back, forward, start, end, pause, faster, slower})
        playbackKeys_->add(action);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* dark = view->addAction(tr("&Dark Theme"));
    dark->setCheckable(true);
    connect(dark, &QAction::toggled, this, [this](bool on) { setTheme(on ? Theme::dark() : Theme::light()); });
    QAction* projector = view->addAction(tr("&Projector Mode (large type)"));
    projector->setCheckable(true);
    projector->setShortcut(Qt::Key_F11);
    connect(projector, &QAction::toggled, this, &MainWindow::setProjectorMode);

    QToolBar* bar = addToolBar(tr("Run"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    open->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    for (QAction* action : {open, runAction_, cancelAction_}) {
        // The big three carry words as well as icons.
        auto* button = new QToolButton;
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        bar->addWidget(button);
    }
    bar->addSeparator();
    bar->addAction(start);
    bar->addAction(back);
    bar->addAction(playAction_);
    bar->addAction(forward);
    bar->addAction(end);
    bar->addAction(slower);
    bar->addWidget(speedLabel_);
    bar->addAction(faster);
    bar->addWidget(scrubber_);
    bar->addWidget(timeLabel_);
    updateRecentMenu();
}

void MainWindow::populateBuiltIns() {
    scenarioList_->clear();
    addBuiltIns(QStringLiteral(":/scenarios/"));
    // The same lessons as real JavaScript, each a program scenario beside its program.
    auto* heading = new QListWidgetItem(tr("Real JavaScript programs"), scenarioList_);
    heading->setFlags(Qt::NoItemFlags);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    addBuiltIns(QStringLiteral(":/programs/"));
}

void MainWindow::addBuiltIns(const QString& folder) {
    const QStringList names = QDir(folder).entryList({"*.yaml", "*.yml", "*.json"}, QDir::Files, QDir::Name);
    for (const QString& name : names) {
        const QString path = folder + name;
        QFile file(path);
        QString title = name;
        QString summary;
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray text = file.readAll();
            ParseResult parsed = parseScenarioText(std::string_view(text.constData(), std::size_t(text.size())), name.toStdString());
            if (parsed.scenario && !parsed.scenario->title.empty()) {
                title = qs(parsed.scenario->title);
                summary = qs(parsed.scenario->summary);
            }
        }
        auto* item = new QListWidgetItem(title, scenarioList_);
        item->setData(Qt::UserRole, path);
        item->setToolTip(summary.isEmpty() ? name : summary);
    }
}

// The Scenarios list marks the scenario that is open: the built-in itself, or a file with
// its name and text (resources/scenarios/timer.yaml is the built-in timer.yaml). Any other
// file is none of them, and the list says so by marking none.
void MainWindow::markOpenScenario(const QString& path, const QByteArray& text) {
    QListWidgetItem* open = nullptr;
    for (int row = 0; row < scenarioList_->count() && !open; ++row) {
        QListWidgetItem* item = scenarioList_->item(row);
        const QString builtIn = item->data(Qt::UserRole).toString();
        if (builtIn == path) {
            open = item;
        } else if (!text.isEmpty() && QFileInfo(builtIn).fileName() == QFileInfo(path).fileName()) {
            QFile file(builtIn);
            if (file.open(QIODevice::ReadOnly) && file.readAll() == text)
                open = item;
        }
    }
    const QSignalBlocker block(scenarioList_);
    if (open) {
        scenarioList_->setCurrentItem(open);
        scenarioList_->scrollToItem(open);
    } else {
        scenarioList_->setCurrentItem(nullptr);
        scenarioList_->clearSelection();
    }
}

void MainWindow::updateRecentMenu() {
    recentMenu_->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString& path : recent)
        recentMenu_->addAction(path, this, [this, path] { openScenario(path); });
    recentMenu_->setEnabled(!recent.isEmpty());
}

// A built-in program scenario names its program by a path beside it, so it is opened from
// a copy of the programs' folder on disk, made once per window.
void MainWindow::openBuiltIn(QListWidgetItem* item) {
    const QString path = item ? item->data(Qt::UserRole).toString() : QString();
    if (path.isEmpty())
        return;
    if (!path.startsWith(QLatin1String(":/programs/"))) {
        openScenario(path);
        return;
    }
    if (!tempDir_)
        tempDir_ = std::make_unique<QTemporaryDir>();
    const QString folder = tempDir_->filePath(QStringLiteral("programs"));
    QDir().mkpath(folder);
    for (const QString& name : QDir(QStringLiteral(":/programs")).entryList(QDir::Files)) {
        const QString copy = folder + QLatin1Char('/') + name;
        QFile resource(QStringLiteral(":/programs/") + name);
        // A copy already there stays: the user may have changed it in an editor.
        if (QFileInfo::exists(copy) || !resource.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = resource.readAll();
        if (!writeOutputFile(QFile::encodeName(copy).toStdString(),
                             std::string_view(bytes.constData(), std::size_t(bytes.size())), nullptr)) {
            statusBar()->showMessage(tr("Cannot write %1").arg(copy));
            return;
        }
    }
    openScenario(folder + QLatin1Char('/') + QFileInfo(path).fileName());
}

void MainWindow::rememberRecent(const QString& path) {
    // Built-ins, and the copies of the built-in programs, are in the list already.
    if (path.startsWith(QLatin1String(":/")) || (tempDir_ && path.startsWith(tempDir_->path())))
        return;
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentFiles"), recent);
    updateRecentMenu();
}

void MainWindow::openDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Scenario"), QFileInfo(scenarioPath_).absolutePath(),
                                                      tr("Scenarios, programs and runs (*.yaml *.yml *.json *.js *.mjs *.cjs *.lsrun *.log);;"
                                                         "Scenarios (*.yaml *.yml *.json);;"
                                                         "JavaScript programs (*.js *.mjs *.cjs);;"
                                                         "Saved runs (*.lsrun);;Traces recorded by Node (*.log *.json);;All files (*)"));
    if (!path.isEmpty())
        openScenario(path);
}

bool MainWindow::openScenario(const QString& path) {
    if (!path.startsWith(QLatin1String(":/")) &&
        recordingKindOf(QFile::encodeName(path).toStdString()) != RecordingKind::None)
        return openRecording(path);
    showingRecording_ = false;
    if (!watcher_->files().isEmpty())
        watcher_->removePaths(watcher_->files());
    scenarioPath_ = path;
    watchedProgram_.clear();
    const bool builtIn = path.startsWith(QLatin1String(":/"));
    QFile file(path);
    QByteArray bytes;
    ParseResult parsed;
    const std::string displayName = builtIn ? QFileInfo(path).fileName().toStdString() : path.toStdString();
    if (!file.open(QIODevice::ReadOnly)) {
        parsed.diagnostics.push_back({displayName, 0, 0, "cannot open the file: " + file.errorString().toStdString()});
    } else {
        bytes = file.readAll();
        parsed = builtIn ? parseScenarioText(std::string_view(bytes.constData(), std::size_t(bytes.size())), displayName)
                         : parseScenarioFile(path.toStdString());
        if (!builtIn)
            watcher_->addPath(path);
        // A program that does not compile is a problem to show before anything runs.
        if (parsed.ok() && !parsed.scenario->program.empty()) {
            // Watched too (also while it does not compile: fixing it reloads the scenario).
            const QString program = qs(parsed.scenario->program);
            if (!builtIn && QFileInfo(program) != QFileInfo(path)) {
                watcher_->addPath(program);
                watchedProgram_ = program;
            }
            if (std::optional<Diagnostic> problem = checkProgramSyntax(parsed.scenario->program)) {
                parsed.diagnostics.push_back(std::move(*problem));
                parsed.scenario.reset();
            }
        }
    }
    scenarioText_ = QString::fromUtf8(bytes);
    sourceView_->setPlainText(scenarioText_);
    timeline_->setScenarioSource(QFileInfo(path).fileName(), scenarioText_);
    problems_.clear();
    problemList_->clear();
    for (const Diagnostic& d : parsed.diagnostics) {
        problems_ << qs(d.format());
        auto* item = new QListWidgetItem(style()->standardIcon(QStyle::SP_MessageBoxCritical), qs(d.format()), problemList_);
        item->setData(Qt::UserRole, QPoint(d.column, d.line));
    }
    bottomTabs_->setTabText(3, problems_.isEmpty() ? tr("Problems") : tr("Problems (%1)").arg(problems_.size()));
    setWindowTitle(QStringLiteral("%1 — loopscope").arg(QFileInfo(path).fileName()));
    rememberRecent(path);
    markOpenScenario(path, bytes);

    if (!parsed.ok()) {
        scenario_.reset();
        nodeCode_ = {};
        codeView_->setPlainText(QString());
        const bool program = isJavaScriptFile(path.toStdString());
        const QString what = program ? tr("program") : tr("scenario");
        teaching_->setMarkdown((problems_.size() == 1 ? tr("**This %1 has a problem.**").arg(what)
                                                      : tr("**This %1 has %2 problems.**").arg(what).arg(problems_.size())) +
                               tr(" See *Problems* below; click one to see its line in the %1 file.").arg(what));
        showRuntimeSettings(RuntimeSettings{});
        bottomTabs_->setCurrentWidget(problemList_);
        rightTabs_->setCurrentWidget(sourceView_);
        if (!problems_.isEmpty()) {
            problemList_->setCurrentRow(0);
            statusBar()->showMessage(problems_.front());
        }
        updateRunState();
        return false;
    }
    scenario_ = std::move(parsed.scenario);
    showCode(readProgram(*scenario_));
    QString markdown = QStringLiteral("# %1\n\n").arg(qs(scenario_->title));
    if (!scenario_->summary.empty())
        markdown += QStringLiteral("*%1*\n\n").arg(qs(scenario_->summary));
    markdown += qs(scenario_->description);
    teaching_->setMarkdown(markdown);
    showRuntimeSettings(scenario_->runtime);
    const bool hasLoad = scenario_->server.has_value() && !scenario_->load.empty();
    // A real program runs on the event loop only: there is no thread-per-request twin of it.
    engineChoice_->setCurrentIndex(hasLoad && scenario_->program.empty() ? 2 : 0);
    timeline_->setNotes(scenario_->notes);
    LoopViewOptions options;
    options.threadpool = scenario_->runtime.threadpool;
    loopPanel_->setOptions(options);
    rightTabs_->setCurrentWidget(codePage_);
    if (bottomTabs_->currentWidget() == problemList_)
        bottomTabs_->setCurrentWidget(timeline_);
    statusBar()->showMessage(tr("Opened %1. Press F5 to run it.").arg(QFileInfo(path).fileName()), 5000);
    // A new scenario starts from a clean slate.
    if (!runs_->isRunning()) {
        storeReader_->wait();
        loopStore_->clear();
        threadStore_->clear();
        logEvents_.clear();
        logScanned_ = consoleShown_ = 0;
        console_->clear();
        timeline_->setSources(&loopStore_->spans(), nullptr);
        comparison_->setStores(nullptr, nullptr);
        playback_->setStore(loopStore_);
        loopPanel_->setState(LoopState{});
    }
    updateRunState();
    return true;
}

// A program is shown as itself; steps as the Node.js program they stand for.
void MainWindow::showCode(const std::string& programText) {
    nodeCode_ = scenario_->program.empty() ? nodeCodeFor(*scenario_) : programCode(programText);
    rightTabs_->setTabText(rightTabs_->indexOf(codePage_), scenario_->program.empty() ? tr("As Node.js") : tr("Program"));
    codeView_->setPlainText(qs(nodeCode_.text()));
    highlightedCodeLine_ = -1;
}

void MainWindow::showRuntimeSettings(const RuntimeSettings& runtime) {
    threadpool_->setValue(runtime.threadpool);
    cores_->setValue(runtime.cores);
    processes_->setValue(runtime.processes);
    timeScale_->setValue(runtime.timeScale);
}

QStringList MainWindow::problems() const { return problems_; }

void MainWindow::setRunProblem(const std::optional<Diagnostic>& problem) {
    for (int row = problemList_->count(); row-- > 0;) {
        if (!problemList_->item(row)->data(kRunProblemRole).toString().isEmpty()) {
            problems_.removeAt(row);
            delete problemList_->takeItem(row);
        }
    }
    if (problem) {
        problems_ << qs(problem->format());
        auto* item = new QListWidgetItem(style()->standardIcon(QStyle::SP_MessageBoxCritical), problems_.back(), problemList_);
        item->setData(Qt::UserRole, QPoint(problem->column, problem->line));
        item->setData(kRunProblemRole, qs(problem->file));
    }
    bottomTabs_->setTabText(3, problems_.isEmpty() ? tr("Problems") : tr("Problems (%1)").arg(problems_.size()));
    if (problem) {
        QSignalBlocker quiet(problemList_);
        problemList_->setCurrentRow(problemList_->count() - 1);
        showProblem(problemList_->count() - 1);
    }
}

void MainWindow::showProblem(int row) {
    if (row < 0 || row >= problemList_->count())
        return;
    const QPoint position = problemList_->item(row)->data(Qt::UserRole).toPoint();
    const QString runFile = problemList_->item(row)->data(kRunProblemRole).toString();
    if (!runFile.isEmpty()) {
        // An error the run met: its line in the program, if it is in the program's own file.
        if (scenario_ && runFile == qs(scenario_->program)) {
            rightTabs_->setCurrentWidget(codePage_);
            highlightedCodeLine_ = -1;
            highlightLine(codeView_, position.y() - 1, QColor(255, 80, 80, 90), position.x());
        }
        return;
    }
    rightTabs_->setCurrentWidget(sourceView_);
    highlightLine(sourceView_, position.y() - 1, QColor(255, 80, 80, 70), position.x());
}

QString MainWindow::runnablePath() {
    if (!scenarioPath_.startsWith(QLatin1String(":/")))
        return scenarioPath_;
    // The engine child reads a file: built-in scenarios are written out first.
    if (!tempDir_)
        tempDir_ = std::make_unique<QTemporaryDir>();
    const QString path = tempDir_->filePath(QFileInfo(scenarioPath_).fileName());
    const QByteArray text = scenarioText_.toUtf8();
    if (!writeOutputFile(QFile::encodeName(path).toStdString(), std::string_view(text.constData(), std::size_t(text.size())), nullptr))
        return {};  // a full /tmp: no half scenario for the engine to misread
    return path;
}

bool MainWindow::startRun() {
    if (!scenario_ || runs_->isRunning() || showingRecording_)
        return false;
    RunRequest request;
    request.scenarioPath = runnablePath();
    if (request.scenarioPath.isEmpty()) {
        statusBar()->showMessage(tr("Cannot write the scenario to a temporary file"));
        return false;
    }
    request.executable = executable_;
    if (threadpool_->value() != scenario_->runtime.threadpool)
        request.threadpool = threadpool_->value();
    if (cores_->value() != scenario_->runtime.cores)
        request.cores = cores_->value();
    if (processes_->value() != scenario_->runtime.processes)
        request.processes = processes_->value();
    if (std::abs(timeScale_->value() - scenario_->runtime.timeScale) > 1e-9)
        request.timeScale = timeScale_->value();
    runOverrides_ = overrideArguments(request.threadpool, request.cores, std::nullopt, {});
    const int engines = engineChoice_->currentData().toInt();
    if (engines == 0 || engines == 2)
        request.engines.emplace_back(EngineKind::EventLoop, loopStore_);
    if (engines == 1 || engines == 2)
        request.engines.emplace_back(EngineKind::ThreadPerRequest, threadStore_);
    comparing_ = engines == 2;
    primary_ = engines == 1 ? threadStore_ : loopStore_;
    logEvents_.clear();
    logScanned_ = consoleShown_ = 0;
    console_->clear();
    setRunProblem(std::nullopt);
    LoopViewOptions options;
    options.threadpool = threadpool_->value();
    loopPanel_->setOptions(options);
    storeReader_->wait();  // the stores are cleared for the run
    if (!runs_->start(request))
        return false;
    timeline_->setSources(engines == 1 ? nullptr : &loopStore_->spans(), engines == 0 ? nullptr : &threadStore_->spans());
    timeline_->setLive(true);
    comparison_->setStores(engines == 1 ? nullptr : loopStore_, engines == 0 ? nullptr : threadStore_);
    playback_->setStore(primary_);
    updateRunState();
    return true;
}

void MainWindow::cancelRun() {
    if (runs_->isRunning()) {
        runs_->cancel();
        statusBar()->showMessage(tr("Cancelling..."));
    }
}

void MainWindow::onRunFinished(bool ok, const QString& error, bool cancelled) {
    // The engines have ended, so every batch has been handed to the stores; on a busy
    // machine their slice-by-slice ingest may still be behind. Take in the rest now, so that
    // the timeline, the comparison table and runFinished's listeners see the whole run.
    loopStore_->drain();
    threadStore_->drain();
    if (showingRecording_ && runs_->recording()) {
        applyRecording(*runs_->recording());
    } else if (showingRecording_ && !cancelled) {
        problems_ << error;
        auto* item = new QListWidgetItem(style()->standardIcon(QStyle::SP_MessageBoxCritical), error, problemList_);
        item->setData(Qt::UserRole, QPoint(0, 0));
        bottomTabs_->setTabText(3, tr("Problems (%1)").arg(problems_.size()));
        bottomTabs_->setCurrentWidget(problemList_);
        teaching_->setMarkdown(tr("**This file cannot be opened.** See *Problems* below."));
        showRuntimeSettings(RuntimeSettings{});
    }
    timeline_->setLive(false);
    timeline_->fitAll();
    comparison_->refresh();
    // A program that ended on an uncaught error: Node's report is its last stderr line.
    std::optional<Diagnostic> uncaught;
    if (scenario_ && !scenario_->program.empty() && primary_) {
        // The last stderr line that is an uncaught error's report.
        for (PackedTrace::Cursor c = primary_->trace().cursor(); !c.atEnd(); c.next()) {
            const TraceEvent& event = c.event();
            if (event.kind == EventKind::Log && (event.value & kLogToStderr))
                if (const std::optional<UncaughtError> error = uncaughtErrorIn(event.text))
                    uncaught = Diagnostic{error->file, error->line, error->column, "uncaught " + error->thrown};
        }
    }
    setRunProblem(uncaught);
    if (cancelled)
        statusBar()->showMessage(tr("Run cancelled"), 5000);
    else if (uncaught)
        statusBar()->showMessage(tr("The program stopped on an %1").arg(qs(uncaught->message)));
    else if (!ok && showingRecording_)
        statusBar()->showMessage(tr("Cannot open the run: %1").arg(error));
    else if (!ok)
        statusBar()->showMessage(tr("The run failed: %1").arg(error));
    else
        statusBar()->showMessage(tr("Run finished: %n event(s)", nullptr, int(primary_ ? primary_->size() : 0)), 5000);
    updateRunState();
    if (ok && !cancelled && !showingRecording_ && withNode_->isEnabled() && withNode_->isChecked())
        recordWithNodeToo();
    emit runFinished(ok, error);
}

void MainWindow::onStoreGrew() {
    if (!timelineRefresh_->isActive())
        timelineRefresh_->start();
    updateRunState();
}

void MainWindow::updateRunState() {
    const bool running = runs_->isRunning();
    runAction_->setEnabled(scenario_.has_value() && !running && !showingRecording_);
    withNode_->setEnabled(!nodeExecutable_.isEmpty() && scenario_ && !scenario_->program.empty() && !showingRecording_);
    cancelAction_->setEnabled(running);
    engineChoice_->setEnabled(!running && !(scenario_ && !scenario_->program.empty()));
    threadpool_->setEnabled(!running);
    cores_->setEnabled(!running);
    processes_->setEnabled(!running);
    timeScale_->setEnabled(!running);
    if (running && showingRecording_)
        statusLabel_->setText(tr("Opening the run: %1% read, %2 events (Esc cancels)")
                                  .arg(std::max(readPercent_, 0))
                                  .arg(primary_ ? primary_->size() : 0));
    else if (running)
        statusLabel_->setText(tr("%1 events received").arg(primary_ ? primary_->size() : 0));
    else if (primary_ && primary_->size() > 0)
        statusLabel_->setText(tr("%1 events").arg(primary_->size()));
    else
        statusLabel_->setText(scenario_ ? tr("Ready") : tr("Fix the problems to run"));
}

void MainWindow::showPosition(std::size_t events, Nanoseconds time) {
    if (!primary_)
        return;
    LoopState state = primary_->stateAt(events);
    state.time = std::max(state.time, time);
    if (comparing_ && threadStore_->size() > 0) {
        // The thread-per-request run at the same moment: its threads beside the loop.
        const LoopState threads = threadStore_->stateAtTime(time);
        state.threads = threads.threads;
        state.threadsAlive = threads.threadsAlive;
        state.threadsRunning = threads.threadsRunning;
        state.threadsBlocked = threads.threadsBlocked;
        state.peakThreads = threads.peakThreads;
    }
    const QString waiting = loopWaitText(state);
    codeWaitBanner_->setText(waiting);
    codeWaitBanner_->setVisible(!waiting.isEmpty());
    highlightCode(waiting.isEmpty() ? state.currentStep : SourceLocation{});
    loopPanel_->setState(std::move(state));
    timeline_->setPlayhead(time);
    const Nanoseconds end = primary_->endTime();
    if (!scrubbing_) {
        const QSignalBlocker block(scrubber_);
        scrubber_->setValue(end > 0 ? int(double(time) / double(end) * kScrubberSteps) : 0);
    }
    timeLabel_->setText(QStringLiteral("%1 / %2   event %3 / %4")
                            .arg(qs(formatDuration(time)), qs(formatDuration(end)))
                            .arg(events)
                            .arg(primary_->index().indexedEvents()));
    updateConsole(events);
}

void MainWindow::highlightCode(const SourceLocation& step) {
    const int line = nodeCode_.lineFor(step);
    if (line == highlightedCodeLine_)
        return;
    highlightedCodeLine_ = line;
    highlightLine(codeView_, line, theme_.isDark ? QColor(251, 191, 36, 90) : QColor(245, 158, 11, 80));
}

void MainWindow::updateConsole(std::size_t events) {
    const PackedTrace& trace = primary_->trace();
    const std::size_t indexed = primary_->index().indexedEvents();
    for (PackedTrace::Cursor c = trace.cursor(logScanned_); logScanned_ < indexed; ++logScanned_, c.next())
        if (c.event().kind == EventKind::Log)
            logEvents_.push_back(logScanned_);
    const std::size_t lines =
        std::size_t(std::lower_bound(logEvents_.begin(), logEvents_.end(), events) - logEvents_.begin());
    if (lines == consoleShown_)
        return;
    // Big jumps (scrubbing back, a fast stream) rebuild the console from its last lines:
    // laying out thousands of lines at once would stall the window.
    if (lines < consoleShown_ || lines - consoleShown_ > std::size_t(kConsoleBurst)) {
        console_->clear();
        consoleShown_ = lines > std::size_t(kConsoleBurst) ? lines - kConsoleBurst : 0;
    }
    QStringList text;
    for (std::size_t i = consoleShown_; i < lines; ++i) {
        const TraceEvent e = trace.at(logEvents_[i]);
        text << consoleLine(e.ts, e.text);
    }
    console_->appendPlainText(text.join(QLatin1Char('\n')));
    consoleShown_ = lines;
}

void MainWindow::setTheme(const Theme& theme) {
    theme_ = projector_ ? Theme::projector(theme) : theme;
    loopPanel_->setTheme(theme_);
    timeline_->setTheme(theme_);
    comparison_->setTheme(theme_);
    QPalette palette = theme.isDark ? QPalette(theme.panel) : QApplication::style()->standardPalette();
    if (theme.isDark) {
        palette.setColor(QPalette::Window, theme.background);
        palette.setColor(QPalette::Base, theme.panel);
        palette.setColor(QPalette::AlternateBase, theme.panel.lighter(115));
        palette.setColor(QPalette::Text, theme.text);
        palette.setColor(QPalette::WindowText, theme.text);
        palette.setColor(QPalette::ButtonText, theme.text);
        palette.setColor(QPalette::Button, theme.panel);
        palette.setColor(QPalette::Highlight, theme.accent);
        for (QPalette::ColorRole role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
            palette.setColor(QPalette::Disabled, role, theme.mutedText.darker(140));
    }
    setPalette(palette);
    codeWaitBanner_->setStyleSheet(waitBannerStyle(theme));
    highlightedCodeLine_ = -2;
}

void MainWindow::setProjectorMode(bool on) {
    projector_ = on;
    setTheme(theme_.isDark ? Theme::dark() : Theme::light());
    QFont font = QApplication::font();
    font.setPointSizeF(on ? 15 : QApplication::font().pointSizeF());
    for (QWidget* w : std::initializer_list<QWidget*>{codeView_, codeWaitBanner_, sourceView_, console_, teaching_,
                                                      scenarioList_, problemList_, comparison_->table()}) {
        QFont f = w->font();
        f.setPointSizeF(on ? 15 : 10);
        w->setFont(f);
    }
    // On a projector the loop gets the room: the scenario list steps aside.
    // The settings are for before a run: in front of the class the code takes their room.
    leftColumn_->setVisible(!on);
    settingsBox_->setVisible(!on);
    middleColumn_->setSizes(on ? QList<int>{540, 340} : QList<int>{470, 400});
}

void MainWindow::fitToScreen() {
    if (const QScreen* shown = screen())
        resize(size().boundedTo(shown->availableGeometry().size()));
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    if (columnsMoved_)
        return;
    // The side columns give up width first: the loop in the middle is what the class
    // watches. Once the teacher moves a divider, the columns are theirs.
    const int total = mainSplitter_->width();
    const int left = std::clamp(total * 18 / 100, 220, 290);
    const int right = std::clamp(total * 21 / 100, 260, 330);
    const QSignalBlocker block(mainSplitter_);
    mainSplitter_->setSizes({left, std::max(0, total - left - right), right});
}

void MainWindow::exportPicture() {
    // The run on screen, in the Export dialog: the same SlideRenderer as `loopscope run --png`.
    if (!scenario_ || !primary_ || primary_->size() == 0 || runs_->isRunning()) {
        statusBar()->showMessage(runs_->isRunning() ? tr("Export is possible once the run has finished.")
                                                    : tr("Run a scenario first: there is nothing to export yet."),
                                 5000);
        return;
    }
    // The pictures are drawn from whole Traces: the exported run is decoded for the dialog.
    const Trace loopTrace = loopStore_->trace().toTrace();
    const Trace threadTrace = threadStore_->trace().toTrace();
    const Trace* loop = loopStore_->size() > 0 ? &loopTrace : nullptr;
    const Trace* threads = threadStore_->size() > 0 ? &threadTrace : nullptr;
    SlideSource source = slideSourceFor(*scenario_, loop, threads);
    source.runtime.threadpool = threadpool_->value();
    source.runtime.cores = cores_->value();
    source.runtime.processes = processes_->value();
    // The comparison picture's figures: what the OS measured, as the window shows them.
    const std::vector<ProcessSample> loopSamples = loopStore_->processSamples();
    const std::vector<ProcessSample> threadSamples = threadStore_->processSamples();
    source.eventLoopSamples = loop ? &loopSamples : nullptr;
    source.threadPerRequestSamples = threads ? &threadSamples : nullptr;
    ExportDialog dialog(std::move(source), playback_->time(), this);
    dialog.exec();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile() && isOpenableFile(url.toLocalFile())) {
            event->acceptProposedAction();
            return;
        }
}

void MainWindow::dropEvent(QDropEvent* event) {
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile() && isOpenableFile(url.toLocalFile())) {
            openScenario(url.toLocalFile());
            event->acceptProposedAction();
            return;
        }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    runs_->cancel();
    QMainWindow::closeEvent(event);
}

bool MainWindow::openRecording(const QString& path) {
    if (runs_->isRunning()) {
        statusBar()->showMessage(tr("A run is going: cancel it (Esc) before opening another."), 5000);
        return false;
    }
    if (!watcher_->files().isEmpty())
        watcher_->removePaths(watcher_->files());
    scenarioPath_ = path;
    watchedProgram_.clear();
    showingRecording_ = true;
    readPercent_ = 0;
    scenario_.reset();  // until the recording's sources have been read (applyRecording)
    problems_.clear();
    problemList_->clear();
    bottomTabs_->setTabText(3, tr("Problems"));
    setWindowTitle(QStringLiteral("%1 — loopscope").arg(QFileInfo(path).fileName()));
    rememberRecent(path);
    markOpenScenario(path, {});
    teaching_->setMarkdown(tr("**Opening %1...**").arg(QFileInfo(path).fileName()));
    codeView_->clear();
    sourceView_->clear();
    logEvents_.clear();
    logScanned_ = consoleShown_ = 0;
    console_->clear();
    setRunProblem(std::nullopt);
    primary_ = loopStore_;
    comparing_ = false;
    storeReader_->wait();  // the stores are cleared for the recording
    if (!runs_->open(path, loopStore_, threadStore_))
        return false;
    timeline_->setSources(&loopStore_->spans(), &threadStore_->spans());
    timeline_->setLive(true);
    comparison_->setStores(loopStore_, threadStore_);
    playback_->setStore(primary_);
    updateRunState();
    return true;
}

// The window as the recording's run left it: its scenario and program as they were, the
// settings it ran with, where and when it was made, and what it cannot show.
void MainWindow::applyRecording(const RunDocument& document) {
    scenario_ = scenarioOfDocument(document);
    const SourceText* source = document.sources.empty() ? nullptr : &document.sources[0];
    const SourceText* program = nullptr;
    for (const SourceText& text : document.sources)
        if (!scenario_->program.empty() && text.path == scenario_->program)
            program = &text;
    showCode(program ? program->text : std::string());
    scenarioText_ = source ? qs(source->text) : QString();
    sourceView_->setPlainText(scenarioText_);
    timeline_->setScenarioSource(source ? QFileInfo(qs(source->path)).fileName() : QString(), scenarioText_);
    QString markdown = QStringLiteral("# %1\n\n").arg(qs(document.title.empty() ? scenario_->title : document.title));
    markdown += tr("*A recorded run, shown as it was made: nothing runs again.* Recorded by %1 on %2")
                    .arg(qs(document.origin.recorder), qs(document.origin.recordedAt));
    if (!document.origin.machine.empty())
        markdown += tr(" (%1, %2 CPUs)").arg(qs(document.origin.machine)).arg(document.origin.cores);
    markdown += QStringLiteral(".\n\n");
    if (!document.limits.empty()) {
        markdown += tr("**What this recording cannot show:**\n\n");
        for (const std::string& limit : document.limits)
            markdown += QStringLiteral("- %1\n").arg(qs(limit));
        markdown += QStringLiteral("\n");
    }
    markdown += qs(scenario_->description);
    teaching_->setMarkdown(markdown);
    showRuntimeSettings(scenario_->runtime);
    timeline_->setNotes(scenario_->notes);
    LoopViewOptions options;
    options.threadpool = scenario_->runtime.threadpool;
    loopPanel_->setOptions(options);
    const bool loop = loopStore_->size() > 0, threads = threadStore_->size() > 0;
    comparing_ = loop && threads;
    primary_ = loop || !threads ? loopStore_ : threadStore_;
    engineChoice_->setCurrentIndex(comparing_ ? 2 : loop || !threads ? 0 : 1);
    timeline_->setSources(loop ? &loopStore_->spans() : nullptr, threads ? &threadStore_->spans() : nullptr);
    comparison_->setStores(loop ? loopStore_ : nullptr, threads ? threadStore_ : nullptr);
    playback_->setStore(primary_);
    rightTabs_->setCurrentWidget(codePage_);
}

RunDocument MainWindow::documentOnScreen() const {
    RunDocument document;
    if (showingRecording_ && runs_->recording()) {
        document = *runs_->recording();
    } else {
        document = documentForRun(scenarioPath_.toStdString(), *scenario_, runOverrides_);
        document.sources[0].text = scenarioText_.toStdString();  // a built-in is not a file
    }
    document.runs.clear();
    for (const auto& [engine, store] : {std::pair(EngineKind::EventLoop, loopStore_),
                                        std::pair(EngineKind::ThreadPerRequest, threadStore_)})
        if (store->size() != 0)
            document.runs.push_back({engine, {}, store->processSamples(), store->index().latest().exitCode});
    return document;
}

std::vector<const PackedTrace*> MainWindow::tracesOnScreen() const {
    std::vector<const PackedTrace*> traces;
    for (const TraceStore* store : {loopStore_, threadStore_})
        if (store->size() != 0)
            traces.push_back(&store->trace());
    return traces;
}

bool MainWindow::saveRun(const QString& path) {
    if (!scenario_ || !primary_ || primary_->size() == 0 || runs_->isRunning()) {
        statusBar()->showMessage(runs_->isRunning() ? tr("A run can be saved once it has finished.")
                                                    : tr("Run a scenario first: there is no run to save yet."),
                                 5000);
        return false;
    }
    statusBar()->showMessage(tr("Saving the run to %1...").arg(path));
    storeReader_->start([this, path, document = documentOnScreen(), traces = tracesOnScreen()] {
        std::string written;
        const bool ok = writeRunFile(document, traces, QFile::encodeName(path).toStdString(), &written);
        const QString error = ok ? QString() : qs(written);
        return std::function<void()>([this, path, error] {
            if (error.isEmpty()) {
                statusBar()->showMessage(tr("Saved the run to %1").arg(path), 5000);
                rememberRecent(path);
            } else {
                statusBar()->showMessage(tr("Cannot save the run: %1").arg(error));
            }
            emit runSaved(path, error);
        });
    });
    return true;
}

void MainWindow::saveRunDialog() {
    const QFileInfo open(scenarioPath_);
    const QString folder = scenarioPath_.startsWith(QLatin1String(":/")) ? QDir::homePath() : open.absolutePath();
    QString path = QFileDialog::getSaveFileName(this, tr("Save Run"),
                                                folder + QLatin1Char('/') + open.completeBaseName() + QStringLiteral(".lsrun"),
                                                tr("loopscope runs (*.lsrun)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".lsrun")))
        path += QStringLiteral(".lsrun");
    saveRun(path);
}

void MainWindow::compareWithDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Compare With Run"), QFileInfo(scenarioPath_).absolutePath(),
                                                      tr("Saved runs and Node traces (*.lsrun *.log *.json);;All files (*)"));
    if (!path.isEmpty())
        compareWith(path);
}

bool MainWindow::compareWith(const QString& path) {
    if (!scenario_ || !primary_ || primary_->size() == 0 || runs_->isRunning()) {
        statusBar()->showMessage(tr("Run a scenario or open a run first: there is nothing to compare yet."), 5000);
        return false;
    }
    statusBar()->showMessage(tr("Reading %1...").arg(QFileInfo(path).fileName()));
    storeReader_->start([this, path, onScreen = runOnScreen()]() mutable {
        RunFileResult opened = loopscope::openRecording(QFile::encodeName(path).toStdString());
        if (!opened.document || opened.document->runs.empty())
            return std::function<void()>(
                [this, error = qs(opened.error)] { statusBar()->showMessage(tr("Cannot compare: %1").arg(error)); });
        return comparisonWith(std::move(onScreen), std::move(*opened.document), path);
    });
    return true;
}

MainWindow::RunOnScreen MainWindow::runOnScreen() const {
    return {documentOnScreen(), tracesOnScreen(), primary_ == threadStore_, scenarioPath_};
}

void MainWindow::recordWithNodeToo() {
    statusBar()->showMessage(tr("Running %1 under Node too...").arg(QFileInfo(qs(scenario_->program)).fileName()));
    Scenario scenario = *scenario_;
    scenario.runtime.threadpool = threadpool_->value();
    nodeRecorder_->start([this, scenario, node = nodeExecutable_] {
        auto recorded = std::make_shared<RunFileResult>(recordWithNode(node, scenario, scenario.programArguments));
        return std::function<void()>([this, program = qs(scenario.program), recorded] {
            if (!recorded->document) {
                statusBar()->showMessage(tr("The run under Node failed: %1").arg(qs(recorded->error)));
                return;
            }
            if (runs_->isRunning() || !primary_ || primary_->size() == 0) {
                statusBar()->showMessage(tr("Recorded under Node, not compared: the run on screen changed meanwhile."));
                return;
            }
            statusBar()->showMessage(tr("Comparing with the run under Node..."));
            auto other = std::make_shared<RunDocument>(std::move(*recorded->document));
            storeReader_->start([this, other, program, onScreen = runOnScreen()]() mutable {
                return comparisonWith(std::move(onScreen), std::move(*other), program);
            });
        });
    });
}

// On the store reader's thread: the run on screen beside `other`, made ready to be shown;
// returns what opens the Compare window on the GUI thread.
std::function<void()> MainWindow::comparisonWith(RunOnScreen onScreen, RunDocument other, const QString& otherPath) {
    for (std::size_t k = 0; k < onScreen.traces.size(); ++k)
        onScreen.document.runs[k].trace = onScreen.traces[k]->toTrace();
    ComparedDocument first{std::move(onScreen.document), 0, {}, {}};
    if (onScreen.primaryIsThreads && first.document.runs.size() > 1)
        first.run = 1;
    ComparedDocument second{std::move(other), 0, {}, {}};
    const auto [a, b] = compareNames(first.document, first.run, onScreen.path, second.document, second.run, otherPath);
    first.name = a;
    second.name = b;
    first.description = compareDescription(first.document, onScreen.path);
    second.description = compareDescription(second.document, otherPath);
    auto compared = std::make_shared<ComparedRuns>(compareRuns(std::move(first), std::move(second)));
    return [this, compared] {
        auto* compare = new CompareWindow(std::move(*compared), this);
        compare->show();
        statusBar()->clearMessage();
        emit comparisonShown(compare);
    };
}

}  // namespace loopscope
