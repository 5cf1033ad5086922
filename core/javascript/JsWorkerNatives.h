// The natives of worker_threads (lib/worker_threads.js): start a Worker, post to it,
// terminate it; in a worker, post to the parent and what the parent gave it.
#pragma once

#include <jsapi.h>

namespace loopscope {

// Adds them to `natives`, with `workerInfo`: { isMainThread, threadId, workerData } (the
// workerData as its tape, or null).
bool defineWorkerNatives(JSContext* cx, JS::HandleObject natives);

}  // namespace loopscope
