// What Node 20's JavaScript (V8 11.3) has and SpiderMonkey 102 does not: the ES2023
// array methods (findLast, toSorted, with, ...), String's isWellFormed / toWellFormed,
// and V8's Error.captureStackTrace with Error.stackTraceLimit, which programs' own
// error classes call. Installed before the program runs, as non-enumerable methods
// with the names and lengths V8 gives them.
'use strict';

function install(target, methods) {
  for (const [name, method] of Object.entries(methods)) {
    if (Object.prototype.hasOwnProperty.call(target, name))
      continue;
    Object.defineProperty(target, name, { value: method, writable: true, configurable: true, enumerable: false });
  }
}

function toIntegerOrInfinity(value) {
  const number = Number(value);
  return Number.isNaN(number) ? 0 : Math.trunc(number);
}

function relativeIndex(value, length) {
  const index = toIntegerOrInfinity(value);
  return index < 0 ? length + index : index;
}

function rangeError(message) {
  return new RangeError(message);
}

const TypedArray = Object.getPrototypeOf(Uint8Array);

const findLastMethods = {
  findLast(predicate, thisArg) {
    if (typeof predicate !== 'function')
      throw new TypeError(`${String(predicate)} is not a function`);
    for (let i = this.length - 1; i >= 0; i--) {
      if (predicate.call(thisArg, this[i], i, this))
        return this[i];
    }
    return undefined;
  },
  findLastIndex(predicate, thisArg) {
    if (typeof predicate !== 'function')
      throw new TypeError(`${String(predicate)} is not a function`);
    for (let i = this.length - 1; i >= 0; i--) {
      if (predicate.call(thisArg, this[i], i, this))
        return i;
    }
    return -1;
  },
};

install(Array.prototype, {
  ...findLastMethods,
  toReversed() {
    const copy = Array.from({ length: this.length }, (_, i) => this[i]);
    return copy.reverse();
  },
  toSorted(compare) {
    if (compare !== undefined && typeof compare !== 'function')
      throw new TypeError('The comparison function must be either a function or undefined');
    return Array.from({ length: this.length }, (_, i) => this[i]).sort(compare);
  },
  toSpliced(start, deleteCount, ...items) {
    const copy = Array.from({ length: this.length }, (_, i) => this[i]);
    if (arguments.length === 0)
      return copy;
    if (arguments.length === 1)
      copy.splice(start);
    else
      copy.splice(start, deleteCount, ...items);
    return copy;
  },
  with(index, value) {
    const at = relativeIndex(index, this.length);
    if (at < 0 || at >= this.length)
      throw rangeError('Invalid index : ' + index);
    const copy = Array.from({ length: this.length }, (_, i) => this[i]);
    copy[at] = value;
    return copy;
  },
});

install(TypedArray.prototype, {
  ...findLastMethods,
  toReversed() {
    return new this.constructor(this).reverse();
  },
  toSorted(compare) {
    if (compare !== undefined && typeof compare !== 'function')
      throw new TypeError('The comparison function must be either a function or undefined');
    return new this.constructor(this).sort(compare);
  },
  with(index, value) {
    const at = relativeIndex(index, this.length);
    if (at < 0 || at >= this.length)
      throw rangeError('Invalid typed array index');
    const copy = new this.constructor(this);
    copy[at] = value;
    return copy;
  },
});

// Each method's length as V8 reports it.
for (const [target, lengths] of [[Array.prototype, { toSpliced: 2, with: 2, toSorted: 1 }],
  [TypedArray.prototype, { with: 2, toSorted: 1 }]])
  for (const [name, length] of Object.entries(lengths))
    Object.defineProperty(target[name], 'length', { value: length });

const loneSurrogate = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
install(String.prototype, {
  isWellFormed() {
    return !new RegExp(loneSurrogate).test(String(this));
  },
  toWellFormed() {
    return String(this).replace(new RegExp(loneSurrogate, 'g'), '\uFFFD');
  },
});

// ---- V8's stack API

if (Error.stackTraceLimit === undefined)
  Error.stackTraceLimit = 10;

const framePattern = /^    at /;

// An error's stack cut to Error.stackTraceLimit frames, as V8 captures no more.
function limitFrames(stack) {
  const limit = Error.stackTraceLimit;
  if (typeof limit !== 'number' || Number.isNaN(limit) || limit === Infinity)
    return stack;
  const lines = stack.split('\n');
  const firstFrame = lines.findIndex((line) => framePattern.test(line));
  if (firstFrame === -1)
    return stack;
  return lines.slice(0, firstFrame + Math.max(0, limit)).join('\n');
}

function headerOf(target) {
  let name;
  let message;
  try {
    name = target.name === undefined ? 'Error' : String(target.name);
    message = target.message === undefined ? '' : String(target.message);
  } catch {
    return 'Error';
  }
  if (name === '')
    return message;
  return message === '' ? name : `${name}: ${message}`;
}

install(Error, {
  captureStackTrace(target, constructorOpt) {
    if (target === null || (typeof target !== 'object' && typeof target !== 'function'))
      throw new TypeError('Invalid argument');
    const { defaultStack, preparedStack } = require('internal/call_sites');
    // All the frames, to cut above constructorOpt before the limit applies.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = Infinity;
    let frames;
    try {
      frames = defaultStack(new Error()).split('\n').filter((line) => framePattern.test(line)).slice(1);
    } finally {
      Error.stackTraceLimit = limit;
    }
    if (typeof constructorOpt === 'function') {
      const name = constructorOpt.name;
      const at = frames.findIndex((line) => line.startsWith(`    at new ${name} (`) ||
        line.startsWith(`    at ${name} (`) || line.includes(`.${name} (`));
      frames = at === -1 ? [] : frames.slice(at + 1);
    }
    // V8 writes the stack when it is first read: the header with the name and message the
    // target has then (a constructor often sets them after this call), through the
    // prepareStackTrace set then. It is a value from then on.
    const kept = limitFrames(['', ...frames].join('\n')).split('\n').slice(1);
    const settle = (value) => Object.defineProperty(target, 'stack', { value, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(target, 'stack', {
      get() {
        const text = [headerOf(target), ...kept].join('\n');
        const stack = preparedStack(target, text);
        if (stack === text)
          settle(text);
        return stack;
      },
      set: settle,
      configurable: true,
      enumerable: false,
    });
  },
});

// Node 20 gives Symbol.dispose and Symbol.asyncDispose (registered as nodejs.dispose and
// nodejs.asyncDispose) ahead of the language.
for (const [name, key] of [['dispose', 'nodejs.dispose'], ['asyncDispose', 'nodejs.asyncDispose']]) {
  if (Symbol[name] === undefined)
    Object.defineProperty(Symbol, name, { value: Symbol.for(key), writable: false, enumerable: false, configurable: false });
}

module.exports = { limitFrames };
