// What the operating system says a process cost (threads, memory, CPU time, context
// switches), as values: the samples a run's parent takes and the totals the engine child
// reports as Counter events at its end. Reading them from the OS is ProcessUsage.h.
#pragma once

#include <cstdint>

#include "Time.h"
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

struct ProcessSample {
    Nanoseconds at = 0;  // since sampling began
    ProcessStatus status;
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
