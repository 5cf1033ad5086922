// The steps of a scenario: `main:`, `server.handler:` and every callback body inside them,
// each step checked against StepSyntax and against what encloses it.
#pragma once

#include <optional>
#include <string>

#include "FieldReader.h"
#include "Scenario.h"
#include "StepSyntax.h"
#include "TimerIds.h"

namespace loopscope {

// What encloses a step: which placeholders and which context-bound steps it may use.
struct StepContext {
    bool inHandler = false;
    bool inRepeat = false;
    bool inInterval = false;
    bool awaitAllowed = false;

    // A callback is a new function: only `async` bodies may await.
    StepContext callback() const {
        StepContext c = *this;
        c.awaitAllowed = false;
        return c;
    }
};

class StepReader {
public:
    explicit StepReader(FieldReader& fields) : fields_(fields) {}

    // The steps listed under `field` (absent or empty: none).
    StepList steps(const Field& field, const StepContext& context);

    // The step `kind` written as `field`; `awaited` when it is what an `await` waits for.
    std::optional<Step> stepValue(StepKind kind, const Field& field, const StepContext& context, bool awaited);

    // Once the whole file is read: every clearTimeout and clearInterval names a timer.
    void checkTimerClears() { timers_.checkClears(fields_.log()); }

private:
    FieldReader& fields_;
    TimerIds timers_;

    std::optional<Step> stepItem(const YamlNode& item, const StepContext& context);
    void extraKeyInStep(const YamlNode& key, const std::string& stepName, const StepSyntax* step);
    bool readBody(Step& step, const Field& field, const StepContext& context, bool awaited);

    // One for each shape of step; each returns true when the step was read whole.
    bool readLog(Step& step, const Field& field, const StepContext& context);
    bool readCpu(Step& step, const Field& field, const StepContext& context);
    bool readFunction(Step& step, const Field& field, const StepContext& context);
    bool readTimer(Step& step, const Field& field, const StepContext& context);
    bool readCallback(Step& step, const Field& field, const StepContext& context);
    bool readPromise(Step& step, const Field& field, const StepContext& context);
    bool readIo(Step& step, const Field& field, const StepContext& context, bool awaited);
    bool readDuration(Step& step, const Field& field, bool awaited);
    bool readRespond(Step& step, const Field& field, const StepContext& context);
    bool readAwait(Step& step, const Field& field, const StepContext& context);
    bool readRepeat(Step& step, const Field& field, const StepContext& context);
    bool readClear(Step& step, const Field& field);

    std::optional<std::string> timerId(const Field& field);
    void checkPlaceholders(const std::string& text, SourceLocation where, const StepContext& context);
};

}  // namespace loopscope
