// Starts engine runs off the GUI thread and streams their events into TraceStores.
// Engines of a comparison run one after the other, each in its own child process
// (EngineProcess), so that one run's threads and memory do not disturb the other's.
#pragma once

#include <QObject>
#include <QString>
#include <atomic>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

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
    void cancel();
    bool isRunning() const { return running_; }
    QString lastError() const { return lastError_; }
    // Blocks until the worker thread ended (tests, shutdown).
    void join();

signals:
    void started();
    void engineStarted(loopscope::EngineKind engine);
    // ok: every engine completed. error: what went wrong, in words.
    void finished(bool ok, const QString& error, bool cancelled);

private:
    void runAll(RunRequest request);

    std::thread worker_;
    std::mutex mutex_;
    EngineProcess* current_ = nullptr;  // guarded by mutex_
    std::atomic<bool> cancelled_{false};
    bool running_ = false;
    QString lastError_;
};

}  // namespace loopscope
