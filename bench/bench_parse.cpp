// Parsing speed: a generated scenario of 10,000 steps (nested callbacks included), from
// text to Scenario. The budget is a median under 50 ms (docs/benchmarks.md, "Parsing").
#include <benchmark/benchmark.h>

#include <string>
#include <yaml.h>

#include "ScenarioParser.h"

namespace {

constexpr int kStepsPerGroup = 8;
constexpr int kSteps = 10000;

// Eight steps per group, of the kinds teachers write most, at realistic nesting.
std::string scenarioText(int steps) {
    std::string text = "loopscope: 1\ntitle: Ten thousand steps\nruntime:\n  threadpool: 4\nmain:\n";
    for (int group = 0; group < steps / kStepsPerGroup; ++group) {
        const std::string n = std::to_string(group);
        text += "  - log: Step " + n + "\n";
        text += "  - cpu: {takes: 1ms, label: parse " + n + "}\n";
        text += "  - setTimeout:\n      delay: 10ms\n      id: timer" + n + "\n      run:\n        - log: timer " + n + "\n";
        text += "  - fs.readFile:\n      takes: 5ms\n      then:\n        - log: \"read " + n + "\"\n";
        text += "  - promise:\n      run:\n        - log: first\n";
    }
    return text;
}

std::size_t countSteps(const loopscope::StepList& steps) {
    std::size_t count = 0;
    for (const loopscope::Step& step : steps)
        count += 1 + countSteps(step.run) + countSteps(step.then);
    return count;
}

void BM_ParseTenThousandSteps(benchmark::State& state) {
    const std::string text = scenarioText(kSteps);
    const loopscope::ParseResult check = loopscope::parseScenarioText(text, "bench.yaml");
    if (!check.ok() || countSteps(check.scenario->main) != kSteps) {
        state.SkipWithError("the generated scenario does not parse into 10,000 steps");
        return;
    }
    for (auto _ : state) {
        loopscope::ParseResult result = loopscope::parseScenarioText(text, "bench.yaml");
        benchmark::DoNotOptimize(result);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
    state.counters["steps"] = kSteps;
    state.counters["bytes"] = static_cast<double>(text.size());
}
BENCHMARK(BM_ParseTenThousandSteps)->Unit(benchmark::kMillisecond);

// The floor under the parser: libyaml's own event parser on the same text, with events
// ignored. The parser's cost is this plus the pre-scan, the tree and the checks.
void BM_LibyamlEventsOnly(benchmark::State& state) {
    const std::string text = scenarioText(kSteps);
    for (auto _ : state) {
        yaml_parser_t parser;
        yaml_parser_initialize(&parser);
        yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
        std::size_t events = 0;
        for (bool done = false; !done;) {
            yaml_event_t event;
            if (!yaml_parser_parse(&parser, &event)) {
                state.SkipWithError("libyaml refused the generated scenario");
                break;
            }
            done = event.type == YAML_STREAM_END_EVENT;
            ++events;
            yaml_event_delete(&event);
        }
        yaml_parser_delete(&parser);
        benchmark::DoNotOptimize(events);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_LibyamlEventsOnly)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
