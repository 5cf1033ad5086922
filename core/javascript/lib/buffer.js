'use strict';
// TEMPORARY STUB
function utf8Encode(s) { const out = []; for (const ch of s) { let c = ch.codePointAt(0); if (c < 0x80) out.push(c); else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63)); else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)); else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)); } return out; }
function utf8Decode(b) { let s = ''; for (let i = 0; i < b.length;) { const c = b[i]; if (c < 0x80) { s += String.fromCharCode(c); i++; } else if (c < 0xe0) { s += String.fromCharCode(((c & 31) << 6) | (b[i + 1] & 63)); i += 2; } else if (c < 0xf0) { s += String.fromCharCode(((c & 15) << 12) | ((b[i + 1] & 63) << 6) | (b[i + 2] & 63)); i += 3; } else { s += String.fromCodePoint(((c & 7) << 18) | ((b[i + 1] & 63) << 12) | ((b[i + 2] & 63) << 6) | (b[i + 3] & 63)); i += 4; } } return s; }
class Buffer extends Uint8Array {
  static from(v, a, b) { if (typeof v === 'string') { if (a === 'hex') return new Buffer(v.match(/../g).map((x) => parseInt(x, 16))); return new Buffer(utf8Encode(v)); } if (v instanceof ArrayBuffer) return new Buffer(v, a || 0, b === undefined ? v.byteLength - (a || 0) : b); return new Buffer(v); }
  static isBuffer(v) { return v instanceof Buffer; }
  static concat(list) { let n = 0; for (const x of list) n += x.length; const out = new Buffer(n); let o = 0; for (const x of list) { out.set(x, o); o += x.length; } return out; }
  static byteLength(s) { return utf8Encode(s).length; }
  toString(enc) { if (enc === 'hex') return Array.from(this, (x) => x.toString(16).padStart(2, '0')).join(''); if (enc === 'base64') return btoa(String.fromCharCode(...this)); return utf8Decode(this); }
}
module.exports = { Buffer };
