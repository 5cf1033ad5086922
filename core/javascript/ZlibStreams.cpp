#include "ZlibStreams.h"

#include <zlib.h>

namespace loopscope {

namespace {

OperationResult streamError(int code, const char* message) {
    OperationError error;
    error.errnoValue = code;
    error.message = message;
    switch (code) {
    case Z_DATA_ERROR: error.code = "Z_DATA_ERROR"; break;
    case Z_BUF_ERROR: error.code = "Z_BUF_ERROR"; break;
    case Z_NEED_DICT: error.code = "Z_NEED_DICT"; break;
    case Z_MEM_ERROR: error.code = "Z_MEM_ERROR"; break;
    default: error.code = "Z_STREAM_ERROR"; break;
    }
    return {error, {}};
}

}  // namespace

class ZlibStream {
public:
    ZlibStream(bool compresses, bool gzipMembers) : compresses_(compresses), gzipMembers_(gzipMembers) {}
    ~ZlibStream() {
        if (!started_)
            return;
        if (compresses_)
            deflateEnd(&stream_);
        else
            inflateEnd(&stream_);
    }
    ZlibStream(const ZlibStream&) = delete;
    ZlibStream& operator=(const ZlibStream&) = delete;

    int start(int level, int windowBits, int memLevel, int strategy) {
        const int rc = compresses_ ? deflateInit2(&stream_, level, Z_DEFLATED, windowBits, memLevel, strategy)
                                   : inflateInit2(&stream_, windowBits);
        started_ = rc == Z_OK;
        return rc;
    }

    OperationResult write(const Bytes& input, int flush) {
        Bytes out;
        if (ended_)
            return {std::nullopt, std::move(out)};
        Bytef chunk[16 * 1024];
        stream_.next_in = const_cast<Bytef*>(input.data());
        stream_.avail_in = uInt(input.size());
        for (;;) {
            stream_.next_out = chunk;
            stream_.avail_out = sizeof chunk;
            int rc = compresses_ ? deflate(&stream_, flush) : inflate(&stream_, flush);
            out.insert(out.end(), chunk, chunk + (sizeof chunk - stream_.avail_out));
            if (rc == Z_STREAM_END && !compresses_ && gzipMembers_ && stream_.avail_in >= 2 &&
                stream_.next_in[0] == 0x1f && stream_.next_in[1] == 0x8b) {
                inflateReset(&stream_);  // another gzip member follows, as `cat a.gz b.gz` makes
                continue;
            }
            if (rc == Z_STREAM_END) {
                ended_ = true;
                break;
            }
            if (rc == Z_BUF_ERROR && stream_.avail_out != 0) {
                // No progress was possible: all input is taken. Only a finish that cannot
                // finish is an error (the input ended before the compressed data did).
                if (flush == Z_FINISH && !compresses_)
                    return streamError(Z_BUF_ERROR, "unexpected end of file");
                break;
            }
            if (rc == Z_NEED_DICT)
                return streamError(rc, "Missing dictionary");
            if (rc != Z_OK)
                return streamError(rc, stream_.msg ? stream_.msg : "zlib error");
            if (stream_.avail_out != 0 && stream_.avail_in == 0 && flush == Z_NO_FLUSH)
                break;
        }
        return {std::nullopt, std::move(out)};
    }

private:
    z_stream stream_{};
    bool compresses_;
    bool gzipMembers_;
    bool started_ = false;
    bool ended_ = false;
};

ZlibStreams& ZlibStreams::instance() {
    static ZlibStreams streams;
    return streams;
}

OperationResult ZlibStreams::create(const std::string& kind, int level, int windowBits, int memLevel, int strategy) {
    // zlib's windowBits: +16 reads and writes gzip, +32 detects gzip or zlib, negative is raw.
    int bits = 0;
    bool compresses = false;
    if (kind == "gzip" || kind == "deflate" || kind == "deflateRaw")
        compresses = true;
    if (kind == "gzip" || kind == "gunzip")
        bits = windowBits + 16;
    else if (kind == "deflate" || kind == "inflate")
        bits = windowBits;
    else if (kind == "deflateRaw" || kind == "inflateRaw")
        bits = -windowBits;
    else if (kind == "unzip")
        bits = windowBits + 32;
    else
        return streamError(Z_STREAM_ERROR, "Init error");
    auto stream = std::make_shared<ZlibStream>(compresses, kind == "gunzip" || kind == "unzip");
    if (stream->start(level, bits, memLevel, strategy) != Z_OK)
        return streamError(Z_STREAM_ERROR, "Init error");
    std::lock_guard lock(mutex_);
    const std::uint64_t id = next_++;
    streams_.emplace(id, std::move(stream));
    return {std::nullopt, double(id)};
}

OperationResult ZlibStreams::write(std::uint64_t id, const Bytes& input, int flush) {
    std::shared_ptr<ZlibStream> stream;
    {
        std::lock_guard lock(mutex_);
        const auto found = streams_.find(id);
        if (found != streams_.end())
            stream = found->second;
    }
    if (!stream)
        return streamError(Z_STREAM_ERROR, "zlib binding closed");
    return stream->write(input, flush);
}

void ZlibStreams::close(std::uint64_t id) {
    std::lock_guard lock(mutex_);
    streams_.erase(id);
}

}  // namespace loopscope
