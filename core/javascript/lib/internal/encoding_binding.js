// What Node's internal/encoding.js gets from C++, in JavaScript:
// internalBinding('encoding_binding') (src/encoding_binding.cc: UTF-8 encoding
// and the whole-input UTF-8 and Latin-1 decoders), the ICU converters of
// internalBinding('icu') for streaming and the other encodings (here utf-8,
// utf-16le, utf-16be and windows-1252; Node's ICU has more), and the helpers
// of lib/internal/util.js it uses. internal/encoding.js keeps the lines of
// Node's own file; what differs lives here.
//
// Ported from Node.js v20 (src/encoding_binding.cc, src/node_i18n.cc,
// lib/internal/util.js). Copyright Node.js contributors. MIT licence: see
// the notice in util.js.
'use strict';

const stringBytes = require('internal/string_bytes');
const { bindingError } = require('internal/errors');

function isAnyArrayBuffer(value) {
  try {
    Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get.call(value);
    return true;
  } catch {
    return typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer;
  }
}

function bytesOf(input, message) {
  if (ArrayBuffer.isView(input))
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (input !== null && typeof input === 'object' && isAnyArrayBuffer(input))
    return new Uint8Array(input);
  throw bindingError(TypeError, 'ERR_INVALID_ARG_TYPE', message);
}

function invalidDataError(encoding) {
  return bindingError(TypeError, 'ERR_ENCODING_INVALID_ENCODED_DATA',
                      `The encoded data was not valid for encoding ${encoding}`);
}

// ---------------------------------------------------------------------------
// internalBinding('encoding_binding')

// [read, written] of the last encodeInto.
const encodeIntoResults = new Uint32Array(2);

function encodeInto(source, dest) {
  const { read, written } = stringBytes.utf8Write(dest, source, 0, dest.length);
  encodeIntoResults[0] = read;
  encodeIntoResults[1] = written;
}

function encodeUtf8String(string) {
  const bytes = stringBytes.utf8Encode(string);
  return new Uint8Array(bytes.buffer, 0, bytes.length);
}

function decodeUTF8(input, ignoreBOM, fatal) {
  const bytes = bytesOf(input,
                        'The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
  let start = 0;
  if (ignoreBOM !== true && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    start = 3;
  const text = stringBytes.utf8Decode(bytes, start, bytes.length, undefined, fatal === true);
  if (text === null)
    throw invalidDataError('utf-8');
  return text;
}

// Node 20 reads these bytes as ISO-8859-1, not windows-1252, and keeps a BOM.
function decodeLatin1(input, ignoreBOM, fatal) {
  const bytes = bytesOf(input,
                        'The "input" argument must be an instance of ArrayBuffer, SharedArrayBuffer, or ArrayBufferView.');
  return stringBytes.latin1Decode(bytes, 0, bytes.length);
}

// ---------------------------------------------------------------------------
// internalBinding('icu'): the converters

const CONVERTER_FLAGS_FLUSH = 0x1;
const CONVERTER_FLAGS_FATAL = 0x2;
const CONVERTER_FLAGS_IGNORE_BOM = 0x4;

// windows-1252's bytes 0x80-0x9F; the rest are their own code points.
const windows1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const convertible = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'];

class Converter {
  constructor(encoding, flags) {
    this.encoding = encoding;
    this.fatal = (flags & CONVERTER_FLAGS_FATAL) !== 0;
    this.ignoreBOM = (flags & CONVERTER_FLAGS_IGNORE_BOM) !== 0;
    this.reset();
  }

  reset() {
    this.bomSeen = false;
    this.utf8 = {};
    this.pending = [];  // UTF-16 bytes not yet decoded
    this.highSurrogate = -1;
  }

  // The text, or null when fatal and the data is invalid.
  decode(bytes, flush) {
    let text;
    switch (this.encoding) {
      case 'utf-8': {
        text = stringBytes.utf8Decode(bytes, 0, bytes.length, this.utf8, this.fatal);
        if (text !== null && flush) {
          const tail = stringBytes.utf8Flush(this.utf8, this.fatal);
          text = tail === null ? null : text + tail;
        }
        break;
      }
      case 'utf-16le':
      case 'utf-16be':
        text = this.decodeUtf16(bytes, flush, this.encoding === 'utf-16be');
        break;
      default: {
        let decoded = '';
        for (const byte of bytes)
          decoded += String.fromCharCode(byte >= 0x80 && byte < 0xa0 ? windows1252High[byte - 0x80] : byte);
        text = decoded;
      }
    }
    if (text === null) {
      this.reset();
      return null;
    }
    if (text.length > 0 && !this.bomSeen) {
      if (!this.ignoreBOM && text[0] === '\ufeff')
        text = text.slice(1);
      this.bomSeen = true;
    }
    if (flush)
      this.reset();
    return text;
  }

  decodeUtf16(bytes, flush, bigEndian) {
    const units = [];
    const all = this.pending.concat(Array.from(bytes));
    let i = 0;
    for (; i + 1 < all.length; i += 2)
      units.push(bigEndian ? (all[i] << 8) | all[i + 1] : all[i] | (all[i + 1] << 8));
    this.pending = all.slice(i);
    let text = '';
    for (const unit of units) {
      if (this.highSurrogate >= 0) {
        if (unit >= 0xdc00 && unit <= 0xdfff) {
          text += String.fromCharCode(this.highSurrogate, unit);
          this.highSurrogate = -1;
          continue;
        }
        if (this.fatal) return null;
        text += '\ufffd';
        this.highSurrogate = -1;
      }
      if (unit >= 0xd800 && unit <= 0xdbff) {
        this.highSurrogate = unit;
      } else if (unit >= 0xdc00 && unit <= 0xdfff) {
        if (this.fatal) return null;
        text += '\ufffd';
      } else {
        text += String.fromCharCode(unit);
      }
    }
    if (flush && (this.highSurrogate >= 0 || this.pending.length > 0)) {
      if (this.fatal) return null;
      text += '\ufffd';
    }
    return text;
  }
}

// A converter for a WHATWG encoding name, or undefined when there is none.
function getConverter(encoding, flags) {
  return convertible.includes(encoding) ? new Converter(encoding, flags) : undefined;
}

function decode(converter, input, flags, encoding) {
  const bytes = bytesOf(input,
                        'The "input" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
  const text = converter.decode(bytes, (flags & CONVERTER_FLAGS_FLUSH) !== 0);
  if (text === null)
    throw invalidDataError(encoding);
  return text;
}

// ---------------------------------------------------------------------------
// lib/internal/util.js

function getConstructorOf(obj) {
  while (obj) {
    const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined &&
        typeof descriptor.value === 'function' &&
        descriptor.value.name !== '') {
      return descriptor.value;
    }

    obj = Object.getPrototypeOf(obj);
  }

  return null;
}

const kEnumerableProperty = { __proto__: null };
kEnumerableProperty.enumerable = true;
Object.freeze(kEnumerableProperty);

const kEmptyObject = Object.freeze({ __proto__: null });

module.exports = {
  // internalBinding('config')
  hasIntl: true,
  // internalBinding('encoding_binding')
  encodeInto,
  encodeIntoResults,
  encodeUtf8String,
  decodeUTF8,
  decodeLatin1,
  // internalBinding('icu')
  decode,
  getConverter,
  // lib/internal/util.js
  customInspectSymbol: Symbol.for('nodejs.util.inspect.custom'),
  getConstructorOf,
  kEmptyObject,
  kEnumerableProperty,
};
