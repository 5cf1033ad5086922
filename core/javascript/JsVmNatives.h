// The natives behind lib/vm.js: a context is a new global (realm) in the program's own
// compartment, so that objects pass between it and the program as they are; code runs in
// it, or in the program's global, with a filename, a line offset and an optional timeout.
#pragma once

#include <jsapi.h>

namespace loopscope {

// Adds them to `natives`.
bool defineVmNatives(JSContext* cx, JS::HandleObject natives);

}  // namespace loopscope
