// Node's cluster for a program (lib/cluster.js over JsClusterNatives.cpp). In the primary:
// the workers it forks (ClusterForks); in a forked worker: its channel to the primary
// (ClusterChannel). What arrives from the other side runs as a poll-phase callback: the
// library's clusterEvent(kind, workerId, ...).
#pragma once

#include <memory>
#include <set>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "ClusterChannel.h"
#include "ClusterForks.h"
#include "ClusterProcessRole.h"

namespace loopscope {

class JavaScriptProgram;

class JsCluster {
public:
    explicit JsCluster(JavaScriptProgram& program) : program_(program) {}
    ~JsCluster();
    JsCluster(const JsCluster&) = delete;
    JsCluster& operator=(const JsCluster&) = delete;

    // How this process forks workers (none: cluster.fork() says it cannot), and, when it
    // is a forked worker itself, its role. Before the run.
    void configure(std::optional<ForkCommand> command, std::optional<ClusterProcessRole> worker);
    // The loop runs: a worker's channel opens. Before the main script.
    void start();
    // The run is over: workers are killed, the channel closed.
    void stop();

    bool isWorker() const { return worker_.has_value() && !worker_->childProcess; }
    // A child of child_process.fork(): process.send() and the channel, but no cluster.
    bool isForkedChild() const { return worker_.has_value() && worker_->childProcess; }
    int workerId() const { return worker_ ? worker_->process : 0; }

    // ---- the primary; each throws std::runtime_error with what failed
    ClusterForks::Forked fork(const std::vector<std::pair<std::string, std::string>>& environment);
    // child_process.fork(): its events come as a worker's, under its id.
    ClusterForks::Forked forkChild(const ForkedProgram& program);
    bool send(int id, const std::string& message);
    void disconnect(int id);
    int kill(int id, int signal);
    std::uint16_t share(int id, std::uint16_t port);

    // ---- a worker
    bool sendToPrimary(const std::string& message);
    void disconnectFromPrimary();
    void setChannelRef(bool refed);

private:
    using Argument = std::variant<std::monostate, std::nullptr_t, double, std::string>;
    void deliver(const std::string& kind, int id, Argument first = {}, Argument second = {});
    ClusterForks& forks();

    JavaScriptProgram& program_;
    std::optional<ForkCommand> command_;
    std::optional<ClusterProcessRole> worker_;
    std::unique_ptr<ClusterForks> forks_;
    std::unique_ptr<ClusterChannel> channel_;
    std::set<int> children_;  // the ids forkChild gave
};

}  // namespace loopscope
