// What each queue is called, and what a callback that waited in it is called: the one
// table the loop state, the exporters and the pictures read.
#pragma once

#include "TraceEvent.h"

namespace loopscope {

struct QueueNames {
    QueueKind kind;
    const char* name;      // the queue: "nextTick" (queueName, the loop view's row titles)
    const char* callback;  // a callback taken from it: "nextTick callback" (the stack, trace viewers)
    const char* hint;      // what it holds, under its name in the loop view: "process.nextTick"
    const char* legend;    // what its colour means in a picture's legend: "process.nextTick"
};

// In QueueKind order, so that a kind indexes its row.
inline constexpr QueueNames kQueueNames[] = {
    {QueueKind::None, "none", "callback", "", "main script / call"},
    {QueueKind::NextTick, "nextTick", "nextTick callback", "process.nextTick", "process.nextTick"},
    {QueueKind::Microtask, "microtasks", "microtask", "promises, queueMicrotask", "promise microtask"},
    {QueueKind::Timers, "timers", "timer callback", "by due time", "timer callback"},
    {QueueKind::Pending, "pending", "pending callback", "deferred system callbacks", "pending callback"},
    {QueueKind::Poll, "poll", "I/O callback", "I/O callbacks", "I/O callback (poll)"},
    {QueueKind::Check, "check", "setImmediate callback", "setImmediate", "setImmediate (check)"},
    {QueueKind::Close, "close", "close callback", "'close' callbacks", "close callback"},
    {QueueKind::PoolFifo, "thread pool queue", "thread-pool callback", "jobs waiting for a worker", "pool callback"},
};

const QueueNames& queueNames(QueueKind queue);

// What a callback is called when nothing better is known: the main script itself, or
// the `callback` of the queue it came from.
const char* callbackLabel(QueueKind queue, Phase phase);

}  // namespace loopscope
