// Starts engine runs off the GUI thread and streams their events into TraceStores.
// Engines of a comparison run one after the other, each in its own child process
// (EngineProcess), so that one run's threads and memory do not disturb the other's.
#pragma once

#include <QObject>
#include <QString>
#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "RunDocument.h"
#include "TraceEvent.h"

namespace loopscope {

class EngineProcess;
class TraceStore;

struct RunRequest {
    QString scenarioPath;           // a real file: the child process reads it
    QString executable;             // the loopscope binary with the engine-child entry
    std::optional<int> threadpool;  // overrides edited before the run
    std::optional<int> cores;
    std::optional<double> timeScale;
    std::optional<int> processes;   // event-loop processes (cluster)
    // Each engine with the store that receives its events, run in this order.
    std::vector<std::pair<EngineKind, TraceStore*>> engines;
};

class RunController : public QObject {
    Q_OBJECT
public:
    explicit RunController(QObject* parent = nullptr);
    ~RunController() override;

    // Clears the stores and starts. Returns false (and says why in lastError) if a run is going.
    bool start(const RunRequest& request);
    // Reads a saved run or a trace recorded by Node into the stores as a run streams in
    // (each engine's events into its store), with the same signals, progress and Cancel.
    bool open(const QString& recordingPath, TraceStore* eventLoop, TraceStore* threadPerRequest);
    // The recording last opened, without its traces (they are in the stores): its sources,
    // origin and limits. Empty after a run, or when the file could not be read.
    const std::optional<RunDocument>& recording() const { return recording_; }
    void cancel();
    bool isRunning() const { return running_; }
    QString lastError() const { return lastError_; }
    // Blocks until the worker thread ended (tests, shutdown).
    void join();

signals:
    void started();
    void engineStarted(loopscope::EngineKind engine);
    // How much of a recording has been read, from 0 to 1 (open() only).
    void readProgress(double fraction);
    // ok: every engine completed. error: what went wrong, in words.
    void finished(bool ok, const QString& error, bool cancelled);

private:
    void runAll(RunRequest request);
    bool launch(const std::vector<TraceStore*>& stores, std::function<void()> work);
    void readRecording(const QString& path, TraceStore* eventLoop, TraceStore* threadPerRequest);
    void reportFinished(bool ok, const QString& error);

    std::thread worker_;
    std::mutex mutex_;
    EngineProcess* current_ = nullptr;  // guarded by mutex_
    std::atomic<bool> cancelled_{false};
    bool running_ = false;
    QString lastError_;
    std::optional<RunDocument> recording_;  // GUI thread
};

}  // namespace loopscope
