// Node's console methods, made once for the global console (whose lines go straight to the
// runtime, so that each is a traced console line) and once per `new Console(stdout, stderr)`
// (whose lines are written to the streams it was given). Each console keeps its own group
// indentation, counts and timers, as Node's do.
'use strict';

const natives = require('internal:binding');
const util = require('util');

const kGroupIndentationLimit = 1000;

// Node's console time: "1.5ms", "2.046s", "1:05.250 (m:ss.mmm)", "1:02:03.000 (h:mm:ss.mmm)".
function formatMilliseconds(ms) {
  if (ms < 1000)
    return `${Number(ms.toFixed(3))}ms`;
  const hours = Math.floor(ms / 3600000);
  const minutes = Math.floor((ms % 3600000) / 60000);
  const seconds = (ms % 60000) / 1000;
  if (hours === 0 && minutes === 0)
    return `${seconds.toFixed(3)}s`;
  const [whole, fraction] = seconds.toFixed(3).split('.');
  const pad = (value) => String(value).padStart(2, '0');
  return hours !== 0 ? `${hours}:${pad(minutes)}:${pad(whole)}.${fraction} (h:mm:ss.mmm)`
    : `${minutes}:${pad(whole)}.${fraction} (m:ss.mmm)`;
}

// The methods of one console, in Node's key order. `writeLine(fd, text)` writes one line
// (fd 1 for stdout's methods, 2 for stderr's); `inspectOptions[fd]` are util.inspect's
// options for that stream's lines.
function makeConsoleMethods(writeLine, { groupIndentation = 2, inspectOptions = [{}, {}, {}] } = {}) {
  const counts = new Map();
  const timersByLabel = new Map();
  const indentStep = ' '.repeat(groupIndentation);
  let groupIndent = '';

  function writeIndented(fd, text) {
    writeLine(fd, groupIndent === '' ? text : text.split('\n').map((line) => groupIndent + line).join('\n'));
  }
  // Each method its own function, named as Node's are (console.info.name is 'info').
  const formatted = (fd, name) => ({
    [name]: (...args) => writeIndented(fd, util.formatWithOptions(inspectOptions[fd], ...args)),
  })[name];
  const log = formatted(1, 'log');
  const error = formatted(2, 'error');
  const grouping = (name) => ({
    [name]: (...args) => {
      if (args.length)
        log(...args);
      groupIndent += indentStep;
    },
  })[name];
  function elapsed(label) {
    return formatMilliseconds((natives.hrtime() - timersByLabel.get(label)) / 1e6);
  }

  return {
    log,
    warn: formatted(2, 'warn'),
    dir: (value, options) => writeIndented(1, util.inspect(value, { customInspect: false, ...inspectOptions[1], ...options })),
    time: (label = 'default') => {
      if (timersByLabel.has(`${label}`)) {
        process.emitWarning(`Label '${label}' already exists for console.time()`);
        return;
      }
      timersByLabel.set(`${label}`, natives.hrtime());
    },
    timeEnd: (label = 'default') => {
      if (!timersByLabel.has(`${label}`)) {
        process.emitWarning(`No such label '${label}' for console.timeEnd()`);
        return;
      }
      log(`${label}: ${elapsed(`${label}`)}`);
      timersByLabel.delete(`${label}`);
    },
    timeLog: (label = 'default', ...data) => {
      if (!timersByLabel.has(`${label}`))
        process.emitWarning(`No such label '${label}' for console.timeLog()`);
      else
        log(`${label}: ${elapsed(`${label}`)}`, ...data);
    },
    trace: function trace(...args) {
      const traced = { name: 'Trace', message: util.format(...args) };
      Error.captureStackTrace(traced, trace);
      writeIndented(2, traced.stack);
    },
    assert: (condition, ...args) => {
      if (!condition) {
        args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
        error(...args);
      }
    },
    // Node clears only a terminal; loopscope's output is never one.
    clear: () => {},
    count: (label = 'default') => {
      const count = (counts.get(`${label}`) || 0) + 1;
      counts.set(`${label}`, count);
      log(`${label}: ${count}`);
    },
    countReset: (label = 'default') => {
      if (!counts.delete(`${label}`))
        process.emitWarning(`Count for '${label}' does not exist`);
    },
    group: grouping('group'),
    groupEnd: () => { groupIndent = groupIndent.slice(0, groupIndent.length - indentStep.length); },
    table: (tabularData, properties) => {
      const table = require('internal/console_table').formatTable(tabularData, properties);
      if (table === undefined)
        log(tabularData);
      else
        writeIndented(1, table);
    },
    debug: formatted(1, 'debug'),
    info: formatted(1, 'info'),
    dirxml: formatted(1, 'dirxml'),
    error,
    groupCollapsed: grouping('groupCollapsed'),
  };
}

function consoleError(name) {
  const { makeNodeError } = require('internal/errors');
  return makeNodeError(TypeError, 'ERR_CONSOLE_WRITABLE_STREAM', `Console expects a writable stream instance for ${name}`);
}

function validateOptions(options) {
  const { codes, makeNodeError } = require('internal/errors');
  const { colorMode = 'auto', groupIndentation = 2, inspectOptions } = options;
  if (colorMode !== 'auto' && colorMode !== true && colorMode !== false)
    throw codes.ERR_INVALID_ARG_VALUE('colorMode', colorMode, "must be one of: 'auto', true, false");
  if (inspectOptions !== undefined) {
    if (inspectOptions === null || typeof inspectOptions !== 'object')
      throw codes.ERR_INVALID_ARG_TYPE('options.inspectOptions', 'object', inspectOptions);
    if (inspectOptions.colors !== undefined && colorMode !== 'auto') {
      throw makeNodeError(TypeError, 'ERR_INCOMPATIBLE_OPTION_PAIR',
                          'Option "options.inspectOptions.color" cannot be used in combination with option "colorMode"');
    }
  }
  if (typeof groupIndentation !== 'number')
    throw codes.ERR_INVALID_ARG_TYPE('groupIndentation', 'number', groupIndentation);
  if (!Number.isInteger(groupIndentation))
    throw codes.ERR_OUT_OF_RANGE('groupIndentation', 'an integer', groupIndentation);
  if (groupIndentation < 0 || groupIndentation > kGroupIndentationLimit)
    throw codes.ERR_OUT_OF_RANGE('groupIndentation', `>= 0 && <= ${kGroupIndentationLimit}`, groupIndentation);
}

const kGlobalConsole = Symbol('kGlobalConsole');
const noop = () => {};

// `new Console(stdout[, stderr[, ignoreErrors]])` or `new Console({ stdout, stderr, ignoreErrors,
// colorMode, inspectOptions, groupIndentation })`; callable without `new`, as Node's.
function Console(options, ...streamArguments) {
  if (!new.target)
    return Reflect.construct(Console, [options, ...streamArguments]);
  if (!options || typeof options.write === 'function') {
    const [stderr, ignoreErrors] = streamArguments;
    options = { stdout: options, stderr, ignoreErrors };
  }
  const { stdout, stderr = stdout, ignoreErrors = true, inspectOptions, groupIndentation = 2 } = options;
  if (!stdout || typeof stdout.write !== 'function')
    throw consoleError('stdout');
  if (!stderr || typeof stderr.write !== 'function')
    throw consoleError('stderr');
  validateOptions(options);
  const streams = [undefined, stdout, stderr];
  const writeLine = (fd, text) => {
    const stream = streams[fd];
    if (!ignoreErrors) {
      stream.write(`${text}\n`);
      return;
    }
    // As Node's: a no-op 'error' listener while writing; a failure is swallowed (so is one of
    // a stream that is no EventEmitter, until removing the listener fails).
    try {
      if (stream.listenerCount('error') === 0)
        stream.once('error', noop);
      stream.write(`${text}\n`, noop);
    } catch {
      // Console is a debugging utility: Node passes a write's error nowhere.
    } finally {
      stream.removeListener('error', noop);
    }
  };
  // Colours: as colorMode says, or with 'auto' where the stream is a terminal of colours.
  const { colorMode = 'auto' } = options;
  const colorsFor = (stream) => (colorMode === 'auto'
    ? Boolean(stream.isTTY && (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true))
    : colorMode);
  const optionsFor = (stream) => ({ ...inspectOptions, colors: inspectOptions?.colors ?? colorsFor(stream) });
  Object.assign(this, makeConsoleMethods(writeLine, {
    groupIndentation,
    inspectOptions: [undefined, optionsFor(stdout), optionsFor(stderr)],
  }));
}

Object.defineProperty(Console.prototype, Symbol.toStringTag, { value: 'console', configurable: true });

// The global console is a Console too (`console instanceof Console`), though made otherwise.
Object.defineProperty(Console, Symbol.hasInstance, {
  value: (instance) => instance !== null && typeof instance === 'object' &&
    (instance[kGlobalConsole] === true || Object.prototype.isPrototypeOf.call(Console.prototype, instance)),
});

const kContextMethods = ['dir', 'dirXml', 'table', 'groupEnd', 'clear', 'count', 'countReset', 'profile', 'profileEnd',
  'timeLog', 'debug', 'error', 'info', 'log', 'warn', 'trace', 'group', 'groupCollapsed', 'assert', 'time', 'timeEnd',
  'timeStamp'];

// The global console: its lines are the runtime's console lines. `markUsed(fd)` notes that
// the program wrote to that stream (process.getActiveResourcesInfo lists it).
function makeGlobalConsole(markUsed) {
  const globalConsole = makeConsoleMethods((fd, text) => {
    markUsed(fd);
    natives.write(fd, text);
  });
  Object.defineProperty(globalConsole, kGlobalConsole, { value: true });
  Object.defineProperty(globalConsole, Symbol.toStringTag, { value: 'console', configurable: true });
  Object.assign(globalConsole, {
    Console,
    profile: () => {},
    profileEnd: () => {},
    timeStamp: () => {},
    // V8's console for the inspector, which loopscope has not: its lines go nowhere.
    context: () => Object.fromEntries(kContextMethods.map((name) => [name, () => {}])),
    createTask: () => ({ run: (callback) => callback() }),
  });
  return globalConsole;
}

module.exports = { Console, makeGlobalConsole };
