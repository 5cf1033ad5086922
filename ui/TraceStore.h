// The events of one run as they arrive. The reader thread appends batches (thread-safe);
// the GUI thread takes them in through a queued call, a few milliseconds of work at a time,
// so the window stays responsive however fast a run streams. Everything drawn comes from
// what has arrived so far: the trace (packed: a run of millions of events stays small), the
// LoopState index and the timeline spans, each built once as an event is taken in.
// A run read from a file is built off the GUI thread (IndexedTraceBuilder) and handed over
// whole with adopt(), then markFinished(); cancel() stops the taking in of a run.
#pragma once

#include <QObject>
#include <QString>
#include <mutex>
#include <optional>
#include <vector>

#include "IndexedTrace.h"
#include "ProcessUsage.h"
#include "TraceEvent.h"

namespace loopscope {

class TraceStore : public QObject {
    Q_OBJECT
public:
    explicit TraceStore(EngineKind engine, QObject* parent = nullptr);

    // Any thread.
    void append(std::vector<TraceEvent>&& batch);
    // A run built elsewhere, whole: it replaces what was taken in so far (a store takes
    // either a stream of batches or one adopted run).
    void adopt(IndexedTrace&& run);
    // Events appended and not taken in yet.
    std::size_t pendingEvents() const;
    void markFinished(bool ok, const QString& error);
    // What the OS said about the engine child while it ran (/proc/<pid>/status samples);
    // set by the runner before markFinished().
    void setProcessSamples(std::vector<ProcessSample> samples);
    std::vector<ProcessSample> processSamples() const;

    // GUI thread.
    void clear();
    EngineKind engine() const { return engine_; }
    const PackedTrace& trace() const { return run_.trace; }
    const LoopStateIndex& index() const { return run_.index; }
    const SpanSet& spans() const { return run_.spans; }
    std::size_t size() const { return run_.trace.size(); }
    TraceEvent event(std::size_t index) const { return run_.trace.at(index); }
    // How many events had happened by `time`.
    std::size_t eventsUpTo(Nanoseconds time) const { return run_.index.eventsUpTo(run_.trace, time); }
    bool isFinished() const { return finished_; }
    bool isIdle() const;  // finished and everything taken in
    QString error() const { return error_; }
    bool succeeded() const { return finished_ && ok_; }
    Nanoseconds endTime() const { return run_.spans.endTime(); }
    LoopState stateAt(std::size_t count) const { return run_.index.stateAt(run_.trace, count); }
    LoopState stateAtTime(Nanoseconds time) const { return run_.index.stateAtTime(run_.trace, time); }
    // The loop panel follows this process of a cluster run (0 = the first). Re-indexes
    // what has arrived so far; emits grew().
    void followProcess(std::uint16_t process);
    // Takes in everything that has arrived, without a time budget (tests, headless use).
    void drain();
    // Stops taking events in (a long load the user gave up on): what has not been taken in
    // is dropped, and so is what is appended until clear(); the store finishes, not ok,
    // with the error kCancelled unless it had finished already.
    void cancel();
    static constexpr const char* kCancelled = "cancelled";

    // How long one GUI-thread slice of ingestion may take.
    static constexpr int kSliceMilliseconds = 8;

signals:
    void grew();
    void finished(bool ok, const QString& error);

private:
    void scheduleIngestLocked();  // with mutex_ held
    void ingest();
    bool ingestSlice(qint64 budgetNs);

    EngineKind engine_;
    mutable std::mutex mutex_;
    std::vector<ProcessSample> samples_;             // guarded by mutex_
    std::vector<std::vector<TraceEvent>> incoming_;  // guarded by mutex_
    std::optional<IndexedTrace> adopted_;            // guarded by mutex_
    std::size_t pending_ = 0;                        // guarded by mutex_: events not taken in
    bool cancelled_ = false;                         // guarded by mutex_
    bool ingestScheduled_ = false;                   // guarded by mutex_
    bool finishedArrived_ = false;                   // guarded by mutex_
    bool finishedOk_ = true;                         // guarded by mutex_
    QString finishedError_;                          // guarded by mutex_

    std::vector<std::vector<TraceEvent>> taken_;     // GUI thread from here on
    std::size_t takenBatch_ = 0;
    std::size_t takenOffset_ = 0;
    IndexedTrace run_;
    bool finished_ = false;
    bool ok_ = true;
    QString error_;
};

}  // namespace loopscope
