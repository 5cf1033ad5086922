// Files that must not outlive the process if SIGINT, SIGTERM or SIGHUP ends it: a named
// temporary file that an interrupted export would otherwise leave behind. A registration
// installs a handler for each of those signals (unless the process ignores it); the
// handler removes every registered file, then lets the signal do what it did before (end
// the process, or call the handler that was there).
#pragma once

namespace loopscope {

// Registers `path` (copied) for removal by a terminating signal. Returns a ticket for
// forgetRemoveOnSignal(), or -1 when it cannot (path too long, every slot taken).
// Register a name before creating the file: then no moment exists where the file is
// there and the handler does not know it.
int removeOnSignal(const char* path);

// The file was renamed into place or removed by its owner: a signal leaves it alone.
void forgetRemoveOnSignal(int ticket);

}  // namespace loopscope
