#include "LoopWait.h"

#include <QStringList>

namespace loopscope {
namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

// What the loop is waiting for: timers, network I/O, pool jobs and worker threads.
QStringList pending(const LoopState& state) {
    QStringList waits;
    const auto& timers = state.queue(QueueKind::Timers);
    if (!timers.empty()) {
        const QString first = QStringLiteral("the timer due at %1").arg(qs(formatDuration(timers.front().due)));
        waits << (timers.size() == 1 ? first : QStringLiteral("%1 (and %2 more)").arg(first).arg(timers.size() - 1));
    }
    if (!state.kernelIo.empty())
        waits << (state.kernelIo.size() == 1 ? QStringLiteral("1 network operation")
                                             : QStringLiteral("%1 network operations").arg(state.kernelIo.size()));
    const int jobs = state.poolBusy() + int(state.queue(QueueKind::PoolFifo).size());
    if (jobs > 0)
        waits << (jobs == 1 ? QStringLiteral("1 thread-pool job") : QStringLiteral("%1 thread-pool jobs").arg(jobs));
    const int workers = state.workersBusy();
    if (workers > 0)
        waits << (workers == 1 ? QStringLiteral("1 worker thread") : QStringLiteral("%1 worker threads").arg(workers));
    return waits;
}

// The first queue whose callbacks can run without waiting, or None.
QueueKind readyQueue(const LoopState& state) {
    for (QueueKind kind : {QueueKind::NextTick, QueueKind::Microtask, QueueKind::Pending, QueueKind::Poll,
                           QueueKind::Check, QueueKind::Close})
        if (!state.queue(kind).empty())
            return kind;
    return QueueKind::None;
}

}  // namespace

QString loopWaitText(const LoopState& state) {
    if (!state.started || state.engine != EngineKind::EventLoop)
        return {};
    if (state.finished && state.exitCode && *state.exitCode != 0)
        return QStringLiteral("The run has ended: the program exited with code %1 (its Console says why).")
            .arg(*state.exitCode);
    if (state.finished && !state.endNote.empty())
        return QStringLiteral("The run has ended: %1.").arg(QString::fromStdString(state.endNote));
    if (state.finished)
        return QStringLiteral("The run has ended: nothing was left to wait for, so the event loop exited.");
    if (!state.callStack.empty())
        return {};
    if (state.phase == Phase::MainScript || state.iteration == 0)
        return QStringLiteral("No JavaScript runs at this moment: the main script is about to start or has just ended.");
    const QString where = state.phase == Phase::None
                              ? QStringLiteral("between two phases of iteration %1").arg(state.iteration)
                              : QStringLiteral("in the %1 phase of iteration %2")
                                    .arg(QLatin1String(phaseName(state.phase)))
                                    .arg(state.iteration);
    QString text = QStringLiteral("No JavaScript runs: the event loop is %1").arg(where);
    const QueueKind ready = readyQueue(state);
    const QStringList waits = pending(state);
    if (ready != QueueKind::None)
        text += QStringLiteral(", about to run a callback of the %1 queue.").arg(QLatin1String(queueName(ready)));
    else if (state.phase == Phase::Poll && !waits.isEmpty())
        text += QStringLiteral(", waiting for %1.").arg(waits.join(QStringLiteral(", ")));
    else if (!waits.isEmpty())
        text += QStringLiteral("; it still waits for %1.").arg(waits.join(QStringLiteral(", ")));
    else
        text += QStringLiteral(", with nothing left to wait for.");
    return text;
}

}  // namespace loopscope
