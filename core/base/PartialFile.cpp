#include "PartialFile.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

namespace loopscope {
namespace {

// The temporary file being written, for the signal handler. One at a time is enough: a
// process writes its outputs one after the other.
constexpr std::size_t kMaxPath = 4096;
char gPartialPath[kMaxPath];
volatile std::sig_atomic_t gHasPartial = 0;
struct sigaction gPrevious[3];
constexpr int kSignals[3] = {SIGINT, SIGTERM, SIGHUP};

void removePartialAndEnd(int signal) {
    if (gHasPartial)
        ::unlink(gPartialPath);  // async-signal-safe
    for (int i = 0; i < 3; ++i)
        if (kSignals[i] == signal)
            ::sigaction(signal, &gPrevious[i], nullptr);
    ::raise(signal);
}

void installHandlersOnce() {
    static std::once_flag once;
    std::call_once(once, [] {
        for (int i = 0; i < 3; ++i) {
            struct sigaction action {};
            action.sa_handler = removePartialAndEnd;
            sigemptyset(&action.sa_mask);
            action.sa_flags = SA_RESETHAND;
            ::sigaction(kSignals[i], &action, &gPrevious[i]);
        }
    });
}

std::string errnoText(int error) { return std::strerror(error); }

}  // namespace

PartialFile::PartialFile(std::string target) : target_(std::move(target)) {}

PartialFile::~PartialFile() { discard(); }

void PartialFile::discard() {
    if (fd_ >= 0)
        ::close(fd_);
    fd_ = -1;
    if (!temporary_.empty()) {
        gHasPartial = 0;
        ::unlink(temporary_.c_str());
        temporary_.clear();
    }
}

bool PartialFile::open(std::string* reason) {
    discard();
    installHandlersOnce();
    const std::size_t slash = target_.rfind('/');
    const std::string directory = slash == std::string::npos ? std::string() : target_.substr(0, slash + 1);
    const std::string name = slash == std::string::npos ? target_ : target_.substr(slash + 1);
    std::string pattern = directory + "." + name + ".partial-XXXXXX";
    if (pattern.size() >= kMaxPath) {
        if (reason)
            *reason = "the path is too long";
        return false;
    }
    // Block the signals while the handler's path changes, so it never sees half a name.
    sigset_t block, old;
    sigemptyset(&block);
    for (int signal : kSignals)
        sigaddset(&block, signal);
    ::pthread_sigmask(SIG_BLOCK, &block, &old);
    const int fd = ::mkstemp(pattern.data());
    const int error = errno;
    if (fd >= 0) {
        std::memcpy(gPartialPath, pattern.c_str(), pattern.size() + 1);
        gHasPartial = 1;
        fd_ = fd;
        temporary_ = pattern;
        ::fchmod(fd, 0644);
    }
    ::pthread_sigmask(SIG_SETMASK, &old, nullptr);
    if (fd < 0) {
        if (reason)
            *reason = errnoText(error);
        return false;
    }
    return true;
}

bool PartialFile::write(std::string_view bytes, std::string* reason) {
    if (fd_ < 0) {
        if (reason)
            *reason = "the file is not open";
        return false;
    }
    while (!bytes.empty()) {
        const ssize_t written = ::write(fd_, bytes.data(), bytes.size());
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0) {
            if (reason)
                *reason = errnoText(errno);
            discard();
            return false;
        }
        bytes.remove_prefix(std::size_t(written));
    }
    return true;
}

bool PartialFile::commit(std::string* reason) {
    if (fd_ < 0) {
        if (reason)
            *reason = "the file is not open";
        return false;
    }
    if (::fsync(fd_) != 0 || ::close(fd_) != 0) {
        const int error = errno;
        fd_ = -1;
        if (reason)
            *reason = errnoText(error);
        discard();
        return false;
    }
    fd_ = -1;
    if (::rename(temporary_.c_str(), target_.c_str()) != 0) {
        if (reason)
            *reason = errnoText(errno);
        discard();
        return false;
    }
    gHasPartial = 0;
    temporary_.clear();
    return true;
}

bool writeFileAtomically(const std::string& path, std::string_view bytes, std::string* reason) {
    PartialFile file(path);
    return file.open(reason) && file.write(bytes, reason) && file.commit(reason);
}

}  // namespace loopscope
