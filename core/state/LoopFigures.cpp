#include "LoopFigures.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

namespace loopscope {
namespace {

struct Job {
    Nanoseconds begin = 0;
    Nanoseconds end = 0;
    std::uint64_t lane = 0;
};

std::uint64_t laneKey(const Lane& lane) { return (std::uint64_t(lane.process) << 32) | lane.index; }

// Busy stretches of the pool: jobs sorted by begin, a stretch ends when no job runs. Each
// stretch adds its jobs divided by the workers that ran them, rounded up: how a worker
// that finishes early takes more than its share (threads on a busy machine are not
// scheduled evenly) does not change how many waves the jobs needed.
int countWaves(std::vector<Job> jobs) {
    std::sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) { return std::tie(a.begin, a.end) < std::tie(b.begin, b.end); });
    int waves = 0;
    std::size_t i = 0;
    while (i < jobs.size()) {
        Nanoseconds stretchEnd = jobs[i].end;
        std::map<std::uint64_t, int> perLane;
        std::size_t j = i;
        for (; j < jobs.size() && jobs[j].begin <= stretchEnd; ++j) {
            stretchEnd = std::max(stretchEnd, jobs[j].end);
            ++perLane[jobs[j].lane];
        }
        const int jobsInStretch = int(j - i), lanes = int(perLane.size());
        waves += (jobsInStretch + lanes - 1) / lanes;
        i = j;
    }
    return waves;
}

}  // namespace

LoopFigures loopFigures(const Trace& trace) {
    LoopFigures figures;
    // Per process: how deep in callbacks the main thread is, and since when it is busy
    // (a callback may run inside another: busy time counts the outermost).
    std::map<std::uint64_t, std::pair<int, Nanoseconds>> mainDepth;
    std::map<std::pair<std::uint64_t, std::uint64_t>, Nanoseconds> workBegin;  // (lane, job) -> begin
    std::vector<Job> jobs;
    std::map<std::uint64_t, bool> lanesUsed;
    for (const TraceEvent& event : trace) {
        figures.end = std::max(figures.end, event.ts);
        const Lane& lane = event.lane;
        switch (event.kind) {
        case EventKind::CallbackBegin:
            if (lane.kind == LaneKind::Main) {
                ++figures.callbacks[std::size_t(event.queue)];
                auto& [depth, since] = mainDepth[lane.process];
                if (depth++ == 0)
                    since = event.ts;
            }
            break;
        case EventKind::CallbackEnd:
            if (lane.kind == LaneKind::Main) {
                auto& [depth, since] = mainDepth[lane.process];
                if (depth > 0 && --depth == 0)
                    figures.mainBusy += event.ts - since;
            }
            break;
        case EventKind::WorkBegin:
            if (lane.kind == LaneKind::PoolWorker)
                workBegin[{laneKey(lane), event.id}] = event.ts;
            break;
        case EventKind::WorkEnd:
            if (lane.kind == LaneKind::PoolWorker) {
                auto open = workBegin.find({laneKey(lane), event.id});
                if (open != workBegin.end()) {
                    jobs.push_back({open->second, event.ts, laneKey(lane)});
                    lanesUsed[laneKey(lane)] = true;
                    workBegin.erase(open);
                }
            }
            break;
        default:
            break;
        }
    }
    figures.poolJobs = int(jobs.size());
    figures.poolLanes = int(lanesUsed.size());
    figures.poolWaves = countWaves(std::move(jobs));
    return figures;
}

}  // namespace loopscope
