#include "AwaitTargetReader.h"

#include <vector>

#include "MessageText.h"
#include "StepSyntax.h"

namespace loopscope {
namespace {

// `thenable`, `all`, `race` and the steps that return a promise.
std::span<const std::string_view> awaitTargetKeys() {
    static const std::vector<std::string_view> keys = [] {
        std::vector<std::string_view> all{"thenable", "all", "race"};
        for (std::string_view keyword : promiseStepKeywords())
            all.push_back(keyword);
        return all;
    }();
    return keys;
}

// "fs.readFile, crypto.pbkdf2, ... and async"
std::string promiseSteps() {
    const std::span<const std::string_view> keywords = promiseStepKeywords();
    std::string list;
    for (std::size_t i = 0; i < keywords.size(); ++i) {
        if (i > 0)
            list += i + 1 == keywords.size() ? " and " : ", ";
        list += keywords[i];
    }
    return list;
}

}  // namespace

std::optional<AwaitTarget> AwaitTargetReader::read(const YamlNode& key, const YamlNode& value, const StepContext& context) {
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
        fields_.fail(value.where, "expected " + expected + " after " + quoted(key.text) + ", found " + describe(value));
        return std::nullopt;
    }
    for (std::size_t i = 1; i < value.mapSize(); ++i)
        fields_.fail(value.key(i).where, "one `await` waits for one thing; " +
                                             quoted(value.key(i).isScalar() ? value.key(i).text : "?") +
                                             " is a second one (use `{all: [...]}` to wait for several)");
    if (value.mapSize() > 1)
        return std::nullopt;
    const YamlNode& name = value.key(0);
    const YamlNode& inner = value.value(0);
    if (!name.isScalar()) {
        fields_.fail(name.where, "expected " + expected + ", found " + describe(name));
        return std::nullopt;
    }
    if (name.text == "thenable")
        return thenable(std::move(target), inner);
    if (name.text == "all" || name.text == "race")
        return several(std::move(target), name, inner, context);
    return promise(std::move(target), name, inner, context);
}

std::optional<AwaitTarget> AwaitTargetReader::thenable(AwaitTarget target, const YamlNode& inner) {
    target.kind = AwaitTarget::Kind::Thenable;
    if (inner.isMap() || inner.isSequence()) {
        fields_.fail(inner.where, "expected a plain value such as 42 for `thenable`, found " + describe(inner));
        return std::nullopt;
    }
    target.value = inner.isNull() ? "null" : inner.text;
    return target;
}

std::optional<AwaitTarget> AwaitTargetReader::several(AwaitTarget target, const YamlNode& name, const YamlNode& inner,
                                                      const StepContext& context) {
    target.kind = name.text == "all" ? AwaitTarget::Kind::All : AwaitTarget::Kind::Race;
    if (inner.isNull())
        return target;
    if (!inner.isSequence()) {
        fields_.fail(inner.where, "expected a list of things to await for " + quoted(name.text) + ", such as "
                                  "`[1, {sleep: 10ms}]`, found " + describe(inner));
        return std::nullopt;
    }
    bool ok = true;
    for (const YamlNode& item : inner.children) {
        if (std::optional<AwaitTarget> input = read(name, item, context))
            target.inputs.push_back(std::move(*input));
        else
            ok = false;
    }
    if (!ok)
        return std::nullopt;
    return target;
}

std::optional<AwaitTarget> AwaitTargetReader::promise(AwaitTarget target, const YamlNode& name, const YamlNode& inner,
                                                      const StepContext& context) {
    const StepSyntax* step = stepSyntaxOf(name.text);
    if (step && step->returnsPromise) {
        target.kind = AwaitTarget::Kind::Promise;
        std::optional<Step> awaited = steps_.stepValue(step->kind, {&name, &inner}, context, true);
        if (!awaited)
            return std::nullopt;
        target.promise.push_back(std::move(*awaited));
        return target;
    }
    if (step) {
        fields_.fail(name.where, quoted(name.text) + " does not return a promise, so it cannot be awaited; await a "
                                 "value, `thenable`, `all`, `race`, or one of " + promiseSteps());
        return std::nullopt;
    }
    std::string message = "unknown await target " + quoted(name.text);
    if (auto suggestion = fields_.log().suggestion(name.text, awaitTargetKeys()))
        message += "; did you mean " + quoted(*suggestion) + "?";
    else
        message += "; expected " + listOf(awaitTargetKeys());
    fields_.fail(name.where, message);
    return std::nullopt;
}

}  // namespace loopscope
