#include "StepSyntax.h"

#include <vector>

namespace loopscope {
namespace {

constexpr std::string_view kRunOnly[] = {"run"};
constexpr std::string_view kCpuKeys[] = {"takes", "label"};
constexpr std::string_view kFunctionKeys[] = {"name", "run"};
constexpr std::string_view kTimeoutKeys[] = {"delay", "run", "id"};
constexpr std::string_view kIntervalKeys[] = {"every", "times", "run", "id"};
constexpr std::string_view kPromiseKeys[] = {"run", "then"};
constexpr std::string_view kIoKeys[] = {"takes", "then"};
constexpr std::string_view kNetKeys[] = {"to", "takes", "then"};
constexpr std::string_view kRepeatKeys[] = {"times", "run"};

constexpr bool kAlone = true;
constexpr bool kAwaitedOnly = false;
constexpr bool kPromise = true;
constexpr bool kNoPromise = false;

// `sleep` sits before `async` so that the awaitable steps read in the order of the
// documentation: fs.readFile, crypto.pbkdf2, zlib.gzip, dns.lookup, net, sleep and async.
constexpr StepSyntax kSteps[] = {
    {StepKind::Log, "log", {}, kAlone, kNoPromise},
    {StepKind::Cpu, "cpu", kCpuKeys, kAlone, kNoPromise},
    {StepKind::Call, "call", kFunctionKeys, kAlone, kNoPromise},
    {StepKind::SetTimeout, "setTimeout", kTimeoutKeys, kAlone, kNoPromise},
    {StepKind::SetInterval, "setInterval", kIntervalKeys, kAlone, kNoPromise},
    {StepKind::SetImmediate, "setImmediate", kRunOnly, kAlone, kNoPromise},
    {StepKind::NextTick, "nextTick", kRunOnly, kAlone, kNoPromise},
    {StepKind::Promise, "promise", kPromiseKeys, kAlone, kNoPromise},
    {StepKind::QueueMicrotask, "queueMicrotask", kRunOnly, kAlone, kNoPromise},
    {StepKind::ReadFile, "fs.readFile", kIoKeys, kAlone, kPromise},
    {StepKind::ReadFileSync, "fs.readFileSync", {}, kAlone, kNoPromise},
    {StepKind::Pbkdf2, "crypto.pbkdf2", kIoKeys, kAlone, kPromise},
    {StepKind::Gzip, "zlib.gzip", kIoKeys, kAlone, kPromise},
    {StepKind::DnsLookup, "dns.lookup", kIoKeys, kAlone, kPromise},
    {StepKind::Net, "net", kNetKeys, kAlone, kPromise},
    {StepKind::Worker, "worker", kIoKeys, kAlone, kNoPromise},
    {StepKind::Respond, "respond", {}, kAlone, kNoPromise},
    {StepKind::Sleep, "sleep", {}, kAwaitedOnly, kPromise},
    {StepKind::Async, "async", kFunctionKeys, kAlone, kPromise},
    {StepKind::Await, "await", {}, kAlone, kNoPromise},
    {StepKind::Repeat, "repeat", kRepeatKeys, kAlone, kNoPromise},
    {StepKind::ClearTimeout, "clearTimeout", {}, kAlone, kNoPromise},
    {StepKind::ClearInterval, "clearInterval", {}, kAlone, kNoPromise},
    {StepKind::Close, "close", kRunOnly, kAlone, kNoPromise},
};

template <typename Wanted>
std::vector<std::string_view> keywordsWhere(Wanted wanted) {
    std::vector<std::string_view> keywords;
    for (const StepSyntax& step : kSteps)
        if (wanted(step))
            keywords.emplace_back(step.keyword);
    return keywords;
}

}  // namespace

std::span<const StepSyntax> stepSyntaxes() { return kSteps; }

const StepSyntax& stepSyntaxOf(StepKind kind) {
    for (const StepSyntax& step : kSteps)
        if (step.kind == kind)
            return step;
    return kSteps[0];  // unreachable: the table holds every kind (test_scenario_parser checks it)
}

const StepSyntax* stepSyntaxOf(std::string_view keyword) {
    for (const StepSyntax& step : kSteps)
        if (step.keyword == keyword)
            return &step;
    return nullptr;
}

std::span<const std::string_view> standaloneStepKeywords() {
    static const std::vector<std::string_view> keywords = keywordsWhere([](const StepSyntax& s) { return s.standsAlone; });
    return keywords;
}

std::span<const std::string_view> promiseStepKeywords() {
    static const std::vector<std::string_view> keywords = keywordsWhere([](const StepSyntax& s) { return s.returnsPromise; });
    return keywords;
}

}  // namespace loopscope
