// What the operating system says a run cost: threads, memory, CPU time, context
// switches. Figures come from /proc/<pid>/status and getrusage, never from the
// engines' own bookkeeping, so that both scheduling models are measured alike.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

#include "ProcessTotals.h"

namespace loopscope {

// Parses the text of a /proc/<pid>/status file. Pure.
ProcessStatus parseProcessStatus(std::string_view text);
// Reads /proc/<pid>/status (pid 0 = this process); nullopt when the process is gone.
std::optional<ProcessStatus> readProcessStatus(int pid);

// How often a run's parent samples the engine child's /proc/<pid>/status.
constexpr Nanoseconds kProcessSampleInterval = 5 * kMillisecond;

// The option that marks a process of a cluster run in its command line (ClusterEngine.h).
inline constexpr const char* kClusterProcessOption = "--cluster-process";
// ... and a worker a JavaScript program forked with cluster.fork() (ClusterForks.h).
inline constexpr const char* kClusterWorkerOption = "--cluster-worker";
// ... and a child a JavaScript program forked with child_process.fork() (ClusterForks.h).
inline constexpr const char* kForkedChildOption = "--forked-child";
// Whether a /proc/<pid>/cmdline (NUL-separated arguments) is a cluster's process or a
// program's forked worker. Pure.
bool isClusterProcessCommandLine(std::string_view cmdline);
// The processes of a cluster run that `pid` (its primary) started, from /proc.
std::vector<int> clusterProcessesOf(int pid);

// Samples /proc/<pid>/status every `interval` on its own thread, from outside the
// measured process (so the sampling adds no thread to it), until stop(). When `pid` is
// a cluster's primary, each sample is the sum over it and its processes (the load
// client's helper process is not counted, as for any run).
class ProcessSampler {
public:
    ProcessSampler(int pid, Nanoseconds interval);
    ~ProcessSampler();
    ProcessSampler(const ProcessSampler&) = delete;
    ProcessSampler& operator=(const ProcessSampler&) = delete;
    void stop();
    std::vector<ProcessSample> samples() const;

private:
    mutable std::mutex mutex_;
    std::vector<ProcessSample> samples_;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

ProcessTotals readOwnProcessTotals();


}  // namespace loopscope
