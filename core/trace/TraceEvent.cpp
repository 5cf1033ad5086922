#include "TraceEvent.h"

namespace loopscope {

void placeInProcess(TraceEvent& event, std::uint16_t process) {
    event.lane.process = process;
    // Above a process's own ids, worker threads' included (theirs are threadId << 40).
    const std::uint64_t tag = std::uint64_t(process) << 48;
    switch (event.kind) {
    case EventKind::RequestArrive:
    case EventKind::RequestRespond:
    case EventKind::RequestSend:
    case EventKind::RequestDone:
        break;  // request numbers are the cluster's already
    default:
        if (event.id != 0)
            event.id |= tag;
    }
    if (event.cause != 0)
        event.cause |= tag;
}

const char* eventKindName(EventKind kind) {
    switch (kind) {
    case EventKind::RunBegin: return "run begin";
    case EventKind::RunEnd: return "run end";
    case EventKind::LoopIteration: return "loop iteration";
    case EventKind::PhaseEnter: return "phase enter";
    case EventKind::PhaseLeave: return "phase leave";
    case EventKind::CallbackBegin: return "callback begin";
    case EventKind::CallbackEnd: return "callback end";
    case EventKind::FramePush: return "frame push";
    case EventKind::FramePop: return "frame pop";
    case EventKind::Enqueue: return "enqueue";
    case EventKind::Dequeue: return "dequeue";
    case EventKind::WorkBegin: return "work begin";
    case EventKind::WorkEnd: return "work end";
    case EventKind::IoBegin: return "io begin";
    case EventKind::IoEnd: return "io end";
    case EventKind::Log: return "log";
    case EventKind::RequestArrive: return "request arrive";
    case EventKind::RequestRespond: return "request respond";
    case EventKind::ThreadCreate: return "thread create";
    case EventKind::ThreadBlock: return "thread block";
    case EventKind::ThreadRun: return "thread run";
    case EventKind::ThreadExit: return "thread exit";
    case EventKind::Counter: return "counter";
    case EventKind::RequestSend: return "request send";
    case EventKind::RequestDone: return "request done";
    case EventKind::ProcessMessage: return "process message";
    }
    return "?";
}

const char* phaseName(Phase phase) {
    switch (phase) {
    case Phase::None: return "none";
    case Phase::MainScript: return "main script";
    case Phase::Timers: return "timers";
    case Phase::Pending: return "pending";
    case Phase::IdlePrepare: return "idle, prepare";
    case Phase::Poll: return "poll";
    case Phase::Check: return "check";
    case Phase::Close: return "close";
    }
    return "?";
}

std::string laneName(const Lane& lane) {
    std::string prefix = lane.process > 0 ? "process " + std::to_string(lane.process + 1) + " " : "";
    switch (lane.kind) {
    case LaneKind::Main: return prefix + "main thread";
    case LaneKind::PoolWorker: return prefix + "pool worker " + std::to_string(lane.index + 1);
    case LaneKind::Kernel: return prefix + "kernel (network)";
    case LaneKind::Worker: return prefix + "worker thread " + std::to_string(lane.index + 1);
    case LaneKind::Thread: return prefix + "thread " + std::to_string(lane.index + 1);
    case LaneKind::Client: return "load client";
    }
    return "?";
}

namespace {
constexpr std::string_view kEventLimitEnd = " events: the program logs or schedules without end";
}

std::string stoppedAtEventLimit(std::int64_t limit) {
    std::string digits = std::to_string(limit);
    for (auto at = std::ptrdiff_t(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(std::size_t(at), ",");
    return "stopped after " + digits + std::string(kEventLimitEnd);
}

bool isStoppedAtEventLimit(std::string_view endText) {
    return endText.starts_with("stopped after ") && endText.ends_with(kEventLimitEnd);
}

}  // namespace loopscope
