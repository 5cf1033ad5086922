// The steps through which the runtime calls a nextTick callback or a microtask, standing for
// the functions of Node's drain (lib/internal/process/task_queues.js) that an error's stack
// shows below them. The runtime's drain (CallbackQueues) says where it stands: who drains
// (the callback scope after a callback the loop ran, or runNextTicks() before the next timer
// of a list, the next list of timers, the next immediate) and whether it has reached
// processTicksAndRejections(). Microtasks that V8 runs natively (the callback scope's
// first pass) are called directly by the runtime, with no step at all.
//
// Each step is named after its place ("loop:tick2", "immediate:microtask"): internal/
// stack_frames.js writes Node's frames for that name (nodeDrainFrames).
'use strict';

// In the order of the runtime's DrainCaller.
const callers = ['loop', 'timer', 'timerList', 'immediate'];

// Node calls a tick's callback with its arguments spelled out up to four, spread beyond.
function stepsOf(caller) {
  const steps = {
    [`${caller}:tick0`](callback) { return callback(); },
    [`${caller}:tick1`](callback, args) { return callback(args[0]); },
    [`${caller}:tick2`](callback, args) { return callback(args[0], args[1]); },
    [`${caller}:tick3`](callback, args) { return callback(args[0], args[1], args[2]); },
    [`${caller}:tick4`](callback, args) { return callback(args[0], args[1], args[2], args[3]); },
    [`${caller}:tickSpread`](callback, args) { return callback(...args); },
    // runMicrotasks() inside processTicksAndRejections()
    [`${caller}:microtask`](job) { return job(); },
    // runNextTicks()' own runMicrotasks(), before any tick
    [`${caller}:firstMicrotask`](job) { return job(); },
  };
  return Object.values(steps);
}
// The runtime calls step number caller * 8 + kind: kind 0-4 a tick with that many
// arguments, 5 with more, 6 a microtask in processTicksAndRejections(), 7 one before it.
const drainSteps = callers.flatMap(stepsOf);

// Node runs a queueMicrotask callback in an AsyncResource of its own.
function queuedMicrotask(callback) {
  return function runQueuedMicrotask() {
    return callback();
  };
}

module.exports = { drainSteps, queuedMicrotask };
