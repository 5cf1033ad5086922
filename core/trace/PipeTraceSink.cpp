#include "PipeTraceSink.h"

#include <cerrno>
#include <chrono>
#include <unistd.h>

#include "TraceCodec.h"

namespace loopscope {
namespace {
// A batch is written once it is this big, or after kFlushInterval, whichever is first:
// large enough for millions of events per second, soon enough for a live view.
constexpr std::size_t kBatchBytes = 256 * 1024;
constexpr auto kFlushInterval = std::chrono::milliseconds(5);
// Beyond this, emitters wait for the writer.
constexpr std::size_t kMaxBufferedBytes = 16 * 1024 * 1024;
}  // namespace

PipeTraceSink::PipeTraceSink(int fd) : fd_(fd) {
    buffer_.reserve(kBatchBytes * 2);
    writer_ = std::thread([this] { writerLoop(); });
}

PipeTraceSink::~PipeTraceSink() {
    flush();
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
    }
    wakeWriter_.notify_all();
    writer_.join();
}

void PipeTraceSink::record(const TraceEvent& event) {
    // Encoded before the lock is taken: with thousands of request threads on one core,
    // a thread preempted while it holds the lock stalls every other one, so the lock
    // covers only the copy.
    thread_local std::string frame;
    frame.clear();
    encodeTraceEvent(event, frame);
    std::unique_lock lock(mutex_);
    if (broken_)
        return;
    if (buffer_.size() >= kMaxBufferedBytes)
        drained_.wait(lock, [this] { return buffer_.size() < kMaxBufferedBytes || broken_; });
    buffer_.append(frame);
    if (buffer_.size() >= kBatchBytes && !writing_)
        wakeWriter_.notify_one();
}

void PipeTraceSink::flush() {
    std::unique_lock lock(mutex_);
    const std::uint64_t wanted = ++generation_;
    wakeWriter_.notify_one();
    drained_.wait(lock, [&] { return broken_ || writtenGeneration_ >= wanted; });
}

bool PipeTraceSink::healthy() const {
    std::lock_guard lock(mutex_);
    return !broken_;
}

void PipeTraceSink::writerLoop() {
    std::string batch;
    std::unique_lock lock(mutex_);
    for (;;) {
        wakeWriter_.wait_for(lock, kFlushInterval, [this] {
            return closing_ || buffer_.size() >= kBatchBytes || generation_ > writtenGeneration_;
        });
        if (buffer_.empty()) {
            writtenGeneration_ = generation_;
            drained_.notify_all();
            if (closing_)
                return;
            continue;
        }
        // Everything emitted before a flush() is in this batch or was written before.
        batch.clear();
        batch.swap(buffer_);
        const std::uint64_t covering = generation_;
        writing_ = true;
        lock.unlock();
        const bool ok = writeAll(batch);
        lock.lock();
        writing_ = false;
        if (!ok) {
            broken_ = true;
            buffer_.clear();
        }
        writtenGeneration_ = std::max(writtenGeneration_, covering);
        drained_.notify_all();
        if (broken_ && closing_)
            return;
    }
}

bool PipeTraceSink::writeAll(const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        done += std::size_t(n);
    }
    return true;
}

}  // namespace loopscope
