// The natives of the net module (lib/net.js): a program's TCP handles, as Node's tcp_wrap
// binding offers them to its lib/net.js, over the runtime's TcpSockets.
#pragma once

#include <jsapi.h>

namespace loopscope {

// Adds them to `natives`.
bool defineNetNatives(JSContext* cx, JS::HandleObject natives);

}  // namespace loopscope
