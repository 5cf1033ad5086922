#include "TraceStore.h"

#include <QElapsedTimer>
#include <QTimer>

namespace loopscope {

TraceStore::TraceStore(EngineKind engine, QObject* parent) : QObject(parent), engine_(engine) {}

void TraceStore::append(std::vector<TraceEvent>&& batch) {
    if (batch.empty())
        return;
    std::lock_guard lock(mutex_);
    if (cancelled_)
        return;
    pending_ += batch.size();
    incoming_.push_back(std::move(batch));
    scheduleIngestLocked();
}

void TraceStore::adopt(IndexedTrace&& run) {
    std::lock_guard lock(mutex_);
    if (cancelled_)
        return;
    adopted_ = std::move(run);
    scheduleIngestLocked();
}

void TraceStore::markFinished(bool ok, const QString& error) {
    std::lock_guard lock(mutex_);
    finishedArrived_ = true;
    finishedOk_ = ok;
    finishedError_ = error;
    scheduleIngestLocked();
}

void TraceStore::scheduleIngestLocked() {
    if (!ingestScheduled_) {
        ingestScheduled_ = true;
        QMetaObject::invokeMethod(this, [this] { ingest(); }, Qt::QueuedConnection);
    }
}

std::size_t TraceStore::pendingEvents() const {
    std::lock_guard lock(mutex_);
    return pending_;
}

void TraceStore::cancel() {
    {
        std::lock_guard lock(mutex_);
        cancelled_ = true;
        incoming_.clear();
        adopted_.reset();
        pending_ = 0;
        if (!finishedArrived_) {
            finishedArrived_ = true;
            finishedOk_ = false;
            finishedError_ = QString::fromLatin1(kCancelled);
        }
    }
    taken_.clear();
    takenBatch_ = takenOffset_ = 0;
    drain();
}

void TraceStore::setProcessSamples(std::vector<ProcessSample> samples) {
    std::lock_guard lock(mutex_);
    samples_ = std::move(samples);
}

std::vector<ProcessSample> TraceStore::processSamples() const {
    std::lock_guard lock(mutex_);
    return samples_;
}

void TraceStore::clear() {
    std::lock_guard lock(mutex_);
    samples_.clear();
    incoming_.clear();
    adopted_.reset();
    pending_ = 0;
    cancelled_ = false;
    finishedArrived_ = false;
    finishedOk_ = true;
    finishedError_.clear();
    taken_.clear();
    takenBatch_ = takenOffset_ = 0;
    run_.clear();
    finished_ = false;
    ok_ = true;
    error_.clear();
}

bool TraceStore::isIdle() const {
    return finished_ && takenBatch_ >= taken_.size() && run_.isIndexed();
}

// One slice: take arrived events in (pack them, index them, turn them into spans) until
// the budget is spent. Returns true when nothing is left to do.
bool TraceStore::ingestSlice(qint64 budgetNs) {
    QElapsedTimer clock;
    clock.start();
    constexpr std::size_t kChunk = 2048;
    while (true) {
        if (takenBatch_ >= taken_.size()) {
            taken_.clear();
            takenBatch_ = 0;
            std::lock_guard lock(mutex_);
            if (adopted_) {
                run_ = std::move(*adopted_);
                adopted_.reset();
            }
            taken_.swap(incoming_);
            if (taken_.empty()) {
                ingestScheduled_ = false;
                if (finishedArrived_ && !finished_) {
                    finished_ = true;
                    error_ = finishedError_;
                    ok_ = finishedOk_;
                }
                return true;
            }
        }
        std::vector<TraceEvent>& batch = taken_[takenBatch_];
        const std::size_t end = std::min(batch.size(), takenOffset_ + kChunk);
        run_.add(std::span<const TraceEvent>(batch).subspan(takenOffset_, end - takenOffset_));
        {
            std::lock_guard lock(mutex_);
            pending_ -= end - takenOffset_;
        }
        takenOffset_ = end;
        if (takenOffset_ >= batch.size()) {
            std::vector<TraceEvent>().swap(batch);
            ++takenBatch_;
            takenOffset_ = 0;
        }
        if (clock.nsecsElapsed() > budgetNs)
            return false;
    }
}

void TraceStore::ingest() {
    const std::size_t before = run_.trace.size();
    const bool wasFinished = finished_;
    const bool done = ingestSlice(qint64(kSliceMilliseconds) * 1000000);
    if (run_.trace.size() != before)
        emit grew();
    if (!done) {
        // Let the event loop breathe (paint, input, timers) before the next slice.
        QTimer::singleShot(1, this, [this] { ingest(); });
        return;
    }
    if (finished_ && !wasFinished) {
        emit grew();
        emit finished(ok_, error_);
    }
}

void TraceStore::followProcess(std::uint16_t process) {
    if (process == run_.index.process())
        return;
    run_.index.follow(process);
    run_.index.extend(run_.trace);  // a cluster run is a teaching-sized trace: at once
    emit grew();
}

void TraceStore::drain() {
    while (true) {
        {
            std::lock_guard lock(mutex_);
            ingestScheduled_ = true;  // this call does the work; a queued ingest finds nothing
        }
        const bool wasFinished = finished_;
        if (ingestSlice(qint64(1) << 60)) {
            if (finished_ && !wasFinished)
                emit finished(ok_, error_);
            emit grew();
            return;
        }
    }
}

}  // namespace loopscope
