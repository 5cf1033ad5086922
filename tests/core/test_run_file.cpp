// RunFile: a run document survives the trip through a .lsrun file bit for bit (every field
// of every event, every enum value, extreme integers, any bytes in texts), the same
// document always gives the same bytes, and a damaged file of any kind is refused with a
// message that says what is wrong and where, never decoded into another run.
#include "RunFile.h"

#include <QtTest>

#include <fcntl.h>
#include <limits>
#include <random>
#include <thread>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "DocumentSection.h"
#include "OutputFile.h"
#include "RunFileBytes.h"
#include "RunFileLayout.h"
#include "TraceSection.h"

using namespace loopscope;
using namespace std::string_literals;

namespace {

constexpr std::int64_t kMinInt64 = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMaxInt64 = std::numeric_limits<std::int64_t>::max();
constexpr std::uint64_t kMaxUint64 = std::numeric_limits<std::uint64_t>::max();
constexpr int kMinInt = std::numeric_limits<int>::min();
constexpr int kMaxInt = std::numeric_limits<int>::max();

const std::string kAllBytes = [] {
    std::string bytes;
    for (int c = 0; c < 256; ++c)
        bytes.push_back(char(c));
    return bytes;
}();

// Every kind, phase, queue and lane kind, each with extreme and ordinary values, ts going
// backwards and forwards across the whole int64 range.
Trace everyValueTrace() {
    Trace trace;
    std::mt19937_64 random(7);
    const std::int64_t extremes[] = {0, 1, -1, kMinInt64, kMaxInt64, kMinInt64 + 1, kMaxInt64 - 1};
    int k = 0;
    for (int kind = 0; kind <= int(EventKind::ProcessMessage); ++kind)
        for (int phase = 0; phase <= int(Phase::Close); ++phase)
            for (int queue = 0; queue <= int(QueueKind::PoolFifo); ++queue, ++k) {
                TraceEvent event;
                event.kind = EventKind(kind);
                event.phase = Phase(phase);
                event.queue = QueueKind(queue);
                event.lane = Lane{LaneKind(k % (int(LaneKind::Client) + 1)), std::uint16_t(k % 3 == 0 ? 65535 : k % 4),
                                  k % 5 == 0 ? 0xffffffffu : std::uint32_t(k % 7)};
                event.ts = k % 11 == 0 ? extremes[k % 7] : std::int64_t(random() >> (k % 60));
                event.id = k % 13 == 0 ? kMaxUint64 : (k % 2 ? random() : std::uint64_t(k));
                event.cause = k % 17 == 0 ? kMaxUint64 - 1 : std::uint64_t(k / 3);
                event.step = SourceLocation{k % 19 == 0 ? kMinInt : (k % 23 == 0 ? kMaxInt : k % 40),
                                            k % 29 == 0 ? kMaxInt : (k % 31 == 0 ? kMinInt : k % 9)};
                event.value = std::int64_t(std::uint64_t(extremes[k % 7]) + (k % 3 == 1 ? random() % 1000 : 0));
                if (k % 4 == 0)
                    event.text = kAllBytes.substr(std::size_t(k) % 256);
                else if (k % 4 == 1)
                    event.text = "line " + std::to_string(k % 10);
                trace.push_back(event);
            }
    return trace;
}

RunDocument everyFieldDocument() {
    RunDocument document;
    document.origin = RunOrigin{"loopscope 0.1.0", "2026-12-07T18:04:05Z", "Linux 6.1.0 x86_64, " + kAllBytes, 64};
    document.title = "Thread pool \xe2\x80\x94 four reads";
    document.sources = {{"scenarios/pool.yaml", "title: pool\nsteps:\n  - readFile: a\n"},
                        {"app.js", std::string("\0binary\xff", 8)}};
    document.overrides = {"--threadpool 8", "--load 3@0", ""};
    document.limits = {"no call stack", kAllBytes};
    RecordedRun first;
    first.engine = EngineKind::EventLoop;
    first.trace = everyValueTrace();
    first.samples = {{0, {3, 1 << 20, 1 << 24, 1 << 21, 1 << 25}},
                     {kMaxInt64, {kMaxInt, kMaxInt64, kMinInt64, -1, 0}},
                     {-5, {kMinInt, 0, 0, 0, 0}}};
    first.programExitCode = -2;
    RecordedRun second;
    second.engine = EngineKind::ThreadPerRequest;
    second.programExitCode = kMaxInt;
    RecordedRun third;
    third.engine = EngineKind::Model;
    third.trace = {TraceEvent{}};
    document.runs = {first, second, third};
    return document;
}

// A small document as the fuzzer and the damage tests see it.
RunDocument smallDocument() {
    RunDocument document;
    document.origin = RunOrigin{"loopscope 0.1.0", "2026-12-07T18:04:05Z", "Linux", 2};
    document.title = "small";
    document.sources = {{"small.yaml", "title: small\n"}};
    RecordedRun run;
    run.samples = {{0, {1, 2, 3, 4, 5}}};
    run.programExitCode = 0;
    for (int k = 0; k < 12; ++k) {
        TraceEvent event;
        event.ts = k * 1000;
        event.kind = EventKind(k % 5);
        event.phase = Phase(k % 3);
        event.lane = Lane{LaneKind(k % 2), 0, std::uint32_t(k % 2)};
        event.id = std::uint64_t(k / 2 + 1);
        event.cause = k % 3 == 0 ? 0 : std::uint64_t(k);
        event.step = SourceLocation{k, 3};
        event.value = -k;
        event.text = k % 2 ? "tick" : "";
        run.trace.push_back(event);
    }
    document.runs = {run};
    return document;
}

bool sameEvent(const TraceEvent& a, const TraceEvent& b) {
    return a.ts == b.ts && a.kind == b.kind && a.phase == b.phase && a.queue == b.queue && a.lane == b.lane &&
           a.id == b.id && a.cause == b.cause && a.step == b.step && a.value == b.value && a.text == b.text;
}

QString describe(const TraceEvent& e) {
    return QStringLiteral("ts %1 kind %2 phase %3 queue %4 lane %5/%6/%7 id %8 cause %9 step %10:%11 value %12 text %13")
        .arg(e.ts).arg(int(e.kind)).arg(int(e.phase)).arg(int(e.queue)).arg(int(e.lane.kind)).arg(e.lane.process)
        .arg(e.lane.index).arg(e.id).arg(e.cause).arg(e.step.line).arg(e.step.column).arg(e.value)
        .arg(QString::fromStdString(e.text).toHtmlEscaped());
}

void compareTraces(const Trace& got, const Trace& expected) {
    QCOMPARE(got.size(), expected.size());
    for (std::size_t k = 0; k < got.size(); ++k)
        QVERIFY2(sameEvent(got[k], expected[k]),
                 qPrintable(QStringLiteral("event %1: %2 != %3").arg(k).arg(describe(got[k]), describe(expected[k]))));
}

void compareDocuments(const RunDocument& got, const RunDocument& expected) {
    QCOMPARE(got.origin.recorder, expected.origin.recorder);
    QCOMPARE(got.origin.recordedAt, expected.origin.recordedAt);
    QCOMPARE(got.origin.machine, expected.origin.machine);
    QCOMPARE(got.origin.cores, expected.origin.cores);
    QCOMPARE(got.title, expected.title);
    QCOMPARE(got.sources.size(), expected.sources.size());
    for (std::size_t k = 0; k < got.sources.size(); ++k) {
        QCOMPARE(got.sources[k].path, expected.sources[k].path);
        QCOMPARE(got.sources[k].text, expected.sources[k].text);
    }
    QCOMPARE(got.overrides, expected.overrides);
    QCOMPARE(got.limits, expected.limits);
    QCOMPARE(got.runs.size(), expected.runs.size());
    for (std::size_t k = 0; k < got.runs.size(); ++k) {
        const RecordedRun& a = got.runs[k];
        const RecordedRun& b = expected.runs[k];
        QCOMPARE(a.engine, b.engine);
        QCOMPARE(a.programExitCode, b.programExitCode);
        QCOMPARE(a.samples.size(), b.samples.size());
        for (std::size_t s = 0; s < a.samples.size(); ++s) {
            QCOMPARE(a.samples[s].at, b.samples[s].at);
            QCOMPARE(a.samples[s].status.threads, b.samples[s].status.threads);
            QCOMPARE(a.samples[s].status.rssBytes, b.samples[s].status.rssBytes);
            QCOMPARE(a.samples[s].status.vmBytes, b.samples[s].status.vmBytes);
            QCOMPARE(a.samples[s].status.peakRssBytes, b.samples[s].status.peakRssBytes);
            QCOMPARE(a.samples[s].status.peakVmBytes, b.samples[s].status.peakVmBytes);
        }
        compareTraces(a.trace, b.trace);
    }
}

// --- making damaged files by hand -------------------------------------------------------

std::uint32_t crcOf(std::string_view bytes) {
    return std::uint32_t(crc32_z(crc32_z(0, nullptr, 0), reinterpret_cast<const Bytef*>(bytes.data()), bytes.size()));
}

void putFixed(std::string& bytes, std::size_t at, std::uint64_t value, int width) {
    for (int k = 0; k < width; ++k)
        bytes[at + std::size_t(k)] = char((value >> (8 * k)) & 0xff);
}

// Rewrites the header's checksum after a change to the header, so that only the change is wrong.
void resealHeader(std::string& bytes) {
    putFixed(bytes, kRunFileHeaderBytes - 4, crcOf(std::string_view(bytes).substr(0, kRunFileHeaderBytes - 4)), 4);
}

std::string fileOf(const std::vector<std::string>& framedSections) {
    std::size_t size = kRunFileHeaderBytes;
    for (const std::string& section : framedSections)
        size += section.size();
    std::string bytes = runFileHeader(size, std::uint32_t(framedSections.size()));
    for (const std::string& section : framedSections)
        bytes += section;
    return bytes;
}

std::string documentSectionOf(const RunDocument& document) {
    return frameSection(SectionType::Document, encodeDocumentSection(document));
}

// The small document's first section, then a trace section of `traceContent`.
std::string fileWithTraceContent(const std::string& traceContent) {
    RunDocument document = smallDocument();
    return fileOf({documentSectionOf(document), frameSection(SectionType::Trace, traceContent)});
}

std::string varint(std::uint64_t value) {
    ByteWriter out;
    out.varint(value);
    return out.bytes();
}

}  // namespace

class Recorder : public RunFileEvents {
public:
    void beginRun(const RecordedRun& run) override {
        runs.push_back(run);
        QVERIFY(run.trace.empty());
    }
    void event(const TraceEvent& event) override { runs.back().trace.push_back(event); }
    bool cancelled() override { return cancelAfter >= 0 && std::int64_t(eventCount()) >= cancelAfter; }
    std::size_t eventCount() const {
        std::size_t count = 0;
        for (const RecordedRun& run : runs)
            count += run.trace.size();
        return count;
    }

    std::vector<RecordedRun> runs;
    std::int64_t cancelAfter = -1;
};

class TestRunFile : public QObject {
    Q_OBJECT

private slots:
    void everyFieldRoundTrips();
    void realRunsRoundTrip_data();
    void realRunsRoundTrip();
    void sameDocumentSameBytes();
    void badFiles_data();
    void badFiles();
    void optionalSectionsAreSkipped();
    void everyByteFlipIsRejected();
    void everyCutIsRejected();
    void writesThroughOutputFile();
    void readsFromDisk();
    void readsFromAFifo();
    void streamingEqualsWholeRead();
    void cancelStopsTheRead();
    void looksLikeRunFileOnlyForTheMagic();
};

void TestRunFile::everyFieldRoundTrips() {
    const RunDocument document = everyFieldDocument();
    const RunFileResult result = decodeRunFile(encodeRunFile(document), "every.lsrun");
    QVERIFY2(result.document.has_value(), result.error.c_str());
    QVERIFY(result.error.empty());
    compareDocuments(*result.document, document);
}

void TestRunFile::realRunsRoundTrip_data() {
    QTest::addColumn<QString>("file");
    const QDir runs(QStringLiteral(LOOPSCOPE_TEST_DATA "/runs"));
    const QStringList names = runs.entryList({QStringLiteral("*.lsrun")}, QDir::Files, QDir::Name);
    QVERIFY(names.size() >= 3);
    for (const QString& name : names)
        QTest::newRow(qPrintable(name)) << runs.filePath(name);
}

// Run files recorded from real engine runs (tests/data/runs/README.md): they read back, and
// written again give the very same bytes, so nothing was lost or changed on the way.
void TestRunFile::realRunsRoundTrip() {
    QFETCH(QString, file);
    const RunFileResult result = readRunFile(file.toStdString());
    QVERIFY2(result.document.has_value(), result.error.c_str());
    QVERIFY(!result.document->runs.empty());
    QVERIFY(result.document->runs[0].trace.size() > 20);
    QFile bytes(file);
    QVERIFY(bytes.open(QIODevice::ReadOnly));
    const QByteArray original = bytes.readAll();
    QCOMPARE(QByteArray::fromStdString(encodeRunFile(*result.document)), original);
    // Written from packed runs (as the window saves its stores), the same bytes too.
    std::vector<PackedTrace> packed;
    for (const RecordedRun& run : result.document->runs)
        packed.push_back(PackedTrace::fromTrace(run.trace));
    RunDocument withoutTraces = *result.document;
    std::vector<const PackedTrace*> packedRuns;
    for (std::size_t k = 0; k < packed.size(); ++k) {
        withoutTraces.runs[k].trace.clear();
        packedRuns.push_back(&packed[k]);
    }
    QCOMPARE(QByteArray::fromStdString(encodeRunFile(withoutTraces, packedRuns)), original);
}

void TestRunFile::sameDocumentSameBytes() {
    const std::string first = encodeRunFile(everyFieldDocument());
    const std::string second = encodeRunFile(everyFieldDocument());
    QCOMPARE(first.size(), second.size());
    QVERIFY(first == second);
    QVERIFY(encodeRunFile(smallDocument()) != first);

    const RunDocument document = everyFieldDocument();
    std::vector<PackedTrace> packed;
    std::vector<const PackedTrace*> packedRuns;
    packed.reserve(document.runs.size());
    for (const RecordedRun& run : document.runs)
        packedRuns.push_back(&packed.emplace_back(PackedTrace::fromTrace(run.trace)));
    QVERIFY(encodeRunFile(document, packedRuns) == first);
    packedRuns.pop_back();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, encodeRunFile(document, packedRuns));
}

void TestRunFile::badFiles_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    const auto row = [](const char* name, const std::string& bytes, const std::string& error) {
        QTest::newRow(name) << QByteArray::fromStdString(bytes) << QString::fromStdString("bad.lsrun: " + error);
    };
    const std::string good = encodeRunFile(smallDocument());
    const std::string size = std::to_string(good.size());

    row("empty", "", "not a loopscope run file (it is empty)");
    row("a YAML scenario", "title: Timers\nsteps:\n  - setTimeout: 0\n",
        "not a loopscope run file (it looks like text, such as a YAML scenario or a program: open it as one, not as "
        "a saved run)");
    row("a Chrome trace", "  {\"traceEvents\": []}",
        "not a loopscope run file (it looks like JSON text: a scenario or a Chrome trace is opened as one, not as a "
        "saved run)");
    row("zstd data", "\x28\xb5\x2f\xfd\x00\x00"s, "not a loopscope run file (it looks like zstd-compressed data)");
    row("a PNG", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s, "not a loopscope run file (it looks like binary data of another kind)");
    row("the magic after newline conversion", "\x89LSRUN\n\x1a\n" + good.substr(10),
        "not a loopscope run file (it looks like binary data of another kind)");

    std::string newer = good;
    putFixed(newer, 10, 2, 4);
    row("a newer format", newer, "made by a newer loopscope (format 2; this one reads format 1)");
    std::string format0 = good;
    putFixed(format0, 10, 0, 4);
    resealHeader(format0);
    row("format 0", format0, "bad header: format 0 does not exist");
    std::string flags = good;
    putFixed(flags, 14, 4, 4);
    resealHeader(flags);
    row("unknown flags", flags, "bad header: flags 4 are not defined in format 1");
    std::string hugeFile = good;
    putFixed(hugeFile, 18, std::uint64_t(1) << 60, 8);
    resealHeader(hugeFile);
    row("a file size of 2^60", hugeFile,
        "bad header: a file size of 1152921504606846976 bytes (at most 4294967296 are read)");
    std::string manySections = good;
    putFixed(manySections, 26, 0xffffffffu, 4);
    resealHeader(manySections);
    row("more sections than bytes", manySections,
        "bad header: 4294967295 sections cannot fit in " + size + " bytes");

    row("cut in the magic", good.substr(0, 6), "truncated: a run file's header has 34 bytes, the file has 6");
    row("cut in the header", good.substr(0, 20), "truncated: a run file's header has 34 bytes, the file has 20");
    row("cut in a section", good.substr(0, good.size() - 7),
        "truncated: the header says the file has " + size + " bytes, it has " + std::to_string(good.size() - 7));
    row("trailing bytes", good + "abc", "3 trailing bytes after the " + size + " the header says the file has");

    std::string headerFlip = good;
    headerFlip[20] = char(headerFlip[20] ^ 0x10);
    row("a flipped header byte", headerFlip, "corrupt: the header fails its checksum (the file is damaged)");
    std::string dataFlip = good;
    dataFlip[good.size() - 3] = char(dataFlip[good.size() - 3] ^ 1);
    row("a flipped data byte", dataFlip, "corrupt: section 2 at byte ");  // offset checked below

    const std::string document = documentSectionOf(smallDocument());
    const std::string documentNoRuns = documentSectionOf(RunDocument{});
    const std::string emptyTrace = frameSection(SectionType::Trace, encodeTraceSection(Trace{}));
    const std::string at2 = std::to_string(kRunFileHeaderBytes + document.size());
    row("no sections", fileOf({}), "bad section table: the first section is not the document");
    row("a trace first", fileOf({emptyTrace, document}), "bad section table: the first section is not the document");
    row("two documents", fileOf({document, document}), "bad section 2 at byte " + at2 + ": a second document");
    row("an unknown section", fileOf({document, frameSection(SectionType(7), "x")}),
        "bad section 2 at byte " + at2 + ": unknown type 7");
    row("a run without its trace", fileOf({document}), "bad section table: 0 traces for the document's 1 runs");
    row("a trace without its run", fileOf({documentNoRuns, emptyTrace}),
        "bad section table: 1 traces for the document's 0 runs");
    row("bytes between sections", fileOf({document, emptyTrace + "zz"}),
        "bad section table: 2 bytes after the last of 2 sections");
    std::string overlong = fileOf({document, emptyTrace});
    putFixed(overlong, kRunFileHeaderBytes + 4, 1 << 20, 8);
    row("a section longer than the file", overlong,
        "bad section 1 at byte 34: its 1048576 bytes run past the end of the file (byte " +
            std::to_string(overlong.size()) + ")");

    const std::string storedTrace(emptyTrace.substr(kSectionHeaderBytes));
    row("a decompression bomb", fileOf({document, frameStoredSection(2, storedTrace, std::uint64_t(1) << 40)}),
        "section 2 (the trace of run 1) would decompress to 1099511627776 bytes, more than the 536870912 a section "
        "may hold (a decompression bomb?)");
    row("a content size that is not the frame's", fileOf({document, frameStoredSection(2, storedTrace, 100)}),
        "bad section 2 (the trace of run 1): its bytes are not one zstd frame of the 100 bytes its header gives");
    row("bytes that are no zstd frame", fileOf({document, frameStoredSection(2, "not zstd at all", 3)}),
        "bad section 2 (the trace of run 1): its bytes are not one zstd frame of the 3 bytes its header gives");
    row("a document that is no document", fileOf({frameSection(SectionType::Document, "\x05" "abc")}),
        "section 1 (the document), byte 0: a text of 5 bytes, but only 3 are left");
    row("a document with bytes after it",
        fileOf({frameSection(SectionType::Document, encodeDocumentSection(RunDocument{}) + "!!")}),
        "section 1 (the document), byte 9: 2 bytes after the document");
    RunDocument badEngine;
    badEngine.runs.resize(1);
    std::string badEngineContent = encodeDocumentSection(badEngine);
    badEngineContent[9] = 9;
    row("an engine out of range", fileOf({frameSection(SectionType::Document, badEngineContent), emptyTrace}),
        "section 1 (the document), byte 9: engine 9 out of range (0 to 2)");
    RunDocument hugeExit;
    hugeExit.runs.resize(1);
    hugeExit.runs[0].programExitCode = 1;
    std::string hugeExitContent = encodeDocumentSection(hugeExit);
    hugeExitContent.replace(11, 1, varint(zigzagEncode(std::int64_t(1) << 40)));
    row("an exit code out of range", fileOf({frameSection(SectionType::Document, hugeExitContent), emptyTrace}),
        "section 1 (the document), byte 11: exit code 1099511627776 out of range");
    std::string manySamples = encodeDocumentSection(badEngine);
    manySamples.replace(11, 1, varint(std::uint64_t(1) << 60));
    row("2^60 samples", fileOf({frameSection(SectionType::Document, manySamples), emptyTrace}),
        "section 1 (the document), byte 11: 1152921504606846976 process samples cannot fit in the 0 bytes left");

    // Trace sections: string, lane and shape tables, event count, events.
    const std::string noTables = varint(0) + varint(0) + varint(0);
    const std::string noTexts = varint(0) + varint(0);  // and no lanes: the shape table follows
    const std::string where = "section 2 (the trace of run 1), byte ";
    row("2^60 events", fileWithTraceContent(noTables + varint(std::uint64_t(1) << 60) + "abcd"),
        where + "3: 1152921504606846976 events, more than the 67108864 a run file may hold");
    row("more events than bytes", fileWithTraceContent(noTables + varint(1000) + "abcd"),
        where + "3: 1000 events cannot fit in the 4 bytes left");
    row("more events than a run may have", fileWithTraceContent(noTables + varint(kMaxRunFileEvents + 1)),
        where + "3: 67108865 events, more than the 67108864 a run file may hold");
    row("2^60 texts", fileWithTraceContent(varint(std::uint64_t(1) << 60)),
        where + "0: 1152921504606846976 texts cannot fit in the 0 bytes left");
    row("2^60 shapes", fileWithTraceContent(noTexts + varint(std::uint64_t(1) << 60)),
        where + "2: 1152921504606846976 shapes cannot fit in the 0 bytes left");
    row("a varint too long", fileWithTraceContent(std::string(11, '\xff')),
        where + "0: a number longer than 64 bits (a varint too long)");
    row("a tenth varint byte over 1", fileWithTraceContent(std::string(9, '\x80') + "\x02"),
        where + "0: a number longer than 64 bits (a varint too long)");
    row("a varint cut short", fileWithTraceContent(std::string(3, '\x80')), where + "0: the content ends inside a number");
    row("a lane kind out of range", fileWithTraceContent(varint(0) + varint(1) + "\x06\x00\x00"s + varint(0)),
        where + "2: lane kind 6 out of range (0 to 5)");
    row("a lane process out of range",
        fileWithTraceContent(varint(0) + varint(1) + "\x01"s + varint(65536) + "\x00"s + varint(0)),
        where + "3: lane process 65536 out of range (0 to 65535)");
    row("an event kind out of range", fileWithTraceContent(noTexts + varint(1) + "\xc8\x00\x00"s + varint(0)),
        where + "3: event kind 200 out of range (0 to 25)");
    row("a phase out of range", fileWithTraceContent(noTexts + varint(1) + "\x00\x08\x00"s + varint(0)),
        where + "4: phase 8 and queue 0: out of range (phases 0 to 7, queues 0 to 8)");
    row("a queue out of range", fileWithTraceContent(noTexts + varint(1) + "\x00\x90\x00"s + varint(0)),
        where + "4: phase 0 and queue 9: out of range (phases 0 to 7, queues 0 to 8)");
    row("unknown field flags", fileWithTraceContent(noTexts + varint(1) + "\x00\x00\x40"s + varint(0)),
        where + "5: field flags 64 out of range (0 to 63)");
    const std::string plainShape = noTexts + varint(1) + "\x00\x00\x00"s;
    row("a shape index out of range", fileWithTraceContent(plainShape + varint(1) + "\x05\x00"s),
        where + "7: shape index 5 out of range (0 to 0) (event 1 of 1)");
    row("an event without a shape table", fileWithTraceContent(noTables + varint(1) + "\x00\x00"s),
        where + "4: a shape index, but the shape table is empty (event 1 of 1)");
    row("a string index out of range",
        fileWithTraceContent(varint(1) + varint(3) + "abc" + varint(0) + varint(1) + "\x0f\x00\x20"s + varint(1) +
                             "\x00\x00\x05"s),
        where + "13: string index 5 out of range (0 to 0) (event 1 of 1)");
    row("a text without a string table",
        fileWithTraceContent(noTexts + varint(1) + "\x0f\x00\x20"s + varint(1) + "\x00\x00\x00"s),
        where + "9: a string index, but the string table is empty (event 1 of 1)");
    row("a lane without a lane table",
        fileWithTraceContent(noTexts + varint(1) + "\x0f\x00\x01"s + varint(1) + "\x00\x00\x00"s),
        where + "9: a lane index, but the lane table is empty (event 1 of 1)");
    const std::string stepShape = noTexts + varint(1) + "\x00\x00\x08"s;
    row("a line out of range",
        fileWithTraceContent(stepShape + varint(1) + "\x00\x00"s + varint(zigzagEncode(std::int64_t(1) << 32)) +
                             varint(0)),
        where + "9: line 4294967296 out of range (event 1 of 1)");
    row("a line delta out of range",
        fileWithTraceContent(stepShape + varint(1) + "\x00\x00"s + varint(zigzagEncode(std::int64_t(1) << 40)) +
                             varint(0)),
        where + "9: a line delta 1099511627776 out of range (event 1 of 1)");
    row("a column out of range",
        fileWithTraceContent(stepShape + varint(1) + "\x00\x00\x00"s + varint(zigzagEncode(-(std::int64_t(1) << 40)))),
        where + "10: column -1099511627776 out of range (event 1 of 1)");
    row("an event cut short",
        fileWithTraceContent(noTexts + varint(1) + "\x00\x00\x02"s + varint(2) + "\x00\x00\x02"s + "\x00\x00"s),
        where + "12: the content ends inside a number (event 2 of 2)");
    row("bytes after the last event", fileWithTraceContent(plainShape + varint(1) + "\x00\x00"s + "xyz"),
        where + "9: 3 bytes after the last event");
}

void TestRunFile::badFiles() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    const RunFileResult result = decodeRunFile(std::string_view(bytes.constData(), std::size_t(bytes.size())), "bad.lsrun");
    QVERIFY(!result.document.has_value());
    if (QByteArray(QTest::currentDataTag()) == "a flipped data byte")
        QVERIFY2(QString::fromStdString(result.error).startsWith(error) &&
                     result.error.ends_with(" fails its checksum (the file is damaged)"),
                 result.error.c_str());
    else
        QCOMPARE(QString::fromStdString(result.error), error);
}

// A reader skips a section it does not know when the section says it may (docs/run-file.md).
void TestRunFile::optionalSectionsAreSkipped() {
    const RunDocument document = smallDocument();
    const std::string file =
        fileOf({documentSectionOf(document), frameSection(SectionType(kOptionalSectionBit | 5), "later"),
                frameSection(SectionType::Trace, encodeTraceSection(document.runs[0].trace))});
    const RunFileResult result = decodeRunFile(file, "optional.lsrun");
    QVERIFY2(result.document.has_value(), result.error.c_str());
    compareDocuments(*result.document, document);
}

// Every byte is under a checksum (or is the magic or the version, read before it): no flip
// of any bit of any byte decodes.
void TestRunFile::everyByteFlipIsRejected() {
    const std::string good = encodeRunFile(smallDocument());
    QVERIFY(decodeRunFile(good, "good.lsrun").document.has_value());
    for (std::size_t at = 0; at < good.size(); ++at)
        for (const unsigned char flip : {0x01, 0x80, 0xff}) {
            std::string bad = good;
            bad[at] = char(bad[at] ^ flip);
            const RunFileResult result = decodeRunFile(bad, "flip.lsrun");
            QVERIFY2(!result.document.has_value(), qPrintable(QStringLiteral("byte %1 ^ %2").arg(at).arg(flip)));
            QVERIFY(result.error.starts_with("flip.lsrun: "));
        }
}

void TestRunFile::everyCutIsRejected() {
    const std::string good = encodeRunFile(smallDocument());
    for (std::size_t length = 0; length < good.size(); ++length) {
        const RunFileResult result = decodeRunFile(std::string_view(good).substr(0, length), "cut.lsrun");
        QVERIFY2(!result.document.has_value(), qPrintable(QStringLiteral("cut at %1").arg(length)));
        const std::string expected =
            length == 0 ? "cut.lsrun: not a loopscope run file (it is empty)"
            : length < kRunFileHeaderBytes
                ? "cut.lsrun: truncated: a run file's header has 34 bytes, the file has " + std::to_string(length)
                : "cut.lsrun: truncated: the header says the file has " + std::to_string(good.size()) +
                      " bytes, it has " + std::to_string(length);
        QCOMPARE(result.error, expected);
    }
}

// Through OutputFile: a FIFO gets the bytes in place (a reader is waiting on it).
void TestRunFile::writesThroughOutputFile() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string fifo = QFile::encodeName(dir.filePath(QStringLiteral("run.lsrun"))).toStdString();
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
    const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    QVERIFY(reader >= 0);
    const RunDocument document = smallDocument();
    const std::string expected = encodeRunFile(document);
    QVERIFY(expected.size() < 4096);  // fits in the pipe without a reader draining it
    std::string error;
    QVERIFY2(writeRunFile(document, fifo, &error), error.c_str());
    std::string got(expected.size() + 16, '\0');
    const ssize_t size = ::read(reader, got.data(), got.size());
    ::close(reader);
    QCOMPARE(size, ssize_t(expected.size()));
    got.resize(std::size_t(size));
    QVERIFY(got == expected);
    struct stat info {};
    QCOMPARE(::stat(fifo.c_str(), &info), 0);
    QVERIFY(S_ISFIFO(info.st_mode));

    QVERIFY(!writeRunFile(document, QFile::encodeName(dir.path()).toStdString() + "/no/such/dir/run.lsrun", &error));
    QVERIFY2(error.starts_with("cannot write " + QFile::encodeName(dir.path()).toStdString() + "/no/such/dir/run.lsrun: "),
             error.c_str());
}

void TestRunFile::readsFromDisk() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = QFile::encodeName(dir.filePath(QStringLiteral("run.lsrun"))).toStdString();
    const RunDocument document = everyFieldDocument();
    std::string error;
    QVERIFY2(writeRunFile(document, path, &error), error.c_str());
    RunFileResult result = readRunFile(path);
    QVERIFY2(result.document.has_value(), result.error.c_str());
    compareDocuments(*result.document, document);

    // The file's real size counts, though only what the header promises is read.
    const std::string bytes = encodeRunFile(document);
    QVERIFY(writeOutputFile(path, bytes + std::string(100000, 'x'), &error));
    result = readRunFile(path);
    QVERIFY(!result.document.has_value());
    QCOMPARE(result.error, path + ": 100000 trailing bytes after the " + std::to_string(bytes.size()) +
                               " the header says the file has");
    QVERIFY(writeOutputFile(path, "title: Timers\n", &error));
    QCOMPARE(readRunFile(path).error, path + ": not a loopscope run file (it looks like text, such as a YAML "
                                             "scenario or a program: open it as one, not as a saved run)");
    QCOMPARE(readRunFile(path + ".missing").error, "cannot read " + path + ".missing: No such file or directory");
    const std::string directory = QFile::encodeName(dir.path()).toStdString();
    QCOMPARE(readRunFile(directory).error, "cannot read " + directory + ": it is a directory");
}

// A stream is read to the end the header gives and one byte more, never further.
void TestRunFile::readsFromAFifo() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string fifo = QFile::encodeName(dir.filePath(QStringLiteral("run.lsrun"))).toStdString();
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
    const RunDocument document = smallDocument();
    const std::string bytes = encodeRunFile(document);
    for (const std::string& sent : {bytes, bytes + "abc"}) {  // both fit in the pipe: the writer never waits
        std::thread writer([&fifo, &sent] {
            const int fd = ::open(fifo.c_str(), O_WRONLY);
            if (fd >= 0) {
                (void)!::write(fd, sent.data(), sent.size());
                ::close(fd);
            }
        });
        const RunFileResult result = readRunFile(fifo);
        writer.join();
        if (sent.size() == bytes.size()) {
            QVERIFY2(result.document.has_value(), result.error.c_str());
            compareDocuments(*result.document, document);
        } else {
            QVERIFY(!result.document.has_value());
            QCOMPARE(result.error, fifo + ": trailing bytes after the " + std::to_string(bytes.size()) +
                                       " the header says the file has");
        }
    }
}

void TestRunFile::streamingEqualsWholeRead() {
    RunDocument document = everyFieldDocument();
    for (int k = 0; k < 5; ++k)  // many thousand events: progress is reported part way
        document.runs[2].trace.insert(document.runs[2].trace.end(), document.runs[0].trace.begin(),
                                      document.runs[0].trace.end());
    const std::string bytes = encodeRunFile(document);
    Recorder recorder;
    std::vector<double> progress;
    const RunFileResult result =
        decodeRunFile(bytes, "stream.lsrun", recorder, [&progress](double done) { progress.push_back(done); });
    QVERIFY2(result.document.has_value(), result.error.c_str());
    for (const RecordedRun& run : result.document->runs)
        QVERIFY(run.trace.empty());
    QCOMPARE(recorder.runs.size(), document.runs.size());
    RunDocument streamed = *result.document;
    for (std::size_t k = 0; k < streamed.runs.size(); ++k)
        streamed.runs[k].trace = recorder.runs[k].trace;
    compareDocuments(streamed, document);
    compareDocuments(*decodeRunFile(bytes, "whole.lsrun").document, document);

    QVERIFY(progress.size() >= 3);
    QCOMPARE(progress.back(), 1.0);
    for (std::size_t k = 1; k < progress.size(); ++k)
        QVERIFY(progress[k] >= progress[k - 1] && progress[k] <= 1.0);
}

void TestRunFile::cancelStopsTheRead() {
    RunDocument document = smallDocument();
    for (int k = 0; k < 20000; ++k) {
        TraceEvent event;
        event.ts = k;
        document.runs[0].trace.push_back(event);
    }
    QTemporaryDir dir;
    const std::string path = QFile::encodeName(dir.filePath(QStringLiteral("long.lsrun"))).toStdString();
    std::string error;
    QVERIFY2(writeRunFile(document, path, &error), error.c_str());
    Recorder recorder;
    recorder.cancelAfter = 5000;
    const RunFileResult result = readRunFile(path, recorder);
    QVERIFY(!result.document.has_value());
    QCOMPARE(result.error, path + ": reading was cancelled");
    QVERIFY(recorder.eventCount() >= 5000);
    QVERIFY(recorder.eventCount() < document.runs[0].trace.size());
}

void TestRunFile::looksLikeRunFileOnlyForTheMagic() {
    QVERIFY(looksLikeRunFile(encodeRunFile(smallDocument())));
    QVERIFY(looksLikeRunFile(std::string(kRunFileMagic)));
    QVERIFY(!looksLikeRunFile(std::string(kRunFileMagic.substr(0, 9))));
    QVERIFY(!looksLikeRunFile("title: x\n"));
    QVERIFY(!looksLikeRunFile(""));
    QCOMPARE(std::string(kRunFileSuffix), std::string(".lsrun"));
}

QTEST_GUILESS_MAIN(TestRunFile)
#include "test_run_file.moc"
