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

#include "TraceEvent.h"

namespace loopscope {

class TraceSink;

// The lines of /proc/<pid>/status that matter here (bytes, not kB).
struct ProcessStatus {
    int threads = 0;            // Threads
    std::int64_t rssBytes = 0;  // VmRSS
    std::int64_t vmBytes = 0;   // VmSize
    std::int64_t peakRssBytes = 0;  // VmHWM (the kernel's own high-water mark)
    std::int64_t peakVmBytes = 0;   // VmPeak
};

// Parses the text of a /proc/<pid>/status file. Pure.
ProcessStatus parseProcessStatus(std::string_view text);
// Reads /proc/<pid>/status (pid 0 = this process); nullopt when the process is gone.
std::optional<ProcessStatus> readProcessStatus(int pid);

struct ProcessSample {
    Nanoseconds at = 0;  // since sampling began
    ProcessStatus status;
};

// How often a run's parent samples the engine child's /proc/<pid>/status.
constexpr Nanoseconds kProcessSampleInterval = 5 * kMillisecond;

// The option that marks a process of a cluster run in its command line (ClusterEngine.h).
inline constexpr const char* kClusterProcessOption = "--cluster-worker";
// Whether a /proc/<pid>/cmdline (NUL-separated arguments) is a cluster's process. Pure.
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

// The process's totals at the end of a run, from getrusage(RUSAGE_SELF) and
// /proc/self/status: the engine child reports them as Counter events named below,
// just before it exits, so that they cover every thread the run ever had.
struct ProcessTotals {
    Nanoseconds cpuUser = 0;
    Nanoseconds cpuSystem = 0;
    std::int64_t voluntarySwitches = 0;
    std::int64_t involuntarySwitches = 0;
    std::int64_t peakRssBytes = 0;  // VmHWM
    std::int64_t peakVmBytes = 0;   // VmPeak
    int threadsAtEnd = 0;
    // Most threads the run had at once, when the engine measured it itself (a cluster
    // primary sums its processes); 0 when only the parent's samples know.
    int peakThreads = 0;
};

// The totals of several processes that ran side by side (a cluster): times, switches
// and peaks add up (each peak is one process's own, so the sum bounds the whole). Pure.
ProcessTotals addProcessTotals(const ProcessTotals& a, const ProcessTotals& b);

ProcessTotals readOwnProcessTotals();

inline constexpr const char* kCounterCpuUser = "process cpu user ns";
inline constexpr const char* kCounterCpuSystem = "process cpu system ns";
inline constexpr const char* kCounterVoluntarySwitches = "process voluntary context switches";
inline constexpr const char* kCounterInvoluntarySwitches = "process involuntary context switches";
inline constexpr const char* kCounterPeakRss = "process peak rss bytes";
inline constexpr const char* kCounterPeakVm = "process peak virtual bytes";
inline constexpr const char* kCounterPeakThreads = "process peak threads";

// Emits the totals as Counter events at `at` (lane Main).
void emitProcessTotals(TraceSink& sink, const ProcessTotals& totals, Nanoseconds at);
// Whether `event` is one of the counters emitProcessTotals writes; adds its value into
// `totals` when it is. Pure.
bool accumulateProcessTotal(const TraceEvent& event, ProcessTotals& totals);
// Reads them back from a trace (the last value of each counter wins). Pure.
ProcessTotals processTotalsFromTrace(const Trace& trace);

}  // namespace loopscope
