// How many files and sockets this process may hold open (RLIMIT_NOFILE), and
// raising the soft limit when a run needs more: thousands of concurrent
// connections need thousands of descriptors, and the default soft limit is often 1024.
#pragma once

#include <cstdint>
#include <string>

namespace loopscope {

struct FileDescriptorLimit {
    std::uint64_t soft = 0;
    std::uint64_t hard = 0;
};

FileDescriptorLimit currentFileDescriptorLimit();

struct FileDescriptorRaise {
    bool ok = false;          // `needed` descriptors fit under the soft limit now
    FileDescriptorLimit limit;  // the limit after the attempt
    std::string message;      // when !ok: what the OS refuses, in words
};

// Raises the soft limit to `needed` (never lowers it). Above the hard limit this needs
// CAP_SYS_RESOURCE and stays under fs.nr_open; when refused, the soft limit is raised
// as far as the hard limit allows and `message` says what the system refused.
FileDescriptorRaise ensureFileDescriptors(std::uint64_t needed);

}  // namespace loopscope
