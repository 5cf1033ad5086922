#include "RunController.h"

#include <exception>
#include <memory>
#include <optional>

#include "EngineProcess.h"
#include "IndexedTraceBuilder.h"
#include "ProcessUsage.h"
#include "RecordedRuns.h"
#include "TraceStore.h"

namespace loopscope {

RunController::RunController(QObject* parent) : QObject(parent) {}

RunController::~RunController() {
    cancel();
    join();
}

void RunController::join() {
    if (worker_.joinable())
        worker_.join();
}

bool RunController::launch(const std::vector<TraceStore*>& stores, std::function<void()> work) {
    if (running_) {
        lastError_ = tr("a run is already going");
        return false;
    }
    join();
    for (TraceStore* store : stores)
        store->clear();
    cancelled_ = false;
    running_ = true;
    lastError_.clear();
    recording_.reset();
    emit started();
    worker_ = std::thread(std::move(work));
    return true;
}

bool RunController::start(const RunRequest& request) {
    std::vector<TraceStore*> stores;
    for (const auto& [engine, store] : request.engines)
        stores.push_back(store);
    return launch(stores, [this, request] { runAll(request); });
}

bool RunController::open(const QString& recordingPath, TraceStore* eventLoop, TraceStore* threadPerRequest) {
    return launch({eventLoop, threadPerRequest},
                  [this, recordingPath, eventLoop, threadPerRequest] { readRecording(recordingPath, eventLoop, threadPerRequest); });
}

namespace {

// A recording's runs into the stores of their engines: each run is built off the GUI thread
// (packed, indexed, turned into spans on three threads while this one reads) and handed to
// its store whole, so a run of millions of events opens in about a second.
class StoreFiller : public RunFileEvents {
public:
    StoreFiller(TraceStore* eventLoop, TraceStore* threadPerRequest, const std::atomic<bool>& cancelled)
        : eventLoop_(eventLoop), threads_(threadPerRequest), cancelled_(cancelled) {}

    void beginRun(const RecordedRun& run) override {
        endRun();
        current_ = run.engine == EngineKind::ThreadPerRequest ? threads_ : eventLoop_;
        current_->setProcessSamples(run.samples);
        builder_.emplace();
    }
    void event(const TraceEvent& event) override {
        batch_.push_back(event);
        if (batch_.size() >= kBatch)
            flush();
    }
    bool cancelled() override { return cancelled_; }
    // Hands the run read so far to its store (unless the reading was cancelled).
    void endRun() {
        if (!builder_)
            return;
        if (cancelled_) {
            builder_.reset();  // drops what was built
            return;
        }
        flush();
        current_->adopt(builder_->finish());
        builder_.reset();
    }

private:
    static constexpr std::size_t kBatch = 8192;
    void flush() {
        if (!batch_.empty())
            builder_->add(std::move(batch_));
        batch_.clear();
        batch_.reserve(kBatch);
    }

    TraceStore* eventLoop_;
    TraceStore* threads_;
    TraceStore* current_ = nullptr;
    const std::atomic<bool>& cancelled_;
    std::vector<TraceEvent> batch_;
    std::optional<IndexedTraceBuilder> builder_;
};

}  // namespace

void RunController::readRecording(const QString& path, TraceStore* eventLoop, TraceStore* threadPerRequest) {
    StoreFiller filler(eventLoop, threadPerRequest, cancelled_);
    RunFileResult result;
    const std::string file = path.toStdString();
    if (recordingKindOf(file) == RecordingKind::NodeTrace) {
        NodeTraceResult trace = readNodeTrace(file);
        result.error = std::move(trace.error);
        if (trace.document) {
            for (RecordedRun& run : trace.document->runs) {
                filler.beginRun(run);
                for (const TraceEvent& event : run.trace)
                    filler.event(event);
                run.trace.clear();
            }
            result.document = std::move(trace.document);
        }
    } else {
        // A few hundred reports at most: each is a queued call to the GUI thread.
        auto lastReported = std::make_shared<int>(-1);
        result = readRunFile(file, filler, [this, lastReported](double fraction) {
            const int percent = int(fraction * 100);
            if (percent == *lastReported)
                return;
            *lastReported = percent;
            QMetaObject::invokeMethod(this, [this, fraction] { emit readProgress(fraction); }, Qt::QueuedConnection);
        });
    }
    filler.endRun();
    const bool ok = result.document.has_value() && !cancelled_;
    const QString error = cancelled_ ? tr("cancelled") : QString::fromStdString(result.error);
    for (TraceStore* store : {eventLoop, threadPerRequest})
        store->markFinished(ok, error);
    QMetaObject::invokeMethod(
        this, [this, document = std::move(result.document)]() mutable { recording_ = std::move(document); },
        Qt::QueuedConnection);
    reportFinished(ok, error);
}

void RunController::reportFinished(bool ok, const QString& error) {
    const bool cancelled = cancelled_;
    QMetaObject::invokeMethod(
        this,
        [this, ok, error, cancelled] {
            running_ = false;
            lastError_ = error;
            emit finished(ok, error, cancelled);
        },
        Qt::QueuedConnection);
}

void RunController::cancel() {
    cancelled_ = true;
    std::lock_guard lock(mutex_);
    if (current_)
        current_->cancel();
}

void RunController::runAll(RunRequest request) {
    bool allOk = true;
    QString firstError;
    for (const auto& [engine, store] : request.engines) {
        if (cancelled_) {
            store->markFinished(false, tr("cancelled"));
            continue;
        }
        QMetaObject::invokeMethod(this, [this, kind = engine] { emit engineStarted(kind); }, Qt::QueuedConnection);
        EngineOptions options;
        options.engine = engine;
        options.executable = request.executable.toStdString();
        options.threadpool = request.threadpool;
        options.cores = request.cores;
        options.timeScale = request.timeScale;
        options.processes = request.processes;
        TraceStore* target = store;
        EngineProcess process(request.scenarioPath.toStdString(), options,
                              [target](std::vector<TraceEvent>&& batch) { target->append(std::move(batch)); });
        bool ok = false;
        QString error;
        std::optional<ProcessSampler> sampler;  // the same OS figures as `loopscope run --summary`
        try {
            process.start();
            sampler.emplace(process.childPid(), kProcessSampleInterval);
            {
                std::lock_guard lock(mutex_);
                current_ = &process;
            }
            // A cancel that came between the check above and now still stops this engine.
            if (cancelled_)
                process.cancel();
            ok = process.wait();
            error = QString::fromStdString(process.error());
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        {
            std::lock_guard lock(mutex_);
            current_ = nullptr;
        }
        if (sampler) {
            sampler->stop();
            store->setProcessSamples(sampler->samples());
        }
        store->markFinished(ok, error);
        if (!ok && allOk) {
            allOk = false;
            firstError = error;
        }
    }
    reportFinished(allOk, firstError);
}

}  // namespace loopscope
