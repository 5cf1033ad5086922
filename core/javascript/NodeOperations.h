// The real work behind Node's fs, crypto and zlib functions, as plain C++ over libuv's
// uv_fs_* (run synchronously: on a pool worker for the asynchronous twins, on the loop
// thread for the *Sync ones), OpenSSL's libcrypto and zlib. No JavaScript here: the
// natives copy arguments in and results out on the loop thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace loopscope {

using Bytes = std::vector<std::uint8_t>;

// What fs.stat reports (Node's Stats fields).
struct FileStatus {
    double dev = 0, mode = 0, nlink = 0, uid = 0, gid = 0, rdev = 0, blksize = 0, ino = 0, size = 0, blocks = 0;
    double atimeMs = 0, mtimeMs = 0, ctimeMs = 0, birthtimeMs = 0;
};

// A directory entry: its name and its type (UV_DIRENT_*).
struct DirectoryEntry {
    std::string name;
    int type = 0;
};

// An address getaddrinfo gave: "127.0.0.1" and 4, or "::1" and 6.
struct ResolvedAddress {
    std::string address;
    int family = 4;
};

using OperationValue = std::variant<std::monostate, double, std::string, Bytes, std::vector<DirectoryEntry>, FileStatus,
                                    std::vector<ResolvedAddress>>;

// A failure as Node reports it: `${code}: ${description}, ${syscall} '${path}'`.
struct OperationError {
    int errnoValue = 0;   // negative, as libuv's (and Node's err.errno)
    std::string code;     // "ENOENT"
    std::string syscall;  // "open"
    std::string path;
    std::string dest;     // rename's target
    std::string message;
};

struct OperationResult {
    std::optional<OperationError> error;
    OperationValue value;
};

struct OperationCall {
    std::string name;                     // "open", "pbkdf2", "gzip", ...
    std::vector<OperationValue> arguments;
};

// Runs `call` on the calling thread. Unknown names and wrong arguments are errors
// with code "ERR_INVALID_ARG_TYPE" (the library validates before it calls).
OperationResult runOperation(const OperationCall& call);

// Whether a call computes (crypto, zlib: a pool worker uses a core) or waits for the
// kernel (fs), for the lanes' colours.
bool operationComputes(const std::string& name);

}  // namespace loopscope
