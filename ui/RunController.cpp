#include "RunController.h"

#include <exception>
#include <optional>

#include "EngineProcess.h"
#include "ProcessUsage.h"
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

bool RunController::start(const RunRequest& request) {
    if (running_) {
        lastError_ = tr("a run is already going");
        return false;
    }
    join();
    for (const auto& [engine, store] : request.engines)
        store->clear();
    cancelled_ = false;
    running_ = true;
    lastError_.clear();
    emit started();
    worker_ = std::thread([this, request] { runAll(request); });
    return true;
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
    const bool cancelled = cancelled_;
    QMetaObject::invokeMethod(
        this,
        [this, allOk, firstError, cancelled] {
            running_ = false;
            lastError_ = firstError;
            emit finished(allOk, firstError, cancelled);
        },
        Qt::QueuedConnection);
}

}  // namespace loopscope
