// setTimeout / setInterval / setImmediate and their Timeout and Immediate objects, as
// Node 20's lib/timers.js has them; the lists and the loop are the runtime's (natives).
'use strict';

const natives = require('internal:binding');
const asyncContext = require('internal/async_context');
const { noteReceiver } = require('internal/callback_receivers');
const asyncIds = require('internal/async_ids');

const TIMEOUT_MAX = 2 ** 31 - 1;
const kRefed = Symbol('refed');
const kHasPrimitive = Symbol('kHasPrimitive');
const kAsyncId = Symbol('asyncId');
const kTriggerId = Symbol('triggerId');
// The number the runtime knows a Timeout or Immediate by (not enumerable: not printed).
const kRuntimeId = Symbol('runtimeId');
// Every pending Timeout and Immediate by the id the runtime gave it: the runtime holds only
// the number, so the engine's garbage collector never scans a root per timer.
const knownTimersById = new Map();
const immediatesById = new Map();
// Timeouts turned into numbers (their async ids), which clearTimeout accepts, as Node's.
const timersByPrimitive = new Map();
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

// The loop's clock as Node's getLibuvNow(): milliseconds since the runtime started.
const loopClockBase = natives.loopNow();

function loopClock() {
  return natives.loopNow() - loopClockBase;
}

// Node keeps pending Timeouts in one linked list per duration (newest first), and printed
// Timeouts show their neighbours there (_idlePrev, _idleNext: the list or another Timeout);
// the runtime schedules them, these lists only give the objects Node's links.
class TimersList {
  constructor(expiry, msecs) {
    this._idleNext = this;
    this._idlePrev = this;
    this.expiry = expiry;
    this.id = 0;
    this.msecs = msecs;
    this.priorityQueuePosition = null;
  }
}

const timerListsByDuration = new Map();

function linkTimer(timer) {
  const msecs = timer._idleTimeout;
  timer._idleStart = loopClock();
  let list = timerListsByDuration.get(msecs);
  if (list === undefined) {
    list = new TimersList(timer._idleStart + msecs, msecs);
    timerListsByDuration.set(msecs, list);
  }
  timer._idleNext = list._idleNext;
  list._idleNext._idlePrev = timer;
  timer._idlePrev = list;
  list._idleNext = timer;
}

function unlinkTimer(timer) {
  if (timer._idleNext === null)
    return;
  timer._idleNext._idlePrev = timer._idlePrev;
  timer._idlePrev._idleNext = timer._idleNext;
  timer._idleNext = null;
  timer._idlePrev = null;
  const list = timerListsByDuration.get(timer._idleTimeout);
  if (list !== undefined && list._idleNext === list)
    timerListsByDuration.delete(timer._idleTimeout);
}

class Timeout {
  constructor(callback, after, args, repeat, kind) {
    after = delayOf(after);
    this._idleTimeout = after;
    this._idlePrev = this;
    this._idleNext = this;
    this._idleStart = null;
    this._onTimeout = callback;
    noteReceiver(callback, this);
    this._timerArgs = args;
    this._repeat = repeat ? after : null;
    this._destroyed = false;
    this[kRefed] = true;
    this[kHasPrimitive] = false;
    this[kAsyncId] = asyncIds.newAsyncId();
    this[kTriggerId] = asyncIds.executionAsyncId();
    const id = natives.setTimer(after, repeat, `${kind}(${nameOf(callback)}, ${after})`);
    Object.defineProperty(this, kRuntimeId, { value: id });
    knownTimersById.set(id, this);
    linkTimer(this);
    remember(this);
  }

  refresh() {
    if (!this._destroyed) {
      natives.refreshTimer(this[kRuntimeId]);
      unlinkTimer(this);
      linkTimer(this);
    }
    return this;
  }

  unref() {
    this[kRefed] = false;
    natives.refTimer(this[kRuntimeId], false);
    return this;
  }

  ref() {
    this[kRefed] = true;
    natives.refTimer(this[kRuntimeId], true);
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
    const id = this[kAsyncId];
    if (!this[kHasPrimitive]) {
      this[kHasPrimitive] = true;
      timersByPrimitive.set(id, this);
    }
    return id;
  }

  // Node prints a Timeout one level deep: its list neighbours show as [TimersList] or [Timeout].
  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    return inspect(this, { ...options, depth: 0, customInspect: false });
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
    timer = timersByPrimitive.get(Number(timer));
  if (!(timer instanceof Timeout) || !timer._onTimeout)
    return;
  // As Node's: a Timeout that has fired keeps its duration, and lets go of its callback.
  timer._onTimeout = null;
  if (!timer._destroyed) {
    unlinkTimer(timer);
    timer._idleTimeout = -1;
    timer._destroyed = true;
    forgetTimer(timer);
    natives.clearTimer(timer[kRuntimeId]);
  }
}

function forgetTimer(timer) {
  knownTimersById.delete(timer[kRuntimeId]);
  if (timer[kHasPrimitive])
    timersByPrimitive.delete(timer[kAsyncId]);
}

// The runtime calls runTimer, then afterTimer whether the callback threw or not: Node's
// try/finally here, which the engine would report as the place of a callback's uncaught
// error (it rethrows from the finally block, where V8 keeps the first throw's place).
function runTimer(id) {
  const timer = knownTimersById.get(id);
  if (timer === undefined)
    return;
  unlinkTimer(timer);
  asyncIds.enter(timer[kAsyncId]);
  callIn(timer, timer._onTimeout, timer._timerArgs);
}

function afterTimer(id) {
  asyncIds.leave();
  const timer = knownTimersById.get(id);
  if (timer === undefined || timer._destroyed)
    return;
  if (natives.timerIsActive(id)) {
    // An interval rearmed, or a Timeout refreshed in its own callback.
    if (timer._idleNext === null)
      linkTimer(timer);
  } else if (!timer._repeat) {
    timer._destroyed = true;
    forgetTimer(timer);
  }
}

// Node's queue of Immediates not yet run (ImmediateList), whose links printed Immediates
// show: a check phase takes the whole queue, and new ones start the next one.
const immediateQueue = { head: null, tail: null };

function unlinkImmediate(immediate) {
  if (immediate._idleNext)
    immediate._idleNext._idlePrev = immediate._idlePrev;
  if (immediate._idlePrev)
    immediate._idlePrev._idleNext = immediate._idleNext;
  if (immediate === immediateQueue.head)
    immediateQueue.head = immediate._idleNext;
  if (immediate === immediateQueue.tail)
    immediateQueue.tail = immediate._idlePrev;
  immediate._idleNext = null;
  immediate._idlePrev = null;
}

class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    noteReceiver(callback, this);
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = true;
    this[kAsyncId] = asyncIds.newAsyncId();
    this[kTriggerId] = asyncIds.executionAsyncId();
    const id = natives.setImmediate(`setImmediate(${nameOf(callback)})`);
    Object.defineProperty(this, kRuntimeId, { value: id });
    immediatesById.set(id, this);
    if (immediateQueue.tail !== null) {
      immediateQueue.tail._idleNext = this;
      this._idlePrev = immediateQueue.tail;
    } else {
      immediateQueue.head = this;
    }
    immediateQueue.tail = this;
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
    return !!this[kRefed];
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
    immediate[kRefed] = null;
    unlinkImmediate(immediate);
    immediatesById.delete(immediate[kRuntimeId]);
    natives.clearImmediate(immediate[kRuntimeId]);
  }
}

function runImmediate(id) {
  const immediate = immediatesById.get(id);
  immediatesById.delete(id);
  if (immediate === undefined || immediate._destroyed)
    return;
  // The first of a check phase: the queue is this phase's now, as Node's processImmediate
  // takes it (its Immediates keep their links).
  if (immediate === immediateQueue.head)
    immediateQueue.head = immediateQueue.tail = null;
  immediate._destroyed = true;
  immediate[kRefed] = null;
  asyncIds.enter(immediate[kAsyncId]);
  try {
    callIn(immediate, immediate._onImmediate, immediate._argv);
  } finally {
    // Node's processImmediate lets go of the callback once it has run.
    immediate._onImmediate = null;
    asyncIds.leave();
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
    if (timer[kRefed] && !timer._destroyed && natives.timerIsActive(timer[kRuntimeId]))
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
