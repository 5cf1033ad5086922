// The engine child: the process a run executes in (see EngineProcess.h for the parent's
// side). `loopscope engine-child ...` and `loopscope-engine engine-child ...` call it.
#pragma once

namespace loopscope {

// Parses the child's arguments, runs the engine they name, streams its events to
// standard output. Returns the exit code.
int engineChildMain(int argc, char** argv);

}  // namespace loopscope
