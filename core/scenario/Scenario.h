// The Scenario value: what a scenario file says, with no YAML types left in it.
// Every Step keeps the line and column it came from so that errors and the GUI
// can point at it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "RuntimeLimits.h"
#include "SourceLocation.h"
#include "Time.h"

namespace loopscope {

enum class StepKind {
    Log,             // log: TEXT
    Cpu,             // cpu: DUR | {takes, label}
    Call,            // call: {name, run}
    SetTimeout,      // setTimeout: {delay, run, id}
    SetInterval,     // setInterval: {every, times, run, id}
    SetImmediate,    // setImmediate: {run}
    NextTick,        // nextTick: {run}
    Promise,         // promise: {run, then}
    QueueMicrotask,  // queueMicrotask: {run}
    ReadFile,        // fs.readFile: {takes, then}
    ReadFileSync,    // fs.readFileSync: DUR
    Pbkdf2,          // crypto.pbkdf2: {takes, then}
    Gzip,            // zlib.gzip: {takes, then}
    DnsLookup,       // dns.lookup: {takes, then}
    Net,             // net: {to, takes, then}
    Worker,          // worker: {takes, then}
    Respond,         // respond: STATUS
    Async,           // async: {name, run}
    Await,           // await: TARGET
    Repeat,          // repeat: {times, run}
    ClearTimeout,    // clearTimeout: ID
    ClearInterval,   // clearInterval: ID
    Close,           // close: {run}
    Sleep,           // sleep: DUR -- only as an await target (timers/promises setTimeout)
};

// The key a step is written with in a scenario file ("fs.readFile", "setTimeout", ...);
// StepSyntax.h holds the table.
const char* stepKeyword(StepKind kind);

// True for steps whose work runs on libuv's thread pool.
bool runsOnThreadPool(StepKind kind);
// True for pool steps that compute (use a core) rather than wait.
bool computesOnThreadPool(StepKind kind);

struct Step;
using StepList = std::vector<Step>;

// What an `await` waits for.
struct AwaitTarget {
    enum class Kind {
        Value,     // await: 42 / await: null          -> 1 microtask hop
        Thenable,  // await: {thenable: V}             -> 2 hops
        Promise,   // await: {fs.readFile: ...} etc.   -> settles when the step's work ends
        All,       // await: {all: [X, ...]}
        Race,      // await: {race: [X, ...]}
    };
    Kind kind = Kind::Value;
    SourceLocation where;
    std::string value;               // Value / Thenable: the text of the value
    StepList promise;                // Promise: exactly one step (ReadFile, Net, Sleep, Async, Pbkdf2, ...)
    std::vector<AwaitTarget> inputs; // All / Race
};

struct Step {
    StepKind kind = StepKind::Log;
    SourceLocation where;         // the step's key in the file

    std::string text;             // Log: text; Cpu: label; Call/Async: name; Net: `to`
    Nanoseconds duration = 0;     // Cpu takes; SetTimeout delay; SetInterval every;
                                  // ReadFile/Pbkdf2/Gzip/DnsLookup/Net/Worker takes;
                                  // ReadFileSync; Sleep
    int count = 0;                // Repeat times; SetInterval times (0 = until cleared);
                                  // Respond status
    std::string timerId;          // SetTimeout/SetInterval `id` (may be empty);
                                  // ClearTimeout/ClearInterval: the id cleared
    StepList run;                 // callback body: run: (timers, immediates, ticks, promise,
                                  // call, async, repeat, close)
    StepList then;                // I/O completion callback, or promise's second hop
    bool hasThen = false;         // Promise: `then:` was given (even if empty)
    std::vector<AwaitTarget> awaited;  // Await: exactly one target
};

enum class ModuleKind { CommonJs, Esm };

struct RuntimeSettings {
    int threadpool = 4;                  // kThreadpoolRange
    int cores = 2;                       // kCoresRange
    int processes = 1;                   // kProcessesRange
    double timeScale = 1.0;              // (0, kMaxTimeScale]
    Nanoseconds horizon = 60 * kSecond;  // > 0
    ModuleKind module = ModuleKind::CommonJs;
    std::int64_t heapBytes = 512ll * 1024 * 1024;  // a JavaScript program's heap limit
    std::int64_t eventLimit = 0;  // events on the JavaScript thread before the run stops; 0: kMaxRunEvents
};

struct ThreadSettings {
    std::int64_t stackBytes = 1024 * 1024;  // per thread
    int max = 10000;                        // threads alive at most
};

struct ServerSpec {
    SourceLocation where;
    StepList handler;
};

struct LoadWave {
    SourceLocation where;
    Nanoseconds at = 0;
    int requests = 1;
    Nanoseconds spacing = 0;
};

// A moment of the run the timeline marks, with teaching text.
struct Note {
    SourceLocation where;
    Nanoseconds at = 0;
    std::string text;
};

// A loopback HTTP service a program can call (`services:`): it listens on 127.0.0.1:port
// for the whole run and answers every request `takes` after it arrived, as a slow
// database or API would.
struct ServiceSpec {
    SourceLocation where;
    std::string name;
    int port = 0;
    Nanoseconds takes = 0;
};

// Limits that keep a hostile or mistyped file from asking for absurd work.
constexpr int kMaxRequestsPerRun = 100000;
constexpr int kMaxRepeatTimes = 1000000;
constexpr Nanoseconds kMaxDuration = 3600 * kSecond;

struct Scenario {
    std::string sourcePath;   // the file it was read from ("" for built-ins read from memory)
    std::string program;      // a real JavaScript program to run instead of steps (its path)
    SourceLocation programWhere;  // the `program:` value, for messages about the file
    // What the program finds in process.argv after its own path (`loopscope run app.js -- a b`).
    std::vector<std::string> programArguments;
    int format = 1;
    std::string title;
    std::string summary;
    std::string description;
    RuntimeSettings runtime;
    ThreadSettings threads;
    StepList main;
    std::optional<ServerSpec> server;
    std::vector<LoadWave> load;
    std::vector<ServiceSpec> services;
    std::vector<Note> notes;

    int totalRequests() const;
};

}  // namespace loopscope
