#include "CommandLine.h"

int main(int argc, char** argv) { return loopscope::runCommandLine(argc, argv); }
