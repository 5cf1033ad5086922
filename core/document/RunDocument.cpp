#include "RunDocument.h"

#include <ctime>
#include <sys/utsname.h>
#include <thread>

namespace loopscope {

const RecordedRun* RunDocument::runOf(EngineKind engine) const {
    for (const RecordedRun& run : runs)
        if (run.engine == engine)
            return &run;
    return nullptr;
}

RunOrigin originHere() {
    RunOrigin origin;
    origin.recorder = std::string("loopscope ") + LOOPSCOPE_VERSION;
    char stamp[32];
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
    origin.recordedAt = stamp;
    utsname system{};
    if (uname(&system) == 0)
        origin.machine = std::string(system.sysname) + " " + system.release + " " + system.machine;
    origin.cores = int(std::thread::hardware_concurrency());
    return origin;
}

}  // namespace loopscope
