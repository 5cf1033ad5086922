// The two ends of one worker_threads Worker: what the parent gave it (its script, its
// workerData) and the messages between the parent's loop and the worker's. Messages are
// structured-clone tapes (lib/internal/worker/serialize.js): plain bytes, so that each side
// rebuilds the value in its own JavaScript context.
//
// The parent owns the link; the worker thread attaches its runtime while its loop runs, so
// that a message posted before the worker started, or after it ended, is kept or dropped
// rather than sent to a loop that is not there.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include <jsapi.h>

#include "TraceSink.h"

namespace loopscope {

class NodeRuntime;

// What a worker tells its parent, in the order it happened.
struct WorkerReport {
    enum class Kind {
        Online,   // the worker's JavaScript is about to run its script
        Message,  // parentPort.postMessage: `payload` is the tape
        Error,    // an uncaught exception: `payload` is the error's tape
        Log,      // console lines: `lines`, each with its OutputStream
        Exit,     // the worker's loop has ended: `code` is its exit code
    };
    Kind kind = Kind::Message;
    std::string payload;
    std::vector<std::pair<std::string, std::int64_t>> lines;
    int code = 0;
};

class WorkerLink {
public:
    struct Script {
        std::uint64_t threadId = 0;
        std::string filename;  // the worker's main file, or "[worker eval]"
        bool isEval = false;
        std::string evalSource;
        std::string workerData;  // tape
    };
    // `root`: the process's trace and its time 0, where the worker's lane is drawn.
    WorkerLink(Script script, TraceSink& root, Nanoseconds rootStart, std::function<void(WorkerReport)> toParent)
        : script_(std::move(script)), root_(root), rootStart_(rootStart), toParent_(std::move(toParent)) {}

    const Script& script() const { return script_; }
    TraceSink& root() const { return root_; }
    Nanoseconds rootStart() const { return rootStart_; }

    // ---- on the worker's thread
    // The worker's loop runs: messages from the parent reach `deliver` on it (those
    // posted before are delivered now) and terminate() can interrupt `cx`.
    void attach(NodeRuntime& runtime, JSContext* cx, std::function<void(std::string)> deliver);
    // The worker's loop is ending: later messages from the parent are dropped.
    void detach();
    void report(WorkerReport report) const { toParent_(std::move(report)); }
    bool terminating() const { return terminating_.load(); }
    // A console line of the worker. As Node's worker stdout, it goes to the parent at once
    // unless lines sent before are still unwritten there; then it waits (and keeps the
    // worker's loop alive) until the parent has written those.
    void writeLine(std::string text, std::int64_t stream);

    // ---- on the parent's thread
    void postToWorker(std::string tape);
    // worker.terminate(): the worker stops at its next callback, or at once if it is
    // running JavaScript, and exits with code 1.
    void terminate();
    // The parent has written the worker's last lines: the next may come.
    void linesWritten();

private:
    const Script script_;
    TraceSink& root_;
    const Nanoseconds rootStart_;
    const std::function<void(WorkerReport)> toParent_;
    std::atomic<bool> terminating_{false};
    std::mutex mutex_;
    NodeRuntime* runtime_ = nullptr;  // guarded by mutex_, as are the three below
    JSContext* cx_ = nullptr;
    std::function<void(std::string)> deliver_;
    std::vector<std::string> early_;  // posted before attach()
    bool ended_ = false;
    // On the worker's thread only.
    void sendHeldLines();
    bool awaitingParent_ = false;
    std::vector<std::pair<std::string, std::int64_t>> heldLines_;
};

}  // namespace loopscope
