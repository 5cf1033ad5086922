#include "JsCluster.h"

#include <cstring>
#include <stdexcept>

#include "JavaScriptProgram.h"
#include "JsStrings.h"

namespace loopscope {

namespace {

std::string signalName(int signal) {
    const char* abbreviation = sigabbrev_np(signal);
    return abbreviation ? std::string("SIG") + abbreviation : std::to_string(signal);
}

}  // namespace

JsCluster::~JsCluster() { stop(); }

void JsCluster::configure(std::optional<ForkCommand> command, std::optional<ClusterProcessRole> worker) {
    command_ = std::move(command);
    worker_ = worker;
}

void JsCluster::start() {
    if (!worker_ || channel_)
        return;
    NodeRuntime& runtime = program_.runtime();
    channel_ = std::make_unique<ClusterChannel>(
        runtime.traceSink(), runtime.traceStart(), worker_->messageFd,
        ClusterChannel::Events{
            [this](std::string message) { deliver("message", workerId(), std::move(message)); },
            [this] { deliver("disconnect", workerId()); },
        });
    channel_->start(runtime.loop());
}

void JsCluster::stop() {
    if (forks_)
        forks_->stopAll();
    if (channel_)
        channel_->close();
}

ClusterForks& JsCluster::forks() {
    if (!command_)
        throw std::runtime_error(worker_ ? "loopscope forks processes from the program the run started with only"
                                         : "this run cannot fork processes (it is not an engine process)");
    if (!forks_) {
        NodeRuntime& runtime = program_.runtime();
        forks_ = std::make_unique<ClusterForks>(
            runtime.loop(), runtime.traceSink(), runtime.traceStart(), *command_, program_.scenario(),
            ClusterForks::Events{
                [this](int id, std::string message) { deliver("message", id, std::move(message)); },
                [this](int id) { deliver("disconnect", id); },
                [this](int id, std::optional<int> code, int signal) {
                    deliver("exit", id, code ? Argument(double(*code)) : Argument(nullptr),
                            signal ? Argument(signalName(signal)) : Argument(nullptr));
                },
                [this] { deliver("loadDone", 0); },
            });
    }
    return *forks_;
}

ClusterForks::Forked JsCluster::fork(const std::vector<std::pair<std::string, std::string>>& environment) {
    return forks().fork(environment);
}

ClusterForks::Forked JsCluster::forkChild(const ForkedProgram& program) {
    const ClusterForks::Forked forked = forks().fork({}, &program);
    children_.insert(forked.id);
    return forked;
}

bool JsCluster::send(int id, const std::string& message) { return forks_ && forks_->send(id, message); }

void JsCluster::disconnect(int id) {
    if (forks_)
        forks_->disconnect(id);
}

int JsCluster::kill(int id, int signal) { return forks_ ? forks_->kill(id, signal) : -1; }

std::uint16_t JsCluster::share(int id, std::uint16_t port) { return forks().share(id, port); }

bool JsCluster::sendToPrimary(const std::string& message) { return channel_ && channel_->send(message); }

void JsCluster::disconnectFromPrimary() {
    if (channel_)
        channel_->disconnect();
}

void JsCluster::setChannelRef(bool refed) {
    if (channel_)
        channel_->setRef(refed);
}

// The library's clusterEvent(kind, id, first, second), as a poll-phase callback.
void JsCluster::deliver(const std::string& kind, int id, Argument first, Argument second) {
    NodeRuntime& runtime = program_.runtime();
    if (runtime.stopped())
        return;
    const std::string label = children_.count(id) ? "child " + kind
                              : isForkedChild()  ? "parent " + kind
                              : id               ? "cluster worker " + std::to_string(id) + " " + kind
                                                 : "cluster " + kind;
    runtime.runMessage(runtime.callback({}, label, [this, kind, id, first = std::move(first), second = std::move(second)] {
        JSContext* cx = program_.cx();
        JSAutoRealm realm(cx, program_.global());
        JS::RootedValueArray<4> arguments(cx);
        arguments[0].setString(newString(cx, kind));
        arguments[1].setNumber(double(id));
        auto set = [cx](const Argument& from, JS::MutableHandleValue to) {
            if (std::holds_alternative<std::nullptr_t>(from))
                to.setNull();
            else if (const double* number = std::get_if<double>(&from))
                to.setNumber(*number);
            else if (const std::string* text = std::get_if<std::string>(&from))
                to.setString(newString(cx, *text));
            else
                to.setUndefined();
        };
        set(first, arguments[2]);
        set(second, arguments[3]);
        program_.callHook("clusterEvent", arguments);
    }));
}

}  // namespace loopscope
