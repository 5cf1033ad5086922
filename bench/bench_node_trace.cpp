// Import of a trace as Node writes it (one file of 2^19 events, the most Node puts in a
// file, about 100 MB): generated here in Node's own format and proportions (async_hooks
// resources made, run and destroyed; timers and check phases; fs requests; pool jobs on
// four threads; metadata), then parsed and converted to a run, from memory and from a file.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "NodeTraceImport.h"

namespace {

using namespace loopscope;

constexpr std::size_t kNodeFileEvents = std::size_t(1) << 19;

class NodeTraceText {
public:
    std::string make(std::size_t events) {
        text_ = "{\"traceEvents\":[";
        metadata();
        while (count_ < events)
            iteration();
        text_ += "]}";
        return std::move(text_);
    }

private:
    void event(std::int64_t tid, char phase, const char* category, const std::string& name, const std::string& extra,
               const char* args = "{}") {
        if (count_++ > 0)
            text_ += ',';
        ts_ += 7;
        text_ += "{\"pid\":4242,\"tid\":" + std::to_string(tid) + ",\"ts\":" + std::to_string(ts_) +
                 ",\"tts\":" + std::to_string(ts_ / 3) + ",\"ph\":\"" + phase + "\",\"cat\":\"" + category +
                 "\",\"name\":\"" + name + "\",\"dur\":0,\"tdur\":0" + extra + ",\"args\":" + args + "}";
    }
    static std::string id(std::uint64_t value) {
        char text[32];
        std::snprintf(text, sizeof text, ",\"id\":\"0x%llx\"", static_cast<unsigned long long>(value));
        return text;
    }
    void init(const char* type, std::uint64_t asyncId, std::uint64_t trigger) {
        const std::string args = "{\"data\":{\"triggerAsyncId\":" + std::to_string(trigger) +
                                 ",\"executionAsyncId\":" + std::to_string(trigger) + "}}";
        event(4242, 'b', "node,node.async_hooks", type, id(asyncId), args.c_str());
    }
    void callback(const char* type, std::uint64_t asyncId) {
        event(4242, 'b', "node,node.async_hooks", std::string(type) + "_CALLBACK", id(asyncId));
        event(4242, 'e', "node,node.async_hooks", std::string(type) + "_CALLBACK", id(asyncId));
    }
    void destroy(const char* type, std::uint64_t asyncId) {
        event(4242, 'e', "node,node.async_hooks", type, id(asyncId));
    }
    void phase(const char* name) {
        event(4242, 'X', "node,node.environment", name, "");
        text_.replace(text_.rfind("\"dur\":0"), 7, "\"dur\":42");
    }
    void metadata() {
        event(4242, 'M', "__metadata", "version", "", "{\"node\":\"20.18.0\"}");
        event(4242, 'M', "__metadata", "thread_name", "", "{\"name\":\"JavaScriptMainThread\"}");
        event(4242, 'I', "node,node.bootstrap", "bootstrapComplete", "");
        event(4242, 'I', "node,node.bootstrap", "loopStart", "");
    }
    void iteration() {
        const std::uint64_t timer = nextId_++;
        const std::uint64_t tick = nextId_++;
        const std::uint64_t promise = nextId_++;
        const std::uint64_t fs = nextId_++;
        const std::uint64_t job = nextId_++;
        const std::uint64_t immediate = nextId_++;
        init("Timeout", timer, lastCallback_);
        phase("RunTimers");
        callback("Timeout", timer);
        init("TickObject", tick, timer);
        callback("TickObject", tick);
        init("PROMISE", promise, timer);
        callback("PROMISE", promise);
        init("FSREQCALLBACK", fs, timer);
        event(4242, 'b', "node,node.fs,node.fs.async", "open", id(0x5a0320), "{\"path\":\"/srv/data/file.txt\"}");
        init("PBKDF2REQUEST", job, timer);
        event(4242, 'b', "node,node.threadpoolwork,node.threadpoolwork.async", "crypto", id(0x5d9018 + job));
        const std::int64_t poolThread = 4300 + std::int64_t(job % 4);
        event(poolThread, 'B', "node,node.threadpoolwork,node.threadpoolwork.sync", "crypto", "");
        event(poolThread, 'E', "node,node.threadpoolwork,node.threadpoolwork.sync", "crypto", "");
        event(4242, 'e', "node,node.fs,node.fs.async", "open", id(0x5a0320), "{\"result\":18}");
        callback("FSREQCALLBACK", fs);
        event(4242, 'e', "node,node.threadpoolwork,node.threadpoolwork.async", "crypto", id(0x5d9018 + job),
              "{\"result\":0}");
        callback("PBKDF2REQUEST", job);
        init("Immediate", immediate, job);
        phase("CheckImmediate");
        phase("RunAndClearNativeImmediates");
        callback("Immediate", immediate);
        for (const auto& [type, asyncId] : {std::pair{"Timeout", timer}, {"TickObject", tick}, {"PROMISE", promise},
                                            {"FSREQCALLBACK", fs}, {"PBKDF2REQUEST", job}, {"Immediate", immediate}})
            destroy(type, asyncId);
        lastCallback_ = immediate;
    }

    std::string text_;
    std::size_t count_ = 0;
    std::int64_t ts_ = 72747755117;
    std::uint64_t nextId_ = 2;
    std::uint64_t lastCallback_ = 1;
};

const std::string& nodeFileText() {
    static const std::string text = NodeTraceText().make(kNodeFileEvents);
    return text;
}

void BM_ParseNodeTrace(benchmark::State& state) {
    const std::string& text = nodeFileText();
    std::size_t events = 0;
    for (auto _ : state) {
        NodeTraceResult result = parseNodeTrace(text, "node_trace.1.log");
        if (!result.document)
            state.SkipWithError(result.error.c_str());
        else
            events = result.document->runs[0].trace.size();
        benchmark::DoNotOptimize(result);
    }
    state.counters["bytes"] = double(text.size());
    state.counters["run events"] = double(events);
    state.SetItemsProcessed(std::int64_t(state.iterations() * kNodeFileEvents));
}
BENCHMARK(BM_ParseNodeTrace)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ReadNodeTraceFile(benchmark::State& state) {
    const std::filesystem::path folder =
        std::filesystem::temp_directory_path() / ("bench-node-trace-" + std::to_string(getpid()));
    std::filesystem::create_directories(folder);
    const std::string path = (folder / "node_trace.1.log").string();
    std::ofstream(path, std::ios::binary) << nodeFileText();
    for (auto _ : state) {
        NodeTraceResult result = readNodeTrace(path);
        if (!result.document)
            state.SkipWithError(result.error.c_str());
        benchmark::DoNotOptimize(result);
    }
    std::filesystem::remove_all(folder);
    state.SetItemsProcessed(std::int64_t(state.iterations() * kNodeFileEvents));
}
BENCHMARK(BM_ReadNodeTraceFile)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
