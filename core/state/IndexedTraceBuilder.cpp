#include "IndexedTraceBuilder.h"

#include <algorithm>

namespace loopscope {

IndexedTraceBuilder::IndexedTraceBuilder() {
    for (int part = 0; part < kParts; ++part)
        workers_[part] = std::thread([this, part] { build(Part(part)); });
}

IndexedTraceBuilder::~IndexedTraceBuilder() { stop(true); }

void IndexedTraceBuilder::add(std::vector<TraceEvent>&& batch) {
    if (batch.empty())
        return;
    std::unique_lock lock(mutex_);
    consumed_.wait(lock, [this] { return waiting_.size() < kMaxWaiting; });
    waiting_.push_back(std::move(batch));
    ++added_;
    arrived_.notify_all();
}

IndexedTrace IndexedTraceBuilder::finish() {
    stop(false);
    return std::move(result_);
}

void IndexedTraceBuilder::stop(bool drop) {
    {
        std::lock_guard lock(mutex_);
        inputEnded_ = true;
        dropped_ = dropped_ || drop;
        arrived_.notify_all();
    }
    for (std::thread& worker : workers_)
        if (worker.joinable())
            worker.join();
}

// Each part reads the waiting batches in order; a batch leaves when all have built it.
// A deque keeps the references to its elements while others are added at its back.
void IndexedTraceBuilder::build(Part part) {
    for (std::size_t next = 0;; ++next) {
        const std::vector<TraceEvent>* batch = nullptr;
        {
            std::unique_lock lock(mutex_);
            arrived_.wait(lock, [&] { return dropped_ || next < added_ || inputEnded_; });
            if (dropped_ || next >= added_)
                return;
            batch = &waiting_[next - firstWaiting_];
        }
        if (part == Packing) {
            for (const TraceEvent& event : *batch)
                result_.trace.append(event);
        } else if (part == Spans) {
            for (const TraceEvent& event : *batch)
                result_.spans.add(event);
        } else {
            result_.index.add(*batch);
        }
        std::lock_guard lock(mutex_);
        built_[part] = next + 1;
        while (!waiting_.empty() && *std::min_element(std::begin(built_), std::end(built_)) > firstWaiting_) {
            waiting_.pop_front();
            ++firstWaiting_;
        }
        consumed_.notify_all();
    }
}

}  // namespace loopscope
