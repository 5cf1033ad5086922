// Every file loopscope writes (Chrome traces, CSV, pictures, frames) goes through an
// OutputFile, which writes the way the path asks:
//   - `-` is standard output, written in place;
//   - a FIFO or a character device (a reader's pipe, a terminal, /dev/null) is written in
//     place as the bytes come, with no temporary file: a regular file put in its place
//     would leave the reader nothing and destroy the node;
//   - a symbolic link writes the file it points to (links followed to the end); the link
//     itself stays;
//   - a regular file, or a name that does not exist yet, is written to a temporary file in
//     the same directory, flushed to disk and renamed over the target by commit(), keeping
//     the old file's permissions (a new file gets 0666 minus the umask). The temporary file
//     is unnamed where the file system allows it (O_TMPFILE: nothing is left, whatever
//     ends the process) and is otherwise named ".NAME.partial-XXXXXX" and removed on
//     failure, when the OutputFile is destroyed without commit(), and by SIGINT, SIGTERM
//     or SIGHUP (SignalCleanup.h).
// Every write, the flush to disk and the close are checked. On failure the target keeps
// its old content (or does not appear) and the reason is the system's, such as
// "No space left on device".
#pragma once

#include <string>
#include <string_view>
#include <sys/types.h>

namespace loopscope {

class OutputFile {
public:
    // How a regular file's temporary file is made: unnamed where the file system has
    // O_TMPFILE (and named elsewhere), or always named, as file systems without it get.
    enum class Temporary { UnnamedWherePossible, Named };

    explicit OutputFile(std::string path, Temporary temporary = Temporary::UnnamedWherePossible);
    ~OutputFile();  // without commit(): abandoned, as above
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    // On failure these return false and set *reason (if given), e.g. "Permission denied".
    bool open(std::string* reason);
    bool write(std::string_view bytes, std::string* reason);
    bool commit(std::string* reason);

    const std::string& path() const { return path_; }
    // After open(): whether the bytes go straight to the path (`-`, a FIFO, a device).
    bool streams() const { return mode_ == Mode::StandardOutput || mode_ == Mode::Stream; }
    // The named temporary file being written, or "" (unnamed, streaming, not open).
    const std::string& temporaryPath() const { return temporary_; }

private:
    enum class Mode { Closed, StandardOutput, Stream, Replace };

    bool openTemporary(std::string* reason);
    bool createNamedTemporary(int* error);
    bool linkUnnamedTemporary(int* error);
    bool commitStream(std::string* reason);
    bool commitReplacement(std::string* reason);
    bool fail(int error, std::string* reason);
    void abandon();

    std::string path_;
    Temporary temporaryKind_;
    Mode mode_ = Mode::Closed;
    int fd_ = -1;
    std::string destination_;  // path_ with its symbolic links followed
    std::string temporary_;
    int cleanupTicket_ = -1;
    bool unnamed_ = false;
    bool replacesFile_ = false;  // the destination exists: keep its permissions and owner
    mode_t oldMode_ = 0;
    uid_t oldOwner_ = 0;
    gid_t oldGroup_ = 0;
};

// Why `path` cannot take an output, in words ("it is a directory", "the directory D does
// not exist", "D is not a directory", "the directory D is not writable"), or "" when it
// can: a check before long work. Writing reports what really happens.
std::string outputProblem(const std::string& path);

// Writes `bytes` to `path` through an OutputFile. On failure returns false and sets *error
// (if given) to "cannot write PATH: REASON".
bool writeOutputFile(const std::string& path, std::string_view bytes, std::string* error);

}  // namespace loopscope
