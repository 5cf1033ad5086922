#include "RunFile.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "DocumentSection.h"
#include "LargeBuffers.h"
#include "OutputFile.h"
#include "RunFileBytes.h"
#include "RunFileLayout.h"
#include "TraceSection.h"

namespace loopscope {
namespace {

std::string traceSectionName(std::size_t number, std::size_t run) {
    return "section " + std::to_string(number) + " (the trace of run " + std::to_string(run) + ")";
}

// Where a trace's events go: the decoder asks for a sink per run, in order.
class RunReceiver {
public:
    virtual ~RunReceiver() = default;
    // `start` and `share` are the part of all traces' bytes before this run's and its own.
    virtual TraceSectionSink& beginRun(RecordedRun& run, double start, double share) = 0;
    virtual void finish() {}
};

// Each event to a RunFileEvents, with progress over all the traces.
class StreamingReceiver : public RunReceiver, private TraceSectionSink {
public:
    StreamingReceiver(RunFileEvents& events, const std::function<void(double)>& progress)
        : events_(events), progress_(progress) {}

    TraceSectionSink& beginRun(RecordedRun& run, double start, double share) override {
        start_ = start;
        share_ = share;
        events_.beginRun(run);
        return *this;
    }
    void finish() override {
        if (progress_)
            progress_(1.0);
    }

private:
    void begin(std::uint64_t) override {}
    void event(TraceEvent& event) override { events_.event(event); }
    bool keepGoing(double fraction) override {
        if (progress_)
            progress_(start_ + share_ * fraction);
        return !events_.cancelled();
    }

    RunFileEvents& events_;
    const std::function<void(double)>& progress_;
    double start_ = 0;
    double share_ = 0;
};

// Each event moved into its run's Trace.
class TraceFiller : public RunReceiver, private TraceSectionSink {
public:
    TraceSectionSink& beginRun(RecordedRun& run, double, double) override {
        trace_ = &run.trace;
        return *this;
    }

private:
    // The count is at most half the section's decompressed bytes (ByteReader::count).
    void begin(std::uint64_t eventCount) override {
        trace_->reserve(eventCount);
        adviseHugePages(trace_->data(), trace_->capacity() * sizeof(TraceEvent));
    }
    void event(TraceEvent& event) override { trace_->push_back(std::move(event)); }
    bool keepGoing(double) override { return true; }

    Trace* trace_ = nullptr;
};

// Where the document's runs are: in the order of their sections, which follow the document's.
std::vector<const SectionFrame*> traceFrames(const std::vector<SectionFrame>& frames, std::size_t runCount) {
    std::vector<const SectionFrame*> traces;
    for (std::size_t k = 1; k < frames.size(); ++k) {
        const SectionFrame& frame = frames[k];
        if (frame.type == std::uint32_t(SectionType::Trace))
            traces.push_back(&frame);
        else if (frame.type == std::uint32_t(SectionType::Document))
            throw RunFileDamage("bad section " + std::to_string(k + 1) + " at byte " + std::to_string(frame.offset) +
                                ": a second document");
        else if (!(frame.type & kOptionalSectionBit))
            throw RunFileDamage("bad section " + std::to_string(k + 1) + " at byte " + std::to_string(frame.offset) +
                                ": unknown type " + std::to_string(frame.type));
    }
    if (traces.size() != runCount)
        throw RunFileDamage("bad section table: " + std::to_string(traces.size()) + " traces for the document's " +
                            std::to_string(runCount) + " runs");
    return traces;
}

std::size_t sectionNumber(const std::vector<SectionFrame>& frames, const SectionFrame* frame) {
    return std::size_t(frame - frames.data()) + 1;
}

// Decodes everything; false when the receiver cancelled. Throws RunFileDamage.
bool decodeInto(std::string_view bytes, InputSize size, RunDocument& document, RunReceiver& receiver) {
    const std::vector<SectionFrame> frames = readSectionFrames(bytes, size);
    if (frames.empty() || frames[0].type != std::uint32_t(SectionType::Document))
        throw RunFileDamage("bad section table: the first section is not the document");
    const std::string documentName = "section 1 (the document)";
    document = decodeDocumentSection(decompressSection(frames[0], documentName), documentName);
    const std::vector<const SectionFrame*> traces = traceFrames(frames, document.runs.size());
    double totalStored = 0;
    for (const SectionFrame* frame : traces)
        totalStored += double(frame->stored.size());
    double done = 0;
    for (std::size_t run = 0; run < traces.size(); ++run) {
        const std::string where = traceSectionName(sectionNumber(frames, traces[run]), run + 1);
        const SectionContent content = decompressSection(*traces[run], where);
        const double share = double(traces[run]->stored.size());
        TraceSectionSink& sink = receiver.beginRun(document.runs[run], totalStored > 0 ? done / totalStored : 0,
                                                   totalStored > 0 ? share / totalStored : 0);
        if (!decodeTraceSection(content, where, sink))
            return false;
        done += share;
    }
    receiver.finish();
    return true;
}

RunFileResult decodeWithName(std::string_view bytes, InputSize size, const std::string& name,
                             RunReceiver& receiver) {
    RunFileResult result;
    try {
        RunDocument document;
        if (decodeInto(bytes, size, document, receiver))
            result.document = std::move(document);
        else
            result.error = name + ": reading was cancelled";
    } catch (const RunFileDamage& damage) {
        result.error = name + ": " + damage.what();
    } catch (const std::bad_alloc&) {
        result.error = name + ": not enough memory to read it";
    }
    return result;
}

// Appends from `fd` until `bytes` has `limit` bytes or the file ends; false on an error.
bool readUpTo(int fd, std::string& bytes, std::size_t limit, bool& ended) {
    constexpr std::size_t kChunk = std::size_t(1) << 20;
    while (bytes.size() < limit) {
        const std::size_t old = bytes.size();
        bytes.resize(old + std::min(kChunk, limit - old));
        const ssize_t got = ::read(fd, bytes.data() + old, bytes.size() - old);
        if (got < 0 && errno == EINTR) {
            bytes.resize(old);
            continue;
        }
        bytes.resize(old + std::size_t(std::max<ssize_t>(got, 0)));
        if (got < 0)
            return false;
        if (got == 0) {
            ended = true;
            return true;
        }
    }
    return true;
}

// Reads the file, but never more than its header promises and one byte: a stream that does
// not end is cut there. `size` says how long the file really is, as far as is known.
bool readFileBytes(const std::string& path, std::string& bytes, InputSize& size, std::string& error) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat info {};
    if (fd < 0 || ::fstat(fd, &info) != 0) {
        error = "cannot read " + path + ": " + std::strerror(errno);
        if (fd >= 0)
            ::close(fd);
        return false;
    }
    if (S_ISDIR(info.st_mode)) {
        ::close(fd);
        error = "cannot read " + path + ": it is a directory";
        return false;
    }
    bool ended = false;
    bool ok = readUpTo(fd, bytes, kRunFileHeaderBytes, ended);
    if (ok && !ended && bytes.size() == kRunFileHeaderBytes && looksLikeRunFile(bytes)) {
        std::uint64_t fileSize = 0;
        for (int k = 7; k >= 0; --k)
            fileSize = (fileSize << 8) | std::uint8_t(bytes[kRunFileMagic.size() + 8 + std::size_t(k)]);
        fileSize = std::max<std::uint64_t>(std::min(fileSize, kMaxRunFileBytes), kRunFileHeaderBytes);
        if (S_ISREG(info.st_mode))
            bytes.reserve(std::size_t(std::min<std::uint64_t>(fileSize + 1, std::uint64_t(info.st_size))));
        ok = readUpTo(fd, bytes, std::size_t(fileSize) + 1, ended);
    }
    const int readError = errno;
    ::close(fd);
    if (!ok) {
        error = "cannot read " + path + ": " + std::strerror(readError);
        return false;
    }
    size.bytes = S_ISREG(info.st_mode) ? std::max<std::uint64_t>(std::uint64_t(info.st_size), bytes.size()) : bytes.size();
    size.atLeast = !S_ISREG(info.st_mode) && !ended;
    return true;
}

}  // namespace

namespace {

std::string encodeRunFileOf(const RunDocument& document, const std::function<std::string(std::size_t)>& traceSection) {
    std::vector<std::string> sections;
    sections.push_back(frameSection(SectionType::Document, encodeDocumentSection(document)));
    for (std::size_t run = 0; run < document.runs.size(); ++run)
        sections.push_back(frameSection(SectionType::Trace, traceSection(run)));
    std::size_t fileSize = kRunFileHeaderBytes;
    for (const std::string& section : sections)
        fileSize += section.size();
    std::string bytes = runFileHeader(fileSize, std::uint32_t(sections.size()));
    bytes.reserve(fileSize);
    for (const std::string& section : sections)
        bytes += section;
    return bytes;
}

}  // namespace

std::string encodeRunFile(const RunDocument& document) {
    return encodeRunFileOf(document, [&](std::size_t run) { return encodeTraceSection(document.runs[run].trace); });
}

std::string encodeRunFile(const RunDocument& document, const std::vector<const PackedTrace*>& packedRuns) {
    if (packedRuns.size() != document.runs.size())
        throw std::invalid_argument("encodeRunFile: one packed trace per run");
    return encodeRunFileOf(document, [&](std::size_t run) { return encodeTraceSection(*packedRuns[run]); });
}

RunFileResult decodeRunFile(std::string_view bytes, const std::string& displayName, RunFileEvents& events,
                            const std::function<void(double)>& progress) {
    StreamingReceiver receiver(events, progress);
    return decodeWithName(bytes, InputSize{bytes.size(), false}, displayName, receiver);
}

RunFileResult decodeRunFile(std::string_view bytes, const std::string& displayName) {
    TraceFiller filler;
    return decodeWithName(bytes, InputSize{bytes.size(), false}, displayName, filler);
}

bool looksLikeRunFile(std::string_view firstBytes) {
    return firstBytes.substr(0, kRunFileMagic.size()) == kRunFileMagic;
}

bool writeRunFile(const RunDocument& document, const std::string& path, std::string* error) {
    return writeOutputFile(path, encodeRunFile(document), error);
}

bool writeRunFile(const RunDocument& document, const std::vector<const PackedTrace*>& packedRuns,
                  const std::string& path, std::string* error) {
    return writeOutputFile(path, encodeRunFile(document, packedRuns), error);
}

RunFileResult readRunFile(const std::string& path, RunFileEvents& events, const std::function<void(double)>& progress) {
    std::string bytes;
    InputSize size;
    RunFileResult result;
    if (!readFileBytes(path, bytes, size, result.error))
        return result;
    StreamingReceiver receiver(events, progress);
    return decodeWithName(bytes, size, path, receiver);
}

RunFileResult readRunFile(const std::string& path) {
    std::string bytes;
    InputSize size;
    RunFileResult result;
    if (!readFileBytes(path, bytes, size, result.error))
        return result;
    TraceFiller filler;
    return decodeWithName(bytes, size, path, filler);
}

}  // namespace loopscope
