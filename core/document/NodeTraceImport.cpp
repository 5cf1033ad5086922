#include "NodeTraceImport.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <deque>
#include <filesystem>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <sys/stat.h>

#include "ChromeTraceEvents.h"
#include "NodeTraceConversion.h"

namespace loopscope {
namespace {

std::string fileNameOf(const std::string& path) { return std::filesystem::path(path).filename().string(); }

std::string locatedError(const std::string& displayName, std::string_view text, const JsonSyntaxError& error) {
    const SourceLocation where = locationOf(text, error.offset);
    return displayName + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) + ": " + error.message;
}

std::vector<std::string> limitsOf(const NodeTraceFacts& facts, bool complete) {
    std::vector<std::string> limits = {
        "Node's trace has no call stack: it shows which callback ran and for what, not the functions it called.",
        "It does not show what waits in the nextTick, microtask, timer and immediate queues: only when each "
        "callback ran and what scheduled it.",
        "It marks the timers and check phases only when they have callbacks to run; the poll, pending and close "
        "phases have no marker, and loop iterations are not counted.",
        "It has no console output.",
        "HTTP requests appear only as the callbacks that handled them (HTTPINCOMINGMESSAGE): no request is "
        "counted or timed.",
        "A callback that runs inside another (nextTicks drained before a socket's callback returns) splits the "
        "outer callback's span in two.",
        "Times are Node's, in whole microseconds.",
    };
    if (facts.sawPoolWork)
        limits.push_back("A pool job is matched to the request that queued it by order (libuv's queue is first in, "
                         "first out), not by an id the trace records.");
    if (facts.sawFsRequests)
        limits.push_back("File-system requests run on the thread pool, but the trace does not say on which thread: "
                         "they are not drawn on the pool lanes, only their callbacks are.");
    if (!complete)
        limits.push_back("The trace ends without its closing ]}: the process died before Node finished writing it, "
                         "and what it did after its last written event is missing.");
    return limits;
}

std::string recordedAtOf(const std::string& path) {
    struct stat info{};
    if (stat(path.c_str(), &info) != 0)
        return {};
    std::tm utc{};
    gmtime_r(&info.st_mtime, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return stamp;
}

// A file's bytes, mapped rather than copied: a 100 MB trace is read once, by the parser.
class MappedFile {
public:
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    MappedFile() = default;
    ~MappedFile() {
        if (data_ != nullptr)
            munmap(data_, size_);
    }
    std::optional<std::string> open(const std::string& path) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return path + ": cannot be read: " + std::strerror(errno);
        struct stat info{};
        std::optional<std::string> problem;
        if (fstat(fd, &info) != 0)
            problem = path + ": cannot be read: " + std::strerror(errno);
        else if (!S_ISREG(info.st_mode))
            problem = path + ": expected a trace file, found " +
                      (S_ISDIR(info.st_mode) ? "a directory" : "something that is not a regular file");
        else if (std::size_t(info.st_size) > kMaxNodeTraceFileBytes)
            problem = path + ": expected a trace file of at most " + std::to_string(kMaxNodeTraceFileBytes >> 20) +
                      " MiB (Node writes a new file every 524288 events, about 100 MiB), found " +
                      std::to_string(std::size_t(info.st_size) >> 20) + " MiB";
        if (!problem && info.st_size > 0) {
            size_ = std::size_t(info.st_size);
            void* data = mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
            if (data == MAP_FAILED)
                problem = path + ": cannot be read: " + std::strerror(errno);
            else
                data_ = data;
        }
        ::close(fd);
        return problem;
    }
    std::string_view text() const {
        return data_ == nullptr ? std::string_view() : std::string_view(static_cast<const char*>(data_), size_);
    }

private:
    void* data_ = nullptr;
    std::size_t size_ = 0;
};

// The files of a trace, their texts kept while the events point into them.
struct TraceTexts {
    std::deque<MappedFile> files;
    std::deque<std::string> arena;
    ChromeTraceFile events;
};

std::optional<std::string> addText(TraceTexts& into, std::string_view text, const std::string& displayName) {
    try {
        ChromeTraceFile file;
        file.events = std::move(into.events.events);
        readChromeTraceEvents(text, into.arena, file, kMaxNodeTraceEvents);
        file.complete = file.complete && into.events.complete;
        into.events = std::move(file);
        return std::nullopt;
    } catch (const JsonSyntaxError& error) {
        return locatedError(displayName, text, error);
    }
}

NodeTraceResult documentOf(TraceTexts& texts, const std::vector<std::string>& paths, const std::string& displayName) {
    NodeTraceResult result;
    if (texts.events.events.empty()) {
        result.error = displayName + ": expected trace events, found none";
        return result;
    }
    NodeTraceFacts facts;
    const bool complete = texts.events.complete;
    RecordedRun run;
    run.engine = EngineKind::EventLoop;
    run.trace = convertNodeTrace(texts.events.events, complete, facts);
    RunDocument document;
    document.origin.recorder =
        facts.nodeVersion.empty() ? std::string("node (trace events)") : "node v" + facts.nodeVersion + " trace events";
    document.origin.recordedAt = paths.empty() ? std::string() : recordedAtOf(paths.back());
    document.title = facts.script.empty() ? fileNameOf(displayName) : fileNameOf(facts.script);
    for (const std::string& path : paths)
        document.sources.push_back(SourceText{path, {}});
    if (paths.empty())
        document.sources.push_back(SourceText{displayName, {}});
    document.runs.push_back(std::move(run));
    document.limits = limitsOf(facts, complete);
    result.document = std::move(document);
    return result;
}

}  // namespace

std::vector<std::string> nodeTraceFileSet(const std::string& path) {
    const std::filesystem::path file(path);
    const std::string name = file.filename().string();
    // The last dot-separated component that is all digits: node_trace.12.log -> "12".
    std::size_t numberAt = std::string::npos;
    std::size_t numberLength = 0;
    std::size_t start = 0;
    while (start <= name.size()) {
        const std::size_t dot = std::min(name.find('.', start), name.size());
        const std::string_view part = std::string_view(name).substr(start, dot - start);
        if (start > 0 && !part.empty() && part.size() <= 9 &&
            part.find_first_not_of("0123456789") == std::string_view::npos) {
            numberAt = start;
            numberLength = part.size();
        }
        start = dot + 1;
    }
    if (numberAt == std::string::npos)
        return {path};
    auto member = [&](long number) {
        std::string other = name;
        other.replace(numberAt, numberLength, std::to_string(number));
        return (file.parent_path() / other).string();
    };
    const long own = std::stol(name.substr(numberAt, numberLength));
    if (member(own) != path)  // "node_trace.01.log" is not written by Node: no set
        return {path};
    long first = own;
    while (first > 1 && std::filesystem::is_regular_file(member(first - 1)))
        --first;
    std::vector<std::string> set;
    for (long number = first; number == own || std::filesystem::is_regular_file(member(number)); ++number)
        set.push_back(member(number));
    return set;
}

NodeTraceResult readNodeTrace(const std::string& path) {
    const std::vector<std::string> paths = nodeTraceFileSet(path);
    TraceTexts texts;
    for (const std::string& member : paths) {
        MappedFile& file = texts.files.emplace_back();
        if (auto problem = file.open(member))
            return NodeTraceResult{std::nullopt, *problem};
        if (auto problem = addText(texts, file.text(), member))
            return NodeTraceResult{std::nullopt, *problem};
    }
    return documentOf(texts, paths, path);
}

NodeTraceResult parseNodeTrace(std::string_view text, const std::string& displayName) {
    TraceTexts texts;
    if (auto problem = addText(texts, text, displayName))
        return NodeTraceResult{std::nullopt, *problem};
    return documentOf(texts, {}, displayName);
}

bool looksLikeChromeTrace(std::string_view firstBytes) { return startsLikeChromeTrace(firstBytes); }

}  // namespace loopscope
