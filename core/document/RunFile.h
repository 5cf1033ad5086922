// A run saved whole to a .lsrun file and read back bit for bit (docs/run-file.md): a fixed
// header (magic, format version, flags, size), then sections, each zstd-compressed and with
// a CRC-32 over its header and bytes, so that any damage is reported, never decoded into
// another run. The first section is the document without its traces; each run's trace
// follows in a section of its own, its texts interned in a string table.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "PackedTrace.h"
#include "RunDocument.h"

namespace loopscope {

inline constexpr const char* kRunFileSuffix = ".lsrun";
inline constexpr std::uint32_t kRunFileVersion = 1;

struct RunFileResult {
    std::optional<RunDocument> document;  // set on success
    std::string error;                    // e.g. "run.lsrun: not a loopscope run file ..."
};

// Writes through OutputFile (temporary file + rename, `-`, FIFOs). On failure returns false
// and sets *error (if given) to "cannot write PATH: REASON".
bool writeRunFile(const RunDocument& document, const std::string& path, std::string* error);
// A document whose runs' events are kept packed elsewhere (a window's stores): run k's events
// are packedRuns[k], its `trace` is not read. The same bytes as the document with its traces.
bool writeRunFile(const RunDocument& document, const std::vector<const PackedTrace*>& packedRuns,
                  const std::string& path, std::string* error);
RunFileResult readRunFile(const std::string& path);

// The bytes of a file, and back (tests, fuzzing). `displayName` names it in errors. The same
// document always gives the same bytes.
std::string encodeRunFile(const RunDocument& document);
std::string encodeRunFile(const RunDocument& document, const std::vector<const PackedTrace*>& packedRuns);
RunFileResult decodeRunFile(std::string_view bytes, const std::string& displayName);

// Whether a file's first bytes are a run file's magic (the app tells it from a scenario).
// Needs the magic's 10 bytes.
bool looksLikeRunFile(std::string_view firstBytes);

// Receives a run file's events as they decode.
class RunFileEvents {
public:
    virtual ~RunFileEvents() = default;
    virtual void beginRun(const RecordedRun& runWithoutTrace) = 0;  // engine, samples, exit code
    virtual void event(const TraceEvent& event) = 0;
    virtual bool cancelled() { return false; }  // checked every few thousand events
};

// Reads the document's metadata into the result (runs without their traces) and passes
// every event to `events`; progress in [0,1] through `progress` if given. A file found
// damaged part way through has passed the events before the damage; the result then has
// the error and no document. Cancelled, the error is "PATH: reading was cancelled".
RunFileResult readRunFile(const std::string& path, RunFileEvents& events,
                          const std::function<void(double)>& progress = {});
// The same over a file's bytes.
RunFileResult decodeRunFile(std::string_view bytes, const std::string& displayName, RunFileEvents& events,
                            const std::function<void(double)>& progress = {});

// What a reader accepts, so that a damaged or hostile file cannot make it allocate more.
inline constexpr std::uint64_t kMaxRunFileBytes = std::uint64_t(4) << 30;
inline constexpr std::uint64_t kMaxRunFileSectionBytes = std::uint64_t(512) << 20;  // one section, decompressed
// Events of one run: 8 times the engine's own limit (kMaxRunEvents on the JavaScript thread
// alone), and a bound on what a small file of tiny events could make a reader build.
inline constexpr std::uint64_t kMaxRunFileEvents = std::uint64_t(64) << 20;

}  // namespace loopscope
