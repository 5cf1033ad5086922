#include "OutputFile.h"

#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

#include "SignalCleanup.h"

namespace loopscope {
namespace {

constexpr int kMaxLinkHops = 40;  // Linux's own limit (ELOOP)
constexpr int kNameAttempts = 100;
// ".NAME.partial-XXXXXX" must stay within NAME_MAX (255) however long NAME is.
constexpr std::size_t kMaxNameInTemporary = 200;

std::string errnoText(int error) { return std::strerror(error); }

// "dir/" for "dir/name", "" for "name".
std::string directoryPart(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

std::string namePart(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The directory as open() takes it: "." for the current one.
std::string openableDirectory(const std::string& path) {
    const std::string directory = directoryPart(path);
    return directory.empty() ? std::string(".") : directory;
}

// `path` with the symbolic links of its last component followed to the end (the
// directories on the way are the kernel's business). A dangling link gives the missing
// file it names, which writing creates, as a shell's `>` does.
bool followLinks(std::string path, std::string* destination, int* error) {
    for (int hop = 0; hop < kMaxLinkHops; ++hop) {
        struct stat status {};
        if (::lstat(path.c_str(), &status) != 0 || !S_ISLNK(status.st_mode)) {
            *destination = std::move(path);
            return true;
        }
        char target[PATH_MAX];
        const ssize_t length = ::readlink(path.c_str(), target, sizeof target);
        if (length < 0 || length == ssize_t(sizeof target)) {
            *error = length < 0 ? errno : ENAMETOOLONG;
            return false;
        }
        const std::string next(target, std::size_t(length));
        path = next.starts_with('/') ? next : directoryPart(path) + next;
    }
    *error = ELOOP;
    return false;
}

std::string randomSuffix() {
    thread_local std::mt19937_64 random(std::random_device{}() ^ (std::uint64_t(::getpid()) << 32) ^
                                        std::uint64_t(std::chrono::steady_clock::now().time_since_epoch().count()));
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::string suffix(6, 'x');
    for (char& c : suffix)
        c = kAlphabet[random() % (sizeof kAlphabet - 1)];
    return suffix;
}

std::string temporaryNameFor(const std::string& destination) {
    return directoryPart(destination) + "." + namePart(destination).substr(0, kMaxNameInTemporary) + ".partial-" +
           randomSuffix();
}

// Tries names until `create` makes one (returns 0) or fails for another reason than the
// name being taken (returns that errno). The name is registered for removal by a signal
// before it exists, so no moment exists where a signal would leave it behind.
template <typename Create>
bool claimTemporaryName(const std::string& destination, Create create, std::string* name, int* ticket, int* error) {
    for (int attempt = 0; attempt < kNameAttempts; ++attempt) {
        const std::string candidate = temporaryNameFor(destination);
        struct stat status {};
        if (::lstat(candidate.c_str(), &status) == 0)
            continue;  // someone's file: never registered, so never removed by our handler
        const int registered = removeOnSignal(candidate.c_str());
        const int result = create(candidate.c_str());
        if (result == 0) {
            *name = candidate;
            *ticket = registered;
            return true;
        }
        forgetRemoveOnSignal(registered);
        if (result != EEXIST) {
            *error = result;
            return false;
        }
    }
    *error = EEXIST;
    return false;
}

// fsync on a pipe, a terminal or /dev/null has nothing to flush and says so.
bool syncHasNothingToDo(int error) { return error == EINVAL || error == EROFS || error == ENOTSUP || error == EOPNOTSUPP; }

// Whether a new file can be created in `directory` (permissions, read-only mounts,
// /proc: asking access() is not enough for root). Leaves nothing behind.
bool directoryTakesFiles(const std::string& directory) {
    const int unnamed = ::open(directory.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    if (unnamed >= 0) {
        ::close(unnamed);
        return true;
    }
    std::string name;
    int ticket = -1;
    int error = 0;
    int fd = -1;
    const auto create = [&fd](const char* candidate) {
        fd = ::open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        return fd >= 0 ? 0 : errno;
    };
    if (!claimTemporaryName(directory + "/loopscope-probe", create, &name, &ticket, &error))
        return false;
    ::close(fd);
    ::unlink(name.c_str());
    forgetRemoveOnSignal(ticket);
    return true;
}

std::string absoluteDirectory(const std::string& path) {
    std::error_code ignored;
    std::filesystem::path directory = std::filesystem::absolute(openableDirectory(path), ignored).lexically_normal();
    std::string text = directory.string();
    while (text.size() > 1 && text.ends_with('/'))
        text.pop_back();
    return text;
}

}  // namespace

OutputFile::OutputFile(std::string path, Temporary temporary) : path_(std::move(path)), temporaryKind_(temporary) {}

OutputFile::~OutputFile() { abandon(); }

void OutputFile::abandon() {
    if (fd_ >= 0 && mode_ != Mode::StandardOutput)
        ::close(fd_);
    fd_ = -1;
    if (!temporary_.empty())
        ::unlink(temporary_.c_str());
    forgetRemoveOnSignal(cleanupTicket_);
    cleanupTicket_ = -1;
    temporary_.clear();
    unnamed_ = false;
    mode_ = Mode::Closed;
}

bool OutputFile::fail(int error, std::string* reason) {
    if (reason)
        *reason = errnoText(error);
    abandon();
    return false;
}

bool OutputFile::open(std::string* reason) {
    abandon();
    if (path_.empty()) {
        if (reason)
            *reason = "no file name given";
        return false;
    }
    if (path_ == "-") {
        std::fflush(stdout);  // what was printed before comes first
        fd_ = STDOUT_FILENO;
        mode_ = Mode::StandardOutput;
        return true;
    }
    int error = 0;
    if (!followLinks(path_, &destination_, &error))
        return fail(error, reason);
    struct stat status {};
    replacesFile_ = ::stat(destination_.c_str(), &status) == 0;
    if (!replacesFile_ && errno != ENOENT)
        return fail(errno, reason);
    if (replacesFile_ && (S_ISFIFO(status.st_mode) || S_ISCHR(status.st_mode))) {
        // Blocks until a FIFO has a reader, as a shell's `>` does.
        fd_ = ::open(destination_.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
        if (fd_ < 0)
            return fail(errno, reason);
        mode_ = Mode::Stream;
        return true;
    }
    if (replacesFile_ && S_ISDIR(status.st_mode))
        return fail(EISDIR, reason);
    if (replacesFile_ && !S_ISREG(status.st_mode)) {
        if (reason)
            *reason = S_ISBLK(status.st_mode) ? "it is a block device" : "it is a socket";
        return false;
    }
    oldMode_ = status.st_mode & 07777;
    oldOwner_ = status.st_uid;
    oldGroup_ = status.st_gid;
    return openTemporary(reason);
}

bool OutputFile::openTemporary(std::string* reason) {
    int error = 0;
    if (temporaryKind_ == Temporary::UnnamedWherePossible) {
        fd_ = ::open(openableDirectory(destination_).c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
        // Naming it at commit() goes through /proc/self/fd; without /proc it stays nameless.
        if (fd_ >= 0 && ::access("/proc/self/fd", X_OK) != 0) {
            ::close(fd_);
            fd_ = -1;
        }
        unnamed_ = fd_ >= 0;
    }
    if (fd_ < 0 && !createNamedTemporary(&error))
        return fail(error, reason);
    mode_ = Mode::Replace;
    if (replacesFile_) {
        // Best effort: a file system without owners or modes (vfat) still gets the bytes.
        // The owner first: chown clears set-user-ID bits that chmod then puts back.
        if ((oldOwner_ != ::geteuid() || oldGroup_ != ::getegid()) && ::fchown(fd_, oldOwner_, oldGroup_) != 0) {
            // only root may give a file away; the file is then the writer's
        }
        if (::fchmod(fd_, oldMode_) != 0) {
            // vfat and friends keep no modes
        }
    }
    return true;
}

bool OutputFile::createNamedTemporary(int* error) {
    const auto create = [this](const char* candidate) {
        fd_ = ::open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        return fd_ >= 0 ? 0 : errno;
    };
    return claimTemporaryName(destination_, create, &temporary_, &cleanupTicket_, error);
}

bool OutputFile::linkUnnamedTemporary(int* error) {
    const std::string self = "/proc/self/fd/" + std::to_string(fd_);
    const auto link = [&self](const char* candidate) {
        return ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, candidate, AT_SYMLINK_FOLLOW) == 0 ? 0 : errno;
    };
    return claimTemporaryName(destination_, link, &temporary_, &cleanupTicket_, error);
}

bool OutputFile::write(std::string_view bytes, std::string* reason) {
    if (mode_ == Mode::Closed) {
        if (reason)
            *reason = "the file is not open";
        return false;
    }
    while (!bytes.empty()) {
        const ssize_t written = ::write(fd_, bytes.data(), bytes.size());
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return fail(written < 0 ? errno : EIO, reason);
        bytes.remove_prefix(std::size_t(written));
    }
    return true;
}

bool OutputFile::commit(std::string* reason) {
    switch (mode_) {
    case Mode::Closed:
        if (reason)
            *reason = "the file is not open";
        return false;
    case Mode::StandardOutput:
    case Mode::Stream: return commitStream(reason);
    case Mode::Replace: return commitReplacement(reason);
    }
    return false;
}

bool OutputFile::commitStream(std::string* reason) {
    if (::fsync(fd_) != 0 && !syncHasNothingToDo(errno))
        return fail(errno, reason);
    if (mode_ == Mode::Stream) {
        const int closed = ::close(fd_);
        fd_ = -1;
        if (closed != 0 && errno != EINTR)  // after EINTR Linux has closed it all the same
            return fail(errno, reason);
    }
    fd_ = -1;
    mode_ = Mode::Closed;
    return true;
}

bool OutputFile::commitReplacement(std::string* reason) {
    int error = 0;
    if (::fsync(fd_) != 0)
        return fail(errno, reason);
    if (unnamed_ && !linkUnnamedTemporary(&error))
        return fail(error, reason);
    const int closed = ::close(fd_);
    fd_ = -1;
    if (closed != 0 && errno != EINTR)
        return fail(errno, reason);
    if (::rename(temporary_.c_str(), destination_.c_str()) != 0)
        return fail(errno, reason);
    forgetRemoveOnSignal(cleanupTicket_);
    cleanupTicket_ = -1;
    temporary_.clear();
    unnamed_ = false;
    mode_ = Mode::Closed;
    return true;
}

std::string outputProblem(const std::string& path) {
    if (path.empty())
        return "no file name given";
    if (path == "-")
        return {};
    std::string destination;
    int error = 0;
    if (!followLinks(path, &destination, &error))
        return errnoText(error);
    struct stat status {};
    if (::stat(destination.c_str(), &status) == 0) {
        if (S_ISDIR(status.st_mode))
            return "it is a directory";
        if (S_ISFIFO(status.st_mode) || S_ISCHR(status.st_mode))
            return {};
        if (S_ISBLK(status.st_mode))
            return "it is a block device";
        if (S_ISSOCK(status.st_mode))
            return "it is a socket";
    }
    const std::string directory = absoluteDirectory(destination);
    if (::stat(directory.c_str(), &status) != 0)
        return "the directory " + directory + " does not exist";
    if (!S_ISDIR(status.st_mode))
        return directory + " is not a directory";
    if (!directoryTakesFiles(directory))
        return "the directory " + directory + " is not writable";
    return {};
}

bool writeOutputFile(const std::string& path, std::string_view bytes, std::string* error) {
    OutputFile file(path);
    std::string reason;
    if (file.open(&reason) && file.write(bytes, &reason) && file.commit(&reason))
        return true;
    if (error)
        *error = "cannot write " + path + ": " + reason;
    return false;
}

}  // namespace loopscope
