// loopscope-engine: the engine without Qt.
//   loopscope-engine engine-child ...                  the child a run executes in
//   loopscope-engine run FILE [--mode event-loop] [--print-log]
// `loopscope engine-child` and `loopscope run --print-log` do the same. This small
// executable exists so that engine tests and sanitizer builds (LOOPSCOPE_GUI=OFF, where
// the Qt application is not built) have a child to start and a headless runner.
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstring>
#include <string>

#include "ConsoleOutput.h"
#include "EngineChild.h"
#include "EngineNames.h"
#include "EngineProcess.h"
#include "ScenarioParser.h"

namespace {

// The one mode this runner has; `loopscope run` has the others.
const char* const kMode = loopscope::engineName(loopscope::EngineKind::EventLoop);

int usage() {
    std::fprintf(stderr,
                 "usage: loopscope-engine run FILE [--mode %s] [--print-log] [-- PROGRAM-ARGUMENT...]\n"
                 "       loopscope-engine engine-child --engine NAME [--threadpool N] [--cores N] "
                 "[--time-scale X] [--processes N] FILE\n",
                 kMode);
    return 1;
}

std::string selfPath() {
    char path[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    return n > 0 ? std::string(path, std::size_t(n)) : std::string("loopscope-engine");
}

int runCommand(int argc, char** argv) {
    std::string file;
    bool printLog = false;
    std::vector<std::string> programArguments;
    for (int at = 2; at < argc; ++at) {
        const std::string argument = argv[at];
        if (argument == "--" && !file.empty()) {
            programArguments.assign(argv + at + 1, argv + argc);
            break;
        }
        if (argument == "--print-log") {
            printLog = true;
        } else if (argument == "--mode") {
            if (at + 1 >= argc || std::strcmp(argv[++at], kMode) != 0) {
                std::fprintf(stderr, "loopscope-engine: only --mode %s is built in here\n", kMode);
                return 1;
            }
        } else if (!argument.empty() && argument[0] == '-') {
            std::fprintf(stderr, "loopscope-engine: unknown option '%s'\n", argument.c_str());
            return 1;
        } else if (file.empty()) {
            file = argument;
        } else {
            return usage();
        }
    }
    if (file.empty())
        return usage();
    const loopscope::ParseResult parsed = loopscope::parseScenarioFile(file);
    for (const loopscope::Diagnostic& d : parsed.diagnostics)
        std::fprintf(stderr, "%s\n", d.format().c_str());
    if (!parsed.ok())
        return 1;
    loopscope::EngineOptions options;
    options.executable = selfPath();
    options.standardInput = 0;
    options.programArguments = programArguments;
    loopscope::ConsoleOutput console;
    loopscope::EngineProcess process(file, options, [printLog, &console](std::vector<loopscope::TraceEvent>&& batch) {
        console.take(batch);
        if (printLog)
            loopscope::ConsoleOutput::echo(batch, stdout, stderr);
    });
    try {
        process.start();
    } catch (const std::exception& error) {
        std::fprintf(stderr, "loopscope-engine: %s\n", error.what());
        return 2;
    }
    if (!process.wait()) {
        std::fprintf(stderr, "loopscope-engine: %s\n", process.error().c_str());
        return 2;
    }
    // A JavaScript program exits as Node would: with its own exit code.
    return console.exitCode().value_or(0);
}

}  // namespace

#if defined(__SANITIZE_THREAD__)
// Under ThreadSanitizer only. Worker threads each open and close their own loop's pipes: a
// descriptor number one thread closed and another thread's pipe2() received next is ordered
// by the kernel, which the sanitizer cannot see, so it reports a race on the number inside
// libuv's uv_pipe (seen once in the corpus's worker-cpu-pool.js). Only that frame is ignored.
extern "C" const char* __tsan_default_suppressions() {
    return "race:uv_pipe\n";
}
#endif

int main(int argc, char** argv) {
    if (argc >= 2 && std::strcmp(argv[1], "engine-child") == 0)
        return loopscope::engineChildMain(argc, argv);
    if (argc >= 2 && std::strcmp(argv[1], "run") == 0)
        return runCommand(argc, argv);
    return usage();
}
