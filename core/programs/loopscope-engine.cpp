// loopscope-engine: the engine child without Qt. `loopscope engine-child ...` does the
// same; this small executable exists so that engine tests and sanitizer builds
// (LOOPSCOPE_GUI=OFF, where the Qt application is not built) have a child to start.
#include <cstdio>
#include <cstring>

#include "EngineProcess.h"

int main(int argc, char** argv) {
    if (argc < 2 || std::strcmp(argv[1], "engine-child") != 0) {
        std::fprintf(stderr, "usage: loopscope-engine engine-child --engine NAME [--threadpool N] "
                             "[--cores N] [--time-scale X] FILE\n");
        return 1;
    }
    return loopscope::engineChildMain(argc, argv);
}
