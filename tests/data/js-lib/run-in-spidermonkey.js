'use strict';
// Runs the shared cases (cases.js) against the library files inside the
// SpiderMonkey shell, the engine the files are written for, and prints the
// results as one line of JSON: { section: [[label, text], ...], ... }.
//
//   js102 run-in-spidermonkey.js <lib dir> <cases.js> <working directory>
//
// check-lib.js starts it and compares its output with Node's own modules.
// The `internal:binding` functions come from the shell's Debugger API,
// which sees promise states and proxy targets as the engine's C++ will.
// previewEntries is left out: the shell has no way to read an iterator's
// items without consuming them.

/* global scriptArgs, read, newGlobal, print */

const [libDir, casesFile, workingDirectory] = scriptArgs;

const warnings = [];
globalThis.process = {
  cwd: () => workingDirectory,
  env: {},
  pid: 1,
  emitWarning: (...args) => warnings.push(args),
  nextTick: (fn, ...args) => Promise.resolve().then(() => fn(...args)),
};

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
};

const modules = new Map();
function load(name) {
  if (name === 'internal:binding') return binding;
  if (modules.has(name)) return modules.get(name).exports;
  const source = read(`${libDir}/${name}.js`);
  // eslint-disable-next-line no-new-func
  const body = new Function('exports', 'require', 'module', source);
  const module = { exports: {} };
  modules.set(name, module);
  body.call(module.exports, module.exports, load, module);
  return module.exports;
}

const util = load('util');
const EventEmitter = load('events');
const path = load('path');

// eslint-disable-next-line no-eval
(0, eval)(read(casesFile));

const impl = { util, EventEmitter, path, process: globalThis.process };
const results = {};
for (const [name, section] of Object.entries(globalThis.libCases.sections)) {
  try {
    results[name] = section(impl);
  } catch (err) {
    results[name] = [[`${name} section threw`, `${err}\n${err.stack}`]];
  }
}
print(JSON.stringify(results));
