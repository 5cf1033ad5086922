// The natives behind lib/vm.js: a context is a new global (realm) in the program's own
// compartment, so that objects pass between it and the program as they are; code runs in
// it, or in the program's global, with a filename, a line offset and an optional timeout.
#pragma once

#include <jsapi.h>

namespace loopscope {

// What the code run through vm gives `import()` as its referrer: Node rejects such an import
// unless the script was given a callback for it, which loopscope does not take.
inline constexpr const char* kVmScriptReferrer = "\x01vm script";

// Adds them to `natives`.
bool defineVmNatives(JSContext* cx, JS::HandleObject natives);

}  // namespace loopscope
