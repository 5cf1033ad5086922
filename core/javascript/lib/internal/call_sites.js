// V8's structured stack trace API: a program that sets Error.prepareStackTrace gets, when it
// first reads an error's stack, its function called with the error and one CallSite per frame
// Node would print, and the stack is what that returns. The CallSites are read back from
// those frames' text (internal/stack_frames.js writes it as V8 would), so names, lines,
// columns and limits are the same as the printed stack's.
'use strict';

const { sourcePosition, accessorReceiverType } = require('internal/stack_frames');

// Node's own functions whose frames V8 writes otherwise than [type, function, method]:
// functions assigned to a property have that path as their name; the runtime calls
// process's callbacks, found on no property.
const nodeFunctions = {
  'Module._compile': ['Module', 'Module._compile', '_compile'],
  'Module._extensions..js': ['Object', 'Module._extensions..js', '.js'],
  'Module.load': ['Module', 'Module.load', 'load'],
  'Module._load': ['Function', 'Module._load', '_load'],
  'Module.require': ['Module', 'Module.require', 'require'],
  'process.processTicksAndRejections': ['process', 'processTicksAndRejections', null],
  'process.processTimers': ['process', 'processTimers', null],
  'process.processImmediate': ['process', 'processImmediate', null],
  // Node's callback of an fs request, an anonymous function it sets as the request's oncomplete.
  'FSReqCallback.oncomplete': ['FSReqCallback', null, 'oncomplete'],
};

// The frame's text without "    at ": "[async ][new ]name[ [as method]] (location)" or a bare
// location; V8's Promise combinator frames are "async Promise.all (index N)".
function parseFrame(text) {
  const frame = {
    text, typeName: null, functionName: null, methodName: null, fileName: null, line: null, column: null,
    evalOrigin: undefined, isToplevel: false, isEval: false, isNative: false, isConstructor: false, isAsync: false,
    promiseIndex: null, isPromiseAll: false,
  };
  const combinator = /^async Promise\.(all|allSettled|any) \(index (\d+)\)$/.exec(text);
  if (combinator) {
    Object.assign(frame, { typeName: 'Function', functionName: combinator[1], methodName: combinator[1], isAsync: true,
                           isPromiseAll: combinator[1] === 'all', promiseIndex: Number(combinator[2]) });
    return frame;
  }
  const named = /^(.*?) \((.*)\)$/.exec(text);
  let name = named ? named[1] : undefined;
  let location = named ? named[2] : text;
  if (location.startsWith('eval at ')) {
    // "eval at outer (file:line:column), <anonymous>:line:column"
    const split = location.lastIndexOf(', ');
    frame.isEval = true;
    frame.evalOrigin = location.slice(0, split);
    location = location.slice(split + 2);
  }
  const place = /^(.*):(\d+):(\d+)$/.exec(location);
  if (place) {
    frame.fileName = frame.isEval ? undefined : place[1];
    frame.line = Number(place[2]);
    frame.column = Number(place[3]);
  } else if (location === 'native') {
    frame.isNative = true;
  }
  if (name === undefined) {
    frame.isToplevel = true;
    return frame;
  }
  if (name.startsWith('async ')) {
    frame.isAsync = true;
    name = name.slice(6);
  }
  if (name.startsWith('new ')) {
    frame.isConstructor = true;
    frame.functionName = name.slice(4) === '<anonymous>' ? null : name.slice(4);
    return frame;
  }
  const alias = / \[as ([^\]]*)\]$/.exec(name);
  if (alias) {
    frame.methodName = alias[1];
    name = name.slice(0, alias.index);
  }
  // "Type.name": a method called on a receiver of that type (its constructor's name); a bare
  // name, or a path a function was assigned to ("module.exports"): called with no receiver.
  const dot = name.indexOf('.');
  if (/^[gs]et /.test(name)) {
    // An accessor: V8 writes no type before it, but has its receiver's.
    frame.typeName = frame.fileName?.startsWith('/') ? accessorReceiverType(frame.fileName, frame.line, frame.column) : 'Object';
    frame.functionName = name;
    return frame;
  }
  if (dot <= 0 || !/^(?:[A-Z]|process\.)/.test(name)) {
    frame.isToplevel = true;
    frame.functionName = name === '<anonymous>' ? null : name;
    return frame;
  }
  if (frame.fileName?.startsWith('node:') && Object.hasOwn(nodeFunctions, name)) {
    [frame.typeName, frame.functionName, frame.methodName] = nodeFunctions[name];
    return frame;
  }
  frame.typeName = name.slice(0, dot);
  const own = name.slice(dot + 1);
  // A timer's or an immediate's anonymous callback, found as the property Node calls.
  const anonymousCallback = frame.methodName === null && /^(?:Timeout\._onTimeout|Immediate\._onImmediate)$/.test(name);
  if (own !== '<anonymous>' && !anonymousCallback) {
    frame.functionName = own;
    frame.methodName ??= own;
  } else if (anonymousCallback) {
    frame.methodName = own;
  }
  return frame;
}

class CallSite {
  #frame;

  constructor(frame) {
    this.#frame = frame;
  }

  // What the frame's function ran with: V8 gives neither for strict code, and loopscope keeps
  // neither, so every frame answers as strict code's does.
  getThis() { return undefined; }
  getFunction() { return undefined; }
  getTypeName() { return this.#frame.typeName; }
  getFunctionName() { return this.#frame.functionName; }
  getMethodName() { return this.#frame.methodName; }
  getFileName() { return this.#frame.fileName; }
  getLineNumber() { return this.#frame.line; }
  getColumnNumber() { return this.#frame.column; }
  getEvalOrigin() { return this.#frame.evalOrigin; }
  getScriptNameOrSourceURL() { return this.#frame.fileName; }
  getPosition() {
    const { fileName, line, column } = this.#frame;
    return (fileName && line !== null && sourcePosition(fileName, line, column)) ?? 0;
  }
  getPromiseIndex() { return this.#frame.promiseIndex; }
  isToplevel() { return this.#frame.isToplevel; }
  isEval() { return this.#frame.isEval; }
  isNative() { return this.#frame.isNative; }
  isConstructor() { return this.#frame.isConstructor; }
  isAsync() { return this.#frame.isAsync; }
  isPromiseAll() { return this.#frame.isPromiseAll; }
  toString() { return this.#frame.text; }
}

function callSitesOf(stack) {
  const frames = stack.split('\n').filter((line) => line.startsWith('    at ')).map((line) => parseFrame(line.slice(7)));
  // A listener is called on the emitter but is none of its properties.
  for (let at = 0; at + 1 < frames.length; at++) {
    if (/^(?:[\w$]+\.emit|Object\.onceWrapper) \(node:events:/.test(frames[at + 1].text) && frames[at].typeName !== null)
      frames[at].methodName = null;
  }
  return frames.map((frame) => new CallSite(frame));
}

// Node's own errors (internal/errors.js) say their code: "TypeError [ERR_X]: message".
function errorString(error) {
  const nodeError = error !== null && typeof error === 'object' && typeof error.code === 'string' && Object.hasOwn(error, 'toString');
  return nodeError ? String(error) : Error.prototype.toString.call(error);
}

// Node's own formatting, which programs call to fall back on: `Error.prepareStackTrace(error, sites)`.
function internalPrepareStackTrace(error, trace) {
  const header = errorString(error);
  return trace.length === 0 ? header : `${header}\n    at ${trace.join('\n    at ')}`;
}

// Node's default has this name and this text.
function ErrorPrepareStackTrace(error, trace) {
  return internalPrepareStackTrace(error, trace);
}

let preparing = false;

// The program's own prepareStackTrace, or undefined: unset, Node's, or called from inside one
// (V8 then formats the stack itself).
function programPrepareStackTrace() {
  const prepare = globalThis.Error?.prepareStackTrace;
  return typeof prepare === 'function' && prepare !== ErrorPrepareStackTrace && !preparing ? prepare : undefined;
}

// The stack of `target`, whose frames as Node prints them are `text`: what the program's
// prepareStackTrace makes of them, kept as the stack from then on, or `text`.
function preparedStack(target, text) {
  const prepare = programPrepareStackTrace();
  if (prepare === undefined)
    return text;
  preparing = true;
  let stack;
  try {
    stack = prepare.call(globalThis.Error, target, callSitesOf(text));
  } finally {
    preparing = false;
  }
  Object.defineProperty(target, 'stack', { value: stack, writable: true, configurable: true, enumerable: false });
  return stack;
}

// The stack of `error` as Node prints it by default, whatever the program's prepareStackTrace.
function defaultStack(error) {
  const outer = preparing;
  preparing = true;
  try {
    return error.stack;
  } finally {
    preparing = outer;
  }
}

module.exports = { ErrorPrepareStackTrace, preparedStack, defaultStack };
