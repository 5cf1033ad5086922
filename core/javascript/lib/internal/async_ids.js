// Node's async ids, as programs see them on Timeout and Immediate objects
// ([Symbol(asyncId)], [Symbol(triggerId)]) and from AsyncResource: the main script is 1 and
// every new async resource takes the next number - each Timeout, Immediate and nextTick,
// an AsyncResource, process.stdout or process.stderr when first made (a pipe's handle),
// and the nextTick a stream's write schedules for its 'afterWrite' when none is pending,
// which console writes show as one id for the writes of one callback (or the main script).
// The id of what runs now is the main script's (1), a Timeout's or Immediate's while its
// callback runs, and 0 between callbacks. What differs from Node: ids Node gives to other
// resources (fs requests, sockets, servers) are not taken, and nextTick callbacks and the
// microtasks right after the main script run as the main script (Node: the tick's own id,
// and 0 for microtasks).
'use strict';

let lastAsyncId = 1;
let runningAsyncId = 1;
let afterWriteTickPending = false;

function newAsyncId() {
  return ++lastAsyncId;
}

function executionAsyncId() {
  return runningAsyncId;
}

function noteConsoleWrite() {
  if (!afterWriteTickPending) {
    afterWriteTickPending = true;
    newAsyncId();
  }
}

// A Timeout's or Immediate's callback starts (enter: the ticks of the one before have run)
// and has returned or thrown (leave).
function enter(asyncId) {
  runningAsyncId = asyncId;
  afterWriteTickPending = false;
}

function leave() {
  runningAsyncId = 0;
}

module.exports = { newAsyncId, executionAsyncId, noteConsoleWrite, enter, leave };
