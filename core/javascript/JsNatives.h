// The natives lib/ is written over (`natives` in lib/internal/loader.js): the only
// functions of Node's library that are C++, each a thin call into the runtime (queue a
// tick, arm a timer, write a console line) or into the engine (compile a module).
#pragma once

#include <jsapi.h>

namespace loopscope {

// A new object holding every native, for the program whose context `cx` is.
JSObject* makeNatives(JSContext* cx);

}  // namespace loopscope
