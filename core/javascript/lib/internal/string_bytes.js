// Strings to bytes and back in each of Node's Buffer encodings (utf8, utf16le,
// latin1, ascii, hex, base64, base64url), as Node's C++ does them (its
// src/string_bytes.cc and src/base64-inl.h): the engine has no native codecs,
// so this is plain JavaScript over Uint8Array.
//
// Decoding UTF-8 follows the WHATWG Encoding Standard, as V8 does: every
// maximal invalid subsequence becomes one U+FFFD. Encoding writes a lone
// surrogate as U+FFFD (EF BF BD).
'use strict';

const kReplacement = 0xfffd;
// String.fromCharCode takes its code units as arguments: keep calls short.
const kChunk = 0x2000;

function codeUnitsToString(units, length) {
  if (length <= kChunk)
    return String.fromCharCode.apply(null, length === units.length ? units : units.subarray(0, length));
  let text = '';
  for (let at = 0; at < length; at += kChunk)
    text += String.fromCharCode.apply(null, units.subarray(at, Math.min(at + kChunk, length)));
  return text;
}

// ---- UTF-8

// Decodes bytes[start, end). With `state` (an object kept between calls) a
// sequence cut at `end` waits for the next call instead of becoming U+FFFD;
// `fatal` makes an invalid sequence return null.
function utf8Decode(bytes, start = 0, end = bytes.length, state = undefined, fatal = false) {
  if ((state === undefined || !state.needed) && natives.utf8Decode) {
    const decoded = natives.utf8Decode(bytes, start, end);
    if (decoded !== undefined)
      return decoded;
  }
  const units = new Uint16Array(Math.max(end - start, 0) + 4);
  let length = 0;
  let needed = 0;
  let seen = 0;
  let codePoint = 0;
  let lower = 0x80;
  let upper = 0xbf;
  if (state !== undefined && state.needed) {
    ({ needed, seen, codePoint, lower, upper } = state);
  }
  for (let i = start; i < end; i++) {
    const byte = bytes[i];
    if (needed === 0) {
      if (byte <= 0x7f) {
        units[length++] = byte;
      } else if (byte >= 0xc2 && byte <= 0xdf) {
        needed = 1;
        codePoint = byte & 0x1f;
      } else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) lower = 0xa0;
        if (byte === 0xed) upper = 0x9f;
        needed = 2;
        codePoint = byte & 0xf;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) lower = 0x90;
        if (byte === 0xf4) upper = 0x8f;
        needed = 3;
        codePoint = byte & 0x7;
      } else {
        if (fatal) return null;
        units[length++] = kReplacement;
      }
      continue;
    }
    if (byte < lower || byte > upper) {
      if (fatal) return null;
      codePoint = needed = seen = 0;
      lower = 0x80;
      upper = 0xbf;
      units[length++] = kReplacement;
      i--;  // the byte starts over
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    codePoint = (codePoint << 6) | (byte & 0x3f);
    if (++seen === needed) {
      if (codePoint > 0xffff) {
        codePoint -= 0x10000;
        units[length++] = 0xd800 + (codePoint >> 10);
        units[length++] = 0xdc00 + (codePoint & 0x3ff);
      } else {
        units[length++] = codePoint;
      }
      codePoint = needed = seen = 0;
    }
  }
  if (state !== undefined) {
    Object.assign(state, { needed, seen, codePoint, lower, upper });
  } else if (needed !== 0) {
    if (fatal) return null;
    units[length++] = kReplacement;
  }
  return codeUnitsToString(units, length);
}

// The bytes of a state's unfinished sequence become U+FFFD at the end of a stream.
function utf8Flush(state, fatal = false) {
  if (!state.needed)
    return '';
  state.needed = 0;
  return fatal ? null : '\ufffd';
}

// The engine's converters (natives) do the common case at C++ speed; these loops are
// the reference and what runs where a native declines (invalid UTF-8 to decode).
const natives = require('internal:binding');

function utf8ByteLength(string) {
  if (natives.utf8ByteLength)
    return natives.utf8ByteLength(string);
  let bytes = 0;
  const length = string.length;
  for (let i = 0; i < length; i++) {
    const unit = string.charCodeAt(i);
    if (unit < 0x80) {
      bytes += 1;
    } else if (unit < 0x800) {
      bytes += 2;
    } else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < length) {
      const next = string.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    } else {
      bytes += 3;
    }
  }
  return bytes;
}

// Writes whole characters only, at most `capacity` bytes. Returns
// { written, read } (bytes written, UTF-16 code units consumed).
function utf8Write(bytes, string, offset, capacity) {
  if (natives.utf8Write) {
    const [written, read] = natives.utf8Write(bytes, string, offset, capacity);
    return { written, read };
  }
  let at = offset;
  const limit = offset + capacity;
  const length = string.length;
  let i = 0;
  for (; i < length; i++) {
    let codePoint = string.charCodeAt(i);
    let units = 1;
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
      const next = i + 1 < length ? string.charCodeAt(i + 1) : 0;
      if (codePoint <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (next - 0xdc00);
        units = 2;
      } else {
        codePoint = kReplacement;
      }
    }
    if (codePoint < 0x80) {
      if (at + 1 > limit) break;
      bytes[at++] = codePoint;
    } else if (codePoint < 0x800) {
      if (at + 2 > limit) break;
      bytes[at++] = 0xc0 | (codePoint >> 6);
      bytes[at++] = 0x80 | (codePoint & 0x3f);
    } else if (codePoint < 0x10000) {
      if (at + 3 > limit) break;
      bytes[at++] = 0xe0 | (codePoint >> 12);
      bytes[at++] = 0x80 | ((codePoint >> 6) & 0x3f);
      bytes[at++] = 0x80 | (codePoint & 0x3f);
    } else {
      if (at + 4 > limit) break;
      bytes[at++] = 0xf0 | (codePoint >> 18);
      bytes[at++] = 0x80 | ((codePoint >> 12) & 0x3f);
      bytes[at++] = 0x80 | ((codePoint >> 6) & 0x3f);
      bytes[at++] = 0x80 | (codePoint & 0x3f);
    }
    i += units - 1;
  }
  return { written: at - offset, read: i };
}

function utf8Encode(string) {
  const bytes = new Uint8Array(utf8ByteLength(string));
  utf8Write(bytes, string, 0, bytes.length);
  return bytes;
}

// ---- one byte per character

function latin1Decode(bytes, start, end) {
  return codeUnitsToString(bytes.subarray(start, end), end - start);
}

function asciiDecode(bytes, start, end) {
  const units = new Uint8Array(end - start);
  for (let i = start; i < end; i++)
    units[i - start] = bytes[i] & 0x7f;
  return codeUnitsToString(units, units.length);
}

// Keeps the low byte of each code unit, as V8's WriteOneByte does.
function latin1Write(bytes, string, offset, capacity) {
  const count = Math.min(string.length, capacity);
  for (let i = 0; i < count; i++)
    bytes[offset + i] = string.charCodeAt(i);
  return count;
}

// ---- UTF-16LE

function ucs2Decode(bytes, start, end) {
  const count = (end - start) >>> 1;
  const units = new Uint16Array(count);
  for (let i = 0; i < count; i++)
    units[i] = bytes[start + 2 * i] | (bytes[start + 2 * i + 1] << 8);
  return codeUnitsToString(units, count);
}

function ucs2Write(bytes, string, offset, capacity) {
  const count = Math.min(string.length, capacity >>> 1);
  for (let i = 0; i < count; i++) {
    const unit = string.charCodeAt(i);
    bytes[offset + 2 * i] = unit & 0xff;
    bytes[offset + 2 * i + 1] = unit >>> 8;
  }
  return count * 2;
}

// ---- hex

const hexDigits = '0123456789abcdef';
const hexPairs = [];
for (let i = 0; i < 256; i++)
  hexPairs.push(hexDigits[i >> 4] + hexDigits[i & 15]);

function hexDecode(bytes, start, end) {
  let text = '';
  for (let i = start; i < end; i++)
    text += hexPairs[bytes[i]];
  return text;
}

function hexValue(unit) {
  if (unit >= 0x30 && unit <= 0x39) return unit - 0x30;
  if (unit >= 0x41 && unit <= 0x46) return unit - 0x37;
  if (unit >= 0x61 && unit <= 0x66) return unit - 0x57;
  return -1;
}

// Stops at the first pair that is not two hex digits, as Node does.
function hexWrite(bytes, string, offset, capacity) {
  const count = Math.min(capacity, string.length >>> 1);
  let i = 0;
  for (; i < count; i++) {
    const high = hexValue(string.charCodeAt(2 * i) & 0xff);
    const low = hexValue(string.charCodeAt(2 * i + 1) & 0xff);
    if (high < 0 || low < 0)
      break;
    bytes[offset + i] = (high << 4) | low;
  }
  return i;
}

// ---- base64 and base64url

const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const base64UrlAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// Either alphabet decodes; every other character is skipped.
const base64Values = new Int8Array(256).fill(-1);
for (let i = 0; i < 64; i++) {
  base64Values[base64Alphabet.charCodeAt(i)] = i;
  base64Values[base64UrlAlphabet.charCodeAt(i)] = i;
}

function base64Encode(bytes, start, end, alphabet = base64Alphabet, pad = true) {
  let text = '';
  let i = start;
  for (; i + 2 < end; i += 3) {
    const group = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    text += alphabet[group >> 18] + alphabet[(group >> 12) & 63] + alphabet[(group >> 6) & 63] + alphabet[group & 63];
  }
  const left = end - i;
  if (left === 1) {
    const group = bytes[i] << 16;
    text += alphabet[group >> 18] + alphabet[(group >> 12) & 63] + (pad ? '==' : '');
  } else if (left === 2) {
    const group = (bytes[i] << 16) | (bytes[i + 1] << 8);
    text += alphabet[group >> 18] + alphabet[(group >> 12) & 63] + alphabet[(group >> 6) & 63] + (pad ? '=' : '');
  }
  return text;
}

function base64UrlEncode(bytes, start, end) {
  return base64Encode(bytes, start, end, base64UrlAlphabet, false);
}

// Node's decoder: characters outside the alphabets are skipped, the first
// '=' ends the data, and at most `capacity` bytes are written.
function base64Write(bytes, string, offset, capacity) {
  const length = string.length;
  let written = 0;
  let pending = 0;
  let count = 0;
  for (let i = 0; i < length && written < capacity; i++) {
    // Node reads each UTF-16 code unit by its low byte.
    const unit = string.charCodeAt(i) & 0xff;
    const value = base64Values[unit];
    if (value < 0) {
      if (unit === 0x3d)  // '='
        break;
      continue;
    }
    switch (count++ & 3) {
      case 0:
        pending = value;
        break;
      case 1:
        bytes[offset + written++] = (pending << 2) | (value >> 4);
        pending = value & 0xf;
        break;
      case 2:
        bytes[offset + written++] = (pending << 4) | (value >> 2);
        pending = value & 0x3;
        break;
      case 3:
        bytes[offset + written++] = (pending << 6) | value;
        break;
    }
  }
  return written;
}

// What Node allocates for a base64 string before decoding it: trailing
// '=' do not count.
function base64ByteLength(string) {
  let length = string.length;
  if (length > 0 && string.charCodeAt(length - 1) === 0x3d)
    length--;
  if (length > 1 && string.charCodeAt(length - 1) === 0x3d)
    length--;
  return (length * 3) >>> 2;
}

module.exports = {
  utf8Decode,
  utf8Flush,
  utf8Encode,
  utf8ByteLength,
  utf8Write,
  latin1Decode,
  latin1Write,
  asciiDecode,
  ucs2Decode,
  ucs2Write,
  hexDecode,
  hexWrite,
  base64Encode,
  base64UrlEncode,
  base64Write,
  base64ByteLength,
};
