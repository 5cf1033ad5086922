#include "RecordedRuns.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>

#include "ProgramFile.h"
#include "RunOverrides.h"
#include "ScenarioParser.h"

namespace loopscope {
namespace {

std::string firstBytes(const std::string& path, std::size_t count) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes(count, '\0');
    in.read(bytes.data(), std::streamsize(count));
    bytes.resize(std::size_t(in.gcount()));
    return bytes;
}

// The whole text of a file given to a run, or "" when it cannot be read (the run itself
// said why).
std::string fileText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string millisecondsText(Nanoseconds time) {
    char text[48];
    std::snprintf(text, sizeof text, "%.6gms", double(time) / double(kMillisecond));
    return text;
}

void applyOverrides(const std::vector<std::string>& overrides, Scenario& scenario) {
    for (std::size_t i = 0; i + 1 < overrides.size(); i += 2) {
        const std::string& name = overrides[i];
        const std::string& value = overrides[i + 1];
        std::string error;
        if (name == "--threadpool")
            scenario.runtime.threadpool = std::atoi(value.c_str());
        else if (name == "--cores")
            scenario.runtime.cores = std::atoi(value.c_str());
        else if (name == "--horizon") {
            if (const auto horizon = parseHorizonText(value, error))
                scenario.runtime.horizon = *horizon;
        } else if (name == "--load") {
            if (const auto wave = parseLoadWaveText(value, error))
                scenario.load.push_back(*wave);
        }
    }
}

int poolLanesOf(const RunDocument& document) {
    std::set<std::pair<int, std::uint32_t>> lanes;
    for (const RecordedRun& run : document.runs)
        for (const TraceEvent& event : run.trace)
            if (event.kind == EventKind::WorkBegin && event.lane.kind == LaneKind::PoolWorker)
                lanes.insert({event.lane.process, event.lane.index});
    return int(lanes.size());
}

}  // namespace

RecordingKind recordingKindOf(const std::string& path) {
    const std::string head = firstBytes(path, 256);
    if (looksLikeRunFile(head))
        return RecordingKind::SavedRun;
    if (looksLikeChromeTrace(head))
        return RecordingKind::NodeTrace;
    return RecordingKind::None;
}

RunFileResult openRecording(const std::string& path) {
    if (recordingKindOf(path) == RecordingKind::NodeTrace) {
        NodeTraceResult trace = readNodeTrace(path);
        return {std::move(trace.document), std::move(trace.error)};
    }
    return readRunFile(path);
}

RunDocument documentForRun(const std::string& path, const Scenario& scenario, std::vector<std::string> overrides) {
    RunDocument document;
    document.origin = originHere();
    document.title = scenario.title;
    document.sources.push_back({path, fileText(path)});
    if (!scenario.program.empty() && scenario.program != path)
        document.sources.push_back({scenario.program, fileText(scenario.program)});
    document.overrides = std::move(overrides);
    return document;
}

std::vector<std::string> overrideArguments(std::optional<int> threadpool, std::optional<int> cores,
                                           std::optional<Nanoseconds> horizon,
                                           const std::vector<std::string>& loadWaves) {
    std::vector<std::string> arguments;
    if (threadpool)
        arguments.insert(arguments.end(), {"--threadpool", std::to_string(*threadpool)});
    if (cores)
        arguments.insert(arguments.end(), {"--cores", std::to_string(*cores)});
    if (horizon)
        arguments.insert(arguments.end(), {"--horizon", millisecondsText(*horizon)});
    for (const std::string& wave : loadWaves)
        arguments.insert(arguments.end(), {"--load", wave});
    return arguments;
}

Scenario scenarioOfDocument(const RunDocument& document) {
    Scenario scenario;
    bool read = false;
    if (!document.sources.empty() && !document.sources[0].text.empty()) {
        const SourceText& source = document.sources[0];
        if (isJavaScriptFile(source.path)) {
            scenario = programScenario(source.path);
            read = true;
        } else if (ParseResult parsed = parseScenarioText(source.text, source.path); parsed.ok()) {
            scenario = *parsed.scenario;
            read = true;
        }
    }
    if (!read) {
        scenario.title = document.title;
        if (const int lanes = poolLanesOf(document); lanes > 0)
            scenario.runtime.threadpool = lanes;
    }
    applyOverrides(document.overrides, scenario);
    return scenario;
}

}  // namespace loopscope
