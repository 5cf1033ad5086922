// zlib.createGzip() and its kin: deflate or inflate state kept across the chunks a stream
// is written, as Node's ZlibContext keeps it. Each chunk is one computation on a pool worker
// (NodeOperations' "zlibStreamWrite"); a stream is numbered so that a pool job can find it
// while the program holds only the number. Any thread may call; one write at a time per
// stream (a Transform stream writes one chunk at a time).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "NodeOperations.h"

namespace loopscope {

class ZlibStream;

class ZlibStreams {
public:
    static ZlibStreams& instance();

    // `kind`: gzip, gunzip, deflate, inflate, deflateRaw, inflateRaw, unzip. A number from 1,
    // or an error for a bad kind or option.
    OperationResult create(const std::string& kind, int level, int windowBits, int memLevel, int strategy);
    // What zlib gives for `input` with `flush` (Z_NO_FLUSH, Z_SYNC_FLUSH, Z_FINISH, ...).
    OperationResult write(std::uint64_t id, const Bytes& input, int flush);
    void close(std::uint64_t id);

private:
    std::mutex mutex_;
    std::uint64_t next_ = 1;
    std::unordered_map<std::uint64_t, std::shared_ptr<ZlibStream>> streams_;
};

}  // namespace loopscope
