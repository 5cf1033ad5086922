// TextEncoder and TextDecoder (the WHATWG Encoding Standard) as Node 20 has them.
// The decoders are the ones Node programs use: utf-8, utf-16le, utf-16be and
// windows-1252 (the "latin1"/"ascii" labels). Node's ICU has many more; their
// labels are not known here and throw ERR_ENCODING_NOT_SUPPORTED.
//
// Ported from Node.js v20 (lib/internal/encoding.js); what Node does in C++
// (src/encoding_binding.cc, the ICU converters) is plain JavaScript here.
// Copyright Node.js contributors. MIT licence: see the notice in util.js.
'use strict';

const util = require('util');
const stringBytes = require('internal/string_bytes');
const {
  bindingError,
  encodingNotSupportedError,
  invalidArgTypeError,
  invalidThisError,
  kValidateObjectAllowObjectsAndNull,
  validateObject,
  validateString,
} = require('internal/errors');

const { isAnyArrayBuffer, isArrayBufferView, isUint8Array } = util.types;
const customInspect = Symbol.for('nodejs.util.inspect.custom');

const kEncoder = Symbol('encoder');
const kDecoder = Symbol('decoder');
const kEncoding = Symbol('encoding');
const kFlags = Symbol('flags');
const kFatal = Symbol('kFatal');
const kIgnoreBOM = Symbol('kIgnoreBOM');
const kUTF8FastPath = Symbol('kUTF8FastPath');
const kLatin1FastPath = Symbol('kLatin1FastPath');
const kHandle = Symbol('handle');

const CONVERTER_FLAGS_FLUSH = 0x1;
const CONVERTER_FLAGS_FATAL = 0x2;
const CONVERTER_FLAGS_IGNORE_BOM = 0x4;

const empty = new Uint8Array(0);

function validateEncoder(obj) {
  if (obj == null || obj[kEncoder] !== true)
    throw invalidThisError('TextEncoder');
}

function validateDecoder(obj) {
  if (obj == null || obj[kDecoder] !== true)
    throw invalidThisError('TextDecoder');
}

function invalidDataError(encoding) {
  return bindingError(TypeError, 'ERR_ENCODING_INVALID_ENCODED_DATA',
                      `The encoded data was not valid for encoding ${encoding}`);
}

function bytesOf(input, name) {
  if (isAnyArrayBuffer(input))
    return new Uint8Array(input);
  if (isArrayBufferView(input))
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw bindingError(TypeError, 'ERR_INVALID_ARG_TYPE',
                     `The "${name}" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.`);
}

const encodings = new Map([
  ['unicode-1-1-utf-8', 'utf-8'],
  ['unicode11utf8', 'utf-8'],
  ['unicode20utf8', 'utf-8'],
  ['utf8', 'utf-8'],
  ['utf-8', 'utf-8'],
  ['x-unicode20utf8', 'utf-8'],
  ['ansi_x3.4-1968', 'windows-1252'],
  ['ascii', 'windows-1252'],
  ['cp1252', 'windows-1252'],
  ['cp819', 'windows-1252'],
  ['csisolatin1', 'windows-1252'],
  ['ibm819', 'windows-1252'],
  ['iso-8859-1', 'windows-1252'],
  ['iso-ir-100', 'windows-1252'],
  ['iso8859-1', 'windows-1252'],
  ['iso88591', 'windows-1252'],
  ['iso_8859-1', 'windows-1252'],
  ['iso_8859-1:1987', 'windows-1252'],
  ['l1', 'windows-1252'],
  ['latin1', 'windows-1252'],
  ['us-ascii', 'windows-1252'],
  ['windows-1252', 'windows-1252'],
  ['x-cp1252', 'windows-1252'],
  ['unicodefffe', 'utf-16be'],
  ['utf-16be', 'utf-16be'],
  ['csunicode', 'utf-16le'],
  ['iso-10646-ucs-2', 'utf-16le'],
  ['ucs-2', 'utf-16le'],
  ['unicode', 'utf-16le'],
  ['unicodefeff', 'utf-16le'],
  ['utf-16le', 'utf-16le'],
  ['utf-16', 'utf-16le'],
]);

// String.prototype.trim also removes non-ASCII whitespace.
function trimAsciiWhitespace(label) {
  let s = 0;
  let e = label.length;
  const isSpace = (c) => c === '\u0009' || c === '\u000a' || c === '\u000c' || c === '\u000d' || c === '\u0020';
  while (s < e && isSpace(label[s]))
    s++;
  while (e > s && isSpace(label[e - 1]))
    e--;
  return label.slice(s, e);
}

function getEncodingFromLabel(label) {
  const enc = encodings.get(label);
  if (enc !== undefined) return enc;
  return encodings.get(trimAsciiWhitespace(label.toLowerCase()));
}

class TextEncoder {
  constructor() {
    this[kEncoder] = true;
  }

  get encoding() {
    validateEncoder(this);
    return 'utf-8';
  }

  encode(input = '') {
    validateEncoder(this);
    const bytes = stringBytes.utf8Encode(`${input}`);
    return new Uint8Array(bytes.buffer, 0, bytes.length);
  }

  encodeInto(src, dest) {
    validateEncoder(this);
    validateString(src, 'src');
    if (!dest || !isUint8Array(dest))
      throw invalidArgTypeError('dest', 'Uint8Array', dest);
    const { read, written } = stringBytes.utf8Write(dest, src, 0, dest.length);
    return { read, written };
  }

  [customInspect](depth, opts) {
    validateEncoder(this);
    if (typeof depth === 'number' && depth < 0)
      return this;
    const ctor = constructorOf(this);
    const obj = { __proto__: {
      constructor: ctor === null ? TextEncoder : ctor,
    } };
    obj.encoding = this.encoding;
    return util.inspect(obj, opts);
  }
}

const enumerable = { __proto__: null, enumerable: true };
Object.defineProperties(
  TextEncoder.prototype, {
    'encode': enumerable,
    'encodeInto': enumerable,
    'encoding': enumerable,
    [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'TextEncoder' },
  });

function constructorOf(obj) {
  while (obj) {
    const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined && typeof descriptor.value === 'function' && descriptor.value.name !== '')
      return descriptor.value;
    obj = Object.getPrototypeOf(obj);
  }
  return null;
}

// ---- the streaming decoders (Node's ICU converters)

// windows-1252's bytes 0x80-0x9F; the rest are their own code points.
const windows1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

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

  // Returns the text, or null when fatal and the data is invalid.
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

class TextDecoder {
  constructor(encoding = 'utf-8', options = {}) {
    encoding = `${encoding}`;
    validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);

    const enc = getEncodingFromLabel(encoding);
    if (enc === undefined)
      throw encodingNotSupportedError(encoding);

    let flags = 0;
    if (options !== null) {
      flags |= options.fatal ? CONVERTER_FLAGS_FATAL : 0;
      flags |= options.ignoreBOM ? CONVERTER_FLAGS_IGNORE_BOM : 0;
    }

    this[kDecoder] = true;
    this[kFlags] = flags;
    this[kEncoding] = enc;
    this[kIgnoreBOM] = Boolean(options && options.ignoreBOM);
    this[kFatal] = Boolean(options && options.fatal);
    // Node decodes whole inputs of these two without a converter.
    this[kUTF8FastPath] = enc === 'utf-8';
    this[kLatin1FastPath] = enc === 'windows-1252';
    this[kHandle] = undefined;
  }

  decode(input = empty, options = {}) {
    validateDecoder(this);

    const stream = Boolean(options && options.stream);
    this[kUTF8FastPath] = this[kUTF8FastPath] && !stream;
    this[kLatin1FastPath] = this[kLatin1FastPath] && !stream;

    if (this[kUTF8FastPath]) {
      const bytes = bytesOf(input, 'list');
      let start = 0;
      if (!this[kIgnoreBOM] && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
        start = 3;
      const text = stringBytes.utf8Decode(bytes, start, bytes.length, undefined, this[kFatal]);
      if (text === null)
        throw invalidDataError('utf-8');
      return text;
    }

    if (this[kLatin1FastPath]) {
      // Node 20 reads these bytes as ISO-8859-1, not windows-1252.
      const bytes = bytesOf(input, 'input');
      return stringBytes.latin1Decode(bytes, 0, bytes.length);
    }

    if (this[kHandle] === undefined)
      this[kHandle] = new Converter(this[kEncoding], this[kFlags]);

    validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);

    const bytes = bytesOf(input, 'input');
    const text = this[kHandle].decode(bytes, !stream);
    if (text === null)
      throw invalidDataError(this.encoding);
    return text;
  }
}

// Shared by Node's two TextDecoder implementations.
const sharedProperties = Object.getOwnPropertyDescriptors({
  get encoding() {
    validateDecoder(this);
    return this[kEncoding];
  },

  get fatal() {
    validateDecoder(this);
    return (this[kFlags] & CONVERTER_FLAGS_FATAL) === CONVERTER_FLAGS_FATAL;
  },

  get ignoreBOM() {
    validateDecoder(this);
    return (this[kFlags] & CONVERTER_FLAGS_IGNORE_BOM) ===
              CONVERTER_FLAGS_IGNORE_BOM;
  },

  [customInspect](depth, opts) {
    validateDecoder(this);
    if (typeof depth === 'number' && depth < 0)
      return this;
    const constructor = constructorOf(this) || TextDecoder;
    const obj = { __proto__: { constructor } };
    obj.encoding = this.encoding;
    obj.fatal = this.fatal;
    obj.ignoreBOM = this.ignoreBOM;
    if (opts.showHidden) {
      obj[kFlags] = this[kFlags];
      obj[kHandle] = this[kHandle];
    }
    return `${constructor.name} ${util.inspect(obj)}`;
  },
});
for (const descriptor of Object.values(sharedProperties))
  Object.setPrototypeOf(descriptor, null);
sharedProperties[customInspect].enumerable = false;

Object.defineProperties(TextDecoder.prototype, {
  decode: enumerable,
  ...sharedProperties,
  [Symbol.toStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'TextDecoder',
  },
});

module.exports = {
  getEncodingFromLabel,
  TextDecoder,
  TextEncoder,
};
