#include "RunDifferences.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "LoopFigures.h"
#include "LoopState.h"
#include "RunMeasurements.h"

namespace loopscope {
namespace {

struct Figures {
    LoopFigures loop;
    RunMeasurements measured;
    bool sampled = false;  // the OS was asked what the run cost
    bool cpuKnown = false;
};

Figures figuresOf(const ComparedRun& run) {
    Figures figures;
    if (!run.trace)
        return figures;
    figures.loop = loopFigures(*run.trace);
    const std::vector<ProcessSample> none;
    const std::vector<ProcessSample>& samples = run.samples ? *run.samples : none;
    const ProcessTotals totals = processTotalsFromTrace(*run.trace);
    figures.measured = measureRun(requestTimings(*run.trace), samples, totals);
    figures.sampled = !samples.empty();
    figures.cpuKnown = figures.measured.cpuUser + figures.measured.cpuSystem > 0;
    return figures;
}

enum class Unit { Count, Duration, PerSecond, Bytes };

std::string formatValue(Unit unit, double value) {
    char text[64];
    switch (unit) {
    case Unit::Count: return std::to_string(static_cast<long long>(value));
    case Unit::Duration: return formatDuration(static_cast<Nanoseconds>(value));
    case Unit::PerSecond: std::snprintf(text, sizeof text, "%.1f /s", value); return text;
    case Unit::Bytes: std::snprintf(text, sizeof text, "%.1f MiB", value / (1024.0 * 1024.0)); return text;
    }
    return "?";
}

std::string change(Unit unit, double first, double second) {
    char text[64];
    if (unit == Unit::Count) {
        const long long delta = static_cast<long long>(second - first);
        std::snprintf(text, sizeof text, delta > 0 ? "+%lld" : "%lld", delta);
        return text;
    }
    if (first == 0)
        return "-";
    std::snprintf(text, sizeof text, "x%.2f", second / first);
    return text;
}

struct RowMaker {
    std::vector<DifferenceRow> rows;
    // A figure each run may or may not know; the row is left out when neither does.
    void add(const std::string& title, Unit unit, std::optional<double> first, std::optional<double> second) {
        if (!first && !second)
            return;
        DifferenceRow row;
        row.title = title;
        row.first = first ? formatValue(unit, *first) : "-";
        row.second = second ? formatValue(unit, *second) : "-";
        row.change = first && second ? change(unit, *first, *second) : "-";
        rows.push_back(std::move(row));
    }
};

std::optional<double> when(bool known, double value) { return known ? std::optional<double>(value) : std::nullopt; }

}  // namespace

std::vector<DifferenceRow> runDifferences(const ComparedRun& first, const ComparedRun& second) {
    const Figures a = figuresOf(first);
    const Figures b = figuresOf(second);
    RowMaker rows;
    const bool aServed = a.measured.requests > 0, bServed = b.measured.requests > 0;
    rows.add("Requests answered", Unit::Count, when(aServed, a.measured.answered), when(bServed, b.measured.answered));
    rows.add("Requests failed", Unit::Count, when(aServed, a.measured.failed), when(bServed, b.measured.failed));
    const bool aAnswered = a.measured.answered > 0, bAnswered = b.measured.answered > 0;
    rows.add("Latency p50", Unit::Duration, when(aAnswered, double(a.measured.latencyP50)),
             when(bAnswered, double(b.measured.latencyP50)));
    rows.add("Latency p99", Unit::Duration, when(aAnswered, double(a.measured.latencyP99)),
             when(bAnswered, double(b.measured.latencyP99)));
    rows.add("Throughput", Unit::PerSecond, when(aAnswered, a.measured.throughput), when(bAnswered, b.measured.throughput));
    const struct {
        QueueKind queue;
        const char* title;
    } queues[] = {{QueueKind::NextTick, "Callbacks: process.nextTick"},
                  {QueueKind::Microtask, "Callbacks: microtasks (promises)"},
                  {QueueKind::Timers, "Callbacks: timers"},
                  {QueueKind::Pending, "Callbacks: pending"},
                  {QueueKind::Poll, "Callbacks: poll (I/O)"},
                  {QueueKind::Check, "Callbacks: check (setImmediate)"},
                  {QueueKind::Close, "Callbacks: close"}};
    for (const auto& [queue, title] : queues) {
        const int x = a.loop.callbacksFrom(queue), y = b.loop.callbacksFrom(queue);
        rows.add(title, Unit::Count, when(x + y > 0, x), when(x + y > 0, y));
    }
    const bool pool = a.loop.poolJobs + b.loop.poolJobs > 0;
    const bool busy = a.loop.mainBusy + b.loop.mainBusy > 0;
    rows.add("Main thread busy", Unit::Duration, when(busy, double(a.loop.mainBusy)), when(busy, double(b.loop.mainBusy)));
    rows.add("Thread-pool jobs", Unit::Count, when(pool, a.loop.poolJobs), when(pool, b.loop.poolJobs));
    rows.add("Thread-pool waves", Unit::Count, when(pool, a.loop.poolWaves), when(pool, b.loop.poolWaves));
    rows.add("Pool workers used", Unit::Count, when(pool, a.loop.poolLanes), when(pool, b.loop.poolLanes));
    rows.add("Peak threads", Unit::Count, when(a.sampled, a.measured.peakThreads), when(b.sampled, b.measured.peakThreads));
    rows.add("Peak resident memory", Unit::Bytes, when(a.sampled, double(a.measured.peakRssBytes)),
             when(b.sampled, double(b.measured.peakRssBytes)));
    rows.add("CPU time", Unit::Duration, when(a.cpuKnown, double(a.measured.cpuUser + a.measured.cpuSystem)),
             when(b.cpuKnown, double(b.measured.cpuUser + b.measured.cpuSystem)));
    rows.add("Run length", Unit::Duration, double(a.loop.end), double(b.loop.end));
    return rows.rows;
}

std::string formatDifferences(const std::vector<DifferenceRow>& rows, const std::string& firstName,
                              const std::string& secondName) {
    std::vector<std::vector<std::string>> table{{"", firstName, secondName, "change"}};
    for (const DifferenceRow& row : rows)
        table.push_back({row.title, row.first, row.second, row.change});
    std::vector<std::size_t> widths(4, 0);
    for (const auto& line : table)
        for (std::size_t c = 0; c < 4; ++c)
            widths[c] = std::max(widths[c], line[c].size());
    std::string out;
    for (const auto& line : table) {
        std::string text = line[0] + std::string(widths[0] - line[0].size(), ' ');
        for (std::size_t c = 1; c < 4; ++c)
            text += "  " + std::string(widths[c] - line[c].size(), ' ') + line[c];
        out += text + "\n";
    }
    return out;
}

}  // namespace loopscope
