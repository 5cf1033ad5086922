// The engine child's TraceSink: encodes events (TraceCodec) into a buffer and writes
// the buffer to a file descriptor in large batches from its own thread, so that the
// threads of the run never wait for the pipe (unless the parent falls far behind,
// then they wait rather than let memory grow without bound).
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "TraceSink.h"

namespace loopscope {

class PipeTraceSink final : public TraceSink {
public:
    explicit PipeTraceSink(int fd);
    ~PipeTraceSink() override;  // flushes
    PipeTraceSink(const PipeTraceSink&) = delete;
    PipeTraceSink& operator=(const PipeTraceSink&) = delete;

    void record(const TraceEvent& event) override;
    // Writes everything emitted so far before returning.
    void flush() override;
    // False once a write failed (the reader went away); later events are dropped.
    bool healthy() const;

private:
    void writerLoop();
    bool writeAll(const std::string& bytes);

    const int fd_;
    mutable std::mutex mutex_;
    std::condition_variable wakeWriter_;
    std::condition_variable drained_;
    std::string buffer_;
    std::uint64_t generation_ = 0;       // batches handed to the writer
    std::uint64_t writtenGeneration_ = 0;
    bool writing_ = false;
    bool closing_ = false;
    bool broken_ = false;
    std::thread writer_;
};

}  // namespace loopscope
