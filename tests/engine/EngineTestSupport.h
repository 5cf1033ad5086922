// Building Scenario values in code, and collecting what an engine reports, for the
// engine tests (they must not depend on the scenario parser's details).
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "Engine.h"
#include "Scenario.h"

namespace loopscope::testing {

inline int nextLine = 1;

inline Step step(StepKind kind) {
    Step s;
    s.kind = kind;
    s.where = {nextLine++, 3};
    return s;
}
inline Step log(const std::string& text) {
    Step s = step(StepKind::Log);
    s.text = text;
    return s;
}
inline Step cpu(Nanoseconds takes) {
    Step s = step(StepKind::Cpu);
    s.duration = takes;
    return s;
}
inline Step withRun(StepKind kind, StepList run) {
    Step s = step(kind);
    s.run = std::move(run);
    return s;
}
inline Step setTimeout(Nanoseconds delay, StepList run, std::string id = {}) {
    Step s = withRun(StepKind::SetTimeout, std::move(run));
    s.duration = delay;
    s.timerId = std::move(id);
    return s;
}
inline Step setInterval(Nanoseconds every, int times, StepList run, std::string id = {}) {
    Step s = withRun(StepKind::SetInterval, std::move(run));
    s.duration = every;
    s.count = times;
    s.timerId = std::move(id);
    return s;
}
inline Step clearTimer(StepKind kind, std::string id) {
    Step s = step(kind);
    s.timerId = std::move(id);
    return s;
}
inline Step setImmediate(StepList run) { return withRun(StepKind::SetImmediate, std::move(run)); }
inline Step nextTick(StepList run) { return withRun(StepKind::NextTick, std::move(run)); }
inline Step queueMicrotask(StepList run) { return withRun(StepKind::QueueMicrotask, std::move(run)); }
inline Step promise(StepList run) { return withRun(StepKind::Promise, std::move(run)); }
inline Step promiseThen(StepList run, StepList then) {
    Step s = withRun(StepKind::Promise, std::move(run));
    s.then = std::move(then);
    s.hasThen = true;
    return s;
}
inline Step close(StepList run) { return withRun(StepKind::Close, std::move(run)); }
inline Step repeat(int times, StepList run) {
    Step s = withRun(StepKind::Repeat, std::move(run));
    s.count = times;
    return s;
}
inline Step call(std::string name, StepList run) {
    Step s = withRun(StepKind::Call, std::move(run));
    s.text = std::move(name);
    return s;
}
inline Step async(std::string name, StepList run) {
    Step s = withRun(StepKind::Async, std::move(run));
    s.text = std::move(name);
    return s;
}
inline Step io(StepKind kind, Nanoseconds takes, StepList then) {
    Step s = step(kind);
    s.duration = takes;
    s.then = std::move(then);
    return s;
}
inline Step net(std::string to, Nanoseconds takes, StepList then) {
    Step s = io(StepKind::Net, takes, std::move(then));
    s.text = std::move(to);
    return s;
}
inline AwaitTarget awaitValue() { return AwaitTarget{AwaitTarget::Kind::Value, {nextLine++, 10}, "1", {}, {}}; }
inline AwaitTarget awaitThenable() { return AwaitTarget{AwaitTarget::Kind::Thenable, {nextLine++, 10}, "1", {}, {}}; }
inline AwaitTarget awaitStep(Step promised) {
    AwaitTarget t{AwaitTarget::Kind::Promise, promised.where, {}, {}, {}};
    t.promise.push_back(std::move(promised));
    return t;
}
inline AwaitTarget awaitAll(std::vector<AwaitTarget> inputs, bool race = false) {
    AwaitTarget t{race ? AwaitTarget::Kind::Race : AwaitTarget::Kind::All, {nextLine++, 10}, {}, {}, {}};
    t.inputs = std::move(inputs);
    return t;
}
inline Step await(AwaitTarget target) {
    Step s = step(StepKind::Await);
    s.awaited.push_back(std::move(target));
    return s;
}
inline Step sleep(Nanoseconds duration) {
    Step s = step(StepKind::Sleep);
    s.duration = duration;
    return s;
}

inline Scenario scenarioWith(StepList main) {
    Scenario scenario;
    scenario.main = std::move(main);
    scenario.runtime.horizon = 20 * kSecond;
    return scenario;
}

// Keeps every event, from any thread.
class CollectingSink final : public TraceSink {
public:
    void record(const TraceEvent& event) override { add(event); }
    void add(const TraceEvent& event) {
        std::lock_guard lock(mutex_);
        events_.push_back(event);
    }
    std::vector<TraceEvent> events() const {
        std::lock_guard lock(mutex_);
        return events_;
    }
    std::vector<std::string> logs() const {
        std::lock_guard lock(mutex_);
        std::vector<std::string> lines;
        for (const TraceEvent& event : events_)
            if (event.kind == EventKind::Log)
                lines.push_back(event.text);
        return lines;
    }

private:
    mutable std::mutex mutex_;
    std::vector<TraceEvent> events_;
};

}  // namespace loopscope::testing
