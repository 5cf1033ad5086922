'use strict';
// Runs the cases of cases2.js (buffer, encoding, structuredClone,
// timers/promises, assert) against the library files inside the SpiderMonkey
// shell and prints the results as one line of JSON: { section: [[label, text], ...] }.
//
//   js102 run-in-spidermonkey2.js <lib dir> <cases2.js> <working directory>
//
// check-lib2.js starts it and compares its output with Node's own modules.
// Each library file is compiled under the name "node:<name>", as the engine
// names it; the cases file under its own path, so that assert.ok can read the
// source of its calls (binding.readFile). The `timers` module here is a loop
// of this script's own: timers by due time, then immediates, microtasks
// drained after each callback; time is virtual.

/* global scriptArgs, read, newGlobal, print, evaluate, drainJobQueue, detachArrayBuffer */

const [libDir, casesFile, workingDirectory] = scriptArgs;

const warnings = [];
globalThis.process = {
  cwd: () => workingDirectory,
  env: {},
  pid: 1,
  emitWarning: (...args) => warnings.push(args),
  nextTick: (fn, ...args) => Promise.resolve().then(() => fn(...args)),
  stderr: { isTTY: false, columns: 80 },
  _exiting: false,
};

// Error stacks as the engine writes them (SpiderMonkey's V8 stack format, which
// the shell cannot switch on): "name: message", then "    at fn (file:1:2)".
const shellStack = Object.getOwnPropertyDescriptor(Error.prototype, 'stack');
Object.defineProperty(Error.prototype, 'stack', {
  get() {
    const frames = shellStack.get.call(this);
    if (typeof frames !== 'string')
      return frames;
    const name = this.name === undefined ? 'Error' : `${this.name}`;
    const message = this.message === undefined ? '' : `${this.message}`;
    const header = name === '' ? message : message === '' ? name : `${name}: ${message}`;
    const lines = frames.split('\n').filter((line) => line !== '').map((line) => {
      const at = line.indexOf('@');
      const fn = line.slice(0, at).replace(/^async\*/, '').replace(/[/<]+$/, '').replace(/.*\//, '');
      const location = line.slice(at + 1);
      return fn === '' ? `    at ${location}` : `    at ${fn} (${location})`;
    });
    return [header, ...lines].join('\n');
  },
  set: shellStack.set,
  configurable: true,
});

const debuggerGlobal = newGlobal({ newCompartment: true });
debuggerGlobal.debuggee = globalThis;
debuggerGlobal.eval(`
  const dbg = new Debugger();
  const debuggeeGlobal = dbg.addDebuggee(debuggee);
  function unwrap(value) {
    return value instanceof Debugger.Object ? value.unsafeDereference() : value;
  }
  function reflect(value) {
    const mirror = debuggeeGlobal.makeDebuggeeValue(value);
    return mirror instanceof Debugger.Object ? mirror : undefined;
  }
  function promiseDetails(value) {
    const mirror = reflect(value);
    if (mirror === undefined || !mirror.isPromise) return undefined;
    if (mirror.promiseState === 'pending') return { state: 0 };
    if (mirror.promiseState === 'fulfilled') return { state: 1, result: unwrap(mirror.promiseValue) };
    return { state: 2, result: unwrap(mirror.promiseReason) };
  }
  function proxyDetails(value) {
    const mirror = reflect(value);
    if (mirror === undefined || !mirror.isProxy) return undefined;
    if (mirror.proxyTarget === null) return { revoked: true };
    return { target: unwrap(mirror.proxyTarget), handler: unwrap(mirror.proxyHandler) };
  }
`);

const binding = {
  getPromiseDetails(value) {
    const details = debuggerGlobal.promiseDetails(value);
    if (details === undefined) return undefined;
    return details.state === 0 ? [0] : [details.state, details.result];
  },
  getProxyDetails(value, showProxy) {
    const details = debuggerGlobal.proxyDetails(value);
    if (details === undefined) return undefined;
    if (details.revoked) return null;
    return showProxy ? [details.target, details.handler] : details.target;
  },
  readFile: (file) => read(file),
  detachArrayBuffer: (buffer) => detachArrayBuffer(buffer),
};

// ---------------------------------------------------------------------------
// A timer loop with virtual time

let now = 0;
let sequence = 0;
const timerList = [];
let immediateList = [];

class Timeout {
  constructor(callback, after, args, repeat) {
    after *= 1;
    if (!(after >= 1 && after <= 2 ** 31 - 1)) after = 1;
    this._idleTimeout = after;
    this._onTimeout = callback;
    this._args = args;
    this._repeat = repeat ? after : null;
    this._destroyed = false;
    this.due = now + after;
    this.order = sequence++;
    timerList.push(this);
  }
  unref() { return this; }
  ref() { return this; }
  hasRef() { return true; }
}

class Immediate {
  constructor(callback, args) {
    this._onImmediate = callback;
    this._args = args;
    this._destroyed = false;
    immediateList.push(this);
  }
  unref() { return this; }
  ref() { return this; }
  hasRef() { return true; }
}

function clearTimer(timer) {
  if (timer instanceof Timeout && !timer._destroyed) {
    timer._destroyed = true;
    timerList.splice(timerList.indexOf(timer), 1);
  }
}

const timers = {
  setTimeout: (callback, after, ...args) => new Timeout(callback, after, args, false),
  setInterval: (callback, after, ...args) => new Timeout(callback, after, args, true),
  setImmediate: (callback, ...args) => new Immediate(callback, args),
  clearTimeout: clearTimer,
  clearInterval: clearTimer,
  clearImmediate: (immediate) => {
    if (immediate instanceof Immediate) immediate._destroyed = true;
  },
};

function runLoop() {
  drainJobQueue();
  for (;;) {
    const due = timerList.filter((timer) => timer.due <= now).sort((a, b) => a.due - b.due || a.order - b.order);
    for (const timer of due) {
      if (timer._destroyed) continue;
      if (timer._repeat) {
        timer.due = now + timer._repeat;
        timer.order = sequence++;
      } else {
        clearTimer(timer);
      }
      timer._onTimeout(...timer._args);
      drainJobQueue();
    }
    const batch = immediateList;
    immediateList = [];
    for (const immediate of batch) {
      if (immediate._destroyed) continue;
      immediate._destroyed = true;
      immediate._onImmediate(...immediate._args);
      drainJobQueue();
    }
    if (immediateList.length > 0) continue;
    if (timerList.length === 0) break;
    now = Math.max(now, Math.min(...timerList.map((timer) => timer.due)));
  }
}

// ---------------------------------------------------------------------------
// The library

const modules = new Map();
function load(name) {
  if (name === 'internal:binding') return binding;
  if (name === 'timers') return timers;
  if (modules.has(name)) return modules.get(name).exports;
  const source = read(`${libDir}/${name}.js`);
  const body = evaluate(`(function (exports, require, module) {${source}\n})`, { fileName: `node:${name}` });
  const module = { exports: {} };
  modules.set(name, module);
  body.call(module.exports, module.exports, load, module);
  return module.exports;
}

const buffer = load('buffer');
const encoding = load('internal/encoding');
const impl = {
  Buffer: buffer.Buffer,
  buffer,
  TextEncoder: encoding.TextEncoder,
  TextDecoder: encoding.TextDecoder,
  structuredClone: load('internal/structured_clone').structuredClone,
  DOMException: load('internal/dom_exception').DOMException,
  assert: load('assert'),
  timersPromises: load('timers/promises'),
  util: load('util'),
};

evaluate(read(casesFile), { fileName: casesFile });

const results = {};
for (const [name, section] of Object.entries(globalThis.libCases2.sections)) {
  try {
    results[name] = section(impl);
  } catch (err) {
    results[name] = [[`${name} section threw`, `${err}\n${err.stack}`]];
  }
}
for (const [name, section] of Object.entries(globalThis.libCases2.asyncSections)) {
  // As in Node's run: the script starts inside a timer callback.
  timers.setTimeout(() => {
    section(impl).then(
      (pairs) => { results[name] = pairs; },
      (err) => { results[name] = [[`${name} section threw`, `${err}\n${err.stack}`]]; });
  }, 1);
  runLoop();
  if (results[name] === undefined)
    results[name] = [[`${name} section never finished`, '']];
}
print(JSON.stringify(results));
