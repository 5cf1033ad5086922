#pragma once

#include "Time.h"

namespace loopscope {

// A process of a cluster (ClusterEngine.h): it does not listen, but serves the
// connections its primary hands over on an IPC pipe, numbers its requests so that
// they stay unique over the cluster, and counts time from the primary's start.
struct ClusterProcessRole {
    int process = 0;        // 0-based
    int processes = 1;
    int channelFd = -1;     // the IPC pipe from the primary (HttpServer::serveFromIpc)
    Nanoseconds origin = 0; // the primary's run start, CLOCK_MONOTONIC (steadyNow())
};

}  // namespace loopscope
