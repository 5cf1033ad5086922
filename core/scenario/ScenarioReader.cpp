#include "ScenarioReader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <span>
#include <string_view>

#include "ClosestName.h"
#include "QuantityText.h"

namespace loopscope {
namespace {

using namespace std::string_literals;

constexpr std::string_view kDurationExample = "a duration such as 20ms, 1.5s or 250us";
constexpr std::string_view kSizeExample = "a size such as 64KiB, 1MiB or 512 (bytes)";

struct StepName {
    std::string_view keyword;
    StepKind kind;
};

constexpr StepName kStepNames[] = {
    {"log", StepKind::Log},
    {"cpu", StepKind::Cpu},
    {"call", StepKind::Call},
    {"setTimeout", StepKind::SetTimeout},
    {"setInterval", StepKind::SetInterval},
    {"setImmediate", StepKind::SetImmediate},
    {"nextTick", StepKind::NextTick},
    {"promise", StepKind::Promise},
    {"queueMicrotask", StepKind::QueueMicrotask},
    {"fs.readFile", StepKind::ReadFile},
    {"fs.readFileSync", StepKind::ReadFileSync},
    {"crypto.pbkdf2", StepKind::Pbkdf2},
    {"zlib.gzip", StepKind::Gzip},
    {"dns.lookup", StepKind::DnsLookup},
    {"net", StepKind::Net},
    {"worker", StepKind::Worker},
    {"respond", StepKind::Respond},
    {"async", StepKind::Async},
    {"await", StepKind::Await},
    {"repeat", StepKind::Repeat},
    {"clearTimeout", StepKind::ClearTimeout},
    {"clearInterval", StepKind::ClearInterval},
    {"close", StepKind::Close},
    {"sleep", StepKind::Sleep},
};

constexpr std::string_view kStepKeywords[] = {
    "log", "cpu", "call", "setTimeout", "setInterval", "setImmediate", "nextTick", "promise",
    "queueMicrotask", "fs.readFile", "fs.readFileSync", "crypto.pbkdf2", "zlib.gzip", "dns.lookup",
    "net", "worker", "respond", "async", "await", "repeat", "clearTimeout", "clearInterval", "close",
};

constexpr std::string_view kAwaitTargetKeys[] = {
    "thenable", "all", "race", "fs.readFile", "crypto.pbkdf2", "zlib.gzip", "dns.lookup", "net", "sleep", "async",
};

constexpr std::string_view kTopLevelKeys[] = {
    "loopscope", "title", "summary", "description", "runtime", "threads", "main", "server", "load", "notes",
};
constexpr std::string_view kRuntimeKeys[] = {"threadpool", "cores", "processes", "time_scale", "horizon", "module"};
constexpr std::string_view kThreadKeys[] = {"stack", "max"};
constexpr std::string_view kServerKeys[] = {"handler"};
constexpr std::string_view kWaveKeys[] = {"at", "requests", "spacing"};
constexpr std::string_view kNoteKeys[] = {"at", "text"};

constexpr std::string_view kRunOnly[] = {"run"};
constexpr std::string_view kCpuKeys[] = {"takes", "label"};
constexpr std::string_view kFunctionKeys[] = {"name", "run"};
constexpr std::string_view kTimeoutKeys[] = {"delay", "run", "id"};
constexpr std::string_view kIntervalKeys[] = {"every", "times", "run", "id"};
constexpr std::string_view kPromiseKeys[] = {"run", "then"};
constexpr std::string_view kIoKeys[] = {"takes", "then"};
constexpr std::string_view kNetKeys[] = {"to", "takes", "then"};
constexpr std::string_view kRepeatKeys[] = {"times", "run"};

std::span<const std::string_view> optionsOf(StepKind kind) {
    switch (kind) {
    case StepKind::Cpu: return kCpuKeys;
    case StepKind::Call:
    case StepKind::Async: return kFunctionKeys;
    case StepKind::SetTimeout: return kTimeoutKeys;
    case StepKind::SetInterval: return kIntervalKeys;
    case StepKind::SetImmediate:
    case StepKind::NextTick:
    case StepKind::QueueMicrotask:
    case StepKind::Close: return kRunOnly;
    case StepKind::Promise: return kPromiseKeys;
    case StepKind::ReadFile:
    case StepKind::Pbkdf2:
    case StepKind::Gzip:
    case StepKind::DnsLookup:
    case StepKind::Worker: return kIoKeys;
    case StepKind::Net: return kNetKeys;
    case StepKind::Repeat: return kRepeatKeys;
    default: return {};
    }
}

std::optional<StepKind> stepKindOf(std::string_view keyword) {
    for (const StepName& name : kStepNames)
        if (name.keyword == keyword)
            return name.kind;
    return std::nullopt;
}

bool returnsPromise(StepKind kind) {
    switch (kind) {
    case StepKind::ReadFile:
    case StepKind::Pbkdf2:
    case StepKind::Gzip:
    case StepKind::DnsLookup:
    case StepKind::Net:
    case StepKind::Sleep:
    case StepKind::Async: return true;
    default: return false;
    }
}

// Text from the file, cut short so that one absurd key cannot flood the terminal.
std::string shortened(std::string_view text) {
    constexpr std::size_t kShown = 40;
    text = text.substr(0, text.find('\n'));
    if (text.size() <= kShown)
        return std::string(text);
    std::size_t cut = kShown;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;  // do not split a UTF-8 character
    return std::string(text.substr(0, cut)) + "...";
}

std::string quoted(std::string_view name) { return "`" + shortened(name) + "`"; }

// "`a`, `b` or `c`"
std::string listOf(std::span<const std::string_view> names) {
    std::string list;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0)
            list += i + 1 == names.size() ? " or " : ", ";
        list += quoted(names[i]);
    }
    return list;
}

// How a value reads in a message: its text (shortened), or what kind of node it is.
std::string describe(const YamlNode& node) {
    switch (node.type) {
    case YamlNode::Type::Null: return "nothing";
    case YamlNode::Type::Sequence: return "a list";
    case YamlNode::Type::Map: return "a mapping (`key: value` pairs)";
    case YamlNode::Type::Scalar: break;
    }
    std::string text = shortened(node.text);
    if (text.size() < node.text.size() && text.size() >= 3 && text.compare(text.size() - 3, 3, "...") != 0)
        text += "...";  // a second line was cut
    return "`" + text + "`";
}

struct Field {
    const YamlNode* key = nullptr;
    const YamlNode* value = nullptr;
    explicit operator bool() const { return key != nullptr; }
};

class Fields {
public:
    void add(std::string_view name, Field field) { fields_.emplace_back(name, field); }
    Field operator[](std::string_view name) const {
        for (const auto& [known, field] : fields_)
            if (known == name)
                return field;
        return {};
    }

private:
    std::vector<std::pair<std::string_view, Field>> fields_;
};

// What encloses a step: which placeholders and which context-bound steps it may use.
struct Context {
    bool inHandler = false;
    bool inRepeat = false;
    bool inInterval = false;
    bool awaitAllowed = false;

    // A callback is a new function: only `async` bodies may await.
    Context callback() const {
        Context c = *this;
        c.awaitAllowed = false;
        return c;
    }
};

// Beyond this many, a file is mostly wrong and more messages would not help.
constexpr std::size_t kMaxReportedProblems = 50;

struct TimerClear {
    std::string id;
    SourceLocation where;
    StepKind kind;
};

class Reader {
public:
    ScenarioRead read(const YamlNode& root) {
        readTop(root);
        checkTimerClears();
        std::vector<TextProblem>& problems = result_.problems;
        std::stable_sort(problems.begin(), problems.end(), [](const TextProblem& a, const TextProblem& b) {
            return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
        });
        if (problems.size() > kMaxReportedProblems) {
            const std::size_t hidden = problems.size() - kMaxReportedProblems;
            problems.resize(kMaxReportedProblems + 1);
            problems.back().message = "and " + std::to_string(hidden) + " more errors; fix the ones above first";
        }
        return std::move(result_);
    }

private:
    ScenarioRead result_;
    std::set<std::string, std::less<>> timerIds_;
    std::vector<TimerClear> clears_;

    void fail(SourceLocation where, std::string message) { result_.problems.push_back({where, std::move(message)}); }

    // ---- maps and their keys

    // The keys of `map` that are in `known`; reports the others, duplicates and non-text keys.
    // `owner` names the map in messages ("in `setTimeout`"), empty at the top level.
    Fields fieldsOf(const YamlNode& map, std::span<const std::string_view> known, std::string_view owner) {
        Fields fields;
        std::vector<std::pair<std::string_view, int>> seen;  // name, line of first use
        for (std::size_t i = 0; i < map.mapSize(); ++i) {
            const YamlNode& key = map.key(i);
            if (!key.isScalar()) {
                fail(key.where, "expected a key name, found " + describe(key));
                continue;
            }
            const auto knownName = std::find(known.begin(), known.end(), key.text);
            if (knownName == known.end()) {
                fail(key.where, unknownKey(key.text, known, owner));
                continue;
            }
            const auto first = std::find_if(seen.begin(), seen.end(), [&](const auto& s) { return s.first == key.text; });
            if (first != seen.end()) {
                fail(key.where, "duplicate key " + quoted(key.text) + " (first given on line " +
                                    std::to_string(first->second) + ")");
                continue;
            }
            seen.emplace_back(*knownName, key.where.line);
            fields.add(*knownName, {&key, &map.value(i)});
        }
        return fields;
    }

    // Past the problems that will be shown, suggestions are not worth their time: a file of
    // thousands of unknown keys must still be rejected quickly.
    bool beyondShownProblems() const { return result_.problems.size() >= kMaxReportedProblems; }

    std::optional<std::string_view> suggestion(std::string_view typed, std::span<const std::string_view> known) const {
        if (beyondShownProblems())
            return std::nullopt;
        return closestName(typed, known);
    }

    std::string unknownKey(std::string_view name, std::span<const std::string_view> known, std::string_view owner) const {
        std::string message = "unknown key " + quoted(name);
        if (!owner.empty())
            message += " in " + quoted(owner);
        if (auto suggestion = this->suggestion(name, known))
            return message + "; did you mean " + quoted(*suggestion) + "?";
        return message + "; expected " + listOf(known);
    }

    // Reads a map that may be written as nothing (`setImmediate:`), meaning "no options".
    std::optional<Fields> optionsMap(const Field& field, std::span<const std::string_view> known, std::string_view owner) {
        if (field.value->isNull())
            return Fields{};
        if (!field.value->isMap()) {
            fail(field.value->where, "expected " + listOf(known) + " under " + quoted(owner) + ", found " +
                                         describe(*field.value));
            return std::nullopt;
        }
        return fieldsOf(*field.value, known, owner);
    }

    // True when `map` holds a misspelling of `key`, which is reported as an unknown key with
    // "did you mean"; saying that `key` is missing too would put the less helpful message first.
    static bool misspeltKey(const YamlNode& map, std::string_view key) {
        const std::string_view wanted[] = {key};
        for (std::size_t i = 0; i < map.mapSize(); ++i) {
            const YamlNode& given = map.key(i);
            if (given.isScalar() && given.text != key && closestName(given.text, wanted))
                return true;
        }
        return false;
    }

    void missing(const Field& owner, std::string_view key, std::string_view ownerName, std::string_view expected) {
        if (misspeltKey(*owner.value, key))
            return;
        fail(owner.key->where, "missing " + quoted(std::string(key) + ":") + " in " + quoted(ownerName) +
                                   "; expected " + std::string(expected));
    }

    // ---- scalar values

    std::optional<std::string> text(const Field& field, std::string_view name) {
        if (field.value->isNull())
            return std::string();
        if (!field.value->isScalar()) {
            fail(field.value->where, "expected text for " + quoted(name) + ", found " + describe(*field.value));
            return std::nullopt;
        }
        return field.value->text;
    }

    std::optional<Nanoseconds> duration(const Field& field, std::string_view name, Nanoseconds minimum = 0) {
        const YamlNode& value = *field.value;
        if (value.isNull()) {
            fail(field.key->where, quoted(std::string(name) + ":") + " has no value; expected " + std::string(kDurationExample));
            return std::nullopt;
        }
        if (!value.isScalar()) {
            fail(value.where, "expected " + std::string(kDurationExample) + " for " + quoted(name) + ", found " + describe(value));
            return std::nullopt;
        }
        const QuantityParse parsed = parseDurationText(value.text);
        switch (parsed.problem) {
        case QuantityParse::Problem::Malformed:
            fail(value.where, "expected " + std::string(kDurationExample) + " for " + quoted(name) + ", found " + describe(value));
            return std::nullopt;
        case QuantityParse::Problem::Negative:
            fail(value.where, quoted(name) + " cannot be negative, found " + describe(value));
            return std::nullopt;
        case QuantityParse::Problem::TooLarge:
            break;
        case QuantityParse::Problem::None:
            if (parsed.value < minimum) {
                fail(value.where, quoted(name) + " must be greater than 0, found " + describe(value));
                return std::nullopt;
            }
            if (parsed.value <= kMaxDuration)
                return parsed.value;
            break;
        }
        fail(value.where, quoted(name) + " is limited to 1 hour (3600s), found " + describe(value));
        return std::nullopt;
    }

    std::optional<std::int64_t> integer(const Field& field, std::string_view name, std::int64_t low, std::int64_t high,
                                        std::string_view meaning = "a whole number") {
        const YamlNode& value = *field.value;
        const std::string range = " from " + std::to_string(low) + " to " + std::to_string(high);
        if (value.isNull()) {
            fail(field.key->where, quoted(std::string(name) + ":") + " has no value; expected " + std::string(meaning) + range);
            return std::nullopt;
        }
        const IntegerParse parsed = value.isScalar() ? parseIntegerText(value.text) : IntegerParse{};
        if (!parsed.ok) {
            fail(value.where, "expected " + std::string(meaning) + range + " for " + quoted(name) + ", found " + describe(value));
            return std::nullopt;
        }
        if (parsed.value < low || parsed.value > high) {
            fail(value.where, quoted(name) + " must be" + range + ", found " + describe(value));
            return std::nullopt;
        }
        return parsed.value;
    }

    std::optional<std::int64_t> size(const Field& field, std::string_view name, std::int64_t low, std::int64_t high,
                                     std::string_view lowText, std::string_view highText) {
        const YamlNode& value = *field.value;
        if (value.isNull()) {
            fail(field.key->where, quoted(std::string(name) + ":") + " has no value; expected " + std::string(kSizeExample));
            return std::nullopt;
        }
        const QuantityParse parsed = value.isScalar() ? parseSizeText(value.text) : QuantityParse{0, QuantityParse::Problem::Malformed};
        if (parsed.problem == QuantityParse::Problem::Malformed) {
            fail(value.where, "expected " + std::string(kSizeExample) + " for " + quoted(name) + ", found " + describe(value));
            return std::nullopt;
        }
        if (!parsed.ok() || parsed.value < low || parsed.value > high) {
            fail(value.where, quoted(name) + " must be from " + std::string(lowText) + " to " + std::string(highText) +
                                  ", found " + describe(value));
            return std::nullopt;
        }
        return parsed.value;
    }

    std::optional<std::string> timerId(const Field& field) {
        const YamlNode& value = *field.value;
        if (!value.isScalar() || value.text.empty()) {
            fail(value.isNull() ? field.key->where : value.where,
                 "expected a timer name such as `ticker` for `id`, found " + describe(value));
            return std::nullopt;
        }
        return value.text;
    }

    void checkPlaceholders(const std::string& text, SourceLocation where, const Context& context) {
        if (text.find("{i}") != std::string::npos && !context.inRepeat)
            fail(where, "`{i}` is the `repeat` index, so it can only be used inside `repeat`");
        if (text.find("{tick}") != std::string::npos && !context.inInterval)
            fail(where, "`{tick}` is the `setInterval` tick, so it can only be used inside `setInterval`");
        if (text.find("{request}") != std::string::npos && !context.inHandler)
            fail(where, "`{request}` is the request number, so it can only be used inside `server.handler`");
    }

    // ---- steps

    StepList steps(const Field& field, const Context& context) {
        StepList list;
        if (!field || field.value->isNull())
            return list;
        if (!field.value->isSequence()) {
            fail(field.value->where, "expected a list of steps under " + quoted(field.key->text + ":") +
                                         " such as `- log: Hello`, found " + describe(*field.value));
            return list;
        }
        list.reserve(field.value->children.size());
        for (const YamlNode& item : field.value->children)
            if (std::optional<Step> step = stepItem(item, context))
                list.push_back(std::move(*step));
        return list;
    }

    std::optional<Step> stepItem(const YamlNode& item, const Context& context) {
        if (item.isScalar()) {
            if (stepKindOf(item.text))
                fail(item.where, "a step needs a colon after its name: write " + quoted("- " + item.text + ":"));
            else
                fail(item.where, "expected a step such as `- log: Hello`, found " + describe(item));
            return std::nullopt;
        }
        if (item.isNull()) {
            fail(item.where, "an empty list item; expected a step such as `- log: Hello`");
            return std::nullopt;
        }
        if (!item.isMap() || item.mapSize() == 0) {
            fail(item.where, "expected a step such as `- log: Hello`, found " + describe(item));
            return std::nullopt;
        }
        const YamlNode& key = item.key(0);
        if (!key.isScalar()) {
            fail(key.where, "expected a step name such as `log`, found " + describe(key));
            return std::nullopt;
        }
        const std::optional<StepKind> kind = stepKindOf(key.text);
        for (std::size_t i = 1; i < item.mapSize(); ++i)
            extraKeyInStep(item.key(i), key.text, kind);
        if (!kind) {
            std::string message = "unknown step " + quoted(key.text);
            if (auto suggestion = this->suggestion(key.text, kStepKeywords))
                message += "; did you mean " + quoted(*suggestion) + "?";
            else
                message += "; expected one of " + listOf(kStepKeywords);
            fail(key.where, message);
            return std::nullopt;
        }
        return stepValue(*kind, {&key, &item.value(0)}, context, false);
    }

    // A second key in a `- step:` item is nearly always an indentation slip.
    void extraKeyInStep(const YamlNode& key, const std::string& stepName, std::optional<StepKind> kind) {
        if (!key.isScalar()) {
            fail(key.where, "expected a step name such as `log`, found " + describe(key));
            return;
        }
        if (stepKindOf(key.text)) {
            fail(key.where, "one list item holds one step: start " + quoted(key.text) + " on its own line with `- `");
            return;
        }
        if (kind) {
            const auto options = optionsOf(*kind);
            if (std::find(options.begin(), options.end(), key.text) != options.end()) {
                fail(key.where, quoted(key.text) + " belongs to " + quoted(stepName) + ": indent it under " +
                                    quoted(stepName + ":"));
                return;
            }
        }
        std::string message = "unknown key " + quoted(key.text) + " beside the step " + quoted(stepName) +
                              "; one list item holds one step";
        if (auto suggestion = this->suggestion(key.text, kStepKeywords))
            message += " (did you mean " + quoted(*suggestion) + "?)";
        fail(key.where, message);
    }

    std::optional<Step> stepValue(StepKind kind, const Field& field, const Context& context, bool awaited) {
        Step step;
        step.kind = kind;
        step.where = field.key->where;
        const std::string name = stepKeyword(kind);
        const YamlNode& value = *field.value;
        bool ok = true;
        auto need = [&](auto optional, auto& into) {
            if (optional)
                into = *optional;
            else
                ok = false;
        };

        switch (kind) {
        case StepKind::Log: {
            need(text(field, name), step.text);
            if (ok)
                checkPlaceholders(step.text, value.isNull() ? step.where : value.where, context);
            break;
        }
        case StepKind::Cpu: {
            if (!value.isMap()) {
                need(duration(field, name), step.duration);
                break;
            }
            const Fields f = fieldsOf(value, kCpuKeys, name);
            if (Field takes = f["takes"]) {
                need(duration(takes, "takes"), step.duration);
            } else {
                missing(field, "takes", name, "the CPU time, such as `takes: 20ms`");
                ok = false;
            }
            if (Field label = f["label"]) {
                need(text(label, "label"), step.text);
                checkPlaceholders(step.text, label.value->where, context);
            }
            break;
        }
        case StepKind::Call:
        case StepKind::Async: {
            const auto f = optionsMap(field, kFunctionKeys, name);
            if (!f)
                return std::nullopt;
            step.text = "anonymous";
            if (Field fn = (*f)["name"])
                need(text(fn, "name"), step.text);
            Context body = context.callback();
            body.awaitAllowed = kind == StepKind::Async;
            step.run = steps((*f)["run"], body);
            break;
        }
        case StepKind::SetTimeout:
        case StepKind::SetInterval: {
            const bool interval = kind == StepKind::SetInterval;
            const auto f = optionsMap(field, interval ? std::span<const std::string_view>(kIntervalKeys) : std::span<const std::string_view>(kTimeoutKeys), name);
            if (!f)
                return std::nullopt;
            if (Field delay = (*f)[interval ? "every" : "delay"]) {
                need(duration(delay, interval ? "every" : "delay"), step.duration);
            } else if (interval) {
                missing(field, "every", name, "the time between ticks, such as `every: 100ms`");
                ok = false;
            }
            if (Field times = (*f)["times"])
                need(integer(times, "times", 1, kMaxRepeatTimes), step.count);
            if (Field id = (*f)["id"]) {
                need(timerId(id), step.timerId);
                timerIds_.insert(step.timerId);
            }
            Context body = context.callback();
            body.inInterval = body.inInterval || interval;
            step.run = steps((*f)["run"], body);
            break;
        }
        case StepKind::SetImmediate:
        case StepKind::NextTick:
        case StepKind::QueueMicrotask:
        case StepKind::Close: {
            const auto f = optionsMap(field, kRunOnly, name);
            if (!f)
                return std::nullopt;
            step.run = steps((*f)["run"], context.callback());
            break;
        }
        case StepKind::Promise: {
            const auto f = optionsMap(field, kPromiseKeys, name);
            if (!f)
                return std::nullopt;
            step.run = steps((*f)["run"], context.callback());
            if (Field then = (*f)["then"]) {
                step.hasThen = true;
                step.then = steps(then, context.callback());
            }
            break;
        }
        case StepKind::ReadFile:
        case StepKind::Pbkdf2:
        case StepKind::Gzip:
        case StepKind::DnsLookup:
        case StepKind::Worker:
        case StepKind::Net: {
            const bool net = kind == StepKind::Net;
            const auto known = net ? std::span<const std::string_view>(kNetKeys) : std::span<const std::string_view>(kIoKeys);
            if (!value.isMap()) {
                fail(value.isNull() ? step.where : value.where,
                     "expected " + listOf(known) + " under " + quoted(name) + ", found " + describe(value));
                return std::nullopt;
            }
            const Fields f = fieldsOf(value, known, name);
            if (Field takes = f["takes"]) {
                need(duration(takes, "takes"), step.duration);
            } else {
                missing(field, "takes", name, "how long it takes, such as `takes: 20ms`");
                ok = false;
            }
            if (net) {
                step.text = "network";
                if (Field to = f["to"])
                    need(text(to, "to"), step.text);
            }
            if (Field then = f["then"]) {
                if (awaited) {
                    fail(then.key->where, "an awaited " + quoted(name) + " cannot have its own `then:`; the steps "
                                          "after the `await` run when it settles");
                    ok = false;
                } else {
                    step.then = steps(then, context.callback());
                }
            }
            break;
        }
        case StepKind::ReadFileSync:
        case StepKind::Sleep: {
            if (kind == StepKind::Sleep && !awaited) {
                fail(step.where, "`sleep` can only be awaited: write `- await: {sleep: 10ms}`");
                return std::nullopt;
            }
            need(duration(field, name), step.duration);
            break;
        }
        case StepKind::Respond: {
            if (!context.inHandler) {
                fail(step.where, "`respond` ends an HTTP request, so it can only be used inside `server.handler`");
                ok = false;
            }
            need(integer(field, name, 100, 599, "an HTTP status"), step.count);
            break;
        }
        case StepKind::Await: {
            if (!context.awaitAllowed) {
                fail(step.where, "`await` can only be used inside `async` (or in `main` with `runtime.module: esm`)");
                ok = false;
            }
            if (std::optional<AwaitTarget> target = awaitTarget(*field.key, value, context))
                step.awaited.push_back(std::move(*target));
            else
                ok = false;
            break;
        }
        case StepKind::Repeat: {
            const auto f = optionsMap(field, kRepeatKeys, name);
            if (!f)
                return std::nullopt;
            if (Field times = (*f)["times"]) {
                need(integer(times, "times", 0, kMaxRepeatTimes), step.count);
            } else {
                missing(field, "times", name, "how many times, such as `times: 3`");
                ok = false;
            }
            Context body = context;
            body.inRepeat = true;
            step.run = steps((*f)["run"], body);
            break;
        }
        case StepKind::ClearTimeout:
        case StepKind::ClearInterval: {
            if (!value.isScalar() || value.text.empty()) {
                fail(value.isNull() ? step.where : value.where,
                     "expected the `id` of a timer for " + quoted(name) + ", found " + describe(value));
                return std::nullopt;
            }
            step.timerId = value.text;
            clears_.push_back({step.timerId, value.where, kind});
            break;
        }
        }
        if (!ok)
            return std::nullopt;
        return step;
    }

    std::optional<AwaitTarget> awaitTarget(const YamlNode& key, const YamlNode& value, const Context& context) {
        AwaitTarget target;
        target.where = value.isNull() ? key.where : value.where;
        if (value.isNull()) {
            target.value = "null";
            return target;
        }
        if (value.isScalar()) {
            target.value = value.text;
            return target;
        }
        const std::string expected = "a value such as 42, `{thenable: 42}`, `{all: [...]}`, `{race: [...]}` or a "
                                     "promise such as `{sleep: 10ms}`";
        if (!value.isMap() || value.mapSize() == 0) {
            fail(value.where, "expected " + expected + " after " + quoted(key.text) + ", found " + describe(value));
            return std::nullopt;
        }
        for (std::size_t i = 1; i < value.mapSize(); ++i)
            fail(value.key(i).where, "one `await` waits for one thing; " + quoted(value.key(i).isScalar() ? value.key(i).text : "?") +
                                         " is a second one (use `{all: [...]}` to wait for several)");
        if (value.mapSize() > 1)
            return std::nullopt;
        const YamlNode& name = value.key(0);
        const YamlNode& inner = value.value(0);
        if (!name.isScalar()) {
            fail(name.where, "expected " + expected + ", found " + describe(name));
            return std::nullopt;
        }
        if (name.text == "thenable") {
            target.kind = AwaitTarget::Kind::Thenable;
            if (inner.isMap() || inner.isSequence()) {
                fail(inner.where, "expected a plain value such as 42 for `thenable`, found " + describe(inner));
                return std::nullopt;
            }
            target.value = inner.isNull() ? "null" : inner.text;
            return target;
        }
        if (name.text == "all" || name.text == "race") {
            target.kind = name.text == "all" ? AwaitTarget::Kind::All : AwaitTarget::Kind::Race;
            if (inner.isNull())
                return target;
            if (!inner.isSequence()) {
                fail(inner.where, "expected a list of things to await for " + quoted(name.text) + ", such as "
                                  "`[1, {sleep: 10ms}]`, found " + describe(inner));
                return std::nullopt;
            }
            bool ok = true;
            for (const YamlNode& item : inner.children) {
                if (std::optional<AwaitTarget> input = awaitTarget(name, item, context))
                    target.inputs.push_back(std::move(*input));
                else
                    ok = false;
            }
            if (!ok)
                return std::nullopt;
            return target;
        }
        const std::optional<StepKind> kind = stepKindOf(name.text);
        if (kind && returnsPromise(*kind)) {
            target.kind = AwaitTarget::Kind::Promise;
            std::optional<Step> step = stepValue(*kind, {&name, &inner}, context, true);
            if (!step)
                return std::nullopt;
            target.promise.push_back(std::move(*step));
            return target;
        }
        if (kind) {
            fail(name.where, quoted(name.text) + " does not return a promise, so it cannot be awaited; await a value, "
                             "`thenable`, `all`, `race`, or one of fs.readFile, crypto.pbkdf2, zlib.gzip, dns.lookup, "
                             "net, sleep and async");
            return std::nullopt;
        }
        std::string message = "unknown await target " + quoted(name.text);
        if (auto suggestion = this->suggestion(name.text, kAwaitTargetKeys))
            message += "; did you mean " + quoted(*suggestion) + "?";
        else
            message += "; expected " + listOf(kAwaitTargetKeys);
        fail(name.where, message);
        return std::nullopt;
    }

    void checkTimerClears() {
        // Suggestions compare with every declared id; beyond this many they cost too much.
        constexpr std::size_t kMostIdsCompared = 1000;
        std::vector<std::string_view> declared;
        if (timerIds_.size() <= kMostIdsCompared)
            declared.assign(timerIds_.begin(), timerIds_.end());
        for (const TimerClear& clear : clears_) {
            if (timerIds_.count(clear.id))
                continue;
            std::string message = "no timer in this scenario has `id: " + clear.id + "`; " + quoted(stepKeyword(clear.kind)) +
                                  " needs the `id` of a setTimeout or setInterval";
            if (auto suggestion = this->suggestion(clear.id, declared))
                message += " (did you mean " + quoted(*suggestion) + "?)";
            fail(clear.where, message);
        }
    }

    // ---- the top level

    void readTop(const YamlNode& root) {
        Scenario& scenario = result_.scenario;
        if (!root.isMap()) {
            fail(root.where, "a scenario file is a mapping of keys such as `loopscope: 1` and `main:`, found " + describe(root));
            return;
        }
        // The version decides how to read everything else, so it is checked first.
        Field version;
        for (std::size_t i = 0; i < root.mapSize() && !version; ++i)
            if (root.key(i).isScalar() && root.key(i).text == "loopscope")
                version = {&root.key(i), &root.value(i)};
        if (version) {
            const IntegerParse parsed = version.value->isScalar() ? parseIntegerText(version.value->text) : IntegerParse{};
            if (!parsed.ok) {
                fail(version.value->isNull() ? version.key->where : version.value->where,
                     "expected the format version 1 for `loopscope`, found " + describe(*version.value));
            } else if (parsed.value != 1) {
                fail(version.value->where, "unsupported format version " + version.value->text +
                                               "; this loopscope reads format 1");
                return;  // a later format's keys would only bring noise
            }
        } else if (!misspeltKey(root, "loopscope")) {
            fail({1, 1}, "missing `loopscope: 1` (the format version) at the top of the file");
        }
        const Fields top = fieldsOf(root, kTopLevelKeys, "");

        if (Field f = top["title"])
            scenario.title = text(f, "title").value_or("");
        if (Field f = top["summary"])
            scenario.summary = text(f, "summary").value_or("");
        if (Field f = top["description"])
            scenario.description = text(f, "description").value_or("");
        if (Field f = top["runtime"])
            readRuntime(f);
        if (Field f = top["threads"])
            readThreads(f);

        if (Field f = top["server"]) {
            ServerSpec server;
            server.where = f.key->where;
            if (const auto fields = optionsMap(f, kServerKeys, "server")) {
                if (Field handler = (*fields)["handler"]) {
                    Context context;
                    context.inHandler = true;
                    server.handler = steps(handler, context);
                } else {
                    missing(f, "handler", "server", "the steps run for each request, such as `handler: [respond: 200]`");
                }
            }
            scenario.server = std::move(server);
        }

        if (Field f = top["main"]) {
            Context context;
            context.awaitAllowed = scenario.runtime.module == ModuleKind::Esm;
            scenario.main = steps(f, context);
        }

        if (Field f = top["load"]) {
            readLoad(f);
            if (!scenario.load.empty() && !top["server"])
                fail(f.key->where, "`load:` sends requests to `server:`, but this scenario has no `server:`");
        }
        if (Field f = top["notes"])
            readNotes(f);
    }

    void readRuntime(const Field& field) {
        const auto f = optionsMap(field, kRuntimeKeys, "runtime");
        if (!f)
            return;
        RuntimeSettings& runtime = result_.scenario.runtime;
        if (Field v = (*f)["threadpool"])
            runtime.threadpool = static_cast<int>(integer(v, "threadpool", 1, 1024).value_or(runtime.threadpool));
        if (Field v = (*f)["cores"])
            runtime.cores = static_cast<int>(integer(v, "cores", 1, 1024).value_or(runtime.cores));
        if (Field v = (*f)["processes"])
            runtime.processes = static_cast<int>(integer(v, "processes", 1, 64).value_or(runtime.processes));
        if (Field v = (*f)["time_scale"])
            runtime.timeScale = timeScale(v).value_or(runtime.timeScale);
        if (Field v = (*f)["horizon"])
            runtime.horizon = duration(v, "horizon", 1).value_or(runtime.horizon);
        if (Field v = (*f)["module"]) {
            if (v.value->isScalar() && v.value->text == "commonjs")
                runtime.module = ModuleKind::CommonJs;
            else if (v.value->isScalar() && v.value->text == "esm")
                runtime.module = ModuleKind::Esm;
            else
                fail(v.value->isNull() ? v.key->where : v.value->where,
                     "expected `commonjs` or `esm` for `module`, found " + describe(*v.value));
        }
    }

    std::optional<double> timeScale(const Field& field) {
        const YamlNode& value = *field.value;
        double scale = 0;
        bool ok = false;
        if (value.isScalar()) {
            const std::string& t = value.text;
            const auto [end, error] = std::from_chars(t.data(), t.data() + t.size(), scale);
            ok = error == std::errc() && end == t.data() + t.size() && std::isfinite(scale);
        }
        if (!ok) {
            fail(value.isNull() ? field.key->where : value.where,
                 "expected a number such as 1.0 or 0.5 for `time_scale`, found " + describe(value));
            return std::nullopt;
        }
        if (scale <= 0 || scale > 1000) {
            fail(value.where, "`time_scale` must be greater than 0 and at most 1000, found " + describe(value));
            return std::nullopt;
        }
        return scale;
    }

    void readThreads(const Field& field) {
        const auto f = optionsMap(field, kThreadKeys, "threads");
        if (!f)
            return;
        ThreadSettings& threads = result_.scenario.threads;
        if (Field v = (*f)["stack"])
            threads.stackBytes = size(v, "stack", 16 * 1024, std::int64_t{1} << 30, "16KiB", "1GiB").value_or(threads.stackBytes);
        if (Field v = (*f)["max"])
            threads.max = static_cast<int>(integer(v, "max", 1, kMaxRequestsPerRun).value_or(threads.max));
    }

    void readLoad(const Field& field) {
        if (field.value->isNull())
            return;
        if (!field.value->isSequence()) {
            fail(field.value->where, "expected a list of request waves under `load:`, such as "
                                     "`- {at: 0ms, requests: 3}`, found " + describe(*field.value));
            return;
        }
        std::int64_t total = 0;
        bool reportedTotal = false;
        for (const YamlNode& item : field.value->children) {
            if (!item.isMap()) {
                fail(item.where, "expected a request wave such as `- {at: 0ms, requests: 3}`, found " + describe(item));
                continue;
            }
            LoadWave wave;
            wave.where = item.where;
            const Fields f = fieldsOf(item, kWaveKeys, "load");
            if (Field v = f["at"])
                wave.at = duration(v, "at").value_or(0);
            if (Field v = f["requests"]) {
                wave.requests = static_cast<int>(integer(v, "requests", 1, kMaxRequestsPerRun).value_or(0));
                total += wave.requests;
                if (total > kMaxRequestsPerRun && !reportedTotal) {
                    fail(v.value->where, "the load adds up to more than " + std::to_string(kMaxRequestsPerRun) +
                                             " requests, the most one run may send");
                    reportedTotal = true;
                }
            } else {
                total += wave.requests;
            }
            if (Field v = f["spacing"])
                wave.spacing = duration(v, "spacing").value_or(0);
            result_.scenario.load.push_back(wave);
        }
    }

    void readNotes(const Field& field) {
        if (field.value->isNull())
            return;
        if (!field.value->isSequence()) {
            fail(field.value->where, "expected a list of notes under `notes:`, such as `- {at: 1s, text: ...}`, found " +
                                         describe(*field.value));
            return;
        }
        for (const YamlNode& item : field.value->children) {
            if (!item.isMap()) {
                fail(item.where, "expected a note such as `- {at: 1s, text: The timer fires}`, found " + describe(item));
                continue;
            }
            Note note;
            note.where = item.where;
            const Fields f = fieldsOf(item, kNoteKeys, "notes");
            if (Field v = f["at"])
                note.at = duration(v, "at").value_or(0);
            else
                fail(item.where, "missing `at:` in a note; expected the time it marks, such as `at: 1s`");
            if (Field v = f["text"])
                note.text = text(v, "text").value_or("");
            else
                fail(item.where, "missing `text:` in a note; expected the text to show");
            result_.scenario.notes.push_back(std::move(note));
        }
    }
};

}  // namespace

ScenarioRead readScenario(const YamlNode& root) { return Reader().read(root); }

}  // namespace loopscope
