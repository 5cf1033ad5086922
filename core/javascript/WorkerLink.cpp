#include "WorkerLink.h"

#include <js/Interrupt.h>

#include "NodeRuntime.h"

namespace loopscope {

void WorkerLink::attach(NodeRuntime& runtime, JSContext* cx, std::function<void(std::string)> deliver) {
    std::lock_guard lock(mutex_);
    runtime_ = &runtime;
    cx_ = cx;
    deliver_ = std::move(deliver);
    // Under the lock, so that they stay ahead of the parent's next message.
    for (auto& tape : early_)
        runtime.postFromThread([this, tape = std::move(tape)] { deliver_(tape); });
    early_.clear();
    if (terminating_)
        runtime.postFromThread([&runtime] { runtime.exitProgram(1); });
}

void WorkerLink::detach() {
    // Whatever the worker wrote still reaches the parent.
    if (!heldLines_.empty())
        report(WorkerReport{WorkerReport::Kind::Log, {}, std::move(heldLines_), 0});
    heldLines_.clear();
    if (awaitingParent_ && runtime_)
        runtime_->releaseLoop();
    awaitingParent_ = false;
    std::lock_guard lock(mutex_);
    runtime_ = nullptr;
    cx_ = nullptr;
    ended_ = true;
}

void WorkerLink::postToWorker(std::string tape) {
    std::lock_guard lock(mutex_);
    if (ended_)
        return;
    if (!runtime_) {
        early_.push_back(std::move(tape));
        return;
    }
    // deliver_ is only replaced by attach(), on the worker's thread, before any message runs.
    runtime_->postFromThread([this, tape = std::move(tape)] { deliver_(tape); });
}

void WorkerLink::terminate() {
    terminating_ = true;
    std::lock_guard lock(mutex_);
    if (!runtime_)
        return;
    NodeRuntime* runtime = runtime_;
    runtime->postFromThread([runtime] { runtime->exitProgram(1); });
    JS_RequestInterruptCallback(cx_);
}

}  // namespace loopscope

namespace loopscope {

void WorkerLink::writeLine(std::string text, std::int64_t stream) {
    // runtime_ is written on this thread only: reading it here needs no lock.
    if (awaitingParent_) {
        heldLines_.emplace_back(std::move(text), stream);
        return;
    }
    report(WorkerReport{WorkerReport::Kind::Log, {}, {{std::move(text), stream}}, 0});
    if (runtime_) {
        awaitingParent_ = true;
        runtime_->holdLoop();
    }
}

void WorkerLink::linesWritten() {
    std::lock_guard lock(mutex_);
    if (runtime_)
        runtime_->postFromThread([this] { sendHeldLines(); });
}

void WorkerLink::sendHeldLines() {
    if (!awaitingParent_)
        return;
    if (heldLines_.empty()) {
        awaitingParent_ = false;
        if (runtime_)
            runtime_->releaseLoop();
        return;
    }
    WorkerReport lines{WorkerReport::Kind::Log, {}, std::move(heldLines_), 0};
    heldLines_.clear();
    report(std::move(lines));
}

}  // namespace loopscope
