#include "DocumentSection.h"

#include <limits>

#include "RunFileBytes.h"

namespace loopscope {
namespace {

constexpr std::uint8_t kLastEngine = std::uint8_t(EngineKind::Model);
// A run is its engine, whether it has an exit code, its sample count.
constexpr std::size_t kSmallestRun = 3;
// A sample is six numbers.
constexpr std::size_t kSmallestSample = 6;

void writeTexts(const std::vector<std::string>& texts, ByteWriter& out) {
    out.varint(texts.size());
    for (const std::string& text : texts)
        out.text(text);
}

void writeRun(const RecordedRun& run, ByteWriter& out) {
    out.byte(std::uint8_t(run.engine));
    out.byte(run.programExitCode ? 1 : 0);
    if (run.programExitCode)
        out.signedVarint(*run.programExitCode);
    out.varint(run.samples.size());
    Nanoseconds at = 0;
    for (const ProcessSample& sample : run.samples) {
        out.signedVarint(std::int64_t(std::uint64_t(sample.at) - std::uint64_t(at)));
        at = sample.at;
        out.signedVarint(sample.status.threads);
        out.signedVarint(sample.status.rssBytes);
        out.signedVarint(sample.status.vmBytes);
        out.signedVarint(sample.status.peakRssBytes);
        out.signedVarint(sample.status.peakVmBytes);
    }
}

int readInt(ByteReader& in, const char* what) {
    const std::size_t start = in.position();
    const std::int64_t value = in.signedVarint();
    if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
        in.failAt(start, std::string(what) + " " + std::to_string(value) + " out of range");
    return int(value);
}

std::vector<std::string> readTexts(ByteReader& in, const char* what) {
    std::vector<std::string> texts(in.count(1, what));
    for (std::string& text : texts)
        text = in.text();
    return texts;
}

RecordedRun readRun(ByteReader& in) {
    RecordedRun run;
    run.engine = EngineKind(in.enumByte(kLastEngine, "engine"));
    if (in.enumByte(1, "exit code flag") == 1)
        run.programExitCode = readInt(in, "exit code");
    run.samples.resize(in.count(kSmallestSample, "process samples"));
    std::uint64_t at = 0;
    for (ProcessSample& sample : run.samples) {
        at += std::uint64_t(in.signedVarint());
        sample.at = Nanoseconds(at);
        sample.status.threads = readInt(in, "thread count");
        sample.status.rssBytes = in.signedVarint();
        sample.status.vmBytes = in.signedVarint();
        sample.status.peakRssBytes = in.signedVarint();
        sample.status.peakVmBytes = in.signedVarint();
    }
    return run;
}

}  // namespace

std::string encodeDocumentSection(const RunDocument& document) {
    ByteWriter out;
    out.text(document.origin.recorder);
    out.text(document.origin.recordedAt);
    out.text(document.origin.machine);
    out.signedVarint(document.origin.cores);
    out.text(document.title);
    out.varint(document.sources.size());
    for (const SourceText& source : document.sources) {
        out.text(source.path);
        out.text(source.text);
    }
    writeTexts(document.overrides, out);
    writeTexts(document.limits, out);
    out.varint(document.runs.size());
    for (const RecordedRun& run : document.runs)
        writeRun(run, out);
    return std::move(out.bytes());
}

RunDocument decodeDocumentSection(std::string_view content, const std::string& where) {
    ByteReader in(content, where);
    RunDocument document;
    document.origin.recorder = in.text();
    document.origin.recordedAt = in.text();
    document.origin.machine = in.text();
    document.origin.cores = readInt(in, "core count");
    document.title = in.text();
    document.sources.resize(in.count(2, "sources"));
    for (SourceText& source : document.sources) {
        source.path = in.text();
        source.text = in.text();
    }
    document.overrides = readTexts(in, "overrides");
    document.limits = readTexts(in, "limits");
    document.runs.resize(in.count(kSmallestRun, "runs"));
    for (RecordedRun& run : document.runs)
        run = readRun(in);
    if (!in.atEnd())
        in.fail(std::to_string(in.remaining()) + " bytes after the document");
    return document;
}

}  // namespace loopscope
