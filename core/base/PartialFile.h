// A file that appears under its name only when it is complete: the bytes go to a
// temporary file in the target's directory, which is flushed to disk and renamed over the
// target on commit(). Destroyed without commit(), or if the process is ended by SIGINT,
// SIGTERM or SIGHUP while it is being written, the temporary file is removed, so an
// interrupted export leaves neither a partial target nor a stray temporary file.
#pragma once

#include <string>
#include <string_view>

namespace loopscope {

class PartialFile {
public:
    explicit PartialFile(std::string target);
    ~PartialFile();
    PartialFile(const PartialFile&) = delete;
    PartialFile& operator=(const PartialFile&) = delete;

    // On failure these return false and set *reason ("Permission denied", ...).
    bool open(std::string* reason);
    bool write(std::string_view bytes, std::string* reason);
    bool commit(std::string* reason);

    const std::string& target() const { return target_; }
    const std::string& temporaryPath() const { return temporary_; }

private:
    void discard();

    std::string target_;
    std::string temporary_;
    int fd_ = -1;
};

// Writes `bytes` to `path` through a PartialFile.
bool writeFileAtomically(const std::string& path, std::string_view bytes, std::string* reason);

}  // namespace loopscope
