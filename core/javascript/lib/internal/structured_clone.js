// structuredClone(value[, options]): the HTML structured clone, as Node 20 gets it
// from V8's ValueSerializer and Deserializer (src/objects/value-serializer.cc):
// what can be cloned, in which order properties are read, and the
// DataCloneError of what cannot, with V8's description of the value.
'use strict';

const util = require('util');
const { DOMException } = require('internal/dom_exception');
const { bindingError } = require('internal/errors');

const types = util.types;
const binding = (() => {
  try {
    return require('internal:binding') || {};
  } catch {
    return {};
  }
})();

function dataCloneError(message) {
  return new DOMException(message, 'DataCloneError');
}

// ---- V8's Object::NoSideEffectsToString, which names the value in the error

// A property's value when it is a data property, found without running code.
function dataProperty(object, key) {
  for (let at = object; at !== null && (typeof at === 'object' || typeof at === 'function');
    at = Object.getPrototypeOf(at)) {
    if (types.isProxy(at))
      return undefined;
    const descriptor = Object.getOwnPropertyDescriptor(at, key);
    if (descriptor !== undefined)
      return 'value' in descriptor ? descriptor.value : undefined;
  }
  return undefined;
}

// V8 prints built-in functions as "function name() { [native code] }".
function functionSource(fn) {
  const source = Function.prototype.toString.call(fn);
  if (/^function\b[^(]*\(\) \{\s*\[native code\]\s*\}$/.test(source)) {
    const name = typeof fn.name === 'string' ? fn.name : '';
    return name.startsWith('bound ') ? 'function () { [native code] }' : `function ${name}() { [native code] }`;
  }
  return source;
}

function proxyTarget(value) {
  if (typeof binding.getProxyDetails !== 'function')
    return undefined;
  const target = binding.getProxyDetails(value, false);
  return target === null ? undefined : target;
}

function builtinTag(value) {
  if (Array.isArray(value)) return 'Array';
  if (types.isWeakMap(value)) return 'WeakMap';
  if (types.isWeakSet(value)) return 'WeakSet';
  if (types.isPromise(value)) return 'Promise';
  if (types.isWeakRef(value)) return 'WeakRef';
  return 'Object';
}

function describe(value) {
  if (typeof value === 'symbol')
    return String(value);
  if (types.isProxy(value)) {
    const target = proxyTarget(value);
    if (target !== undefined)
      return describe(target);
  }
  if (typeof value === 'function')
    return functionSource(value);
  const toString = dataProperty(value, 'toString');
  if (toString === Object.prototype.toString) {
    const constructor = dataProperty(value, 'constructor');
    if (typeof constructor === 'function') {
      const name = dataProperty(constructor, 'name');
      if (typeof name === 'string' && name !== '')
        return `#<${name}>`;
    }
  }
  const tag = dataProperty(value, Symbol.toStringTag);
  return `[object ${typeof tag === 'string' ? tag : builtinTag(value)}]`;
}

function uncloneable(value) {
  return dataCloneError(`${describe(value)} could not be cloned.`);
}

// ---- what V8 cannot serialize

const prototypesOfUncloneables = [
  Object.getPrototypeOf([][Symbol.iterator]()),
  Object.getPrototypeOf(''[Symbol.iterator]()),
  Object.getPrototypeOf(/x/[Symbol.matchAll](''))
];
if (typeof FinalizationRegistry === 'function')
  prototypesOfUncloneables.push(FinalizationRegistry.prototype);

function isUncloneableObject(value) {
  return value === globalThis ||
    types.isPromise(value) || types.isWeakMap(value) || types.isWeakSet(value) ||
    types.isWeakRef(value) || types.isGeneratorObject(value) || types.isMapIterator(value) ||
    types.isSetIterator(value) || types.isArgumentsObject(value) || types.isModuleNamespaceObject(value) ||
    types.isSymbolObject(value) ||
    prototypesOfUncloneables.some((proto) => Object.prototype.isPrototypeOf.call(proto, value));
}

// Objects that cross only in a transfer list (MessagePort): worker_threads names their
// prototype here.
const prototypesNeedingTransfer = [];

function markNeedsTransfer(prototype) {
  prototypesNeedingTransfer.push(prototype);
}

// ---- the clone

const errorPrototypes = new Map([
  ['EvalError', EvalError],
  ['RangeError', RangeError],
  ['ReferenceError', ReferenceError],
  ['SyntaxError', SyntaxError],
  ['TypeError', TypeError],
  ['URIError', URIError],
]);

// What SpiderMonkey adds to every error and V8 does not have.
const engineOnlyErrorKeys = ['fileName', 'lineNumber', 'columnNumber'];

class Cloner {
  // `keepBuffers`: a Buffer's clone is a Buffer, as v8.serialize's round trip gives back.
  constructor(transferred, keepBuffers = false) {
    this.keepBuffers = keepBuffers;
    this.clones = new Map(transferred);
    // V8 makes an error only once its cause is read: a reference back to an
    // error from inside its cause cannot be deserialized.
    this.errorsInProgress = new Set();
  }

  clone(value) {
    if ((typeof value !== 'object' || value === null) && typeof value !== 'function') {
      if (typeof value === 'symbol')
        throw uncloneable(value);
      return value;
    }
    if (this.errorsInProgress.has(value))
      throw new Error('Unable to deserialize cloned data.');
    const known = this.clones.get(value);
    if (known !== undefined)
      return known;
    if (typeof value === 'function' || types.isProxy(value))
      throw uncloneable(value);
    if (Array.isArray(value))
      return this.cloneArray(value);
    if (types.isDate(value))
      return this.remember(value, new Date(Date.prototype.getTime.call(value)));
    if (types.isRegExp(value)) {
      const source = Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get.call(value);
      const flags = Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get.call(value);
      return this.remember(value, new RegExp(source, flags));
    }
    if (types.isMap(value))
      return this.cloneMap(value);
    if (types.isSet(value))
      return this.cloneSet(value);
    if (types.isArrayBuffer(value))
      return this.remember(value, ArrayBuffer.prototype.slice.call(value, 0));
    if (types.isSharedArrayBuffer(value))
      return this.remember(value, value);
    if (types.isArrayBufferView(value))
      return this.cloneView(value);
    if (types.isNativeError(value))
      return this.cloneError(value);
    if (types.isBoxedPrimitive(value) && !types.isSymbolObject(value))
      return this.remember(value, Object(value.valueOf()));
    if (isUncloneableObject(value))
      throw uncloneable(value);
    if (prototypesNeedingTransfer.some((proto) => Object.prototype.isPrototypeOf.call(proto, value))) {
      throw bindingError(TypeError, 'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST',
        'Object that needs transfer was found in message but not listed in transferList');
    }
    return this.cloneObject(value);
  }

  remember(value, clone) {
    this.clones.set(value, clone);
    return clone;
  }

  // Own enumerable string keys as they are now; a key a getter deleted meanwhile is skipped.
  copyProperties(source, target, keys) {
    for (const key of keys) {
      if (!Object.prototype.hasOwnProperty.call(source, key))
        continue;
      target[key] = this.clone(source[key]);
    }
  }

  cloneObject(value) {
    const clone = this.remember(value, {});
    this.copyProperties(value, clone, Object.keys(value));
    return clone;
  }

  cloneArray(value) {
    const clone = this.remember(value, new Array(value.length));
    this.copyProperties(value, clone, Object.keys(value));
    return clone;
  }

  cloneMap(value) {
    const clone = this.remember(value, new Map());
    const entries = [...Map.prototype.entries.call(value)];
    for (const [key, entry] of entries)
      Map.prototype.set.call(clone, this.clone(key), this.clone(entry));
    return clone;
  }

  cloneSet(value) {
    const clone = this.remember(value, new Set());
    const items = [...Set.prototype.values.call(value)];
    for (const item of items)
      Set.prototype.add.call(clone, this.clone(item));
    return clone;
  }

  // The buffer first (views that share one share its clone), then the view,
  // which becomes a plain typed array or DataView.
  cloneView(value) {
    const buffer = this.clone(value.buffer);
    if (this.keepBuffers && Buffer.isBuffer(value))
      return this.remember(value, Buffer.from(buffer, value.byteOffset, value.length));
    if (types.isDataView(value))
      return this.remember(value, new DataView(buffer, value.byteOffset, value.byteLength));
    const tag = Object.prototype.toString.call(value).slice(8, -1);
    const View = globalThis[types.isUint8Array(value) ? 'Uint8Array' : tag];
    return this.remember(value, new View(buffer, value.byteOffset, value.length));
  }

  cloneError(value) {
    const messageDescriptor = Object.getOwnPropertyDescriptor(value, 'message');
    const causeDescriptor = Object.getOwnPropertyDescriptor(value, 'cause');
    const name = `${value.name}`;
    const Constructor = errorPrototypes.get(name) || Error;
    const message = messageDescriptor !== undefined && 'value' in messageDescriptor ?
      `${messageDescriptor.value}` : undefined;
    const stack = value.stack;
    const clone = this.remember(value, new Constructor(message));
    for (const key of engineOnlyErrorKeys)
      delete clone[key];
    if (typeof stack === 'string') {
      Object.defineProperty(clone, 'stack', {
        value: stack, writable: true, configurable: true, enumerable: false,
      });
    } else {
      Object.defineProperty(clone, 'stack', {
        value: undefined, writable: true, configurable: true, enumerable: false,
      });
    }
    if (causeDescriptor !== undefined && 'value' in causeDescriptor) {
      this.errorsInProgress.add(value);
      const cause = this.clone(causeDescriptor.value);
      this.errorsInProgress.delete(value);
      Object.defineProperty(clone, 'cause', {
        value: cause, writable: true, configurable: true, enumerable: false,
      });
    }
    return clone;
  }
}

// options.transfer: ArrayBuffers whose memory moves to the clone; the
// originals are detached.
function transferredBuffers(options) {
  if (options === undefined || options === null)
    return [];
  if (typeof options !== 'object') {
    throw bindingError(TypeError, 'ERR_INVALID_ARG_TYPE',
                        'The options argument must be either an object or undefined');
  }
  const transfer = options.transfer;
  if (transfer === undefined || transfer === null)
    return [];
  if (typeof transfer !== 'object' || typeof transfer[Symbol.iterator] !== 'function') {
    throw bindingError(TypeError, 'ERR_INVALID_ARG_TYPE',
                        'Optional transferList argument must be an iterable');
  }
  const list = [...transfer];
  const seen = new Set();
  for (const item of list) {
    if (!types.isArrayBuffer(item)) {
      throw bindingError(TypeError, 'ERR_INVALID_TRANSFER_OBJECT', 'Found invalid object in transferList');
    }
    if (seen.has(item))
      throw dataCloneError('Transfer list contains duplicate ArrayBuffer');
    seen.add(item);
  }
  return [...seen];
}

// A transferred buffer's memory goes to its clone; the original is left with
// none (detached) once the clone is made.
function detach(buffer) {
  binding.detachArrayBuffer(buffer);
}

// Node's structuredClone has length 0: `value` is checked by hand.
function structuredClone(...args) {
  if (args.length === 0)
    throw bindingError(TypeError, 'ERR_MISSING_ARGS', 'The value argument must be specified');
  const [value, options] = args;
  return cloneKeeping(value, options, []);
}

// A transferred buffer's memory, in the clone; one transferred before has none left.
function movedMemory(buffer) {
  try {
    return ArrayBuffer.prototype.slice.call(buffer, 0);
  } catch {
    return new ArrayBuffer(0);
  }
}

// The clone of `value` in which the objects of `kept` (MessagePorts a message transfers)
// stay themselves, for the writer of the message to name.
function cloneKeeping(value, options, kept, keepBuffers = false) {
  const transferred = transferredBuffers(options);
  const cloner = new Cloner([
    ...transferred.map((buffer) => [buffer, movedMemory(buffer)]),
    ...kept.map((object) => [object, object]),
  ], keepBuffers);
  const clone = cloner.clone(value);
  transferred.forEach(detach);
  return clone;
}

module.exports = { structuredClone, cloneKeeping, markNeedsTransfer };
