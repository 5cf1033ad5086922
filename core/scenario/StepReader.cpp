#include "StepReader.h"

#include <algorithm>

#include "AwaitTargetReader.h"
#include "MessageText.h"

namespace loopscope {
namespace {

// Moves a read value into its place; false when there was none to read.
template <typename T, typename Into>
bool take(std::optional<T> value, Into& into) {
    if (!value)
        return false;
    into = std::move(*value);
    return true;
}

std::string_view keywordOf(const Step& step) { return stepSyntaxOf(step.kind).keyword; }

}  // namespace

StepList StepReader::steps(const Field& field, const StepContext& context) {
    StepList list;
    if (!field || field.value->isNull())
        return list;
    if (!field.value->isSequence()) {
        fields_.fail(field.value->where, "expected a list of steps under " + quoted(field.key->text + ":") +
                                             " such as `- log: Hello`, found " + describe(*field.value));
        return list;
    }
    list.reserve(field.value->children.size());
    for (const YamlNode& item : field.value->children)
        if (std::optional<Step> step = stepItem(item, context))
            list.push_back(std::move(*step));
    return list;
}

std::optional<Step> StepReader::stepItem(const YamlNode& item, const StepContext& context) {
    if (item.isScalar()) {
        if (stepSyntaxOf(item.text))
            fields_.fail(item.where, "a step needs a colon after its name: write " + quoted("- " + item.text + ":"));
        else
            fields_.fail(item.where, "expected a step such as `- log: Hello`, found " + describe(item));
        return std::nullopt;
    }
    if (item.isNull()) {
        fields_.fail(item.where, "an empty list item; expected a step such as `- log: Hello`");
        return std::nullopt;
    }
    if (!item.isMap() || item.mapSize() == 0) {
        fields_.fail(item.where, "expected a step such as `- log: Hello`, found " + describe(item));
        return std::nullopt;
    }
    const YamlNode& key = item.key(0);
    if (!key.isScalar()) {
        fields_.fail(key.where, "expected a step name such as `log`, found " + describe(key));
        return std::nullopt;
    }
    const StepSyntax* step = stepSyntaxOf(key.text);
    for (std::size_t i = 1; i < item.mapSize(); ++i)
        extraKeyInStep(item.key(i), key.text, step);
    if (!step) {
        std::string message = "unknown step " + quoted(key.text);
        if (auto suggestion = fields_.log().suggestion(key.text, standaloneStepKeywords()))
            message += "; did you mean " + quoted(*suggestion) + "?";
        else
            message += "; expected one of " + listOf(standaloneStepKeywords());
        fields_.fail(key.where, message);
        return std::nullopt;
    }
    return stepValue(step->kind, {&key, &item.value(0)}, context, false);
}

// A second key in a `- step:` item is nearly always an indentation slip.
void StepReader::extraKeyInStep(const YamlNode& key, const std::string& stepName, const StepSyntax* step) {
    if (!key.isScalar()) {
        fields_.fail(key.where, "expected a step name such as `log`, found " + describe(key));
        return;
    }
    if (stepSyntaxOf(key.text)) {
        fields_.fail(key.where, "one list item holds one step: start " + quoted(key.text) + " on its own line with `- `");
        return;
    }
    if (step && std::find(step->options.begin(), step->options.end(), key.text) != step->options.end()) {
        fields_.fail(key.where, quoted(key.text) + " belongs to " + quoted(stepName) + ": indent it under " +
                                    quoted(stepName + ":"));
        return;
    }
    std::string message = "unknown key " + quoted(key.text) + " beside the step " + quoted(stepName) +
                          "; one list item holds one step";
    if (auto suggestion = fields_.log().suggestion(key.text, standaloneStepKeywords()))
        message += " (did you mean " + quoted(*suggestion) + "?)";
    fields_.fail(key.where, message);
}

std::optional<Step> StepReader::stepValue(StepKind kind, const Field& field, const StepContext& context, bool awaited) {
    Step step;
    step.kind = kind;
    step.where = field.key->where;
    if (!readBody(step, field, context, awaited))
        return std::nullopt;
    return step;
}

bool StepReader::readBody(Step& step, const Field& field, const StepContext& context, bool awaited) {
    switch (step.kind) {
    case StepKind::Log: return readLog(step, field, context);
    case StepKind::Cpu: return readCpu(step, field, context);
    case StepKind::Call:
    case StepKind::Async: return readFunction(step, field, context);
    case StepKind::SetTimeout:
    case StepKind::SetInterval: return readTimer(step, field, context);
    case StepKind::SetImmediate:
    case StepKind::NextTick:
    case StepKind::QueueMicrotask:
    case StepKind::Close: return readCallback(step, field, context);
    case StepKind::Promise: return readPromise(step, field, context);
    case StepKind::ReadFile:
    case StepKind::Pbkdf2:
    case StepKind::Gzip:
    case StepKind::DnsLookup:
    case StepKind::Worker:
    case StepKind::Net: return readIo(step, field, context, awaited);
    case StepKind::ReadFileSync:
    case StepKind::Sleep: return readDuration(step, field, awaited);
    case StepKind::Respond: return readRespond(step, field, context);
    case StepKind::Await: return readAwait(step, field, context);
    case StepKind::Repeat: return readRepeat(step, field, context);
    case StepKind::ClearTimeout:
    case StepKind::ClearInterval: return readClear(step, field);
    }
    return false;
}

bool StepReader::readLog(Step& step, const Field& field, const StepContext& context) {
    if (!take(fields_.text(field, keywordOf(step)), step.text))
        return false;
    checkPlaceholders(step.text, field.value->isNull() ? step.where : field.value->where, context);
    return true;
}

bool StepReader::readCpu(Step& step, const Field& field, const StepContext& context) {
    const std::string_view name = keywordOf(step);
    const YamlNode& value = *field.value;
    if (!value.isMap())
        return take(fields_.duration(field, name), step.duration);
    bool ok = true;
    const Fields f = fields_.fieldsOf(value, stepSyntaxOf(step.kind).options, name);
    if (Field takes = f["takes"]) {
        ok &= take(fields_.duration(takes, "takes"), step.duration);
    } else {
        fields_.missing(field, "takes", name, "the CPU time, such as `takes: 20ms`");
        ok = false;
    }
    if (Field label = f["label"]) {
        ok &= take(fields_.text(label, "label"), step.text);
        checkPlaceholders(step.text, label.value->where, context);
    }
    return ok;
}

bool StepReader::readFunction(Step& step, const Field& field, const StepContext& context) {
    const auto f = fields_.optionsMap(field, stepSyntaxOf(step.kind).options, keywordOf(step));
    if (!f)
        return false;
    bool ok = true;
    step.text = "anonymous";
    if (Field name = (*f)["name"])
        ok &= take(fields_.text(name, "name"), step.text);
    StepContext body = context.callback();
    body.awaitAllowed = step.kind == StepKind::Async;
    step.run = steps((*f)["run"], body);
    return ok;
}

bool StepReader::readTimer(Step& step, const Field& field, const StepContext& context) {
    const std::string_view name = keywordOf(step);
    const bool interval = step.kind == StepKind::SetInterval;
    const auto f = fields_.optionsMap(field, stepSyntaxOf(step.kind).options, name);
    if (!f)
        return false;
    bool ok = true;
    const std::string_view delayKey = interval ? "every" : "delay";
    if (Field delay = (*f)[delayKey]) {
        ok &= take(fields_.duration(delay, delayKey), step.duration);
    } else if (interval) {
        fields_.missing(field, "every", name, "the time between ticks, such as `every: 100ms`");
        ok = false;
    }
    if (Field times = (*f)["times"])
        ok &= take(fields_.integer(times, "times", 1, kMaxRepeatTimes), step.count);
    if (Field id = (*f)["id"]) {
        ok &= take(timerId(id), step.timerId);
        timers_.declare(step.timerId);
    }
    StepContext body = context.callback();
    body.inInterval = body.inInterval || interval;
    step.run = steps((*f)["run"], body);
    return ok;
}

bool StepReader::readCallback(Step& step, const Field& field, const StepContext& context) {
    const auto f = fields_.optionsMap(field, stepSyntaxOf(step.kind).options, keywordOf(step));
    if (!f)
        return false;
    step.run = steps((*f)["run"], context.callback());
    return true;
}

bool StepReader::readPromise(Step& step, const Field& field, const StepContext& context) {
    const auto f = fields_.optionsMap(field, stepSyntaxOf(step.kind).options, keywordOf(step));
    if (!f)
        return false;
    step.run = steps((*f)["run"], context.callback());
    if (Field then = (*f)["then"]) {
        step.hasThen = true;
        step.then = steps(then, context.callback());
    }
    return true;
}

bool StepReader::readIo(Step& step, const Field& field, const StepContext& context, bool awaited) {
    const std::string_view name = keywordOf(step);
    const std::span<const std::string_view> known = stepSyntaxOf(step.kind).options;
    const YamlNode& value = *field.value;
    if (!value.isMap()) {
        fields_.fail(value.isNull() ? step.where : value.where,
                     "expected " + listOf(known) + " under " + quoted(name) + ", found " + describe(value));
        return false;
    }
    bool ok = true;
    const Fields f = fields_.fieldsOf(value, known, name);
    if (Field takes = f["takes"]) {
        ok &= take(fields_.duration(takes, "takes"), step.duration);
    } else {
        fields_.missing(field, "takes", name, "how long it takes, such as `takes: 20ms`");
        ok = false;
    }
    if (step.kind == StepKind::Net) {
        step.text = "network";
        if (Field to = f["to"])
            ok &= take(fields_.text(to, "to"), step.text);
    }
    if (Field then = f["then"]) {
        if (awaited) {
            fields_.fail(then.key->where, "an awaited " + quoted(name) + " cannot have its own `then:`; the steps "
                                          "after the `await` run when it settles");
            ok = false;
        } else {
            step.then = steps(then, context.callback());
        }
    }
    return ok;
}

bool StepReader::readDuration(Step& step, const Field& field, bool awaited) {
    if (step.kind == StepKind::Sleep && !awaited) {
        fields_.fail(step.where, "`sleep` can only be awaited: write `- await: {sleep: 10ms}`");
        return false;
    }
    return take(fields_.duration(field, keywordOf(step)), step.duration);
}

bool StepReader::readRespond(Step& step, const Field& field, const StepContext& context) {
    bool ok = true;
    if (!context.inHandler) {
        fields_.fail(step.where, "`respond` ends an HTTP request, so it can only be used inside `server.handler`");
        ok = false;
    }
    ok &= take(fields_.integer(field, keywordOf(step), 100, 599, "an HTTP status"), step.count);
    return ok;
}

bool StepReader::readAwait(Step& step, const Field& field, const StepContext& context) {
    bool ok = true;
    if (!context.awaitAllowed) {
        fields_.fail(step.where, "`await` can only be used inside `async` (or in `main` with `runtime.module: esm`)");
        ok = false;
    }
    if (std::optional<AwaitTarget> target = AwaitTargetReader(fields_, *this).read(*field.key, *field.value, context))
        step.awaited.push_back(std::move(*target));
    else
        ok = false;
    return ok;
}

bool StepReader::readRepeat(Step& step, const Field& field, const StepContext& context) {
    const std::string_view name = keywordOf(step);
    const auto f = fields_.optionsMap(field, stepSyntaxOf(step.kind).options, name);
    if (!f)
        return false;
    bool ok = true;
    if (Field times = (*f)["times"]) {
        ok &= take(fields_.integer(times, "times", 0, kMaxRepeatTimes), step.count);
    } else {
        fields_.missing(field, "times", name, "how many times, such as `times: 3`");
        ok = false;
    }
    StepContext body = context;
    body.inRepeat = true;
    step.run = steps((*f)["run"], body);
    return ok;
}

bool StepReader::readClear(Step& step, const Field& field) {
    const YamlNode& value = *field.value;
    if (!value.isScalar() || value.text.empty()) {
        fields_.fail(value.isNull() ? step.where : value.where,
                     "expected the `id` of a timer for " + quoted(keywordOf(step)) + ", found " + describe(value));
        return false;
    }
    step.timerId = value.text;
    timers_.clear(step.timerId, value.where, step.kind);
    return true;
}

std::optional<std::string> StepReader::timerId(const Field& field) {
    const YamlNode& value = *field.value;
    if (!value.isScalar() || value.text.empty()) {
        fields_.fail(value.isNull() ? field.key->where : value.where,
                     "expected a timer name such as `ticker` for `id`, found " + describe(value));
        return std::nullopt;
    }
    return value.text;
}

void StepReader::checkPlaceholders(const std::string& text, SourceLocation where, const StepContext& context) {
    if (text.find("{i}") != std::string::npos && !context.inRepeat)
        fields_.fail(where, "`{i}` is the `repeat` index, so it can only be used inside `repeat`");
    if (text.find("{tick}") != std::string::npos && !context.inInterval)
        fields_.fail(where, "`{tick}` is the `setInterval` tick, so it can only be used inside `setInterval`");
    if (text.find("{request}") != std::string::npos && !context.inHandler)
        fields_.fail(where, "`{request}` is the request number, so it can only be used inside `server.handler`");
}

}  // namespace loopscope
