// The natives of cluster (lib/cluster.js): in the primary, fork a worker, send to it,
// disconnect or kill it, share a port with it; in a forked worker, send to the primary,
// disconnect, and whether its channel keeps the loop alive.
#pragma once

#include <jsapi.h>

namespace loopscope {

// Adds them to `natives`, with `clusterInfo`: { isWorker, id }.
bool defineClusterNatives(JSContext* cx, JS::HandleObject natives);

}  // namespace loopscope
