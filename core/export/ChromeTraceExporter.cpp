#include "ChromeTraceExporter.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <limits>
#include <queue>
#include <unordered_map>
#include <vector>

#include "JsonString.h"
#include "OutputFile.h"
#include "QueueNames.h"
#include "RequestNumbers.h"

namespace loopscope {

namespace {

// Process ids: run r (0-based) uses r * kPidsPerRun + 1 + its cluster process, and
// r * kPidsPerRun + kClientPidOffset for its load client.
constexpr std::int64_t kPidsPerRun = 1000;
constexpr std::int64_t kClientPidOffset = 999;

// Where slices of one lane are drawn. A lane has one track, except where its work can
// overlap (concurrent kernel I/Os): there `slot` k > 0 is an extra track.
struct TrackKey {
    std::uint16_t process = 0;
    LaneKind kind = LaneKind::Main;
    std::uint32_t index = 0;
    std::uint32_t slot = 0;
    friend bool operator==(const TrackKey&, const TrackKey&) = default;
};

struct TrackKeyHash {
    std::size_t operator()(const TrackKey& key) const noexcept {
        std::uint64_t packed = (std::uint64_t(key.process) << 48) ^ (std::uint64_t(key.kind) << 40) ^
                               (std::uint64_t(key.index) << 20) ^ key.slot;
        return std::hash<std::uint64_t>{}(packed * 0x9E3779B97F4A7C15ull);
    }
};

struct Track {
    TrackKey key;
    std::int64_t pid = 0;
    std::int64_t tid = 0;
    std::vector<std::size_t> openCallbacks;  // indexes of unmatched CallbackBegin events
    std::vector<std::size_t> openFrames;
    std::vector<std::size_t> openPhases;
    std::vector<std::size_t> openBlocks;
};

// Work and I/O spans are matched by (lane, id): they may overlap on one lane.
struct SpanKey {
    TrackKey lane;  // slot 0
    bool io = false;
    std::uint64_t id = 0;
    friend bool operator==(const SpanKey&, const SpanKey&) = default;
};

struct SpanKeyHash {
    std::size_t operator()(const SpanKey& key) const noexcept {
        return TrackKeyHash{}(key.lane) ^ std::hash<std::uint64_t>{}(key.id * 2 + (key.io ? 1 : 0));
    }
};

struct OpenSpan {
    std::size_t begin = 0;
    std::uint32_t slot = 0;
};

// The free extra tracks of one lane, lowest first, so that spans reuse low slots.
struct SlotPool {
    std::priority_queue<std::uint32_t, std::vector<std::uint32_t>, std::greater<>> free;
    std::uint32_t next = 0;

    std::uint32_t take() {
        if (free.empty())
            return next++;
        const std::uint32_t slot = free.top();
        free.pop();
        return slot;
    }
    void give(std::uint32_t slot) { free.push(slot); }
};

struct Flow {
    std::size_t source = 0;
    std::size_t target = 0;
};

void appendInt(std::string& out, std::int64_t value) {
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

// Nanoseconds as microseconds with up to three decimals ("1500" -> "1.5").
void appendMicros(std::string& out, Nanoseconds ns) {
    if (ns < 0) {
        out += '-';
        if (ns == std::numeric_limits<Nanoseconds>::min()) {
            out += "9223372036854775.808";
            return;
        }
        ns = -ns;
    }
    appendInt(out, ns / 1000);
    int fraction = static_cast<int>(ns % 1000);
    if (fraction == 0)
        return;
    char digits[4] = {'.', char('0' + fraction / 100), char('0' + fraction / 10 % 10), char('0' + fraction % 10)};
    std::size_t length = 4;
    while (digits[length - 1] == '0')
        --length;
    out.append(digits, length);
}

const char* workName(LaneKind lane) {
    switch (lane) {
    case LaneKind::PoolWorker: return "thread-pool work";
    case LaneKind::Worker: return "worker computes";
    case LaneKind::Thread: return "thread works";
    case LaneKind::Kernel: return "network I/O";
    case LaneKind::Main: return "main thread works";
    case LaneKind::Client: return "client works";
    }
    return "work";
}

std::int64_t sortIndex(const TrackKey& key) {
    switch (key.kind) {
    case LaneKind::Main: return 0;
    case LaneKind::PoolWorker: return 1 + std::int64_t(key.index);
    case LaneKind::Kernel: return 100000 + std::int64_t(key.slot);
    case LaneKind::Worker: return 1000000 + std::int64_t(key.index);
    case LaneKind::Thread: return 2000000 + std::int64_t(key.index);
    case LaneKind::Client: return 1000000000;
    }
    return 0;
}

std::string trackName(const TrackKey& key) {
    std::string name = laneName(Lane{key.kind, 0, key.index});
    if (key.slot > 0)
        name += " #" + std::to_string(key.slot + 1);
    return name;
}

// What the runs of one file share: the text so far, and ids that must stay unique.
struct ChromeTraceOutput {
    std::string text;
    bool firstEvent = true;
    std::int64_t nextTid = 1;
    std::int64_t nextFlowId = 1;
};

// Writes the events of one run (one engine's Trace) into the shared output.
class ChromeTraceWriter {
public:
    ChromeTraceWriter(const ChromeTraceRun& run, std::size_t runIndex, bool severalRuns, const std::string& title,
                      ChromeTraceOutput& output)
        : trace_(*run.trace),
          processTitle_(processTitle(title, run.name, severalRuns)),
          clientTitle_(processTitle("load client", run.name, severalRuns)),
          pidBase_(std::int64_t(runIndex) * kPidsPerRun),
          out_(output.text),
          output_(output) {
        tracks_.reserve(16);
    }

    void write() {
        for (const TraceEvent& event : trace_)
            lastTs_ = std::max(lastTs_, event.ts);
        trackOf_.resize(trace_.size(), 0);
        indexFirstEventById();
        for (std::size_t i = 0; i < trace_.size(); ++i)
            writeEvent(i);
        closeUnfinishedSpans();
        writeFlows();
        writeMetadata();
    }

private:
    static std::string processTitle(const std::string& title, const std::string& runName, bool severalRuns) {
        std::string name = title.empty() ? std::string("loopscope") : title;
        if (severalRuns && !runName.empty())
            name += " \xE2\x80\x94 " + runName;
        return name;
    }

    std::size_t trackIndex(const TrackKey& key) {
        if (lastTrack_ < tracks_.size() && tracks_[lastTrack_].key == key)
            return lastTrack_;
        auto [it, inserted] = trackByKey_.try_emplace(key, tracks_.size());
        if (inserted) {
            Track track;
            track.key = key;
            track.pid = pidBase_ + (key.kind == LaneKind::Client ? kClientPidOffset : std::int64_t(key.process) + 1);
            track.tid = output_.nextTid++;
            tracks_.push_back(std::move(track));
        }
        lastTrack_ = it->second;
        return it->second;
    }

    static TrackKey laneKey(const Lane& lane) { return TrackKey{lane.process, lane.kind, lane.index, 0}; }

    void indexFirstEventById() {
        bool anyCause = false;
        for (const TraceEvent& event : trace_)
            anyCause = anyCause || (event.kind == EventKind::CallbackBegin && event.cause != 0);
        if (!anyCause)
            return;
        firstById_.reserve(trace_.size() / 2);
        for (std::size_t i = 0; i < trace_.size(); ++i)
            if (trace_[i].id != 0)
                firstById_.try_emplace(trace_[i].id, i);
    }

    // The fields every event has: "ph", "name", "cat", "ts", "pid", "tid".
    void beginEvent(char phase, std::string_view name, const char* category, Nanoseconds ts, const Track& track) {
        if (!output_.firstEvent)
            out_ += ',';
        output_.firstEvent = false;
        out_ += "\n{\"ph\":\"";
        out_ += phase;
        out_ += "\",\"name\":";
        appendJsonString(out_, name);
        out_ += ",\"cat\":\"";
        out_ += category;
        out_ += "\",\"ts\":";
        appendMicros(out_, ts);
        out_ += ",\"pid\":";
        appendInt(out_, track.pid);
        out_ += ",\"tid\":";
        appendInt(out_, track.tid);
    }

    // "args": the id, the scenario step (LINE:COLUMN), the queue and the cause, when known.
    void appendStepArgs(const TraceEvent& event) {
        out_ += ",\"args\":{";
        const std::size_t open = out_.size();
        const auto key = [&](const char* name) {
            if (out_.size() != open)
                out_ += ',';
            out_ += name;
        };
        if (event.id != 0) {
            key("\"id\":");
            appendInt(out_, std::int64_t(event.id));
        }
        if (event.step.line > 0) {
            key("\"step\":\"");
            appendInt(out_, event.step.line);
            out_ += ':';
            appendInt(out_, event.step.column);
            out_ += '"';
        }
        if (event.queue != QueueKind::None) {
            key("\"queue\":\"");
            out_ += queueName(event.queue);
            out_ += '"';
        }
        if (event.cause != 0) {
            key("\"cause\":");
            appendInt(out_, std::int64_t(event.cause));
        }
        out_ += '}';
    }

    void writeSlice(std::string_view name, const char* category, const TraceEvent& begin, Nanoseconds end,
                    const Track& track) {
        beginEvent('X', name, category, begin.ts, track);
        out_ += ",\"dur\":";
        appendMicros(out_, std::max<Nanoseconds>(0, end - begin.ts));
        appendStepArgs(begin);
        out_ += '}';
    }

    void writeInstant(std::string_view name, const char* category, const TraceEvent& event, const Track& track) {
        beginEvent('i', name, category, event.ts, track);
        out_ += ",\"s\":\"t\"";
        appendStepArgs(event);
        out_ += '}';
    }

    void writeCallback(std::size_t begin, Nanoseconds end, const Track& track) {
        const TraceEvent& event = trace_[begin];
        writeSlice(event.text.empty() ? std::string_view(callbackLabel(event.queue, event.phase)) : std::string_view(event.text),
                   "callback", event, end, track);
    }
    void writeFrame(std::size_t begin, Nanoseconds end, const Track& track) {
        const TraceEvent& event = trace_[begin];
        writeSlice(event.text.empty() ? std::string_view("frame") : std::string_view(event.text), "frame", event,
                   end, track);
    }
    void writePhase(std::size_t begin, Nanoseconds end, const Track& track) {
        writeSlice(phaseName(trace_[begin].phase), "phase", trace_[begin], end, track);
    }
    void writeBlock(std::size_t begin, Nanoseconds end, const Track& track) {
        writeSlice("blocked", "thread", trace_[begin], end, track);
    }
    void writeSpan(std::size_t begin, Nanoseconds end, const Track& track) {
        const TraceEvent& event = trace_[begin];
        const bool io = event.kind == EventKind::IoBegin;
        writeSlice(event.text.empty() ? std::string_view(workName(event.lane.kind)) : std::string_view(event.text),
                   io ? "io" : "work", event, end, track);
    }

    // Closes the innermost open slice of `stack` with an end at `end`.
    template <typename WriteFn>
    void closeTop(std::vector<std::size_t> Track::*stack, std::size_t trackAt, Nanoseconds end, WriteFn write) {
        auto& open = tracks_[trackAt].*stack;
        if (open.empty())
            return;  // an end without its begin: nothing to draw
        const std::size_t begin = open.back();
        open.pop_back();
        (this->*write)(begin, end, tracks_[trackAt]);
    }

    void openSpan(std::size_t i) {
        const TraceEvent& event = trace_[i];
        const TrackKey lane = laneKey(event.lane);
        const bool io = event.kind == EventKind::IoBegin;
        const std::uint32_t slot = slots_[lane].take();
        TrackKey key = lane;
        key.slot = slot;
        trackOf_[i] = trackIndex(key);
        openSpans_[SpanKey{lane, io, event.id}] = OpenSpan{i, slot};
    }

    void closeSpan(std::size_t i) {
        const TraceEvent& event = trace_[i];
        const TrackKey lane = laneKey(event.lane);
        const auto found = openSpans_.find(SpanKey{lane, event.kind == EventKind::IoEnd, event.id});
        if (found == openSpans_.end()) {
            trackOf_[i] = trackIndex(lane);  // an end without its begin: nothing to draw
            return;
        }
        const OpenSpan span = found->second;
        trackOf_[i] = trackOf_[span.begin];
        openSpans_.erase(found);
        slots_[lane].give(span.slot);
        writeSpan(span.begin, event.ts, tracks_[trackOf_[span.begin]]);
    }

    // The cause is the callback that scheduled this one (its latest run, for intervals);
    // failing that, the first event carrying the cause's id (for example its Enqueue).
    void addFlowTo(std::size_t target) {
        const TraceEvent& event = trace_[target];
        std::size_t source = target;
        if (const auto callback = lastCallbackById_.find(event.cause); callback != lastCallbackById_.end())
            source = callback->second;
        else if (const auto first = firstById_.find(event.cause); first != firstById_.end())
            source = first->second;
        if (source != target && trace_[source].ts <= event.ts)
            flows_.push_back(Flow{source, target});
    }

    void writeEvent(std::size_t i) {
        const TraceEvent& event = trace_[i];
        if (event.kind == EventKind::WorkBegin || event.kind == EventKind::IoBegin) {
            openSpan(i);
            return;
        }
        if (event.kind == EventKind::WorkEnd || event.kind == EventKind::IoEnd) {
            closeSpan(i);
            return;
        }
        const std::size_t at = trackIndex(laneKey(event.lane));
        trackOf_[i] = at;
        switch (event.kind) {
        case EventKind::PhaseEnter: tracks_[at].openPhases.push_back(i); break;
        case EventKind::PhaseLeave: closeTop(&Track::openPhases, at, event.ts, &ChromeTraceWriter::writePhase); break;
        case EventKind::CallbackBegin:
            tracks_[at].openCallbacks.push_back(i);
            if (event.cause != 0)
                addFlowTo(i);
            if (event.id != 0)
                lastCallbackById_[event.id] = i;
            break;
        case EventKind::CallbackEnd:
            closeTop(&Track::openCallbacks, at, event.ts, &ChromeTraceWriter::writeCallback);
            break;
        case EventKind::FramePush: tracks_[at].openFrames.push_back(i); break;
        case EventKind::FramePop: closeTop(&Track::openFrames, at, event.ts, &ChromeTraceWriter::writeFrame); break;
        case EventKind::ThreadBlock: tracks_[at].openBlocks.push_back(i); break;
        case EventKind::ThreadRun: closeTop(&Track::openBlocks, at, event.ts, &ChromeTraceWriter::writeBlock); break;
        case EventKind::Log: writeInstant(event.text, "log", event, tracks_[at]); break;
        case EventKind::LoopIteration:
            writeInstant("loop iteration " + std::to_string(event.value), "loop", event, tracks_[at]);
            break;
        case EventKind::RequestArrive:
            writeInstant("request " + requestNumberText(std::uint64_t(event.value)) + " arrives", "request", event, tracks_[at]);
            break;
        case EventKind::RequestRespond:
            writeInstant("request " + requestNumberText(std::uint64_t(event.value)) + " answered " + event.text, "request", event,
                         tracks_[at]);
            break;
        case EventKind::ThreadCreate: writeInstant("thread created", "thread", event, tracks_[at]); break;
        case EventKind::ThreadExit: writeInstant("thread exits", "thread", event, tracks_[at]); break;
        case EventKind::RunEnd:
            if (event.value != 0)
                writeInstant("run failed: " + event.text, "run", event, tracks_[at]);
            break;
        case EventKind::Counter: {
            const std::string_view name = event.text.empty() ? std::string_view("counter") : event.text;
            beginEvent('C', name, "counter", event.ts, tracks_[at]);
            out_ += ",\"args\":{";
            appendJsonString(out_, name);
            out_ += ':';
            appendInt(out_, event.value);
            out_ += "}}";
            break;
        }
        default: break;  // queue moves and run begin are for the live view, not the timeline
        }
    }

    // A run cut short (horizon, failure) leaves slices open: they end with the trace.
    void closeUnfinishedSpans() {
        for (std::size_t at = 0; at < tracks_.size(); ++at) {
            while (!tracks_[at].openCallbacks.empty())
                closeTop(&Track::openCallbacks, at, lastTs_, &ChromeTraceWriter::writeCallback);
            while (!tracks_[at].openFrames.empty())
                closeTop(&Track::openFrames, at, lastTs_, &ChromeTraceWriter::writeFrame);
            while (!tracks_[at].openPhases.empty())
                closeTop(&Track::openPhases, at, lastTs_, &ChromeTraceWriter::writePhase);
            while (!tracks_[at].openBlocks.empty())
                closeTop(&Track::openBlocks, at, lastTs_, &ChromeTraceWriter::writeBlock);
        }
        std::vector<std::size_t> unfinished;
        for (const auto& [key, span] : openSpans_)
            unfinished.push_back(span.begin);
        std::sort(unfinished.begin(), unfinished.end());  // stable output, whatever the hash order
        for (std::size_t begin : unfinished)
            writeSpan(begin, lastTs_, tracks_[trackOf_[begin]]);
        openSpans_.clear();
    }

    void writeFlows() {
        for (const Flow& flow : flows_) {
            const std::int64_t flowId = output_.nextFlowId++;
            beginEvent('s', "cause", "flow", trace_[flow.source].ts, tracks_[trackOf_[flow.source]]);
            out_ += ",\"id\":";
            appendInt(out_, flowId);
            out_ += '}';
            beginEvent('f', "cause", "flow", trace_[flow.target].ts, tracks_[trackOf_[flow.target]]);
            out_ += ",\"bp\":\"e\",\"id\":";
            appendInt(out_, flowId);
            out_ += '}';
        }
    }

    void writeMetadataEvent(const char* name, const Track& track, const char* key, std::string_view text) {
        beginEvent('M', name, "__metadata", 0, track);
        out_ += ",\"args\":{\"";
        out_ += key;
        out_ += "\":";
        appendJsonString(out_, text);
        out_ += "}}";
    }
    void writeMetadataEvent(const char* name, const Track& track, std::int64_t sortIndex) {
        beginEvent('M', name, "__metadata", 0, track);
        out_ += ",\"args\":{\"sort_index\":";
        appendInt(out_, sortIndex);
        out_ += "}}";
    }

    void writeMetadata() {
        bool severalProcesses = false;
        for (const Track& track : tracks_)
            severalProcesses = severalProcesses || (track.key.kind != LaneKind::Client && track.key.process > 0);
        std::vector<std::int64_t> namedPids;
        for (const Track& track : tracks_) {
            if (std::find(namedPids.begin(), namedPids.end(), track.pid) == namedPids.end()) {
                namedPids.push_back(track.pid);
                std::string processName = track.key.kind == LaneKind::Client ? clientTitle_ : processTitle_;
                if (severalProcesses && track.key.kind != LaneKind::Client)
                    processName += " \xE2\x80\x94 process " + std::to_string(track.key.process + 1);
                writeMetadataEvent("process_name", track, "name", processName);
                writeMetadataEvent("process_sort_index", track, track.pid);
            }
            writeMetadataEvent("thread_name", track, "name", trackName(track.key));
            writeMetadataEvent("thread_sort_index", track, sortIndex(track.key));
        }
    }

    const Trace& trace_;
    const std::string processTitle_;
    const std::string clientTitle_;
    const std::int64_t pidBase_;
    std::string& out_;
    ChromeTraceOutput& output_;
    Nanoseconds lastTs_ = 0;
    std::vector<Track> tracks_;
    std::unordered_map<TrackKey, std::size_t, TrackKeyHash> trackByKey_;
    std::size_t lastTrack_ = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> trackOf_;  // event index -> track index
    std::unordered_map<TrackKey, SlotPool, TrackKeyHash> slots_;
    std::unordered_map<SpanKey, OpenSpan, SpanKeyHash> openSpans_;
    std::unordered_map<std::uint64_t, std::size_t> firstById_;
    std::unordered_map<std::uint64_t, std::size_t> lastCallbackById_;
    std::vector<Flow> flows_;
};

}  // namespace

std::string chromeTraceJson(const std::vector<ChromeTraceRun>& runs, const std::string& title) {
    ChromeTraceOutput output;
    std::size_t events = 0;
    for (const ChromeTraceRun& run : runs)
        events += run.trace ? run.trace->size() : 0;
    output.text.reserve(128 + events * 170);
    output.text += "{\"traceEvents\":[";
    for (std::size_t i = 0; i < runs.size(); ++i)
        if (runs[i].trace)
            ChromeTraceWriter(runs[i], i, runs.size() > 1, title, output).write();
    output.text += "],\"displayTimeUnit\":\"ms\",\"otherData\":{\"title\":";
    appendJsonString(output.text, title);
    output.text += "}}\n";
    return std::move(output.text);
}

std::string chromeTraceJson(const Trace& trace, const std::string& title) {
    return chromeTraceJson(std::vector<ChromeTraceRun>{{&trace, {}}}, title);
}

bool writeChromeTrace(const Trace& trace, const std::string& path, const std::string& title, std::string* error) {
    return writeChromeTrace(std::vector<ChromeTraceRun>{{&trace, {}}}, path, title, error);
}

bool writeChromeTrace(const std::vector<ChromeTraceRun>& runs, const std::string& path, const std::string& title,
                      std::string* error) {
    return writeOutputFile(path, chromeTraceJson(runs, title), error);
}

}  // namespace loopscope
