// Node's `timers/promises`: setTimeout, setImmediate and setInterval that settle
// promises, and scheduler.wait / scheduler.yield, over the `timers` module.
// An `options.signal` is anything with `aborted` and addEventListener (an
// AbortSignal where the program has one).
//
// Ported from Node.js v20 (lib/timers/promises.js).
// Copyright Node.js contributors. MIT licence: see the notice in util.js.
'use strict';

const timers = require('timers');
const {
  AbortError,
  invalidArgTypeError,
  invalidThisError,
  makeNodeError,
  validateBoolean,
  validateNumber,
  validateObject,
} = require('internal/errors');

const kScheduler = Symbol('kScheduler');
const kEmptyObject = Object.freeze({ __proto__: null });

function validateAbortSignal(signal, name) {
  if (signal !== undefined &&
      (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw invalidArgTypeError(name, 'AbortSignal', signal);
  }
}

function cancelListenerHandler(clear, reject, signal) {
  if (!this._destroyed) {
    clear(this);
    reject(new AbortError(undefined, { cause: signal === undefined ? undefined : signal.reason }));
  }
}

function validateOptions(options) {
  validateObject(options, 'options');

  if (typeof options.signal !== 'undefined') {
    validateAbortSignal(options.signal, 'options.signal');
  }

  if (typeof options.ref !== 'undefined') {
    validateBoolean(options.ref, 'options.ref');
  }
}

function setTimeout(after, value, options = kEmptyObject) {
  try {
    if (typeof after !== 'undefined') {
      validateNumber(after, 'delay');
    }
    validateOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }

  const { signal, ref = true } = options;

  if (signal && signal.aborted) {
    return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
  }

  let oncancel;
  const ret = new Promise((resolve, reject) => {
    const timeout = timers.setTimeout(resolve, after, value);
    if (!ref) timeout.unref();
    if (signal) {
      oncancel = cancelListenerHandler.bind(timeout, timers.clearTimeout, reject, signal);
      signal.addEventListener('abort', oncancel, { __proto__: null });
    }
  });
  return oncancel !== undefined ?
    ret.finally(() => signal.removeEventListener('abort', oncancel)) : ret;
}

function setImmediate(value, options = kEmptyObject) {
  try {
    validateOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }

  const { signal, ref = true } = options;

  if (signal && signal.aborted) {
    return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
  }

  let oncancel;
  const ret = new Promise((resolve, reject) => {
    const immediate = timers.setImmediate(resolve, value);
    if (!ref) immediate.unref();
    if (signal) {
      oncancel = cancelListenerHandler.bind(immediate, timers.clearImmediate, reject, signal);
      signal.addEventListener('abort', oncancel, { __proto__: null });
    }
  });
  return oncancel !== undefined ?
    ret.finally(() => signal.removeEventListener('abort', oncancel)) : ret;
}

async function* setInterval(after, value, options = kEmptyObject) {
  if (typeof after !== 'undefined') {
    validateNumber(after, 'delay');
  }
  validateOptions(options);

  const { signal, ref = true } = options;

  if (signal && signal.aborted) {
    throw new AbortError(undefined, { cause: signal.reason });
  }

  let onCancel;
  let interval;
  try {
    let notYielded = 0;
    let callback;
    interval = timers.setInterval(() => {
      notYielded++;
      if (callback) {
        callback();
        callback = undefined;
      }
    }, after);
    if (!ref) interval.unref();
    if (signal) {
      onCancel = () => {
        timers.clearInterval(interval);
        if (callback) {
          callback(Promise.reject(new AbortError(undefined, { cause: signal.reason })));
          callback = undefined;
        }
      };
      signal.addEventListener('abort', onCancel, { __proto__: null, once: true });
    }

    while (!(signal && signal.aborted)) {
      if (notYielded === 0) {
        await new Promise((resolve) => callback = resolve);
      }
      for (; notYielded > 0; notYielded--) {
        yield value;
      }
    }
    throw new AbortError(undefined, { cause: signal && signal.reason });
  } finally {
    timers.clearInterval(interval);
    if (signal)
      signal.removeEventListener('abort', onCancel);
  }
}

// The scheduling API being discussed by WICG: scheduler.yield() and
// scheduler.wait() are the awaitable setImmediate and setTimeout.
class Scheduler {
  constructor() {
    throw makeNodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  }

  yield() {
    if (!this[kScheduler])
      throw invalidThisError('Scheduler');
    return setImmediate();
  }

  wait(delay, options) {
    if (!this[kScheduler])
      throw invalidThisError('Scheduler');
    return setTimeout(delay, undefined, options);
  }
}

module.exports = {
  setTimeout,
  setImmediate,
  setInterval,
  scheduler: Reflect.construct(function() {
    this[kScheduler] = true;
  }, [], Scheduler),
};
