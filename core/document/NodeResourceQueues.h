// Which of loopscope's queues a callback of Node's trace came from, by the type of the
// async resource it ran for (the name of its "TYPE_CALLBACK" async_hooks event). The
// table is in docs/DESIGN.md, "Opening a trace recorded by Node".
#pragma once

#include <string_view>

#include "TraceEvent.h"

namespace loopscope {

// Timeout -> Timers, Immediate -> Check, TickObject -> NextTick, PROMISE and Microtask ->
// Microtask; every other type (FSREQCALLBACK, TCPWRAP, HTTPINCOMINGMESSAGE, PBKDF2REQUEST,
// ZLIB, ...) is an I/O or pool completion, which libuv runs in the poll phase: Poll.
QueueKind queueOfAsyncResource(std::string_view type);

}  // namespace loopscope
