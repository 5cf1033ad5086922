#include "FileDescriptorLimit.h"

#include <sys/resource.h>

#include <cerrno>
#include <cstring>

namespace loopscope {

namespace {

std::string describe(rlim_t value) {
    return value == RLIM_INFINITY ? std::string("unlimited") : std::to_string(value);
}

}  // namespace

FileDescriptorLimit currentFileDescriptorLimit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return {};
    return {static_cast<std::uint64_t>(limit.rlim_cur), static_cast<std::uint64_t>(limit.rlim_max)};
}

FileDescriptorRaise ensureFileDescriptors(std::uint64_t needed) {
    FileDescriptorRaise result;
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        result.message = std::string("cannot read the open-file limit: ") + std::strerror(errno);
        return result;
    }
    const auto wanted = static_cast<rlim_t>(needed);
    if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur >= wanted) {
        result.ok = true;
        result.limit = {static_cast<std::uint64_t>(limit.rlim_cur), static_cast<std::uint64_t>(limit.rlim_max)};
        return result;
    }
    rlimit raised = limit;
    raised.rlim_cur = wanted;
    if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < wanted)
        raised.rlim_max = wanted;  // allowed with CAP_SYS_RESOURCE, up to fs.nr_open
    if (setrlimit(RLIMIT_NOFILE, &raised) != 0) {
        const int refusal = errno;
        rlimit withinHard = limit;
        withinHard.rlim_cur = limit.rlim_max;
        const bool raisedToHard = raised.rlim_max != limit.rlim_max && setrlimit(RLIMIT_NOFILE, &withinHard) == 0;
        const rlimit now = raisedToHard ? withinHard : limit;
        result.limit = {static_cast<std::uint64_t>(now.rlim_cur), static_cast<std::uint64_t>(now.rlim_max)};
        result.message = std::to_string(needed) + " open files are needed; the system refused to raise the limit (" +
                         describe(now.rlim_cur) + ", hard limit " + describe(limit.rlim_max) +
                         "): " + std::strerror(refusal);
        return result;
    }
    result.ok = true;
    result.limit = {static_cast<std::uint64_t>(raised.rlim_cur), static_cast<std::uint64_t>(raised.rlim_max)};
    return result;
}

}  // namespace loopscope
