// FormData (global), as Node 20's (undici's): entries of a name and a string or File value,
// kept in order, and the multipart/form-data body fetch sends for one (with undici's random
// boundary and its escaping of names and file names).
'use strict';

const { Blob, File, blobBytes } = require('internal/blob');

const kEntries = Symbol('entries');
const kInspect = Symbol.for('nodejs.util.inspect.custom');

function illegalInvocation() {
  const error = new TypeError('Illegal invocation');
  error.code = 'ERR_INVALID_THIS';
  return error;
}

function checkThis(self) {
  if (!(self instanceof FormData))
    throw illegalInvocation();
}

function checkArgumentCount(count, min, method) {
  if (count < min) {
    throw new TypeError(`FormData.${method}: ${min} argument${min !== 1 ? 's' : ''} required, ` +
                        `but${count ? ' only' : ''} ${count} found.`);
  }
}

// undici's makeEntry: a Blob becomes a File named 'blob', or the file name given.
function makeEntry(name, value, filename) {
  if (typeof value !== 'string') {
    if (!(value instanceof File))
      value = new File([value], 'blob', { type: value.type });
    if (filename !== undefined)
      value = new File([value], filename, { type: value.type, lastModified: value.lastModified });
  }
  return { name, value };
}

function entryOf(args, method) {
  checkArgumentCount(args.length, 2, method);
  const [name, value, filename] = args;
  const isBlob = value instanceof Blob;
  if (args.length === 3 && !isBlob)
    throw new TypeError(`Failed to execute '${method}' on 'FormData': parameter 2 is not of type 'Blob'`);
  return makeEntry(`${name}`, isBlob ? value : `${value}`, args.length === 3 ? `${filename}` : undefined);
}

class FormData {
  constructor(form) {
    if (form !== undefined)
      throw new TypeError('FormData constructor: Argument 1 could not be converted to: undefined.');
    this[kEntries] = [];
  }

  append(...args) {
    checkThis(this);
    this[kEntries].push(entryOf(args, 'append'));
  }

  delete(...args) {
    checkThis(this);
    checkArgumentCount(args.length, 1, 'delete');
    const name = `${args[0]}`;
    this[kEntries] = this[kEntries].filter((entry) => entry.name !== name);
  }

  get(...args) {
    checkThis(this);
    checkArgumentCount(args.length, 1, 'get');
    const name = `${args[0]}`;
    const found = this[kEntries].find((entry) => entry.name === name);
    return found === undefined ? null : found.value;
  }

  getAll(...args) {
    checkThis(this);
    checkArgumentCount(args.length, 1, 'getAll');
    const name = `${args[0]}`;
    return this[kEntries].filter((entry) => entry.name === name).map((entry) => entry.value);
  }

  has(...args) {
    checkThis(this);
    checkArgumentCount(args.length, 1, 'has');
    const name = `${args[0]}`;
    return this[kEntries].some((entry) => entry.name === name);
  }

  // Replaces the first entry of the name and drops the others.
  set(...args) {
    checkThis(this);
    const entry = entryOf(args, 'set');
    const entries = this[kEntries];
    const index = entries.findIndex((other) => other.name === entry.name);
    if (index === -1)
      entries.push(entry);
    else
      this[kEntries] = [...entries.slice(0, index), entry, ...entries.slice(index + 1).filter((other) => other.name !== entry.name)];
  }

  keys() {
    checkThis(this);
    return makeIterator(this, 'key');
  }

  values() {
    checkThis(this);
    return makeIterator(this, 'value');
  }

  entries() {
    checkThis(this);
    return makeIterator(this, 'key+value');
  }

  forEach(callback, thisArg = globalThis) {
    checkThis(this);
    checkArgumentCount(arguments.length, 1, 'forEach');
    if (typeof callback !== 'function')
      throw new TypeError("Failed to execute 'forEach' on 'FormData': parameter 1 is not of type 'Function'.");
    for (const [name, value] of this.entries())
      callback.call(thisArg, value, name, this);
  }

  // undici prints the entries as an object: a name given more than once shows its values as
  // an array.
  [kInspect](depth, options, inspect) {
    const shown = { __proto__: null };
    for (const { name, value } of this[kEntries]) {
      if (shown[name] === undefined)
        shown[name] = value;
      else if (Array.isArray(shown[name]))
        shown[name].push(value);
      else
        shown[name] = [shown[name], value];
    }
    const output = require('util').formatWithOptions({ ...options, depth: options.depth ?? depth }, shown);
    return `FormData ${output.slice(output.indexOf(']') + 2)}`;
  }
}

FormData.prototype[Symbol.iterator] = FormData.prototype.entries;
for (const method of ['append', 'delete', 'get', 'getAll', 'has', 'set', 'keys', 'values', 'entries', 'forEach'])
  Object.defineProperty(FormData.prototype, method, { enumerable: true });
Object.defineProperty(FormData.prototype, Symbol.toStringTag, { value: 'FormData', configurable: true });

// Walks the entries live, as undici's iterator does (entries added meanwhile are seen). Its
// prototype sits on %IteratorPrototype% with no constructor of its own, so it prints as
// Object [FormData Iterator].
const iteratorStates = new WeakMap();
const formDataIteratorPrototype = Object.create(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), {
  next: {
    value: function next() {
      const state = iteratorStates.get(this);
      if (state === undefined)
        throw illegalInvocation();
      const entries = state.target[kEntries];
      if (state.index >= entries.length)
        return { value: undefined, done: true };
      const { name, value } = entries[state.index++];
      return { value: state.kind === 'key' ? name : state.kind === 'value' ? value : [name, value], done: false };
    },
    writable: true,
    enumerable: true,
    configurable: true,
  },
  [Symbol.toStringTag]: { value: 'FormData Iterator', configurable: true },
});

function makeIterator(target, kind) {
  const iterator = Object.create(formDataIteratorPrototype);
  iteratorStates.set(iterator, { target, kind, index: 0 });
  return iterator;
}

const encoder = new TextEncoder();

// undici's extractBody for a FormData: each entry as a part, file values with their name and
// type, then the closing boundary.
function multipartBody(formData) {
  const boundary = `----formdata-undici-0${`${Math.floor(Math.random() * 1e11)}`.padStart(11, '0')}`;
  const prefix = `--${boundary}\r\nContent-Disposition: form-data`;
  const escape = (text) => text.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
  const normalizeLinefeeds = (text) => text.replace(/\r?\n|\r/g, '\r\n');
  const parts = [];
  for (const { name, value } of formData[kEntries]) {
    if (typeof value === 'string') {
      parts.push(encoder.encode(`${prefix}; name="${escape(normalizeLinefeeds(name))}"\r\n\r\n${normalizeLinefeeds(value)}\r\n`));
    } else {
      parts.push(encoder.encode(`${prefix}; name="${escape(normalizeLinefeeds(name))}"` +
                                (value.name ? `; filename="${escape(value.name)}"` : '') +
                                `\r\nContent-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`),
                 blobBytes(value), encoder.encode('\r\n'));
    }
  }
  parts.push(encoder.encode(`--${boundary}--\r\n`));
  return { parts, type: `multipart/form-data; boundary=${boundary}` };
}

module.exports = { FormData, multipartBody };
