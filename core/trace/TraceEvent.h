// One thing that happened during a run, as every engine reports it.
// A run is a stream of these, ordered by timestamp per lane; the GUI and the
// exporters only ever see this stream (see DESIGN.md, "Engines").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "SourceLocation.h"
#include "Time.h"

namespace loopscope {

enum class EventKind : std::uint8_t {
    RunBegin,        // value: the engine (EngineKind)
    RunEnd,          // value: 0 ok, otherwise an error code; text: why (kStoppedAtHorizon
                     // when the run was cut at runtime.horizon)
    LoopIteration,   // value: iteration number (1-based)
    PhaseEnter,      // phase
    PhaseLeave,      // phase
    CallbackBegin,   // a callback starts on `lane`; queue: where it came from; id: callback id
    CallbackEnd,
    FramePush,       // text: frame name (call / async)
    FramePop,
    Enqueue,         // queue gains `id`; text: what waits there, as the queue panel labels it
    Dequeue,         // queue loses `id`
    WorkBegin,       // pool / worker / thread computes or waits for job `id` on `lane`
    WorkEnd,
    IoBegin,         // kernel I/O `id` starts (net): lane Kernel
    IoEnd,
    Log,             // text: the console line
    RequestArrive,   // value: request number (1-based, arrival order)
    RequestRespond,  // value: request number; text: status
    ThreadCreate,    // lane: the thread
    ThreadBlock,
    ThreadRun,
    ThreadExit,
    Counter,         // text: counter name; value: its value
    // The load client's view of a request (lane Client; id: the client's request
    // number, in send order). Server-side numbers are arrival order, so they differ.
    RequestSend,     // connection open and request written; value: when it was due (ns, on ts's clock)
    RequestDone,     // answered or failed; value: the server's request number (0 if
                     // unknown); text: the HTTP status ("200") or what went wrong
    // A forked cluster worker's process.send() (text: the message as JSON) or, with value
    // kProcessDisconnect, its process.disconnect(): in its event stream, so its primary
    // gets them after the lines it logged before. The primary consumes them (ClusterForks).
    ProcessMessage,
};

inline constexpr std::int64_t kProcessDisconnect = 1;

// The libuv phases, in the order uv_run visits them, plus the main script.
enum class Phase : std::uint8_t {
    None,
    MainScript,
    Timers,
    Pending,
    IdlePrepare,
    Poll,
    Check,
    Close,
};

enum class QueueKind : std::uint8_t {
    None,
    NextTick,
    Microtask,
    Timers,
    Pending,
    Poll,      // I/O completions waiting for the poll phase
    Check,     // setImmediate
    Close,
    PoolFifo,  // jobs waiting for a free pool worker
};

enum class LaneKind : std::uint8_t {
    Main,        // the JavaScript thread (the loop)
    PoolWorker,  // libuv thread-pool worker `index` (0-based)
    Kernel,      // network I/O the kernel waits for
    Worker,      // worker_threads `index`
    Thread,      // thread-per-request thread `index`
    Client,      // the load client
};

enum class EngineKind : std::uint8_t { EventLoop, ThreadPerRequest, Model };

struct Lane {
    LaneKind kind = LaneKind::Main;
    std::uint16_t process = 0;  // cluster process (0-based)
    std::uint32_t index = 0;
    friend bool operator==(const Lane&, const Lane&) = default;
};

// The text of a RunEnd whose run was cut at runtime.horizon rather than finishing.
inline constexpr const char* kStoppedAtHorizon = "stopped at the horizon";
// A run stops once it has made this many events on its JavaScript thread (a program that
// logs or schedules without end), so that a run cannot exhaust the memory of the window
// showing it (about 30 bytes an event there); the RunEnd's text then says so. Enough for
// a million timers armed and run (six million events).
inline constexpr std::int64_t kMaxRunEvents = 8'000'000;
// The RunEnd's text of a run stopped at `limit` events ("stopped after 8,000,000 events: ...").
std::string stoppedAtEventLimit(std::int64_t limit);
bool isStoppedAtEventLimit(std::string_view endText);

struct TraceEvent {
    Nanoseconds ts = 0;               // since run start
    EventKind kind = EventKind::Log;
    Phase phase = Phase::None;
    QueueKind queue = QueueKind::None;
    Lane lane;
    std::uint64_t id = 0;             // callback / job / request id
    std::uint64_t cause = 0;          // id of the step that scheduled it (flow start)
    SourceLocation step;              // the scenario step it came from
    std::int64_t value = 0;
    std::string text;
};

using Trace = std::vector<TraceEvent>;

// Moves an event a cluster process recorded into its cluster's trace: its lane becomes the
// process's, and its callback and job ids (each process numbers its own from 1) are made
// unique over the processes, so that no two processes' callbacks share an id.
void placeInProcess(TraceEvent& event, std::uint16_t process);

const char* eventKindName(EventKind kind);
const char* phaseName(Phase phase);
const char* queueName(QueueKind queue);
std::string laneName(const Lane& lane);

}  // namespace loopscope
