// What Node's buffer files get from C++, in JavaScript: internalBinding('buffer')
// (src/node_buffer.cc: the encodings' slice and write methods, compare, fill,
// indexOf, swap, atob/btoa), the part of internalBinding('util') and of
// internalBinding('icu') (transcode) they use, and the helpers of
// lib/internal/util.js (normalizeEncoding, encodingsMap). buffer.js and
// internal/buffer.js keep the lines of Node's own files; what differs lives here.
//
// Ported from Node.js v20 (src/node_buffer.cc, src/string_bytes.cc,
// src/node_i18n.cc, lib/internal/util.js).
// Copyright Node.js contributors. MIT licence: see the notice in util.js.
'use strict';

const stringBytes = require('internal/string_bytes');
const { bindingError, invalidArgTypeError, bufferOutOfBoundsError } = require('internal/errors');

// V8's limits on x64: the largest typed array, the longest string.
const kMaxLength = 2 ** 32;
const kStringMaxLength = 2 ** 29 - 24;

// ---------------------------------------------------------------------------
// lib/internal/util.js

const encodingsMap = { __proto__: null };
['ascii', 'utf8', 'base64', 'utf16le', 'latin1', 'hex', 'buffer', 'base64url']
  .forEach((encoding, i) => { encodingsMap[encoding] = i; });

function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  return slowCases(enc);
}

function slowCases(enc) {
  switch (enc.length) {
    case 4:
      if (enc === 'UTF8') return 'utf8';
      if (enc === 'ucs2' || enc === 'UCS2') return 'utf16le';
      enc = `${enc}`.toLowerCase();
      if (enc === 'utf8') return 'utf8';
      if (enc === 'ucs2') return 'utf16le';
      break;
    case 3:
      if (enc === 'hex' || enc === 'HEX' || `${enc}`.toLowerCase() === 'hex')
        return 'hex';
      break;
    case 5:
      if (enc === 'ascii') return 'ascii';
      if (enc === 'ucs-2') return 'utf16le';
      if (enc === 'UTF-8') return 'utf8';
      if (enc === 'ASCII') return 'ascii';
      if (enc === 'UCS-2') return 'utf16le';
      enc = `${enc}`.toLowerCase();
      if (enc === 'utf-8') return 'utf8';
      if (enc === 'ascii') return 'ascii';
      if (enc === 'ucs-2') return 'utf16le';
      break;
    case 6:
      if (enc === 'base64') return 'base64';
      if (enc === 'latin1' || enc === 'binary') return 'latin1';
      if (enc === 'BASE64') return 'base64';
      if (enc === 'LATIN1' || enc === 'BINARY') return 'latin1';
      enc = `${enc}`.toLowerCase();
      if (enc === 'base64') return 'base64';
      if (enc === 'latin1' || enc === 'binary') return 'latin1';
      break;
    case 7:
      if (enc === 'utf16le' || enc === 'UTF16LE' || `${enc}`.toLowerCase() === 'utf16le')
        return 'utf16le';
      break;
    case 8:
      if (enc === 'utf-16le' || enc === 'UTF-16LE' || `${enc}`.toLowerCase() === 'utf-16le')
        return 'utf16le';
      break;
    case 9:
      if (enc === 'base64url' || enc === 'BASE64URL' || `${enc}`.toLowerCase() === 'base64url')
        return 'base64url';
      break;
    default:
      if (enc === '') return 'utf8';
  }
}

// Node's Symbol of the same description: Buffer[kIsEncodingSymbol] is isEncoding.
const kIsEncodingSymbol = Symbol('kIsEncodingSymbol');

// ---------------------------------------------------------------------------
// internalBinding('buffer'): slices and writes

function indexError() {
  return bindingError(RangeError, 'ERR_OUT_OF_RANGE', 'Index out of range');
}

// ParseArrayIndex: undefined is the default, a negative index throws.
function arrayIndex(value, fallback) {
  if (value === undefined)
    return fallback;
  const index = Math.trunc(Number(value)) || 0;
  if (index < 0)
    throw indexError();
  return index;
}

// buf.<encoding>Slice(start, end)
function makeSlice(decode) {
  return function(start, end) {
    const length = this.length;
    if (length === 0)
      return '';
    start = arrayIndex(start, 0);
    end = arrayIndex(end, length);
    if (end < start)
      end = start;
    if (end > length)
      throw indexError();
    return decode(this, start, end);
  };
}

// buf.<encoding>Write(string, offset, length): the bytes written
function makeWrite(encode) {
  return function(string, offset, length) {
    if (typeof string !== 'string')
      throw invalidArgTypeError('argument', 'string', string);
    const size = this.length;
    offset = arrayIndex(offset, 0);
    if (offset > size)
      throw bufferOutOfBoundsError('offset');
    length = Math.min(size - offset, arrayIndex(length, size - offset));
    if (length === 0)
      return 0;
    return encode(this, string, offset, length);
  };
}

const asciiSlice = makeSlice(stringBytes.asciiDecode);
const base64Slice = makeSlice((bytes, start, end) => stringBytes.base64Encode(bytes, start, end));
const base64urlSlice = makeSlice(stringBytes.base64UrlEncode);
const latin1Slice = makeSlice(stringBytes.latin1Decode);
const hexSlice = makeSlice(stringBytes.hexDecode);
const ucs2Slice = makeSlice(stringBytes.ucs2Decode);
const utf8Slice = makeSlice((bytes, start, end) => stringBytes.utf8Decode(bytes, start, end));
const asciiWrite = makeWrite(stringBytes.latin1Write);
const base64Write = makeWrite(stringBytes.base64Write);
const base64urlWrite = base64Write;
const latin1Write = makeWrite(stringBytes.latin1Write);
const hexWrite = makeWrite(stringBytes.hexWrite);
const ucs2Write = makeWrite(stringBytes.ucs2Write);
const utf8Write = makeWrite((bytes, string, offset, length) =>
  stringBytes.utf8Write(bytes, string, offset, length).written);
const byteLengthUtf8 = stringBytes.utf8ByteLength;

function createUnsafeArrayBuffer(size) {
  return new ArrayBuffer(size);
}

// ---------------------------------------------------------------------------
// internalBinding('buffer'): compare, fill, indexOf, swap

function compare(a, b) {
  return compareOffset(a, b, 0, 0, b.length, a.length);
}

function compareOffset(source, target, targetStart, sourceStart, targetEnd, sourceEnd) {
  if (sourceStart > source.length)
    throw bindingError(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "sourceStart" is out of range.');
  if (targetStart > target.length)
    throw bindingError(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "targetStart" is out of range.');
  const count = Math.min(sourceEnd - sourceStart, targetEnd - targetStart, source.length - sourceStart);
  for (let i = 0; i < count; i++) {
    const difference = source[sourceStart + i] - target[targetStart + i];
    if (difference !== 0)
      return difference > 0 ? 1 : -1;
  }
  const sourceLength = sourceEnd - sourceStart;
  const targetLength = targetEnd - targetStart;
  return sourceLength > targetLength ? 1 : sourceLength < targetLength ? -1 : 0;
}

// The bytes of `string` in a normalized encoding.
function stringToBytes(string, encoding) {
  switch (encoding) {
    case 'utf16le': {
      const bytes = new Uint8Array(string.length * 2);
      return bytes.subarray(0, stringBytes.ucs2Write(bytes, string, 0, bytes.length));
    }
    case 'latin1':
    case 'ascii': {
      const bytes = new Uint8Array(string.length);
      return bytes.subarray(0, stringBytes.latin1Write(bytes, string, 0, bytes.length));
    }
    case 'hex': {
      const bytes = new Uint8Array(string.length >>> 1);
      return bytes.subarray(0, stringBytes.hexWrite(bytes, string, 0, bytes.length));
    }
    case 'base64':
    case 'base64url': {
      const bytes = new Uint8Array(stringBytes.base64ByteLength(string));
      return bytes.subarray(0, stringBytes.base64Write(bytes, string, 0, bytes.length));
    }
    default:
      return stringBytes.utf8Encode(string);
  }
}

// The bytes of `value` repeated over buf[start, end): -1 when a string
// encodes to nothing, -2 when the range is outside the buffer.
function fill(buf, value, start, end, encoding) {
  if (end > buf.length || start > end)
    return -2;
  let pattern;
  if (ArrayBuffer.isView(value)) {
    pattern = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  } else if (typeof value === 'string') {
    pattern = stringToBytes(value, normalizeEncoding(encoding));
  } else {
    Uint8Array.prototype.fill.call(buf, (Number(value) >>> 0) & 255, start, end);
    return undefined;
  }
  if (pattern.length === 0)
    return -1;
  pattern = pattern.slice();  // the pattern may be the buffer itself
  for (let at = start; at < end; at += pattern.length)
    buf.set(at + pattern.length <= end ? pattern : pattern.subarray(0, end - at), at);
  return undefined;
}

// IndexOfOffset: where a search starts, or -1 for no match.
function indexOfOffset(length, offset, needleLength, isForward) {
  if (offset < 0) {
    if (offset + length >= 0)
      return length + offset;
    if (isForward || needleLength === 0)
      return 0;
    return -1;
  }
  if (offset + needleLength <= length)
    return offset;
  if (needleLength === 0)
    return length;
  if (isForward)
    return -1;
  return length - 1;
}

// Searches `haystack` (units of `unitSize` bytes) for `needle`: the first
// match at or after `start`, or the last one at or before it.
function searchUnits(haystack, needle, start, isForward, unitSize) {
  const unitAt = (bytes, i) => (unitSize === 1 ? bytes[i] : bytes[2 * i] | (bytes[2 * i + 1] << 8));
  const haystackLength = Math.floor(haystack.length / unitSize);
  const needleLength = Math.floor(needle.length / unitSize);
  const matchesAt = (at) => {
    for (let j = 0; j < needleLength; j++) {
      if (unitAt(haystack, at + j) !== unitAt(needle, j))
        return false;
    }
    return true;
  };
  if (isForward) {
    for (let at = start; at + needleLength <= haystackLength; at++) {
      if (matchesAt(at))
        return at;
    }
  } else {
    for (let at = Math.min(start, haystackLength - needleLength); at >= 0; at--) {
      if (matchesAt(at))
        return at;
    }
  }
  return -1;
}

function indexOfBuffer(buffer, needle, byteOffset, encodingVal, isForward) {
  const haystackLength = buffer.length;
  const offset = indexOfOffset(haystackLength, Math.trunc(byteOffset), needle.length, isForward);
  if (needle.length === 0)
    return offset;
  if (haystackLength === 0 || offset <= -1)
    return -1;
  if ((isForward && needle.length + offset > haystackLength) || needle.length > haystackLength)
    return -1;
  if (encodingVal === encodingsMap.utf16le) {
    if (haystackLength < 2 || needle.length < 2)
      return -1;
    const found = searchUnits(buffer, needle, Math.floor(offset / 2), isForward, 2);
    return found === -1 ? -1 : found * 2;
  }
  return searchUnits(buffer, needle, offset, isForward, 1);
}

function indexOfString(buffer, value, byteOffset, encodingVal, isForward) {
  const isUcs2 = encodingVal === encodingsMap.utf16le;
  const encoding = isUcs2 ? 'utf16le' : encodingVal === encodingsMap.latin1 ? 'latin1' : 'utf8';
  // A UCS-2 search sees whole code units only.
  const haystack = isUcs2 ? buffer.subarray(0, buffer.length & ~1) : buffer;
  const needleLength = isUcs2 ? value.length * 2 :
    encoding === 'utf8' ? byteLengthUtf8(value) : value.length;
  const offset = indexOfOffset(haystack.length, Math.trunc(byteOffset), needleLength, isForward);
  if (needleLength === 0)
    return offset;
  if (haystack.length === 0 || offset <= -1)
    return -1;
  if ((isForward && needleLength + offset > haystack.length) || needleLength > haystack.length)
    return -1;
  const needle = stringToBytes(value, encoding);
  if (isUcs2) {
    if (haystack.length < 2)
      return -1;
    const found = searchUnits(haystack, needle, Math.floor(offset / 2), isForward, 2);
    return found === -1 ? -1 : found * 2;
  }
  return searchUnits(haystack, needle, offset, isForward, 1);
}

function indexOfNumber(buffer, value, byteOffset, isForward) {
  const offset = indexOfOffset(buffer.length, Math.trunc(byteOffset), 1, isForward);
  if (offset <= -1 || buffer.length === 0)
    return -1;
  const byte = value & 255;
  return isForward ? Uint8Array.prototype.indexOf.call(buffer, byte, offset) :
    Uint8Array.prototype.lastIndexOf.call(buffer, byte, offset);
}

function swapBytes(buffer, size) {
  for (let i = 0; i < buffer.length; i += size) {
    for (let low = i, high = i + size - 1; low < high; low++, high--) {
      const byte = buffer[low];
      buffer[low] = buffer[high];
      buffer[high] = byte;
    }
  }
  return buffer;
}

const swap16 = (buffer) => swapBytes(buffer, 2);
const swap32 = (buffer) => swapBytes(buffer, 4);
const swap64 = (buffer) => swapBytes(buffer, 8);

// ---------------------------------------------------------------------------
// internalBinding('buffer'): atob, btoa, isUtf8, isAscii

// A string, or -1 when a character is beyond Latin-1.
function btoa(input) {
  for (let i = 0; i < input.length; i++) {
    if (input.charCodeAt(i) > 0xff)
      return -1;
  }
  const bytes = new Uint8Array(input.length);
  stringBytes.latin1Write(bytes, input, 0, bytes.length);
  return stringBytes.base64Encode(bytes, 0, bytes.length);
}

// The forgiving-base64 decode of the HTML standard: a string, or -2 for an
// invalid character, -1 for a last group of one character (padded or not).
function atob(input) {
  input = input.replace(/[\t\n\f\r ]/g, '');
  const padding = /=*$/.exec(input)[0].length;
  input = input.slice(0, input.length - padding);
  if (/[^A-Za-z0-9+/]/.test(input))
    return -2;
  if (input.length % 4 === 1)
    return -1;
  if (padding > 0 && (padding > 2 || (input.length + padding) % 4 !== 0))
    return -2;
  const bytes = new Uint8Array((input.length * 3) >>> 2);
  const written = stringBytes.base64Write(bytes, input, 0, bytes.length);
  return stringBytes.latin1Decode(bytes, 0, written);
}

function bytesOf(input) {
  return ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) :
    new Uint8Array(input);
}

function isUtf8(input) {
  const bytes = bytesOf(input);
  return stringBytes.utf8Decode(bytes, 0, bytes.length, undefined, true) !== null;
}

function isAscii(input) {
  return bytesOf(input).every((byte) => byte < 0x80);
}

// ---------------------------------------------------------------------------
// internalBinding('util'): V8's GetOwnNonIndexProperties

const ALL_PROPERTIES = 0;
const ONLY_ENUMERABLE = 2;

// Own keys that are no array index, strings first, then symbols.
function getOwnNonIndexProperties(value, filter) {
  const keys = [];
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === 'string' && /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 2 ** 32 - 1)
      continue;
    if (filter === ONLY_ENUMERABLE && !Object.prototype.propertyIsEnumerable.call(value, key))
      continue;
    keys.push(key);
  }
  return keys;
}

// ---------------------------------------------------------------------------
// internalBinding('icu'): transcode between ascii, latin1, ucs2 and utf8 as
// Node's ICU does. What a target cannot hold becomes '?'; invalid input
// becomes U+FFFD, except where Node converts with ICU's strict UTF-8 and
// UTF-16 functions (utf8 to ucs2, ucs2 to utf8), which fail.

const kIllegalArgument = 1;
const kInvalidChar = 10;
const icuErrorNames = { [kIllegalArgument]: 'U_ILLEGAL_ARGUMENT_ERROR', [kInvalidChar]: 'U_INVALID_CHAR_FOUND' };
const transcodeEncodings = ['ascii', 'latin1', 'ucs2', 'utf8'];

function icuErrName(code) {
  return icuErrorNames[code];
}

// The source as a string, or the ICU error number.
function transcodeSource(source, from, to) {
  switch (from) {
    case 'utf8': {
      const text = stringBytes.utf8Decode(source, 0, source.length, undefined, to === 'ucs2');
      return text === null ? kInvalidChar : text;
    }
    case 'ucs2': {
      const text = stringBytes.ucs2Decode(source, 0, source.length);
      const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
      if (to === 'utf8' && (text.length === 0 || lone.test(text)))
        return kInvalidChar;
      if (to !== 'ucs2')
        return text;
      // ICU's UTF-16 converter: an odd last byte is one more invalid
      // character, or the end of one with a high surrogate before it.
      const truncated = source.length % 2 === 1 && !/[\ud800-\udbff]$/.test(text);
      return text.replace(lone, '\ufffd') + (truncated ? '\ufffd' : '');
    }
    case 'latin1':
      return stringBytes.latin1Decode(source, 0, source.length);
    default:  // ascii: read as latin1 into UTF-16 only
      return to === 'ucs2' ? stringBytes.latin1Decode(source, 0, source.length) :
        stringBytes.latin1Decode(source, 0, source.length).replace(/[\x80-\xff]/g, '\ufffd');
  }
}

// ICU leaves out, rather than replaces, an unmappable character that is
// Default_Ignorable_Code_Point (ucnv_err.c).
function isDefaultIgnorable(c) {
  return c === 0x00AD || c === 0x034F || c === 0x061C || c === 0x115F || c === 0x1160 ||
    (c >= 0x17B4 && c <= 0x17B5) || (c >= 0x180B && c <= 0x180F) || (c >= 0x200B && c <= 0x200F) ||
    (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) || c === 0x3164 ||
    (c >= 0xFE00 && c <= 0xFE0F) || c === 0xFEFF || c === 0xFFA0 || (c >= 0xFFF0 && c <= 0xFFF8) ||
    (c >= 0x1BCA0 && c <= 0x1BCA3) || (c >= 0x1D173 && c <= 0x1D17A) || (c >= 0xE0000 && c <= 0xE0FFF);
}

function makeBuffer(bytes) {
  const { FastBuffer } = require('internal/buffer');
  return new FastBuffer(bytes.buffer, bytes.byteOffset, bytes.length);
}

// Node's encodings are normalized ('utf16le' is ICU's 'ucs2'); the result is
// a Buffer, or an ICU error number.
function transcode(source, fromEncoding, toEncoding) {
  const from = fromEncoding === 'utf16le' ? 'ucs2' : fromEncoding;
  const to = toEncoding === 'utf16le' ? 'ucs2' : toEncoding;
  if (!transcodeEncodings.includes(from) || !transcodeEncodings.includes(to))
    return kIllegalArgument;
  const text = transcodeSource(source, from, to);
  if (typeof text === 'number')
    return text;
  if (to === 'utf8')
    return makeBuffer(stringBytes.utf8Encode(text));
  if (to === 'ucs2')
    return makeBuffer(stringToBytes(text, 'utf16le'));
  const limit = to === 'latin1' ? 0xff : 0x7f;
  const bytes = [];
  for (const character of text) {
    const codePoint = character.codePointAt(0);
    if (codePoint <= limit)
      bytes.push(codePoint);
    else if (!isDefaultIgnorable(codePoint))
      bytes.push(0x3f);
  }
  return makeBuffer(new Uint8Array(bytes));
}

// ---------------------------------------------------------------------------
// lib/internal/util.js: the rest that buffer.js takes from it

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

function lazyDOMException(message, name) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, name);
}

// Properties whose module is loaded when they are first read.
function defineLazyProperties(target, id, keys, enumerable = true) {
  const descriptors = { __proto__: null };
  let mod;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let lazyLoadedValue;
    function set(value) {
      Object.defineProperty(target, key, {
        __proto__: null,
        writable: true,
        value,
      });
    }
    Object.defineProperty(set, 'name', {
      __proto__: null,
      value: `set ${key}`,
    });
    function get() {
      mod = mod || require(id);
      if (lazyLoadedValue === undefined) {
        lazyLoadedValue = mod[key];
        set(lazyLoadedValue);
      }
      return lazyLoadedValue;
    }
    Object.defineProperty(get, 'name', {
      __proto__: null,
      value: `get ${key}`,
    });
    descriptors[key] = {
      __proto__: null,
      configurable: true,
      enumerable,
      get,
      set,
    };
  }
  Object.defineProperties(target, descriptors);
}

// A program's files here are never inside node_modules.
function isInsideNodeModules() {
  return false;
}

module.exports = {
  // internalBinding('config'): Node's ICU, which transcode needs
  hasIntl: true,
  // internalBinding('buffer')
  asciiSlice, base64Slice, base64urlSlice, latin1Slice, hexSlice, ucs2Slice, utf8Slice,
  asciiWrite, base64Write, base64urlWrite, latin1Write, hexWrite, ucs2Write, utf8Write,
  createUnsafeArrayBuffer,
  byteLengthUtf8,
  compare,
  compareOffset,
  fill,
  isAscii,
  isUtf8,
  indexOfBuffer,
  indexOfNumber,
  indexOfString,
  swap16,
  swap32,
  swap64,
  kMaxLength,
  kStringMaxLength,
  atob,
  btoa,
  // internalBinding('util')
  constants: { ALL_PROPERTIES, ONLY_ENUMERABLE },
  getOwnNonIndexProperties,
  isInsideNodeModules,
  // internalBinding('icu')
  icuErrName,
  transcode,
  // lib/internal/util.js
  customInspectSymbol,
  defineLazyProperties,
  encodingsMap,
  kIsEncodingSymbol,
  lazyDOMException,
  normalizeEncoding,
};
