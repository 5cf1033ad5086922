#pragma once

#include "Time.h"

namespace loopscope {

// A process of a cluster (ClusterEngine.h): it does not listen, but serves the
// connections its primary hands over on an IPC pipe, numbers its requests so that
// they stay unique over the cluster, and counts time from the primary's start.
//
// A worker a JavaScript program forked (cluster.fork(), ClusterForks.h) has `messageFd`
// too: what its primary sends it; its `process` is its cluster.worker.id (1-based).
struct ClusterProcessRole {
    int process = 0;        // 0-based
    int processes = 1;
    int channelFd = -1;     // the IPC pipe from the primary (HttpServer::serveFromIpc)
    Nanoseconds origin = 0; // the primary's run start, CLOCK_MONOTONIC (steadyNow())
    int messageFd = -1;     // a forked program's worker: its primary's messages, one per line
    // A child of child_process.fork() rather than a cluster worker: the same channel, but
    // its program is not cluster.isWorker and serves no shared port.
    bool childProcess = false;
    bool forkedProgram() const { return messageFd >= 0; }
};

// Server-side request numbers of forked worker `id`: id, id + stride, id + 2 * stride, ...
inline constexpr int kForkedRequestStride = 100;

}  // namespace loopscope
