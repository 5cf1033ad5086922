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
    raised.rlim_cur = (limit.rlim_max == RLIM_INFINITY || limit.rlim_max >= wanted) ? wanted : limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &raised) != 0) {
        result.message = "the system refused to raise the open-file limit from " + describe(limit.rlim_cur) +
                         " to " + describe(raised.rlim_cur) + ": " + std::strerror(errno);
        result.limit = {static_cast<std::uint64_t>(limit.rlim_cur), static_cast<std::uint64_t>(limit.rlim_max)};
        return result;
    }
    result.limit = {static_cast<std::uint64_t>(raised.rlim_cur), static_cast<std::uint64_t>(raised.rlim_max)};
    result.ok = raised.rlim_cur >= wanted;
    if (!result.ok)
        result.message = std::to_string(needed) + " open files are needed but the hard limit is " +
                         describe(limit.rlim_max) + " (raise it with `ulimit -Hn` or limits.conf)";
    return result;
}

}  // namespace loopscope
