'use strict';
// Error.prepareStackTrace with CallSite objects: the fields programs read, Node's default
// formatting as a fallback, captureStackTrace, the stack limit and the idioms of small
// libraries (callsites, get-caller-file).
const path = require('path');

const fields = (site) => [
  site.getTypeName(), site.getFunctionName(), site.getMethodName(),
  site.getFileName() && path.basename(site.getFileName()), site.getLineNumber(), site.getColumnNumber(),
  site.isToplevel(), site.isConstructor(), site.isNative(), site.isEval(), site.isAsync(), site.isPromiseAll(),
  site.getPromiseIndex(), typeof site.getThis(), typeof site.getFunction(), site.getEvalOrigin(),
  String(site).replace(__dirname, '.'),
].map(String).join(' | ');

console.log(typeof Error.prepareStackTrace, Error.prepareStackTrace.name, Object.keys(Error));

function callsites() {
  const saved = Error.prepareStackTrace;
  try {
    let result = [];
    Error.prepareStackTrace = (_, sites) => { result = sites.slice(1); return result; };
    new Error().stack;
    return result;
  } finally {
    Error.prepareStackTrace = saved;
  }
}

function callerFile() {
  const saved = Error.prepareStackTrace;
  Error.prepareStackTrace = (_, stack) => stack;
  const stack = new Error().stack;
  Error.prepareStackTrace = saved;
  return `${path.basename(stack[2].getFileName())}:${stack[2].getLineNumber()} ${stack[1].getFunctionName()}`;
}

class Shop {
  constructor() { this.sites = callsites(); }
  sell() { return callsites(); }
  get stock() { return callsites(); }
  whoCalls() { return callerFile(); }
}
const shop = new Shop();
const plain = () => callsites();
function named() { return callsites(); }
const literal = { method() { return callsites(); } };

for (const [label, sites] of [['constructor', shop.sites], ['method', shop.sell()], ['getter', shop.stock],
  ['arrow', plain()], ['named', named()], ['literal', literal.method()], ['map', [1].map(() => callsites())[0]]]) {
  console.log(`-- ${label}`);
  for (const site of sites.slice(0, 3))
    console.log(fields(site));
}
console.log(shop.whoCalls());

// Node's default, called by a program's own prepareStackTrace to fall back on.
const nodeDefault = Error.prepareStackTrace;
const early = new Error('made before prepareStackTrace was set');
Error.prepareStackTrace = (error, sites) => `${nodeDefault(error, sites).split('\n').slice(0, 3).join('\n').replaceAll(__dirname, '.')}\n  [${sites.length} frames]`;
console.log(early.stack);
console.log(early.stack === early.stack);
class AppError extends Error {
  constructor(message) { super(message); this.name = 'AppError'; Error.captureStackTrace(this, AppError); }
}
function fail() { return new AppError('out of stock'); }
console.log(fail().stack);

Error.prepareStackTrace = (error, sites) => sites.map((site) => `${site.getFunctionName()}@${site.getLineNumber()}`).join(' ');
function outer() { return middle(); }
function middle() { return inner(); }
function inner() { const holder = {}; Error.captureStackTrace(holder, middle); return holder.stack; }
Error.stackTraceLimit = 2;
console.log(outer());
console.log(new Error().stack);
Error.stackTraceLimit = 0;
console.log(JSON.stringify(new Error('none').stack));
Error.stackTraceLimit = 10;

// Inside prepareStackTrace a stack is Node's text; what it throws is the read's.
Error.prepareStackTrace = () => typeof new Error('nested').stack;
console.log(new Error().stack);
Error.prepareStackTrace = () => { throw new RangeError('from prepareStackTrace'); };
try {
  console.log(new Error().stack);
} catch (error) {
  console.log('threw', error.message);
}
Error.prepareStackTrace = 'not a function';
console.log(new Error('plain text').stack.split('\n')[0]);
Error.prepareStackTrace = nodeDefault;
console.log(new Error('back to default').stack.split('\n')[1].replace(__dirname, '.'));
