#include "TraceStore.h"

#include <QElapsedTimer>
#include <QTimer>

namespace loopscope {

TraceStore::TraceStore(EngineKind engine, QObject* parent) : QObject(parent), engine_(engine) {}

void TraceStore::append(std::vector<TraceEvent>&& batch) {
    if (batch.empty())
        return;
    std::lock_guard lock(mutex_);
    incoming_.push_back(std::move(batch));
    if (!ingestScheduled_) {
        ingestScheduled_ = true;
        QMetaObject::invokeMethod(this, [this] { ingest(); }, Qt::QueuedConnection);
    }
}

void TraceStore::markFinished(bool ok, const QString& error) {
    std::lock_guard lock(mutex_);
    finishedArrived_ = true;
    finishedOk_ = ok;
    finishedError_ = error;
    if (!ingestScheduled_) {
        ingestScheduled_ = true;
        QMetaObject::invokeMethod(this, [this] { ingest(); }, Qt::QueuedConnection);
    }
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
    finishedArrived_ = false;
    finishedOk_ = true;
    finishedError_.clear();
    taken_.clear();
    takenBatch_ = takenOffset_ = 0;
    trace_.clear();
    index_.follow(0);  // a new run shows its first process
    spans_.clear();
    spanned_ = 0;
    finished_ = false;
    ok_ = true;
    error_.clear();
}

bool TraceStore::isIdle() const {
    return finished_ && takenBatch_ >= taken_.size() && index_.indexedEvents() == trace_.size() &&
           spanned_ == trace_.size();
}

// One slice: move arrived events into the trace, index them and turn them into spans,
// until the budget is spent. Returns true when nothing is left to do.
bool TraceStore::ingestSlice(qint64 budgetNs) {
    QElapsedTimer clock;
    clock.start();
    constexpr std::size_t kChunk = 2048;
    while (true) {
        if (index_.indexedEvents() == trace_.size() && spanned_ == trace_.size()) {
            if (takenBatch_ >= taken_.size()) {
                taken_.clear();
                takenBatch_ = 0;
                std::lock_guard lock(mutex_);
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
            // Copy the next chunk of the current batch into the trace.
            std::vector<TraceEvent>& batch = taken_[takenBatch_];
            const std::size_t n = std::min(kChunk, batch.size() - takenOffset_);
            // Growing a vector of a million events moves them all at once, a stall the
            // GUI would feel: reserve room for a large run up front (pages are only
            // touched as events arrive).
            if (trace_.capacity() < trace_.size() + n)
                trace_.reserve(std::max<std::size_t>(std::size_t(1) << 21, trace_.capacity() * 2));
            for (std::size_t i = 0; i < n; ++i)
                trace_.push_back(std::move(batch[takenOffset_ + i]));
            takenOffset_ += n;
            if (takenOffset_ >= batch.size()) {
                std::vector<TraceEvent>().swap(batch);
                ++takenBatch_;
                takenOffset_ = 0;
            }
        }
        index_.extend(trace_, kChunk);
        const std::size_t spanEnd = std::min(trace_.size(), spanned_ + kChunk);
        for (; spanned_ < spanEnd; ++spanned_)
            spans_.add(trace_[spanned_]);
        if (clock.nsecsElapsed() > budgetNs)
            return false;
    }
}

void TraceStore::ingest() {
    const std::size_t before = trace_.size();
    const bool wasFinished = finished_;
    const bool done = ingestSlice(qint64(kSliceMilliseconds) * 1000000);
    if (trace_.size() != before || index_.indexedEvents() != before)
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
    if (process == index_.process())
        return;
    index_.follow(process);
    index_.extend(trace_);  // a cluster run is a teaching-sized trace: at once
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
