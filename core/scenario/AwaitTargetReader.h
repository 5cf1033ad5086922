// What an `await` waits for: a value, `{thenable: V}`, `{all: [...]}`, `{race: [...]}` or
// a step that returns a promise (`{sleep: 10ms}`, `{fs.readFile: {takes: 5ms}}`, ...).
#pragma once

#include <optional>

#include "FieldReader.h"
#include "StepReader.h"

namespace loopscope {

class AwaitTargetReader {
public:
    // Promise steps are read by `steps`, which reads the steps inside them too.
    AwaitTargetReader(FieldReader& fields, StepReader& steps) : fields_(fields), steps_(steps) {}

    // `value` written after `key` (`await:`, or `all:` and `race:` for their items).
    std::optional<AwaitTarget> read(const YamlNode& key, const YamlNode& value, const StepContext& context);

private:
    FieldReader& fields_;
    StepReader& steps_;

    std::optional<AwaitTarget> thenable(AwaitTarget target, const YamlNode& inner);
    std::optional<AwaitTarget> several(AwaitTarget target, const YamlNode& name, const YamlNode& inner,
                                       const StepContext& context);
    std::optional<AwaitTarget> promise(AwaitTarget target, const YamlNode& name, const YamlNode& inner,
                                       const StepContext& context);
};

}  // namespace loopscope
