// The natives of child_process (lib/child_process.js): Node's process_wrap and
// spawn_sync bindings over the runtime's ChildProcesses, and pipes for a child's standard
// streams (TcpSockets handles, read and written as net.Socket's).
#pragma once

#include <jsapi.h>

namespace loopscope {

// Adds them to `natives`.
bool defineChildProcessNatives(JSContext* cx, JS::HandleObject natives);

}  // namespace loopscope
