// Builds an IndexedTrace from batches of events handed over by one thread (a file being
// read), on three threads of its own: one packs the events, one makes the spans, one
// indexes them. The parts are independent, so on two cores a run of millions of events is
// ready in about half the time one thread takes, the reader decoding beside them. At most
// kMaxWaiting batches wait for the builders: a fast reader waits instead of holding the
// whole run a second time.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "IndexedTrace.h"

namespace loopscope {

class IndexedTraceBuilder {
public:
    static constexpr std::size_t kMaxWaiting = 8;

    IndexedTraceBuilder();
    // Stops the builders if finish() was not called; what was built is dropped.
    ~IndexedTraceBuilder();
    IndexedTraceBuilder(const IndexedTraceBuilder&) = delete;
    IndexedTraceBuilder& operator=(const IndexedTraceBuilder&) = delete;

    // The next events of the run (blocks while kMaxWaiting batches wait).
    void add(std::vector<TraceEvent>&& batch);
    // Waits until every batch added is built, and hands the result over (once).
    IndexedTrace finish();

private:
    enum Part { Packing, Spans, Index, kParts };
    void build(Part part);
    void stop(bool drop);

    IndexedTrace result_;
    std::mutex mutex_;
    std::condition_variable arrived_;   // a batch was added, or the input ended
    std::condition_variable consumed_;  // a batch was built by both parts
    std::deque<std::vector<TraceEvent>> waiting_;  // batches firstWaiting_, firstWaiting_ + 1, ...
    std::size_t firstWaiting_ = 0;
    std::size_t added_ = 0;
    std::size_t built_[kParts] = {};
    bool inputEnded_ = false;
    bool dropped_ = false;
    std::thread workers_[kParts];
};

}  // namespace loopscope
