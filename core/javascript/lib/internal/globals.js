// Node's globals: process, console, the timer functions, queueMicrotask, performance,
// `global`; and what the runtime calls on the program's behalf (see internal/loader.js).
'use strict';

const natives = require('internal:binding');
const EventEmitter = require('events');
const util = require('util');
const timers = require('timers');
const asyncIds = require('internal/async_ids');
require('internal/collection_iterators');
require('internal/language_additions');
require('internal/intl_segmenter');

// ---- error stacks as V8 writes them: an anonymous function's frame is "at file:line:column"

const { limitFrames } = require('internal/language_additions');
const { v8StackHeader, giveV8Message } = require('internal/v8_messages');
const { asNodeFrames, noteResumedFunction } = require('internal/stack_frames');
const { preparedStack, ErrorPrepareStackTrace } = require('internal/call_sites');
const { decoratedStack } = require('internal/syntax_errors');
const { queuedMicrotask } = require('internal/process/task_queues');
const stackProperty = Object.getOwnPropertyDescriptor(Error.prototype, 'stack');
if (stackProperty && stackProperty.get) {
  Object.defineProperty(Error.prototype, 'stack', {
    get() {
      const stack = stackProperty.get.call(this);
      return typeof stack === 'string'
        ? decoratedStack(this, preparedStack(this, limitFrames(asNodeFrames(this, v8StackHeader(stack.replace(/^    at  \((.*)\)$/gm, '    at $1'))))))
        : stack;
    },
    // V8 keeps an assigned stack as hidden as the one it made: inspect shows no `stack` key.
    set(value) {
      Object.defineProperty(this, 'stack', { value, writable: true, configurable: true, enumerable: false });
    },
    configurable: true,
  });
}

Object.defineProperty(Error, 'prepareStackTrace', { value: ErrorPrepareStackTrace, writable: true, configurable: true, enumerable: false });

// ---- process

const process = new EventEmitter();
process.title = 'node';
process.argv0 = 'node';
process.version = natives.version;
// The versions of the Node release the program's output is compared with (v20.20.2), as it
// reports them; the engine underneath is SpiderMonkey 102 over this machine's libuv.
process.versions = {
  node: natives.version.slice(1), acorn: '8.16.0', ada: '2.9.2', ares: '1.34.6', brotli: '1.1.0',
  cjs_module_lexer: '2.2.0', cldr: '48.0', icu: '78.2', llhttp: '9.3.1', modules: '115', napi: '9',
  nghttp2: '1.61.0', openssl: '3.0.19', simdutf: '6.4.2', tz: '2025c', undici: '6.24.1', unicode: '17.0',
  uv: '1.46.0', uvwasi: '0.0.23', v8: '11.3.244.8-node.38', zlib: '1.3.1-e00f703',
};
Object.defineProperties(process.versions, {
  loopscope: { value: '1', enumerable: false },
  spidermonkey: { value: '102', enumerable: false },
});
process.arch = 'x64';
process.platform = 'linux';
process.release = { name: 'node', lts: 'Iron' };
process.pid = natives.pid;
process.ppid = natives.ppid;
process.execPath = '/usr/local/bin/node';
process.argv = [process.execPath, natives.mainFile, ...natives.programArguments];
process.execArgv = [];
process.env = natives.env;
process.exitCode = undefined;
process._exiting = false;
process.cwd = () => natives.cwd();
process.chdir = function chdir(directory) {
  if (!natives.workerInfo.isMainThread) {
    throw require('internal/errors').makeNodeError(TypeError, 'ERR_WORKER_UNSUPPORTED_OPERATION',
                                                   'process.chdir() is not supported in workers');
  }
  require('internal/validators').validateString(directory, 'directory');
  const before = natives.cwd();
  const status = natives.chdir(directory);
  if (status < 0) {
    const [code, description] = natives.uvError(status);
    const error = new Error(`${code}: ${description}, chdir '${before}' -> '${directory}'`);
    Object.assign(error, { errno: status, code, syscall: 'chdir', path: before, dest: directory });
    throw require('internal/node_api_frames').atNodeApi(error, 'process.chdir:chdir');
  }
};
process.umask = function umask(mask) {
  if (mask === undefined)
    return natives.umask(-1);
  const value = typeof mask === 'string' ? parseInt(mask, 8) : mask;
  if (!Number.isInteger(value) || value < 0 || value > 0o777) {
    throw require('internal/errors').makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
                                                   `The argument 'mask' must be a 32-bit unsigned integer or an octal string. Received ${require('util').inspect(mask)}`);
  }
  return natives.umask(value);
};
for (const [at, name] of ['getuid', 'geteuid', 'getgid', 'getegid'].entries())
  process[name] = () => natives.userIds()[at];
// Signals: listening to one starts a watcher that does not keep the program running, as in
// Node; process.kill sends only to this process.
function signalNumber(name) {
  return Object.prototype.hasOwnProperty.call(require('os').constants.signals, name)
    ? require('os').constants.signals[name] : undefined;
}
function signalError(status, syscall) {
  const [code] = natives.uvError(status);
  const error = new Error(`${syscall} ${code}`);
  Object.assign(error, { errno: status, code, syscall });
  return error;
}
process.on('newListener', (name) => {
  const signum = typeof name === 'string' && name.startsWith('SIG') ? signalNumber(name) : undefined;
  if (signum === undefined || process.listenerCount(name) > 0)
    return;
  const status = natives.signalWatch(signum, () => process.emit(name, name));
  if (status < 0)
    throw signalError(status, 'uv_signal_start');
});
process.on('removeListener', (name) => {
  const signum = typeof name === 'string' && name.startsWith('SIG') ? signalNumber(name) : undefined;
  if (signum !== undefined && process.listenerCount(name) === 0)
    natives.signalUnwatch(signum);
});
process.kill = function kill(pid, signal = 'SIGTERM') {
  if (pid != (pid | 0)) {
    throw require('internal/errors').invalidArgTypeError('pid', 'number', pid);
  }
  const signum = typeof signal === 'number' ? signal : signalNumber(signal);
  if (signum === undefined)
    throw require('internal/errors').makeNodeError(TypeError, 'ERR_UNKNOWN_SIGNAL', `Unknown signal: ${signal}`);
  const status = natives.signalSend(pid, signum);
  if (status < 0)
    throw signalError(status, 'kill');
  return true;
};
process.resourceUsage = () => {
  const figures = natives.resourceUsage();
  const names = ['userCPUTime', 'systemCPUTime', 'maxRSS', 'sharedMemorySize', 'unsharedDataSize', 'unsharedStackSize',
                 'minorPageFault', 'majorPageFault', 'swappedOut', 'fsRead', 'fsWrite', 'ipcSent', 'ipcReceived',
                 'signalsCount', 'voluntaryContextSwitches', 'involuntaryContextSwitches'];
  return Object.fromEntries(names.map((name, at) => [name, figures[at]]));
};
process.uptime = () => natives.hrtime() / 1e9 - startSeconds;
const startSeconds = natives.hrtime() / 1e9;

function hrtime(previous) {
  const now = natives.hrtime();
  let seconds = Math.floor(now / 1e9);
  let nanoseconds = now - seconds * 1e9;
  if (previous !== undefined) {
    seconds -= previous[0];
    nanoseconds -= previous[1];
    if (nanoseconds < 0) {
      seconds -= 1;
      nanoseconds += 1e9;
    }
  }
  return [seconds, nanoseconds];
}
hrtime.bigint = () => BigInt(natives.hrtime());
process.hrtime = hrtime;

// Node lists in-flight requests, then open handles, then timers. The handles known here are
// process.stdout and process.stderr, pipes made on first use (console.log's included).
const stdioMade = [];
function stdioUsed(fd) {
  if (!stdioMade.includes(fd)) {
    stdioMade.push(fd);
    // Node's stdout and stderr on a pipe are async resources (their handles).
    if (fd !== 0)
      asyncIds.newAsyncId();
  }
}
process.getActiveResourcesInfo = () => [...stdioMade.map(() => 'PipeWrap'), ...timers.activeResourceNames()];

process.nextTick = function nextTick(callback, ...args) {
  timers.validateCallback(callback);
  asyncIds.newAsyncId();
  natives.nextTick(callback, args.length ? args : undefined, `nextTick(${timers.nameOf(callback)})`);
};

process.exit = function exit(code) {
  if (code !== undefined)
    process.exitCode = code;
  const exitCode = Number(process.exitCode) || 0;
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', exitCode);
  }
  natives.exit(Number(process.exitCode) || 0);
};

// The heap figures are the process's: SpiderMonkey does not split them as V8 does.
process.memoryUsage = () => {
  const [rss] = natives.processUsage();
  return { rss, heapTotal: rss, heapUsed: rss, external: 0, arrayBuffers: 0 };
};
process.memoryUsage.rss = () => natives.processUsage()[0];
process.cpuUsage = (previous) => {
  const [, user, system] = natives.processUsage();
  return previous ? { user: user - previous.user, system: system - previous.system } : { user, system };
};
// Node's emitWarning: a warning is an Error named for its type (with its code and detail),
// printed on stderr and emitted as 'warning' on a tick; the first printed one says how to
// trace it.
let traceHintShown = false;
process.emitWarning = function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ({ ctor, code } = type);
    detail = typeof type.detail === 'string' ? type.detail : undefined;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  }
  if (typeof warning === 'string') {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    warning = new Error(warning);
    Error.stackTraceLimit = limit;
    warning.name = String(type || 'Warning');
    if (code !== undefined)
      warning.code = code;
    if (detail !== undefined)
      warning.detail = detail;
    Error.captureStackTrace(warning, ctor || process.emitWarning);
  } else if (!(warning instanceof Error)) {
    throw new (require('internal/errors').codes.ERR_INVALID_ARG_TYPE)('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning' && process.noDeprecation)
    return;
  process.nextTick(() => {
    printWarning(warning);
    process.emit('warning', warning);
  });
};

function printWarning(warning) {
  let text = `(node:${process.pid}) ${warning.code ? `[${warning.code}] ` : ''}${warning}`;
  if (typeof warning.detail === 'string')
    text += `\n${warning.detail}`;
  if (!traceHintShown) {
    const flag = warning.name === 'DeprecationWarning' ? '--trace-deprecation' : '--trace-warnings';
    text += `\n(Use \`node ${flag} ...\` to show where the warning was created)`;
    traceHintShown = true;
  }
  natives.write(2, text);
}

// Node's emitWarningSync: printed at once (before an error that is about to end the run),
// with no 'warning' event.
function emitWarningSync(message) {
  const warning = new Error(message);
  warning.name = 'Warning';
  printWarning(warning);
}

// process.stdin, process.stdout and process.stderr are streams (internal/stdio.js), made on first use
// as Node makes them: a program that never touches them does not load the stream modules.
function defineStdio(name, fd) {
  let stream;
  Object.defineProperty(process, name, {
    get() {
      stdioUsed(fd);
      stream ??= new (require('internal/stdio').StdioWriteStream)(fd);
      return stream;
    },
    configurable: true,
    enumerable: true,
  });
}
defineStdio('stdout', 1);
defineStdio('stderr', 2);
{
  let stdin;
  Object.defineProperty(process, 'stdin', {
    get() {
      stdin ??= require('internal/stdio').createStdin();
      return stdin;
    },
    configurable: true,
    enumerable: true,
  });
}

// ---- console

const console = require('internal/console').makeGlobalConsole((fd) => {
  stdioUsed(fd);
  asyncIds.noteConsoleWrite();
});

// ---- the globals themselves

const performanceOrigin = natives.hrtime();

// Node's lib/internal/perf/event_loop_utilization.js: the loop's time since it first ran,
// split into idle (waiting in the poll phase) and active; all zeros while the main script
// runs, as the loop has not started. With (util1) the change since util1, with (util1,
// util2) the difference of the two.
function eventLoopUtilization(util1, util2) {
  const [loopStart, idleTime] = natives.loopTiming();
  if (loopStart <= 0)
    return { idle: 0, active: 0, utilization: 0 };
  if (util2) {
    const idle = util1.idle - util2.idle;
    const active = util1.active - util2.active;
    return { idle, active, utilization: active / (idle + active) };
  }
  const active = (natives.hrtime() - loopStart) / 1e6 - idleTime;
  if (!util1)
    return { idle: idleTime, active, utilization: active / (idleTime + active) };
  const idleDelta = idleTime - util1.idle;
  const activeDelta = active - util1.active;
  return { idle: idleDelta, active: activeDelta, utilization: activeDelta / (idleDelta + activeDelta) };
}

const performance = {
  now: () => (natives.hrtime() - performanceOrigin) / 1e6,
  timeOrigin: Date.now(),
  eventLoopUtilization,
};

function queueMicrotask(callback) {
  timers.validateCallback(callback);
  natives.queueMicrotask(queuedMicrotask(callback), `queueMicrotask(${timers.nameOf(callback)})`);
}

function define(name, value) {
  Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
}

// Getter/setter globals as Node 20 defines them (a program may replace them).
function defineAccessor(name, load, enumerable = false) {
  let value;
  let loaded = false;
  Object.defineProperty(globalThis, name, {
    get() {
      if (!loaded) {
        value = load();
        loaded = true;
      }
      return value;
    },
    set(replacement) {
      value = replacement;
      loaded = true;
    },
    enumerable,
    configurable: true,
  });
}

// In Node's order, the enumerable ones first: what `for (const name in globalThis)` lists.
function defineEnumerable(name, value) {
  Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: true });
}
function structuredClone(value, options) {
  return require('internal/structured_clone').structuredClone(value, options);
}
Object.defineProperty(structuredClone, 'length', { value: 0 });
defineEnumerable('global', globalThis);
for (const name of ['clearImmediate', 'setImmediate', 'clearInterval', 'clearTimeout', 'setInterval', 'setTimeout'])
  defineEnumerable(name, timers[name]);
defineEnumerable('queueMicrotask', queueMicrotask);
defineEnumerable('structuredClone', structuredClone);
// After util has loaded, as in Node, so that util.format('%s', buffer) prints its text.
defineAccessor('atob', () => require('buffer').atob, true);
defineAccessor('btoa', () => require('buffer').btoa, true);
defineAccessor('performance', () => performance, true);
defineAccessor('fetch', () => require('internal/fetch').fetch, true);
defineAccessor('crypto', () => require('internal/webcrypto').crypto, true);
defineAccessor('Buffer', () => require('buffer').Buffer);
defineAccessor('TextEncoder', () => require('internal/encoding').TextEncoder);
defineAccessor('TextDecoder', () => require('internal/encoding').TextDecoder);
defineAccessor('URL', () => require('internal/url').URL);
for (const name of ['Headers', 'Request', 'Response', 'FormData'])
  defineAccessor(name, () => require('internal/fetch')[name]);
for (const name of ['Event', 'EventTarget', 'AbortController', 'AbortSignal', 'CustomEvent'])
  defineAccessor(name, () => require('internal/abort')[name]);
defineAccessor('URLSearchParams', () => require('internal/url').URLSearchParams);
for (const name of ['MessageChannel', 'MessagePort', 'BroadcastChannel'])
  defineAccessor(name, () => require('worker_threads')[name]);
defineAccessor('MessageEvent', () => require('internal/worker/broadcast_channel').MessageEvent);
defineAccessor('DOMException', () => require('internal/dom_exception').DOMException);
for (const name of ['Blob', 'File'])
  defineAccessor(name, () => require('internal/blob')[name]);
define('process', process);
define('console', console);

// ---- what the runtime calls

function emitBeforeExit() {
  process.emit('beforeExit', Number(process.exitCode) || 0);
}

function emitExit() {
  process._exiting = true;
  process.emit('exit', Number(process.exitCode) || 0);
  natives.setExitCode(Number(process.exitCode) || 0);
}

function exitAfterFatal() {
  process._exiting = true;
  process.exitCode = 1;
  natives.setExitCode(1);
  process.emit('exit', 1);
}

// True when 'uncaughtException' listeners took the error.
function handleUncaught(error, origin = 'uncaughtException') {
  if (process.listenerCount('uncaughtException') === 0)
    return false;
  giveV8Message(error);
  process.emit('uncaughtException', error, origin);
  return true;
}

// Node 20's unhandled-rejections=throw: a rejection still unhandled once the microtasks
// have run is 'unhandledRejection', or else the program's uncaught exception.
const pendingRejections = new Map();

function processRejections() {
  for (const [promise, reason, handledLater, thrower] of natives.takeRejections()) {
    if (handledLater) {
      pendingRejections.delete(promise);
    } else {
      pendingRejections.set(promise, reason);
      // Its frames are named by what the library called the async function on.
      noteResumedFunction(reason, thrower);
    }
  }
  let handled = false;
  for (const [promise, reason] of [...pendingRejections]) {
    pendingRejections.delete(promise);
    if (process.listenerCount('unhandledRejection') > 0)
      giveV8Message(reason);
    if (!process.emit('unhandledRejection', reason, promise)) {
      const error = reason instanceof Error ? reason : unhandledRejectionError(reason);
      if (!handleUncaught(error, 'unhandledRejection'))
        throw error;
    }
    handled = true;
  }
  return handled;
}

function unhandledRejectionError(reason) {
  const error = new Error('This error originated either by throwing inside of an async function without a ' +
    'catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the ' +
    `reason "${util.inspect(reason)}".`);
  error.name = 'UnhandledPromiseRejection';
  error.code = 'ERR_UNHANDLED_REJECTION';
  return error;
}

function formatFatal(error) {
  const { kEnhanceStackBeforeInspector } = require('internal/node_api_frames');
  if (error !== null && typeof error === 'object' && typeof error[kEnhanceStackBeforeInspector] === 'function') {
    try {
      error.stack = error[kEnhanceStackBeforeInspector]();
    } catch {
      // Printed with the stack it has.
    }
  }
  if (error instanceof Error || (error !== null && typeof error === 'object'))
    return util.inspect(error);
  return `Uncaught ${util.inspect(error)}`;
}

module.exports = {
  process,
  console,
  performance,
  runTimer: timers.runTimer,
  afterTimer: timers.afterTimer,
  runImmediate: timers.runImmediate,
  emitBeforeExit,
  emitExit,
  exitAfterFatal,
  handleUncaught,
  processRejections,
  formatFatal,
  emitWarningSync,
};
