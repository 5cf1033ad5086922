// What a Worker's own runtime reports, as the parent's trace shows it: each callback the
// worker runs is work on the worker's lane (its queues and phases are its own loop's and
// stay out of the parent's panels); the jobs it gives the thread pool - the process's one
// pool, which the parent's jobs share - are work on the pool lanes, named for the worker;
// its console lines go to the parent, which writes them when it handles them, as Node's
// parent writes a worker's stdout.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

#include "CpuBurn.h"
#include "TraceEvent.h"
#include "TraceSink.h"

namespace loopscope {

class WorkerLaneSink final : public TraceSink {
public:
    // `root`: the process's trace (thread-safe), whose time 0 is `rootStart`. `scriptLabel`:
    // what the lane shows for callbacks that were never queued (the script, 'exit').
    WorkerLaneSink(TraceSink& root, Nanoseconds rootStart, Lane lane, std::uint64_t threadId, std::string scriptLabel,
                   std::function<void(std::string text, std::int64_t stream)> onLog)
        : root_(root), rootStart_(rootStart), lane_(lane), threadId_(threadId), idBase_(threadId << 40),
          scriptLabel_(std::move(scriptLabel)), onLog_(std::move(onLog)) {}

    TraceSink& root() const { return root_; }
    Nanoseconds rootStart() const { return rootStart_; }

    void record(const TraceEvent& event) override {
        if (event.kind == EventKind::Log) {
            onLog_(event.text, event.value);
            return;
        }
        if (event.lane.kind == LaneKind::PoolWorker) {
            if (event.kind == EventKind::WorkBegin || event.kind == EventKind::WorkEnd)
                root_.record(poolWork(event));
            return;
        }
        if (event.lane.kind != LaneKind::Main)
            return;
        std::string label;
        {
            // A callback's label is on its Enqueue (pool threads report too: hence the lock).
            std::lock_guard lock(mutex_);
            if (event.kind == EventKind::Enqueue) {
                labels_[event.id] = event.text;
                return;
            }
            if (event.kind != EventKind::CallbackBegin && event.kind != EventKind::CallbackEnd)
                return;
            auto found = labels_.find(event.id);
            if (found != labels_.end()) {
                label = found->second;
                if (event.kind == EventKind::CallbackEnd)
                    labels_.erase(found);
            } else {
                // Never queued: the script first, then process 'beforeExit' and 'exit'.
                label = scriptDone_ ? "process 'beforeExit' / 'exit'" : scriptLabel_;
                if (event.kind == EventKind::CallbackEnd)
                    scriptDone_ = true;
            }
        }
        TraceEvent work;
        work.ts = steadyNow() - rootStart_;
        work.kind = event.kind == EventKind::CallbackBegin ? EventKind::WorkBegin : EventKind::WorkEnd;
        work.lane = lane_;
        work.id = idBase_ + event.id;  // the worker's ids count from 1 as the parent's do
        work.text = std::move(label);
        root_.record(work);
    }

private:
    // A pool job of the worker's, on the pool lane it ran on, with an id unique in the
    // process; its source line is the worker's file's, not the parent's, so it has none.
    TraceEvent poolWork(const TraceEvent& event) const {
        TraceEvent work;
        work.ts = steadyNow() - rootStart_;
        work.kind = event.kind;
        work.queue = event.queue;
        work.lane = Lane{LaneKind::PoolWorker, 0, event.lane.index};
        work.id = idBase_ + event.id;
        if (!event.text.empty())
            work.text = "worker " + std::to_string(threadId_) + ": " + event.text;
        return work;
    }

    TraceSink& root_;
    const Nanoseconds rootStart_;
    const Lane lane_;
    const std::uint64_t threadId_;
    const std::uint64_t idBase_;  // threads < 256: bits 40-47 (a cluster process is bits 48-63)
    const std::string scriptLabel_;
    const std::function<void(std::string, std::int64_t)> onLog_;
    std::mutex mutex_;
    std::unordered_map<std::uint64_t, std::string> labels_;  // guarded by mutex_
    bool scriptDone_ = false;                                // guarded by mutex_
};

}  // namespace loopscope
