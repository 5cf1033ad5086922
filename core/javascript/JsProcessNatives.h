// The natives behind the process object's calls about this process itself (process.chdir,
// cwd, umask, getuid and kin, resourceUsage), its engine heap figures (v8.getHeapStatistics)
// and util's system error names.
#pragma once

#include <jsapi.h>

namespace loopscope {

// Adds them to `natives`.
bool defineProcessNatives(JSContext* cx, JS::HandleObject natives);

}  // namespace loopscope
