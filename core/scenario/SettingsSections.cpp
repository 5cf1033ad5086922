#include "SettingsSections.h"

#include <charconv>
#include <cmath>

#include "MessageText.h"
#include "RuntimeLimits.h"

namespace loopscope {
namespace {

constexpr std::string_view kRuntimeKeys[] = {"threadpool", "cores", "processes", "time_scale", "horizon", "module", "heap"};
constexpr std::string_view kThreadKeys[] = {"stack", "max"};

constexpr std::int64_t kMinStackBytes = 16 * 1024;
// A JavaScript program's heap: below 16 MiB the engine's own start-up does not fit.
constexpr std::int64_t kMinHeapBytes = std::int64_t{16} << 20;
constexpr std::int64_t kMaxHeapBytes = std::int64_t{4} << 30;
constexpr std::int64_t kMaxStackBytes = std::int64_t{1} << 30;

int integerIn(FieldReader& fields, const Field& field, std::string_view name, IntRange range, int otherwise) {
    return static_cast<int>(fields.integer(field, name, range.min, range.max).value_or(otherwise));
}

std::optional<double> timeScale(FieldReader& fields, const Field& field) {
    const YamlNode& value = *field.value;
    double scale = 0;
    bool ok = false;
    if (value.isScalar()) {
        const std::string& t = value.text;
        const auto [end, error] = std::from_chars(t.data(), t.data() + t.size(), scale);
        ok = error == std::errc() && end == t.data() + t.size() && std::isfinite(scale);
    }
    if (!ok) {
        fields.fail(value.isNull() ? field.key->where : value.where,
                    "expected a number such as 1.0 or 0.5 for `time_scale`, found " + describe(value));
        return std::nullopt;
    }
    if (scale <= 0 || scale > kMaxTimeScale) {
        fields.fail(value.where, "`time_scale` must be greater than 0 and at most " +
                                     std::to_string(static_cast<int>(kMaxTimeScale)) + ", found " + describe(value));
        return std::nullopt;
    }
    return scale;
}

}  // namespace

void readRuntimeSection(FieldReader& fields, const Field& section, RuntimeSettings& runtime) {
    const auto f = fields.optionsMap(section, kRuntimeKeys, "runtime");
    if (!f)
        return;
    if (Field v = (*f)["threadpool"])
        runtime.threadpool = integerIn(fields, v, "threadpool", kThreadpoolRange, runtime.threadpool);
    if (Field v = (*f)["cores"])
        runtime.cores = integerIn(fields, v, "cores", kCoresRange, runtime.cores);
    if (Field v = (*f)["processes"])
        runtime.processes = integerIn(fields, v, "processes", kProcessesRange, runtime.processes);
    if (Field v = (*f)["time_scale"])
        runtime.timeScale = timeScale(fields, v).value_or(runtime.timeScale);
    if (Field v = (*f)["horizon"])
        runtime.horizon = fields.duration(v, "horizon", 1).value_or(runtime.horizon);
    if (Field v = (*f)["heap"])
        runtime.heapBytes = fields.size(v, "heap", kMinHeapBytes, kMaxHeapBytes, "16MiB", "4GiB").value_or(runtime.heapBytes);
    if (Field v = (*f)["module"]) {
        if (v.value->isScalar() && v.value->text == "commonjs")
            runtime.module = ModuleKind::CommonJs;
        else if (v.value->isScalar() && v.value->text == "esm")
            runtime.module = ModuleKind::Esm;
        else
            fields.fail(v.value->isNull() ? v.key->where : v.value->where,
                        "expected `commonjs` or `esm` for `module`, found " + describe(*v.value));
    }
}

void readThreadsSection(FieldReader& fields, const Field& section, ThreadSettings& threads) {
    const auto f = fields.optionsMap(section, kThreadKeys, "threads");
    if (!f)
        return;
    if (Field v = (*f)["stack"])
        threads.stackBytes =
            fields.size(v, "stack", kMinStackBytes, kMaxStackBytes, "16KiB", "1GiB").value_or(threads.stackBytes);
    if (Field v = (*f)["max"])
        threads.max = static_cast<int>(fields.integer(v, "max", 1, kMaxRequestsPerRun).value_or(threads.max));
}

}  // namespace loopscope
