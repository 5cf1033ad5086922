// Long, well-formed traces of a busy server, for stall tests and benchmarks: requests
// arrive every `spacing`; each runs a handler on the main thread, reads a file on the
// pool, queries the network, and answers. Events follow core/TraceEvent.h.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "TraceEvent.h"

namespace loopscope::testing {

inline Trace busyServer(std::size_t targetEvents, int poolWorkers = 4, Nanoseconds spacing = 50 * kMicrosecond) {
    Trace trace;
    trace.reserve(targetEvents + 64);
    auto push = [&](Nanoseconds ts, EventKind kind, Lane lane, QueueKind queue, std::uint64_t id, std::string text = {},
                    std::int64_t value = 0) {
        TraceEvent e;
        e.ts = ts;
        e.kind = kind;
        e.lane = lane;
        e.queue = queue;
        e.id = id;
        e.text = std::move(text);
        e.value = value;
        e.step = {int(id % 12) + 1, 5};
        trace.push_back(std::move(e));
    };
    const Lane main{LaneKind::Main, 0, 0};
    const Lane kernel{LaneKind::Kernel, 0, 0};
    push(0, EventKind::RunBegin, main, QueueKind::None, 0);
    std::vector<Nanoseconds> workerFree(std::size_t(poolWorkers), 0);
    Nanoseconds mainFree = 0;
    std::uint64_t id = 1;
    for (int request = 1; trace.size() + 20 < targetEvents; ++request) {
        const Nanoseconds arrive = request * spacing;
        const std::uint64_t handler = id++, read = id++, query = id++;
        push(arrive, EventKind::RequestArrive, main, QueueKind::None, handler, {}, request);
        Nanoseconds t = std::max(arrive, mainFree);
        push(t, EventKind::CallbackBegin, main, QueueKind::Poll, handler, "request handler");
        push(t + 2000, EventKind::FramePush, main, QueueKind::None, 0, "parseBody");
        push(t + 9000, EventKind::FramePop, main, QueueKind::None, 0);
        push(t + 10000, EventKind::Enqueue, main, QueueKind::PoolFifo, read, "fs.readFile");
        push(t + 12000, EventKind::CallbackEnd, main, QueueKind::None, handler);
        mainFree = t + 12000;
        auto worker = std::min_element(workerFree.begin(), workerFree.end());
        const Lane pool{LaneKind::PoolWorker, 0, std::uint32_t(worker - workerFree.begin())};
        const Nanoseconds start = std::max(t + 10000, *worker);
        push(start, EventKind::Dequeue, main, QueueKind::PoolFifo, read);
        push(start, EventKind::WorkBegin, pool, QueueKind::None, read, "fs.readFile");
        push(start + 400 * kMicrosecond, EventKind::WorkEnd, pool, QueueKind::None, read);
        *worker = start + 400 * kMicrosecond;
        push(*worker, EventKind::Enqueue, main, QueueKind::Poll, read, "readFile callback");
        t = std::max(*worker, mainFree);
        push(t, EventKind::CallbackBegin, main, QueueKind::Poll, read, "readFile callback");
        push(t + 1000, EventKind::IoBegin, kernel, QueueKind::None, query, "net database");
        push(t + 5000, EventKind::CallbackEnd, main, QueueKind::None, read);
        mainFree = t + 5000;
        const Nanoseconds answered = t + 1000 + 300 * kMicrosecond;
        push(answered, EventKind::IoEnd, kernel, QueueKind::None, query);
        push(answered, EventKind::Enqueue, main, QueueKind::Poll, query, "database callback");
        t = std::max(answered, mainFree);
        push(t, EventKind::CallbackBegin, main, QueueKind::Poll, query, "database callback");
        push(t + 1000, EventKind::Log, main, QueueKind::None, 0, "answered " + std::to_string(request));
        push(t + 3000, EventKind::RequestRespond, main, QueueKind::None, handler, "200", request);
        push(t + 4000, EventKind::CallbackEnd, main, QueueKind::None, query);
        mainFree = t + 4000;
    }
    std::stable_sort(trace.begin() + 1, trace.end(), [](const TraceEvent& a, const TraceEvent& b) { return a.ts < b.ts; });
    push(trace.back().ts, EventKind::RunEnd, main, QueueKind::None, 0);
    return trace;
}

// The same load on one thread per request: each thread blocks for its file and its query.
inline Trace threadPerRequest(int requests, Nanoseconds spacing = 50 * kMicrosecond) {
    Trace trace;
    auto push = [&](Nanoseconds ts, EventKind kind, std::uint32_t thread, std::int64_t value = 0) {
        TraceEvent e;
        e.ts = ts;
        e.kind = kind;
        e.lane = Lane{LaneKind::Thread, 0, thread};
        e.value = value;
        trace.push_back(std::move(e));
    };
    TraceEvent begin;
    begin.kind = EventKind::RunBegin;
    begin.value = int(EngineKind::ThreadPerRequest);
    trace.push_back(begin);
    for (int r = 0; r < requests; ++r) {
        const Nanoseconds t = (r + 1) * spacing;
        const auto thread = std::uint32_t(r);
        push(t, EventKind::RequestArrive, thread, r + 1);
        push(t, EventKind::ThreadCreate, thread);
        push(t + 12 * kMicrosecond, EventKind::ThreadBlock, thread);
        push(t + 412 * kMicrosecond, EventKind::ThreadRun, thread);
        push(t + 417 * kMicrosecond, EventKind::ThreadBlock, thread);
        push(t + 717 * kMicrosecond, EventKind::ThreadRun, thread);
        push(t + 721 * kMicrosecond, EventKind::RequestRespond, thread, r + 1);
        push(t + 722 * kMicrosecond, EventKind::ThreadExit, thread);
    }
    std::stable_sort(trace.begin() + 1, trace.end(), [](const TraceEvent& a, const TraceEvent& b) { return a.ts < b.ts; });
    TraceEvent end;
    end.kind = EventKind::RunEnd;
    end.ts = trace.back().ts;
    trace.push_back(end);
    return trace;
}

}  // namespace loopscope::testing
