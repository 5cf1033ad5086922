// fs.opendir's directory streams: libuv's uv_fs_opendir / uv_fs_readdir / uv_fs_closedir, as
// Node's Dir uses them (each a pool job for the asynchronous calls; a read hands out up to
// `bufferSize` entries in the directory's own order). Numbered as ZlibStreams' streams are.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include <uv.h>

#include "NodeOperations.h"

namespace loopscope {

class DirectoryStreams {
public:
    static DirectoryStreams& instance();

    OperationResult open(const std::string& path);           // -> a number
    OperationResult read(std::uint64_t id, int bufferSize);  // -> entries; none at the end
    OperationResult close(std::uint64_t id);

private:
    struct Stream {
        uv_dir_t* dir = nullptr;
        std::string path;
    };
    std::mutex mutex_;
    std::uint64_t next_ = 1;
    std::unordered_map<std::uint64_t, Stream> streams_;
};

}  // namespace loopscope
