// The async context AsyncLocalStorage reads (Node's async_context_frame, kept in
// JsAsyncContext): a Map from each store to its value, replaced, never changed, by run() and
// enterWith(). A callback runs in the context current when it was scheduled: the library
// captures it for nextTick, queueMicrotask, timers, immediates and every native request
// with a callback (fs, crypto, zlib, dns, net, http, workers); the microtask queue does it
// for promise reactions. Until a program loads async_hooks nothing is captured.
'use strict';

const natives = require('internal:binding');

let tracking = false;

// The natives whose function arguments are callbacks that come back later.
const kCallbackNatives = ['nextTick', 'queueMicrotask', 'operation', 'httpRequest', 'httpListen', 'tcpListen',
  'tcpConnect', 'tcpReadStart', 'tcpWrite', 'tcpShutdown', 'tcpClose', 'fsWatchStart', 'signalWatch', 'workerStart',
  'stdinOpen', 'childSpawn'];

function current() {
  return tracking ? natives.asyncContext() : undefined;
}

function runIn(context, callback, self, args) {
  const outer = natives.asyncContext();
  natives.setAsyncContext(context);
  try {
    return Reflect.apply(callback, self, args);
  } finally {
    natives.setAsyncContext(outer);
  }
}

// `callback` bound to the context current now (itself when nothing is tracked).
function bind(callback) {
  if (!tracking || typeof callback !== 'function')
    return callback;
  const context = natives.asyncContext();
  return function bound(...args) {
    return runIn(context, callback, this, args);
  };
}

function startTracking() {
  if (tracking)
    return;
  tracking = true;
  natives.trackAsyncContext();
  for (const name of kCallbackNatives) {
    const original = natives[name];
    if (typeof original === 'function')
      natives[name] = (...args) => original(...args.map(bind));
  }
}

module.exports = { current, runIn, bind, startTracking, isTracking: () => tracking };
