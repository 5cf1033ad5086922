// A value as it crosses between threads (postMessage, workerData, a worker's error): the
// structured clone of lib/internal/structured_clone.js - which decides what can be cloned
// and throws Node's DataCloneError for what cannot - written as a tape of plain text, so
// that the receiving thread's context rebuilds it: cycles, shared references, Maps, Sets,
// Dates, RegExps, buffers, typed arrays and errors included. A SharedArrayBuffer is not
// copied: both threads see the same memory (JsSharedMemory.cpp).
'use strict';

const util = require('util');
const natives = require('internal:binding');
const { structuredClone, cloneKeeping } = require('internal/structured_clone');

// How MessagePorts (lib/worker_threads.js) are written and read: by the id of their
// endpoint in the process's port hub.
let portCodec = { isPort: () => false };

function setPortCodec(codec) {
  portCodec = codec;
}

const types = util.types;

// ---- writing

function numberEntry(value) {
  if (Number.isFinite(value) && !Object.is(value, -0))
    return value;
  return { t: 'n', v: Object.is(value, -0) ? '-0' : String(value) };
}

function bytesOf(buffer, offset = 0, length = buffer.byteLength) {
  const bytes = new Uint8Array(buffer, offset, length);
  let text = '';
  for (let at = 0; at < bytes.length; at += 8192)
    text += String.fromCharCode.apply(null, bytes.subarray(at, at + 8192));
  return text;
}

class TapeWriter {
  // `errorProperties`: an error keeps its own enumerable properties (`code`, ...), as
  // Node's serializeError keeps them for a worker's uncaught exception.
  constructor(errorProperties = false) {
    this.seen = new Map();
    this.errorProperties = errorProperties;
  }

  entry(value) {
    switch (typeof value) {
      case 'undefined': return { t: 'u' };
      case 'number': return numberEntry(value);
      case 'bigint': return { t: 'bi', v: value.toString() };
      case 'string':
      case 'boolean': return value;
      default: break;
    }
    if (value === null)
      return null;
    const known = this.seen.get(value);
    if (known !== undefined)
      return { t: 'ref', i: known };
    const index = this.seen.size;
    this.seen.set(value, index);
    return this.object(value, index);
  }

  properties(value) {
    return Object.keys(value).map((key) => [key, this.entry(value[key])]);
  }

  object(value, i) {
    if (portCodec.isPort(value))
      return { t: 'port', i, e: portCodec.endpointOf(value) };
    if (Array.isArray(value))
      return { t: 'a', i, n: value.length, p: this.properties(value) };
    if (types.isDate(value))
      return { t: 'date', i, v: numberEntry(value.getTime()) };
    if (types.isRegExp(value))
      return { t: 're', i, s: value.source, f: value.flags };
    if (types.isMap(value))
      return { t: 'map', i, e: [...value].map(([k, v]) => [this.entry(k), this.entry(v)]) };
    if (types.isSet(value))
      return { t: 'set', i, e: [...value].map((v) => this.entry(v)) };
    if (types.isSharedArrayBuffer(value))
      return { t: 'sab', i, k: natives.sharedMemoryExport(value) };
    if (types.isAnyArrayBuffer(value))
      return { t: 'ab', i, b: bytesOf(value) };
    if (types.isArrayBufferView(value)) {
      const kind = types.isDataView(value) ? 'DataView'
        : Buffer.isBuffer(value) ? 'Buffer' : Object.prototype.toString.call(value).slice(8, -1);
      const length = types.isDataView(value) ? value.byteLength : value.length;
      return { t: 'view', i, k: kind, b: this.entry(value.buffer), o: value.byteOffset, n: length };
    }
    if (types.isNativeError(value)) {
      const error = { t: 'err', i, name: value.name, message: value.message, stack: value.stack };
      if (Object.prototype.hasOwnProperty.call(value, 'cause'))
        error.cause = this.entry(value.cause);
      if (this.errorProperties)
        error.p = this.properties(value);
      return error;
    }
    if (types.isBoxedPrimitive(value))
      return { t: 'box', i, v: this.entry(value.valueOf()) };
    return { t: 'o', i, p: this.properties(value) };
  }
}

// The tape of `value`, or the DataCloneError Node throws for it. `ports`: the MessagePorts
// that move with it (out of the transfer list, which keeps its buffers); `keepBuffers`: a
// Buffer stays one (v8.serialize), where a message makes it a Uint8Array.
function serialize(value, transferList, ports = [], keepBuffers = false) {
  const clone = cloneKeeping(value, transferList === undefined ? undefined : { transfer: transferList }, ports, keepBuffers);
  return JSON.stringify(new TapeWriter().entry(clone));
}

// A worker's uncaught exception for its parent's 'error' event: an error keeps its own
// properties; a value that cannot be cloned is sent as its inspect() text.
function serializeError(error) {
  try {
    if (types.isNativeError(error)) {
      const clone = structuredClone(error);
      for (const key of Object.keys(error))
        clone[key] = structuredClone(error[key]);
      return JSON.stringify(new TapeWriter(true).entry(clone));
    }
    return serialize(error);
  } catch {
    return serialize(util.inspect(error));
  }
}

// ---- reading

const errorTypes = { EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };

class TapeReader {
  constructor() {
    this.objects = [];
  }

  value(entry) {
    if (entry === null || typeof entry !== 'object')
      return entry;
    switch (entry.t) {
      case 'u': return undefined;
      case 'n': return entry.v === '-0' ? -0 : Number(entry.v);
      case 'bi': return BigInt(entry.v);
      case 'ref': return this.objects[entry.i];
      default: return this.object(entry);
    }
  }

  keep(entry, object) {
    this.objects[entry.i] = object;
    return object;
  }

  fill(target, pairs) {
    for (const [key, entry] of pairs)
      target[key] = this.value(entry);
    return target;
  }

  object(entry) {
    switch (entry.t) {
      case 'a': return this.fill(this.keep(entry, new Array(entry.n)), entry.p);
      case 'o': return this.fill(this.keep(entry, {}), entry.p);
      case 'date': return this.keep(entry, new Date(this.value(entry.v)));
      case 're': return this.keep(entry, new RegExp(entry.s, entry.f));
      case 'map': {
        const map = this.keep(entry, new Map());
        for (const [key, value] of entry.e)
          map.set(this.value(key), this.value(value));
        return map;
      }
      case 'set': {
        const set = this.keep(entry, new Set());
        for (const item of entry.e)
          set.add(this.value(item));
        return set;
      }
      case 'sab': return this.keep(entry, natives.sharedMemoryImport(entry.k));
      case 'ab': {
        const buffer = this.keep(entry, new ArrayBuffer(entry.b.length));
        const bytes = new Uint8Array(buffer);
        for (let at = 0; at < entry.b.length; ++at)
          bytes[at] = entry.b.charCodeAt(at);
        return buffer;
      }
      case 'view': {
        // The buffer comes first, as in the writer, so a shared buffer stays shared.
        const index = entry.i;
        const buffer = this.value(entry.b);
        if (entry.k === 'Buffer')
          return this.keep({ i: index }, Buffer.from(buffer, entry.o, entry.n));
        const View = globalThis[entry.k];
        return this.keep({ i: index }, new View(buffer, entry.o, entry.n));
      }
      case 'err': {
        const Type = errorTypes[entry.name] || Error;
        const error = this.keep(entry, new Type(entry.message));
        for (const key of ['fileName', 'lineNumber', 'columnNumber'])
          delete error[key];
        Object.defineProperty(error, 'stack', { value: entry.stack, writable: true, configurable: true, enumerable: false });
        if (entry.p)
          this.fill(error, entry.p);
        if ('cause' in entry) {
          Object.defineProperty(error, 'cause',
            { value: this.value(entry.cause), writable: true, configurable: true, enumerable: false });
        }
        return error;
      }
      case 'box': return this.keep(entry, Object(this.value(entry.v)));
      case 'port': return this.keep(entry, portCodec.adopt(entry.e));
      default: throw new Error(`unknown entry in a message's tape: ${entry.t}`);
    }
  }
}

function deserialize(tape) {
  return new TapeReader().value(JSON.parse(tape));
}

module.exports = { serialize, serializeError, deserialize, setPortCodec };
