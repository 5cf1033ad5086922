#include "ProcessTotals.h"

#include <string>

#include "TraceSink.h"

namespace loopscope {

void emitProcessTotals(TraceSink& sink, const ProcessTotals& totals, Nanoseconds at) {
    auto counter = [&](const char* name, std::int64_t value) {
        TraceEvent event;
        event.ts = at;
        event.kind = EventKind::Counter;
        event.text = name;
        event.value = value;
        sink.record(event);
    };
    counter(kCounterCpuUser, totals.cpuUser);
    counter(kCounterCpuSystem, totals.cpuSystem);
    counter(kCounterVoluntarySwitches, totals.voluntarySwitches);
    counter(kCounterInvoluntarySwitches, totals.involuntarySwitches);
    counter(kCounterPeakRss, totals.peakRssBytes);
    counter(kCounterPeakVm, totals.peakVmBytes);
}

ProcessTotals addProcessTotals(const ProcessTotals& a, const ProcessTotals& b) {
    ProcessTotals sum;
    sum.cpuUser = a.cpuUser + b.cpuUser;
    sum.cpuSystem = a.cpuSystem + b.cpuSystem;
    sum.voluntarySwitches = a.voluntarySwitches + b.voluntarySwitches;
    sum.involuntarySwitches = a.involuntarySwitches + b.involuntarySwitches;
    sum.peakRssBytes = a.peakRssBytes + b.peakRssBytes;
    sum.peakVmBytes = a.peakVmBytes + b.peakVmBytes;
    sum.threadsAtEnd = a.threadsAtEnd + b.threadsAtEnd;
    sum.peakThreads = a.peakThreads + b.peakThreads;
    return sum;
}

namespace {

// The total a counter emitted by emitProcessTotals carries, or null for any other counter.
std::int64_t* totalNamed(ProcessTotals& totals, const std::string& counter) {
    if (counter == kCounterCpuUser)
        return &totals.cpuUser;
    if (counter == kCounterCpuSystem)
        return &totals.cpuSystem;
    if (counter == kCounterVoluntarySwitches)
        return &totals.voluntarySwitches;
    if (counter == kCounterInvoluntarySwitches)
        return &totals.involuntarySwitches;
    if (counter == kCounterPeakRss)
        return &totals.peakRssBytes;
    if (counter == kCounterPeakVm)
        return &totals.peakVmBytes;
    return nullptr;
}

}  // namespace

bool accumulateProcessTotal(const TraceEvent& event, ProcessTotals& totals) {
    std::int64_t* total = event.kind == EventKind::Counter ? totalNamed(totals, event.text) : nullptr;
    if (total)
        *total += event.value;
    return total != nullptr;
}

ProcessTotals processTotalsFromTrace(const Trace& trace) {
    ProcessTotals totals;
    for (const TraceEvent& event : trace) {
        if (event.kind != EventKind::Counter)
            continue;
        if (std::int64_t* total = totalNamed(totals, event.text))
            *total = event.value;
        else if (event.text == kCounterPeakThreads)
            totals.peakThreads = static_cast<int>(event.value);
    }
    return totals;
}

}  // namespace loopscope
