// The object a callback is called on when the library calls it (a Timeout, an Immediate, an
// EventEmitter), noted when the callback is handed over: V8 names an async function's frame
// after the receiver of its call ("at async Timeout._onTimeout", "at async Server.<anonymous>"),
// and an error's async frames are made from the function alone (internal/frame_receivers.js).
'use strict';

const receivers = new WeakMap();  // async callback -> the object the library calls it on
const AsyncFunctionPrototype = Object.getPrototypeOf(async function () {});

// Only an async function has async frames: a WeakMap entry for every timer would cost a
// timer-heavy program a sixth of its time.
function noteReceiver(callback, receiver) {
  if (typeof callback === 'function' && Object.getPrototypeOf(callback) === AsyncFunctionPrototype)
    receivers.set(callback, receiver);
}

function receiverOf(callback) {
  return receivers.get(callback);
}

module.exports = { noteReceiver, receiverOf };
