// An error's frames as Node 20 prints them, from the frames SpiderMonkey captured (already
// in V8's "    at name (file:line:column)" form): no frames of the error class's own
// constructors, a plain call's column at its callee as V8 counts it, and, below the
// program's code, Node's own frames where this library's stand (the main module's loading,
// a require, a timer, an immediate).
'use strict';

const natives = require('internal:binding');
const { combinatorFrame } = require('internal/promise_combinators');
const { receiverOf } = require('internal/callback_receivers');
const { accessorOwner, calledOn, callAt, builtinFrameBetween, receiverQualified, asyncFrame, definitionOf, isIn } = require('internal/frame_receivers');
const { withNodeApiFrames } = require('internal/node_api_frames');

const framePattern = /^    at (?:(.*) \()?(.+):(\d+):(\d+)\)?$/;

// V8 starts an error's stack below the constructor `new` was called with: an error class's
// own constructors (`super(message)` up to Error) are not among its frames.
function withoutConstructorFrames(error, lines) {
  const constructors = [];
  for (let prototype = Object.getPrototypeOf(error); prototype && !Object.hasOwn(prototype, 'stack');
    prototype = Object.getPrototypeOf(prototype)) {
    const name = Object.getOwnPropertyDescriptor(prototype, 'constructor')?.value?.name;
    if (typeof name === 'string' && name !== '')
      constructors.push(name);
  }
  const first = lines.findIndex((line) => line.startsWith('    at '));
  if (constructors.length === 0 || first === -1)
    return lines;
  let last = -1;
  for (let at = first; at < lines.length; at++) {
    const name = /^    at (?:new )?([^ ]+) \(/.exec(lines[at])?.[1];
    if (!constructors.includes(name))
      break;
    if (name === constructors[0])
      last = at;
  }
  return last === -1 ? lines : [...lines.slice(0, first), ...lines.slice(last + 1)];
}

// ---- columns: SpiderMonkey places a plain call `name(...)` at its `(`, V8 at the name.

const sources = new Map();  // file -> [text, line starts], or null when it cannot be read

function sourceEntry(text) {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|[\n\r\u2028\u2029]/g))
    starts.push(match.index + match[0].length);
  return [text, starts];
}

function sourceOf(file) {
  if (!sources.has(file)) {
    let entry = null;
    if (file.startsWith('/')) {
      try {
        entry = sourceEntry(natives.readFile(file));
      } catch {
        entry = null;
      }
    }
    sources.set(file, entry);
  }
  return sources.get(file);
}

// Code the program runs through vm, under its filename: its frames read as a file's do.
function rememberSource(file, text) {
  sources.set(file, sourceEntry(text));
}

// The text of one line of a program's file, or undefined.
function sourceLine(file, line) {
  const source = sourceOf(file);
  if (!source || line < 1 || line > source[1].length)
    return undefined;
  const [text, starts] = source;
  return text.slice(starts[line - 1], line < starts.length ? starts[line] : text.length).replace(/[\r\n\u2028\u2029]+$/, '');
}

// The type of the receiver of the accessor running at `line`:`column` of `file`.
function accessorReceiverType(file, line, column) {
  const source = sourceOf(file);
  return source ? accessorOwner(file, source[0], line, column) : 'Object';
}

// The offset in its file of a line and column (1-based), as V8's CallSite.getPosition gives it.
function sourcePosition(file, line, column) {
  const source = sourceOf(file);
  return source && line >= 1 && line <= source[1].length ? source[1][line - 1] + column - 1 : undefined;
}

const identifierEnd = /[\w$\u00A0-\uFFFF]/;

function callSiteColumn(file, line, column) {
  const source = sourceOf(file);
  if (!source || line < 1 || line > source[1].length)
    return column;
  const [text, starts] = source;
  let at = starts[line - 1] + column - 1;
  if (text[at] !== '(')
    return column;
  let end = at;
  while (end > starts[line - 1] && /[ \t]/.test(text[end - 1]))
    end--;
  let start = end;
  while (start > starts[line - 1] && identifierEnd.test(text[start - 1]))
    start--;
  return start === end || /\d/.test(text[start]) ? column : start - starts[line - 1] + 1;
}

// V8 places the call of a getter at the property's name (`o.value`, even on a later line; a
// computed `o['value']` at its bracket), of a setter at the assignment's `=`: the first such
// access from where SpiderMonkey placed it in the statement; undefined when there is none (a
// built-in such as Reflect.get called it).
function accessorCallPlace(file, line, column, kind, key) {
  const source = sourceOf(file);
  if (!source || line < 1 || line > source[1].length)
    return undefined;
  const [text, starts] = source;
  const from = starts[line - 1] + column - 1;
  const access = new RegExp(`(?:\\.\\s*|\\[\\s*['"])(?=${key.replace(/[$]/g, '\\$&')}(?![\\w$]))`, 'y');
  for (let at = from; at < text.length && at < from + 1000 && text[at] !== ';'; at++) {
    access.lastIndex = at;
    const found = access.exec(text);
    if (!found)
      continue;
    // `o.key` at the key; `o['key']` at its bracket.
    let place = found[0].startsWith('[') ? at : at + found[0].length;
    if (kind === 'set') {
      const assignment = /^[^=;]*?=(?![=>])/.exec(text.slice(place, place + 200));
      if (!assignment)
        continue;
      place += assignment[0].length - 1;
    }
    let row = line;
    while (row < starts.length && starts[row] <= place)
      row++;
    return [row, place - starts[row - 1] + 1];
  }
  return undefined;
}

// ---- Node's frames below the program's code

const mainModuleFrames = [
  '    at Module._compile (node:internal/modules/cjs/loader:1521:14)',
  '    at Module._extensions..js (node:internal/modules/cjs/loader:1623:10)',
  '    at Module.load (node:internal/modules/cjs/loader:1266:32)',
  '    at Module._load (node:internal/modules/cjs/loader:1091:12)',
];
const runMainFrames = [
  ...mainModuleFrames,
  '    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)',
  '    at node:internal/main/run_main_module:28:49',
];
const requireFrames = [
  ...mainModuleFrames,
  '    at Module.require (node:internal/modules/cjs/loader:1289:19)',
  '    at require (node:internal/modules/helpers:182:18)',
];
const timerFrames = [
  '    at listOnTimeout (node:internal/timers:581:17)',
  '    at process.processTimers (node:internal/timers:519:7)',
];
const immediateFrames = ['    at process.processImmediate (node:internal/timers:483:21)'];
// Below an ES module main file's code: Node runs it from its ESM loader.
const moduleMainFrames = [
  '    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)',
  '    at async ModuleLoader.import (node:internal/modules/esm/loader:606:24)',
  '    at async asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:117:5)',
];
// A callback given arguments: Node calls it with them from the next lines.
const timerWithArgumentsFrames = [
  '    at listOnTimeout (node:internal/timers:583:11)',
  '    at process.processTimers (node:internal/timers:519:7)',
];
const immediateWithArgumentsFrames = ['    at process.processImmediate (node:internal/timers:485:21)'];

// A file that does not compile: the frames of Node's loader that compiled it, in place of
// the library's (compileProgramFile, loadModule), down to where the frames above continue.
const commonJsCompileFrames = [
  '    at wrapSafe (node:internal/modules/cjs/loader:1464:18)',
  '    at Module._compile (node:internal/modules/cjs/loader:1495:20)',
];
const moduleCompileFrames = [
  '    at compileSourceTextModule (node:internal/modules/esm/utils:346:16)',
  '    at ModuleLoader.moduleStrategy (node:internal/modules/esm/translators:146:18)',
  '    at #translate (node:internal/modules/esm/loader:497:12)',
  '    at ModuleLoader.loadAndTranslate (node:internal/modules/esm/loader:544:27)',
];
const moduleLinkFrame = '    at async ModuleJob._link (node:internal/modules/esm/module_job:148:19)';
const requiredModuleCompileFrames = [
  '    at compileSourceTextModule (node:internal/modules/esm/utils:346:16)',
  '    at ModuleLoader.importSyncForRequire (node:internal/modules/esm/loader:382:18)',
  '    at loadESMFromCJS (node:internal/modules/cjs/loader:1363:24)',
  '    at Module._compile (node:internal/modules/cjs/loader:1503:5)',
];
const jsonLoadFrames = [
  '    at parse (<anonymous>)',
  '    at Module._extensions..json (node:internal/modules/cjs/loader:1641:39)',
];

// Below a nextTick callback or a microtask: Node's drain, named by the library's step
// (internal/process/task_queues.js) as "caller:kind".
const drainCallerFrames = {
  loop: [],
  timer: ['    at listOnTimeout (node:internal/timers:545:9)', '    at process.processTimers (node:internal/timers:519:7)'],
  timerList: ['    at process.processTimers (node:internal/timers:516:9)'],
  immediate: ['    at process.processImmediate (node:internal/timers:454:9)'],
};
const processTicksPositions = {
  tick0: '77:11', tick1: '81:21', tick2: '82:21', tick3: '83:21', tick4: '84:21', tickSpread: '85:22', microtask: '95:5',
};
const queuedMicrotaskFrames = [
  '    at node:internal/process/task_queues:140:7',
  '    at AsyncResource.runInAsyncScope (node:async_hooks:206:9)',
  '    at AsyncResource.runMicrotask (node:internal/process/task_queues:137:8)',
];

function nodeDrainFrames(step) {
  const [caller, kind] = step.split(':');
  const below = drainCallerFrames[caller];
  if (kind === 'firstMicrotask')
    return ['    at runNextTicks (node:internal/process/task_queues:60:5)', ...below];
  const where = `(node:internal/process/task_queues:${processTicksPositions[kind]})`;
  // From the callback scope's C++ it is called as process's method, from runNextTicks() as a function.
  return caller === 'loop' ? [`    at process.processTicksAndRejections ${where}`]
    : [`    at processTicksAndRejections ${where}`, '    at runNextTicks (node:internal/process/task_queues:64:3)', ...below];
}

// A callback Node calls as a method of its Timeout or Immediate, named as V8 names it.
function asMethodOf(line, receiver, property) {
  const match = framePattern.exec(line);
  if (!match)
    return line;
  const [, name, file, row, column] = match;
  const method = name === undefined || name === '' ? `${receiver}.${property}` : `${receiver}.${name} [as ${property}]`;
  return `    at ${method} (${file}:${row}:${column})`;
}

// The library's JSON.parse and JSON.stringify stand where V8 shows its built-ins.
const builtinFrames = new Map([['parse', '    at JSON.parse (<anonymous>)'], ['stringify', '    at JSON.stringify (<anonymous>)']]);

function libraryFrame(line) {
  return /^    at (\S+) \(node:(?:internal\/loader|timers):\d+:\d+\)$/.exec(line)?.[1];
}

function withNodeFrames(lines) {
  const out = [];
  let withArguments = false;  // whether the timer or immediate below was given arguments
  // How many of the next loading frames (Module._compile, Module._extensions..js) the frames
  // of a failed compile stand for already.
  let loadingFramesShown = 0;
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at];
    const match = framePattern.exec(line);
    const frame = libraryFrame(line);
    const builtin = /^    at (\w+) \(node:internal\/v8_messages:\d+:\d+\)$/.exec(line)?.[1];
    const drainStep = /^    at (\S+) \(node:internal\/process\/task_queues:\d+:\d+\)$/.exec(line)?.[1];
    // The library's own steps between the runtime and a timer's or an immediate's callback
    // (calling it in its async context) are not Node's: the callback stays next to runTimer.
    if (frame === 'callIn' || /^    at runIn \(node:internal\/async_context:\d+:\d+\)$/.test(line)) {
      if (frame === 'callIn')
        withArguments = /\/\/ with arguments$/.test(libraryLine('timers', Number(/:(\d+):\d+\)$/.exec(line)[1])) ?? '');
      continue;
    }
    if (drainStep !== undefined) {
      if (drainStep === 'runQueuedMicrotask')
        out.push(...queuedMicrotaskFrames);
      else if (drainStep.includes(':'))
        out.push(...nodeDrainFrames(drainStep));
    } else if (builtin === 'parse' && libraryFrame(lines[at + 1]) === 'loadFile') {
      out.push(...jsonLoadFrames);
      loadingFramesShown = 2;
    } else if (builtinFrames.has(builtin)) {
      out.push(builtinFrames.get(builtin));
    } else if (frame === 'compileProgramFile') {
      out.push(...commonJsCompileFrames);
      loadingFramesShown = 1;
    } else if (frame === 'loadModule') {
      const caller = lines.slice(at + 1).map(libraryFrame).find((name) => name !== undefined && name !== 'loadModule');
      if (caller === 'requireModule') {
        out.push(...requiredModuleCompileFrames);
        loadingFramesShown = 1;
        at = lines.findIndex((line, index) => index > at && libraryFrame(line) === 'requireModule');
        continue;
      }
      // A module's compile is awaited by its graph's linking, not called by the program; Node
      // shows that linking for the graph's root (the main module, one import() loads), not
      // for a module the root imports, whose resolving no program frame is below.
      out.push(...moduleCompileFrames);
      const fromProgram = lines.slice(at + 1).some((line) => framePattern.exec(line)?.[2].startsWith('/'));
      if (caller !== 'resolveModule' || fromProgram)
        out.push(moduleLinkFrame);
      break;
    } else if (frame === 'runMain') {
      const above = framePattern.exec(out[out.length - 1] ?? '');
      out.push(...(above && moduleFiles.has(above[2]) ? moduleMainFrames : runMainFrames.slice(loadingFramesShown)));
      loadingFramesShown = 0;
    } else if (frame === 'loadFile' && libraryFrame(lines[at + 1]) === 'require') {
      out.push(...requireFrames.slice(loadingFramesShown));
      loadingFramesShown = 0;
      at++;
    } else if (frame === 'runTimer' || frame === 'runImmediate') {
      const previous = out.length - 1;
      if (previous >= 0 && !out[previous].includes('(node:'))
        out[previous] = frame === 'runTimer' ? asMethodOf(out[previous], 'Timeout', '_onTimeout')
          : asMethodOf(out[previous], 'Immediate', '_onImmediate');
      if (frame === 'runTimer')
        out.push(...(withArguments ? timerWithArgumentsFrames : timerFrames));
      else
        out.push(...(withArguments ? immediateWithArgumentsFrames : immediateFrames));
    } else if (match && !match[2].startsWith('node:')) {
      const [, name, file] = match;
      let [, , , row, column] = match;
      // A getter's or setter's caller: SpiderMonkey places it at the expression's start.
      const accessor = /^    at ([gs]et) ([\w$]+) \(/.exec(lines[at - 1] ?? '');
      const access = accessor && accessorCallPlace(file, Number(row), Number(column), accessor[1], accessor[2]);
      if (access)
        [row, column] = access;
      const fixed = access ? column : callSiteColumn(file, Number(row), Number(column));
      // SpiderMonkey's own names for an anonymous function ("outer/<", "list<") are not V8's.
      const caller = framePattern.exec(lines[at + 1] ?? '');
      const call = caller && caller[2].startsWith('/') ? callAt(sourceLine(caller[2], Number(caller[3])), Number(caller[4])) : undefined;
      if (name === undefined || /\/|[^>]<$/.test(name)) {
        out.push(`    at ${file}:${row}:${fixed}`);
      } else {
        // Resumed after an await, or run by the runtime: the function was called as it was defined.
        const calledByRuntime = at + 1 >= lines.length || /\(node:internal\/process\/task_queues:/.test(lines[at + 1]);
        const source = sourceOf(file);
        const named = source ? receiverQualified(file, source[0], name, Number(row), Number(column), call, calledByRuntime) : name;
        out.push(`    at ${named} (${file}:${row}:${fixed})`);
      }
      const builtin = builtinFrameBetween(name, call);
      if (builtin)
        out.push(builtin);
    } else {
      out.push(line);
    }
  }
  return out;
}

// ---- where Node's own code calls the program's: a library line that says "// as Node: FRAME"
// is printed as that frame ("*" for the name SpiderMonkey gave it), or as several ("FRAME;
// FRAME"); ", calling Type.property" says Node calls the function above as that method.

const libraryLines = new Map();  // library file ("events") -> its lines, or null

function libraryLine(file, line) {
  if (!libraryLines.has(file)) {
    const source = natives.librarySource(file);
    libraryLines.set(file, typeof source === 'string' ? source.split('\n') : null);
  }
  return libraryLines.get(file)?.[line - 1];
}

// [Node's frames, [type, property] of the call of the function above or undefined], or undefined.
function asNodeCallSite(line) {
  const match = /^    at (?:(.*) \()?node:([\w/]+):(\d+):\d+\)?$/.exec(line);
  const marked = match && /\/\/ as Node: (.*?)(?:, calling ([\w$]+)\.([\w$]+))?$/.exec(libraryLine(match[2], Number(match[3])) ?? '');
  if (!marked)
    return undefined;
  const frames = marked[1].split('; ').map((frame) => `    at ${frame.replace('*', match[1] ?? '<anonymous>')}`);
  return [frames, marked[2] === undefined ? undefined : [marked[2], marked[3]]];
}

// A listener's frame: V8 names it as a method of the emitter's type, as it names emit's.
function asListenerOf(type, line) {
  const match = framePattern.exec(line);
  if (!match || match[2].startsWith('node:'))
    return line;
  const [, name, file, row, column] = match;
  if (name === undefined)
    return `    at ${type}.<anonymous> (${file}:${row}:${column})`;
  return /^[\w$]+$/.test(name) ? `    at ${type}.${name} (${file}:${row}:${column})` : line;
}

function withLibraryCallSites(lines) {
  const out = [];
  for (let at = 0; at < lines.length; at++) {
    const [frames, calling] = asNodeCallSite(lines[at]) ?? [[lines[at]]];
    if (calling && out.length > 0 && !out[out.length - 1].includes('(node:'))
      out[out.length - 1] = asMethodOf(out[out.length - 1], ...calling);
    out.push(...frames);
    const emitter = frames[0] !== lines[at] && /^    at ([\w$]+)\.emit \(node:events:\d+:\d+\)$/.exec(frames[0])?.[1];
    if (!emitter)
      continue;
    // The library's emit, which called the listener through the frame above, is Node's too.
    if (/^    at emit \(node:events:\d+:\d+\)$/.test(lines[at + 1] ?? ''))
      at++;
    let listener = out.length - 2;
    if (listener >= 0 && out[listener].startsWith('    at Object.onceWrapper (node:events:'))
      listener--;
    if (listener >= 0)
      out[listener] = asListenerOf(emitter, out[listener]);
  }
  return out;
}

// ---- code run by eval or made by new Function: SpiderMonkey's "file line N > eval" is V8's
// "eval at caller (file:N:column), <anonymous>", the caller being the function that called
// eval (or Function), the column that of the call on line N.

function evalOrigin(lines, at, file, line) {
  const below = lines.slice(at + 1).map((other) => framePattern.exec(other)).find((match) => match && match[2] === file && Number(match[3]) === line);
  const caller = below?.[1]?.replace(/^(?:async |new )/, '').replace(/ \[as [^\]]*\]$/, '').split('.').pop() || '<anonymous>';
  const call = /\b(?:eval|(?:new\s+)?Function)\s*\(/.exec(sourceLine(file, line) ?? '');
  return `eval at ${caller} (${file}:${line}:${call ? call.index + 1 : 1})`;
}

function withEvalOrigins(lines) {
  return lines.map((text, at) => {
    const match = framePattern.exec(text);
    const evaluated = match && /^(.+) line (\d+) > (?:eval|Function)$/.exec(match[2]);
    if (!evaluated)
      return text;
    const [, name, , row, column] = match;
    const v8Name = name === undefined || name === 'anonymous' ? 'eval' : name;
    return `    at ${v8Name} (${evalOrigin(lines, at, evaluated[1], Number(evaluated[2]))}, <anonymous>:${row}:${column})`;
  });
}

// Whether `text` just before `end` is a call, `name(...)` or `f()(...)`, not a parenthesized
// expression.
function calledJustBefore(text, end) {
  let at = end;
  while (at > 0 && /\s/.test(text[at - 1]))
    at--;
  if (text[at - 1] !== ')')
    return false;
  let depth = 0;
  for (at -= 1; at >= 0; at--) {
    if (text[at] === ')')
      depth++;
    else if (text[at] === '(' && --depth === 0)
      break;
  }
  while (at > 0 && /\s/.test(text[at - 1]))
    at--;
  return at > 0 && /[\w$)\]]/.test(text[at - 1]);
}

// SpiderMonkey places a failed property access `a.b.c` at the start of `a`; V8 a read at the
// property's name and an assignment `a.b.c = 1` at its `=`.
function atFailedAccess(lines) {
  const first = lines.findIndex((line) => line.startsWith('    at '));
  const access = first > 0 && (/^TypeError: Cannot (read|set) properties of (?:null|undefined) \((?:reading|setting) '(.*)'\)$/.exec(lines[0]) ||
    /^TypeError: Cannot (destructure) property '(.*)' of /.exec(lines[0]) ||
    /^TypeError: Cannot (?:read) (private) member (#[\w$]+) /.exec(lines[0]) ||
    /^TypeError: Cannot write private member (#[\w$]+)() /.exec(lines[0])?.with(1, 'set') ||
    /^TypeError: (?:[\w$]+\.)+([\w$]+)() is not iterable$/.exec(lines[0]));
  const match = access && framePattern.exec(lines[first]);
  if (!match)
    return lines;
  const [, name, file, row, column] = match;
  const line = sourceLine(file, Number(row));
  if (line === undefined)
    return lines;
  const text = line.slice(Number(column) - 1);
  const escaped = access[2].replace(/[$]/g, '\\$&');
  const place = access[1] === 'set' ? /^[^=]*?=(?![=>])/.exec(text)
    : access[1] === 'read' ? new RegExp(`\\.\\s*(?=${escaped}(?![\\w$]))`).exec(text)
      : access[1] === 'private' ? new RegExp(`(?=${escaped}(?![\\w$]))`).exec(text)
        : access[2] === '' ? new RegExp(`\\.\\s*(?=${access[1]}(?![\\w$]))`).exec(text) : null;
  let at;
  if (place) {
    at = Number(column) + place.index + place[0].length - (access[1] === 'set' ? 1 : 0);
    if (access[1] === 'read' && calledJustBefore(text, place.index))
      at = Number(column) + place.index;  // a property of a call's result: V8 places it at the dot
  } else {
    // A destructuring pattern's key: V8 places the failure there.
    const keys = [...line.matchAll(new RegExp(`[{,]\\s*(?=${escaped}(?![\\w$]))`, 'g'))].map((key) => key.index + key[0].length + 1);
    at = keys.filter((key) => key <= Number(column)).pop() ?? keys[0];
  }
  if (at === undefined)
    return lines;
  const where = `${file}:${row}:${at}`;
  const copy = [...lines];
  copy[first] = name === undefined ? `    at ${where}` : `    at ${name} (${where})`;
  return copy;
}

// ---- V8's async frames: the async functions that awaited the one an error came out of

const asyncFramesOf = new WeakMap();  // error -> [function, await index, file, first line, ...]
const resumedFunctionOf = new WeakMap();  // error -> the async function, resumed, that made it (perhaps)
// [promise, this, undefined, 0] among them: a promise waited on by no await (JsMicrotaskQueue.cpp).
const combinatorElementMark = -2;

// Called with what the runtime found when an error first reached a promise reaction
// (JsMicrotaskQueue), nothing when it was not thrown by a microtask: the chain of promises
// then is the nearest to the one V8 captured when the error was made; later reactions are
// further up it, or on chains made since.
function noteAsyncFrames(error, frames, rejectedPromise, thrower) {
  if (error === null || typeof error !== 'object')
    return;
  noteResumedFunction(error, thrower);
  if (asyncFramesOf.has(error))
    return;
  const found = Array.isArray(frames) ? frames : [];
  // The promise of the async function that threw it comes first, as what waits on it
  // (Promise.all, perhaps) is next.
  asyncFramesOf.set(error, rejectedPromise === undefined ? found : [rejectedPromise, combinatorElementMark, undefined, 0, ...found]);
}

// An async function still running when the error was made (one of `lines`, its frames) is not
// suspended, so not among V8's async frames.
function asyncFrameLines(error, lines) {
  const frames = asyncFramesOf.get(error);
  const running = lines.map((line) => framePattern.exec(line)).filter(Boolean).map(([, , file, row, column]) => [file, Number(row), Number(column)]);
  const out = [];
  for (let at = 0; at + 3 < frames.length; at += 4) {
    const [fn, awaitIndex, file, firstLine] = frames.slice(at, at + 4);
    if (awaitIndex === combinatorElementMark) {
      const combinator = combinatorFrame(fn);
      if (combinator)
        out.push(combinator);
      continue;
    }
    const source = sourceOf(file);
    const line = source && asyncFrame(fn, awaitIndex, file, source[0], firstLine, running);
    if (line)
      out.push(line);
  }
  return out;
}

// An error read in the microtask that made it (its outermost program frame is in the function
// that microtask runs), which no reaction has had yet: the chain of promises is as it was
// when the error was made.
function noteRunningAsyncFrames(error, lines) {
  const running = natives.runningAsyncFrames();
  if (!Array.isArray(running) || running[1] !== -1)
    return;
  const [fn, , file, firstLine] = running;
  const outermost = lines.map((line) => framePattern.exec(line)).filter((match) => match && match[2].startsWith('/')).pop();
  const source = sourceOf(file);
  const definition = source && outermost && outermost[2] === file && definitionOf(fn, file, source[0], firstLine);
  if (definition && isIn(definition, file, source[0], Number(outermost[3]), Number(outermost[4])))
    noteAsyncFrames(error, running.slice(4), undefined, fn);
}

// `fn`: the async function, resumed after an await, whose throw rejected a promise with `error`.
function noteResumedFunction(error, fn) {
  if (error !== null && typeof error === 'object' && typeof fn === 'function' && !resumedFunctionOf.has(error))
    resumedFunctionOf.set(error, fn);
}

// V8 names the frame of an async function resumed after an await, as when it was called, by
// the object the library called it on ("Timeout._onTimeout", "EventEmitter.onGo").
function withResumedReceiver(error, lines) {
  const fn = resumedFunctionOf.get(error);
  const receiver = fn && receiverOf(fn);
  if (receiver === undefined)
    return lines;
  let outermost = lines.length - 1;
  while (outermost >= 0 && !framePattern.exec(lines[outermost])?.[2].startsWith('/'))
    outermost--;
  // The outermost of the program's frames is that function's when it made the error.
  const match = outermost >= 0 && framePattern.exec(lines[outermost]);
  if (!match || (match[1] ?? '') !== fn.name)
    return lines;
  const copy = [...lines];
  copy[outermost] = `    at ${calledOn(receiver, fn)} (${match[2]}:${match[3]}:${match[4]})`;
  return copy;
}

// ---- an ES module's frames name its file by its URL

const moduleFiles = new Set();

function noteModuleFile(file) {
  moduleFiles.add(file);
}

function withModuleURLs(lines) {
  if (moduleFiles.size === 0)
    return lines;
  return lines.map((line) => {
    const match = framePattern.exec(line);
    if (!match || !moduleFiles.has(match[2]))
      return line;
    const url = `file://${encodeURI(match[2]).replace(/[?#]/g, encodeURIComponent)}`;
    return line.replace(`${match[2]}:${match[3]}:${match[4]}`, `${url}:${match[3]}:${match[4]}`);
  });
}

// The stack of `error` (the text SpiderMonkey made, header in V8's words) as Node prints it.
function asNodeFrames(error, stack) {
  const raw = stack.split('\n');
  // An error made with no JavaScript below it (a failed fs call's, made by the runtime) has
  // only its header; SpiderMonkey still ends that with a newline, V8 does not.
  if (raw.length > 1 && raw[raw.length - 1] === '')
    raw.pop();
  let lines = withNodeApiFrames(error, withEvalOrigins(withLibraryCallSites(withNodeFrames(atFailedAccess(withoutConstructorFrames(error, raw))))));
  if (!asyncFramesOf.has(error))
    noteRunningAsyncFrames(error, lines);
  if (resumedFunctionOf.has(error))
    lines = withResumedReceiver(error, lines);
  return withModuleURLs(asyncFramesOf.get(error)?.length > 0 ? [...lines, ...asyncFrameLines(error, lines)] : lines).join('\n');
}

module.exports = {
  noteModuleFile, asNodeFrames, sourceLine, sourcePosition, accessorReceiverType, noteAsyncFrames, noteResumedFunction,
  rememberSource,
};
