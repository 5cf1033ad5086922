// A SharedArrayBuffer that crosses to another thread (workerData, postMessage) stays one
// block of memory, as in Node: the sending thread writes it with SpiderMonkey's own
// structured clone (same process, shared memory allowed) under a number, and the receiving
// thread reads that back, each end holding a reference to the same memory.
#pragma once

#include <jsapi.h>

namespace loopscope {

// Adds sharedMemoryExport(sab) -> number and sharedMemoryImport(number) -> sab to `natives`.
bool defineSharedMemoryNatives(JSContext* cx, JS::HandleObject natives);

}  // namespace loopscope
