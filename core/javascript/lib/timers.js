// setTimeout / setInterval / setImmediate and their Timeout and Immediate objects, as
// Node 20's lib/timers.js has them; the lists and the loop are the runtime's (natives).
'use strict';

const natives = require('internal:binding');
const asyncContext = require('internal/async_context');
const { noteReceiver } = require('internal/callback_receivers');

const TIMEOUT_MAX = 2 ** 31 - 1;
const kRefed = Symbol('refed');
// Every pending Timeout and Immediate by the id the runtime gave it: the runtime holds only
// the number, so the engine's garbage collector never scans a root per timer.
const knownTimersById = new Map();
const immediatesById = new Map();
// The async context each Timeout and Immediate was made in, while async_hooks is in use.
const contexts = new WeakMap();

function remember(timer) {
  if (asyncContext.isTracking())
    contexts.set(timer, asyncContext.current());
}

// Node calls a callback given arguments from another line (internal/stack_frames.js tells them
// apart by the comment).
function callIn(timer, callback, args) {
  const inContext = contexts.has(timer);
  if (args === undefined)
    return inContext ? asyncContext.runIn(contexts.get(timer), callback, timer, []) : callback.call(timer);
  return inContext ? asyncContext.runIn(contexts.get(timer), callback, timer, args) : callback.apply(timer, args);  // with arguments
}

function describe(value) {
  if (value === null)
    return 'null';
  if (typeof value === 'function')
    return `function ${value.name}`;
  if (typeof value === 'object')
    return value.constructor && value.constructor.name ? `an instance of ${value.constructor.name}` : 'an object';
  if (typeof value === 'string')
    return `type string ('${value.length > 25 ? value.slice(0, 25) + '...' : value}')`;
  if (typeof value === 'undefined')
    return 'undefined';
  return `type ${typeof value} (${String(value)})`;
}

function validateCallback(callback) {
  if (typeof callback !== 'function') {
    const { makeNodeError } = require('util')[Symbol.for('loopscope.util.internals')];
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
                        `The "callback" argument must be of type function. Received ${describe(callback)}`);
  }
}

function nameOf(callback) {
  return callback.name || 'anonymous';
}

function delayOf(after) {
  after *= 1;
  if (!(after >= 1 && after <= TIMEOUT_MAX)) {
    if (after > TIMEOUT_MAX) {
      process.emitWarning(`${after} does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.`,
                          'TimeoutOverflowWarning');
    }
    after = 1;
  }
  return after;
}

class Timeout {
  constructor(callback, after, args, repeat, kind) {
    after = delayOf(after);
    this._idleTimeout = after;
    this._onTimeout = callback;
    noteReceiver(callback, this);
    this._timerArgs = args;
    this._repeat = repeat ? after : null;
    this._destroyed = false;
    this[kRefed] = true;
    this._id = natives.setTimer(after, repeat, `${kind}(${nameOf(callback)}, ${after})`);
    knownTimersById.set(this._id, this);
    remember(this);
  }

  refresh() {
    if (!this._destroyed)
      natives.refreshTimer(this._id);
    return this;
  }

  unref() {
    this[kRefed] = false;
    natives.refTimer(this._id, false);
    return this;
  }

  ref() {
    this[kRefed] = true;
    natives.refTimer(this._id, true);
    return this;
  }

  hasRef() {
    return this[kRefed];
  }

  close() {
    clearTimeout(this);
    return this;
  }

  [Symbol.toPrimitive]() {
    return this._id;
  }
}

function setTimeout(callback, after, ...args) {
  validateCallback(callback);
  return new Timeout(callback, after, args.length ? args : undefined, false, 'setTimeout');
}

function setInterval(callback, repeat, ...args) {
  validateCallback(callback);
  return new Timeout(callback, repeat, args.length ? args : undefined, true, 'setInterval');
}

function clearTimeout(timer) {
  if (typeof timer === 'number' || typeof timer === 'string')
    timer = knownTimersById.get(Number(timer));
  if (timer instanceof Timeout && !timer._destroyed) {
    timer._onTimeout = null;
    timer._destroyed = true;
    knownTimersById.delete(timer._id);
    natives.clearTimer(timer._id);
  }
}

// The runtime calls runTimer, then afterTimer whether the callback threw or not: Node's
// try/finally here, which the engine would report as the place of a callback's uncaught
// error (it rethrows from the finally block, where V8 keeps the first throw's place).
function runTimer(id) {
  const timer = knownTimersById.get(id);
  if (timer === undefined)
    return;
  callIn(timer, timer._onTimeout, timer._timerArgs);
}

function afterTimer(id) {
  const timer = knownTimersById.get(id);
  if (timer !== undefined && !timer._repeat && !timer._destroyed && !natives.timerIsActive(timer._id)) {
    timer._destroyed = true;
    knownTimersById.delete(timer._id);
  }
}

class Immediate {
  constructor(callback, args) {
    this._onImmediate = callback;
    noteReceiver(callback, this);
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = true;
    this._id = natives.setImmediate(`setImmediate(${nameOf(callback)})`);
    immediatesById.set(this._id, this);
    remember(this);
  }

  ref() {
    this[kRefed] = true;
    return this;
  }

  unref() {
    this[kRefed] = false;
    return this;
  }

  hasRef() {
    return this[kRefed];
  }
}

function setImmediate(callback, ...args) {
  validateCallback(callback);
  return new Immediate(callback, args.length ? args : undefined);
}

// Node declares its arguments (callback, after, arg1, arg2, arg3): programs that print a
// function's length see those counts.
Object.defineProperty(setTimeout, 'length', { value: 5 });
Object.defineProperty(setInterval, 'length', { value: 5 });
Object.defineProperty(setImmediate, 'length', { value: 4 });

function clearInterval(timer) {
  clearTimeout(timer);
}

function clearImmediate(immediate) {
  if (immediate instanceof Immediate && !immediate._destroyed) {
    immediate._destroyed = true;
    immediate._onImmediate = null;
    immediatesById.delete(immediate._id);
    natives.clearImmediate(immediate._id);
  }
}

function runImmediate(id) {
  const immediate = immediatesById.get(id);
  immediatesById.delete(id);
  if (immediate === undefined || immediate._destroyed)
    return;
  immediate._destroyed = true;
  try {
    callIn(immediate, immediate._onImmediate, immediate._argv);
  } finally {
    // Node's processImmediate lets go of the callback once it has run.
    immediate._onImmediate = null;
  }
}

// util.promisify(setTimeout) is timers/promises' setTimeout, as in Node (loaded on first use:
// timers/promises needs this module).
for (const [timer, name] of [[setTimeout, 'setTimeout'], [setImmediate, 'setImmediate']]) {
  Object.defineProperty(timer, Symbol.for('nodejs.util.promisify.custom'), {
    enumerable: true,
    get: () => require('timers/promises')[name],
  });
}

// process.getActiveResourcesInfo()'s tail, as Node's: 'Timeout' for each pending timer that
// keeps the program running, then 'Immediate' for each such immediate.
function activeResourceNames() {
  const names = [];
  for (const timer of knownTimersById.values()) {
    if (timer[kRefed] && !timer._destroyed && natives.timerIsActive(timer._id))
      names.push('Timeout');
  }
  for (const immediate of immediatesById.values()) {
    if (immediate[kRefed] && !immediate._destroyed)
      names.push('Immediate');
  }
  return names;
}

module.exports = {
  get promises() { return require('timers/promises'); },
  setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate,
  Timeout, Immediate,
  // for the library
  runTimer, afterTimer, runImmediate, validateCallback, nameOf, activeResourceNames,
};
