// crypto.createCipheriv / createDecipheriv as Node 20 has them: OpenSSL's cipher on the loop
// thread (CipherContexts.cpp), update/final with Node's encodings, padding, the AEAD modes'
// AAD and auth tag, and Node's errors; each is also a Transform stream.
'use strict';

const natives = require('internal:binding');
const { Buffer } = require('buffer');
const { Transform } = require('stream');
const { StringDecoder } = require('string_decoder');
const { nodeError, opensslError } = require('internal/crypto/errors');

const kId = Symbol('kId');
const kKeepsTag = Symbol('kKeepsTag');
// A context that is no longer needed is freed at final(); one whose auth tag may still be
// asked for, when its object is collected.
const contexts = new FinalizationRegistry((id) => natives.operationSync('cipherFree', [id]));
const kState = Symbol('kState');  // 'open', 'finalized'

// What CipherContexts reports, in Node's words.
function cipherError(raw) {
  switch (raw.code) {
    case 'unknown cipher': return nodeError(Error, 'ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher');
    case 'invalid key length': return nodeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length');
    case 'invalid iv': return nodeError(TypeError, 'ERR_CRYPTO_INVALID_IV', 'Invalid initialization vector');
    case 'invalid auth tag': return nodeError(TypeError, 'ERR_CRYPTO_INVALID_AUTH_TAG', 'Invalid authentication tag');
    case 'invalid state': return nodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state');
    default: break;
  }
  return opensslError(raw);
}

function call(name, args) {
  try {
    return natives.operationSync(name, args);
  } catch (error) {
    throw cipherError(error);
  }
}

function bytesOf(value, name, encoding) {
  if (typeof value === 'string')
    return Buffer.from(value, encoding || 'utf8');
  if (ArrayBuffer.isView(value))
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value && typeof value.export === 'function' && value.type === 'secret')
    return value.export();
  const error = new TypeError(`The "${name}" argument must be of type string or an instance of Buffer, TypedArray, ` +
                              `DataView, or KeyObject. Received ${value === null ? 'null' : typeof value}`);
  error.code = 'ERR_INVALID_ARG_TYPE';
  throw error;
}

class CipherBase extends Transform {
  constructor(algorithm, key, iv, options, encrypt) {
    super(options);
    if (typeof algorithm !== 'string') {
      const error = new TypeError(`The "cipher" argument must be of type string. Received ${typeof algorithm}`);
      error.code = 'ERR_INVALID_ARG_TYPE';
      throw error;
    }
    const keyBytes = key && key.type === 'secret' && typeof key.export === 'function' ? new Uint8Array(key.export())
      : bytesOf(key, 'key');
    const hasIv = iv !== null && iv !== undefined;
    const ivBytes = hasIv ? bytesOf(iv, 'iv') : new Uint8Array(0);
    this[kId] = call('cipherCreate', [algorithm.toLowerCase(), keyBytes, hasIv ? 1 : 0, ivBytes, encrypt ? 1 : 0,
                                      options?.authTagLength ?? 16]);
    this[kState] = 'open';
    this[kKeepsTag] = encrypt && /gcm|ccm|ocb|poly1305/.test(algorithm.toLowerCase());
    this._decoder = null;
    contexts.register(this, this[kId], this);
  }

  update(data, inputEncoding, outputEncoding) {
    if (this[kState] !== 'open')
      throw new Error('Trying to add data in unsupported state');
    const output = Buffer.from(call('cipherUpdate', [this[kId], bytesOf(data, 'data', inputEncoding)]));
    return this.#encoded(output, outputEncoding, false);
  }

  final(outputEncoding) {
    if (this[kState] !== 'open')
      throw nodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state');
    this[kState] = 'finalized';
    let output;
    try {
      output = Buffer.from(call('cipherFinal', [this[kId]]));
    } finally {
      if (!this[kKeepsTag]) {
        contexts.unregister(this);
        natives.operationSync('cipherFree', [this[kId]]);
      }
    }
    return this.#encoded(output, outputEncoding, true);
  }

  #encoded(output, encoding, last) {
    if (!encoding || encoding === 'buffer')
      return output;
    if (this._decoder === null || this._decoder.encoding !== encoding)
      this._decoder = new StringDecoder(encoding);
    return last ? this._decoder.end(output) : this._decoder.write(output);
  }

  setAutoPadding(padding = true) {
    if (this[kState] !== 'open')
      throw nodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation setAutoPadding');
    call('cipherSetAutoPadding', [this[kId], padding ? 1 : 0]);
    return this;
  }

  setAAD(buffer) {
    call('cipherSetAAD', [this[kId], bytesOf(buffer, 'buffer')]);
    return this;
  }

  _transform(chunk, encoding, callback) {
    try {
      this.push(this.update(chunk, encoding));
      callback();
    } catch (error) {
      callback(error);
    }
  }

  _flush(callback) {
    try {
      this.push(this.final());
      callback();
    } catch (error) {
      callback(error);
    }
  }
}

class Cipheriv extends CipherBase {
  constructor(algorithm, key, iv, options) {
    super(algorithm, key, iv, options, true);
  }

  getAuthTag() {
    if (this[kState] !== 'finalized')
      throw nodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation getAuthTag');
    return Buffer.from(call('cipherGetAuthTag', [this[kId]]));
  }
}

class Decipheriv extends CipherBase {
  constructor(algorithm, key, iv, options) {
    super(algorithm, key, iv, options, false);
  }

  setAuthTag(tag) {
    if (this[kState] !== 'open')
      throw nodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation setAuthTag');
    call('cipherSetAuthTag', [this[kId], bytesOf(tag, 'buffer')]);
    return this;
  }
}

function getCiphers() {
  return natives.operationSync('cipherNames', []).split('\n');
}

module.exports = { Cipheriv, Decipheriv, getCiphers };
