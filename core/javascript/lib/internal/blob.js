// Blob (global, and require('buffer').Blob): immutable bytes with a MIME type. Node reads a
// blob's parts one at a time, a microtask apart, so text() and arrayBuffer() settle as many
// microtasks later as the blob has parts; the library keeps the parts to do the same.
'use strict';

const { invalidArgTypeError } = require('internal/errors');

const kParts = Symbol('kParts');
const kType = Symbol('kType');
const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kShownFields = Symbol('kShownFields');

function bytesOf(source) {
  if (typeof source === 'string')
    return [new TextEncoder().encode(source)];
  if (source instanceof Blob)
    return source[kParts];
  if (source instanceof ArrayBuffer || source instanceof SharedArrayBuffer)
    return [new Uint8Array(source.slice(0))];
  if (ArrayBuffer.isView(source))
    return [new Uint8Array(source.buffer.slice(source.byteOffset, source.byteOffset + source.byteLength))];
  return [new TextEncoder().encode(String(source))];
}

function isSequence(value) {
  return value !== null && typeof value === 'object' && typeof value[Symbol.iterator] === 'function';
}

// Node lowercases a type of printable ASCII and drops any other.
function normalizedType(type) {
  const text = `${type}`;
  return /^[\x20-\x7e]*$/.test(text) ? text.toLowerCase() : '';
}

class Blob {
  constructor(sources = [], options) {
    if (!isSequence(sources))
      throw invalidArgTypeError('sources', 'a sequence', sources);
    if (options !== undefined && (options === null || typeof options !== 'object'))
      throw invalidArgTypeError('options', 'Object', options);
    const parts = [];
    for (const source of sources)
      parts.push(...bytesOf(source));
    this[kParts] = parts;
    this[kType] = normalizedType(options?.type ?? '');
  }

  get size() {
    return this[kParts].reduce((total, part) => total + part.byteLength, 0);
  }

  get type() {
    return this[kType];
  }

  slice(start = 0, end = this.size, contentType = '') {
    const size = this.size;
    const from = start < 0 ? Math.max(size + start, 0) : Math.min(start, size);
    const to = end < 0 ? Math.max(size + end, 0) : Math.min(end, size);
    const sliced = new Blob([], { type: contentType });
    if (to <= from)
      return sliced;
    // As Node's slice: a part that ends where the slice starts stays, empty.
    let offset = 0;
    for (const part of this[kParts]) {
      const partEnd = offset + part.byteLength;
      if (partEnd >= from && offset < to)
        sliced[kParts].push(part.subarray(Math.max(from - offset, 0), Math.min(to, partEnd) - offset));
      offset = partEnd;
    }
    return sliced;
  }

  // Node's reader takes a part, then (from the second part on) two microtasks for each further
  // one: a blob of k parts settles 2k - 1 microtasks later, an empty one at once.
  arrayBuffer() {
    const parts = this[kParts];
    const whole = blobBytes(this);
    return new Promise((resolve) => {
      let hops = parts.length === 0 ? 0 : 2 * parts.length - 1;
      const step = () => {
        if (hops-- === 0)
          resolve(whole.buffer);
        else
          queueMicrotask(step);
      };
      step();
    });
  }

  async text() {
    return new TextDecoder().decode(await this.arrayBuffer());
  }

  get [Symbol.toStringTag]() {
    return 'Blob';
  }

  [kInspect](depth, options) {
    if (depth < 0)
      return this;
    return `${this.constructor.name} ${require('util').inspect(this.#shown(), { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }

  #shown() {
    return { size: this.size, type: this.type, ...this[kShownFields]?.() };
  }
}

class File extends Blob {
  #name;
  #lastModified;

  constructor(bits, name, options = {}) {
    super(bits, options);
    if (arguments.length < 2)
      throw require('internal/errors').missingArgsError('fileBits', 'fileName');
    this.#name = `${name}`;
    this.#lastModified = options?.lastModified !== undefined ? Number(options.lastModified) : Date.now();
  }

  get name() {
    return this.#name;
  }

  get lastModified() {
    return this.#lastModified;
  }

  [kShownFields]() {
    return { name: this.#name, lastModified: this.#lastModified };
  }

  get [Symbol.toStringTag]() {
    return 'File';
  }
}

// The bytes of a blob, at once (for a body fetch sends).
function blobBytes(blob) {
  const whole = new Uint8Array(blob.size);
  let offset = 0;
  for (const part of blob[kParts]) {
    whole.set(part, offset);
    offset += part.byteLength;
  }
  return whole;
}

function isBlob(value) {
  return value instanceof Blob;
}

function resolveObjectURL() {
  return undefined;
}

module.exports = { Blob, File, blobBytes, isBlob, resolveObjectURL };
