// loopscope's command line (see DESIGN.md, "Command line"):
//   loopscope [FILE]           the GUI
//   loopscope check FILE...    validate scenario files
//   loopscope run FILE [...]   run headless and export
// Exit codes: 0 success, 1 bad scenario or bad arguments, 2 the run failed.
#pragma once

namespace loopscope {

enum ExitCode { kExitOk = 0, kExitBadInput = 1, kExitRunFailed = 2 };

int runCommandLine(int argc, char** argv);

}  // namespace loopscope
