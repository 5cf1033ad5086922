// Node's crypto over NodeOperations (OpenSSL's libcrypto): pbkdf2, scrypt and
// randomBytes with a callback are one pool job each, as in Node; their *Sync twins
// and the hashes compute on the loop thread.
'use strict';

const natives = require('internal:binding');
const { Buffer } = require('buffer');

const { makeNodeError } = require('util')[Symbol.for('loopscope.util.internals')];

function invalidArgType(name, expected, actual) {
  return makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "${name}" argument must be ${expected}. Received ${
    actual === undefined ? 'undefined' : actual === null ? 'null' : `type ${typeof actual} (${String(actual)})`}`);
}

function bytesOf(value, name, encoding = 'utf8') {
  if (typeof value === 'string')
    return Buffer.from(value, encoding);
  if (ArrayBuffer.isView(value))
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof ArrayBuffer)
    return new Uint8Array(value);
  throw invalidArgType(name, 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', value);
}

function integerOf(value, name, min, max) {
  if (typeof value !== 'number')
    throw invalidArgType(name, 'of type number', value);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw makeNodeError(RangeError, 'ERR_OUT_OF_RANGE',
                        `The value of "${name}" is out of range. It must be >= ${min} && <= ${max}. Received ${value}`);
  }
  return value;
}

function callbackOf(callback) {
  if (typeof callback !== 'function')
    throw invalidArgType('callback', 'of type function', callback);
  return callback;
}

function toBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function pbkdf2Arguments(password, salt, iterations, keylen, digest) {
  if (typeof digest !== 'string')
    throw invalidArgType('digest', 'of type string', digest);
  return [bytesOf(password, 'password'), bytesOf(salt, 'salt'), integerOf(iterations, 'iterations', 1, 2 ** 31 - 1),
    integerOf(keylen, 'keylen', 0, 2 ** 31 - 1), digest];
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  callbackOf(callback);
  const args = pbkdf2Arguments(password, salt, iterations, keylen, digest);
  natives.operation('pbkdf2', args, `crypto.pbkdf2 ${digest} x${iterations}`,
    (error, key) => (error ? callback(error) : callback(null, toBuffer(key))));
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  return toBuffer(natives.operationSync('pbkdf2', pbkdf2Arguments(password, salt, iterations, keylen, digest)));
}

// hkdf / hkdfSync: the derived key as an ArrayBuffer, as Node's.
function hkdfArguments(digest, key, salt, info, keylen) {
  if (typeof digest !== 'string')
    throw invalidArgType('digest', 'of type string', digest);
  const isSecretKey = key && key.type === 'secret' && typeof key.export === 'function';
  const keyBytes = isSecretKey ? key.export() : bytesOf(key, 'ikm');
  return [digest, new Uint8Array(keyBytes), bytesOf(salt, 'salt'), bytesOf(info, 'info'),
    integerOf(keylen, 'length', 0, 2 ** 31 - 1)];
}

const toArrayBuffer = (bytes) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);

function hkdf(digest, key, salt, info, keylen, callback) {
  callbackOf(callback);
  natives.operation('hkdf', hkdfArguments(digest, key, salt, info, keylen), `crypto.hkdf ${digest}`,
    (error, bytes) => (error ? callback(error) : callback(null, toArrayBuffer(bytes))));
}

function hkdfSync(digest, key, salt, info, keylen) {
  return toArrayBuffer(natives.operationSync('hkdf', hkdfArguments(digest, key, salt, info, keylen)));
}

function scryptArguments(password, salt, keylen, options = {}) {
  const N = options.N ?? options.cost ?? 16384;
  const r = options.r ?? options.blockSize ?? 8;
  const p = options.p ?? options.parallelization ?? 1;
  const maxmem = options.maxmem ?? 32 * 1024 * 1024;
  return [bytesOf(password, 'password'), bytesOf(salt, 'salt'), integerOf(keylen, 'keylen', 0, 2 ** 31 - 1), N, r, p, maxmem];
}

function scrypt(password, salt, keylen, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callbackOf(callback);
  natives.operation('scrypt', scryptArguments(password, salt, keylen, options), `crypto.scrypt keylen ${keylen}`,
    (error, key) => (error ? callback(error) : callback(null, toBuffer(key))));
}

function scryptSync(password, salt, keylen, options) {
  return toBuffer(natives.operationSync('scrypt', scryptArguments(password, salt, keylen, options)));
}

function randomBytes(size, callback) {
  integerOf(size, 'size', 0, 2 ** 31 - 1);
  if (callback === undefined)
    return toBuffer(natives.operationSync('randomBytes', [size]));
  callbackOf(callback);
  natives.operation('randomBytes', [size], `crypto.randomBytes ${size}`,
    (error, bytes) => (error ? callback(error) : callback(null, toBuffer(bytes))));
  return undefined;
}

// randomFill(buffer[, offset[, size]], callback) and randomFillSync: random bytes into part
// of `buffer` (a pool job for the asynchronous one, as randomBytes).
function randomFillRange(buffer, offset = 0, size) {
  if (!ArrayBuffer.isView(buffer) && !(buffer instanceof ArrayBuffer))
    throw invalidArgType('buf', 'an instance of ArrayBuffer or ArrayBufferView', buffer);
  const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer)
    : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  integerOf(offset, 'offset', 0, bytes.length);
  if (size === undefined)
    size = bytes.length - offset;
  integerOf(size, 'size', 0, 2 ** 31 - 1);
  if (size + offset > bytes.length) {
    const error = new RangeError(`The value of "size + offset" is out of range. It must be <= ${bytes.length}. Received ${size + offset}`);
    error.code = 'ERR_OUT_OF_RANGE';
    throw error;
  }
  return [bytes, offset, size];
}

function randomFillSync(buffer, offset, size) {
  const [bytes, from, count] = randomFillRange(buffer, offset, size);
  bytes.set(natives.operationSync('randomBytes', [count]), from);
  return buffer;
}

function randomFill(buffer, ...rest) {
  const callback = callbackOf(rest.pop());
  const [bytes, from, count] = randomFillRange(buffer, ...rest);
  natives.operation('randomBytes', [count], `crypto.randomFill ${count}`, (error, random) => {
    if (error)
      return callback(error);
    bytes.set(random, from);
    callback(null, buffer);
  });
}

function randomUUID() {
  const bytes = natives.operationSync('randomBytes', [16]);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function randomInt(min, max, callback) {
  if (max === undefined || typeof max === 'function') {
    callback = max;
    max = min;
    min = 0;
  }
  const range = max - min;
  const bytes = natives.operationSync('randomBytes', [6]);
  let value = 0;
  for (const byte of bytes)
    value = value * 256 + byte;
  const result = min + (value % range);
  if (typeof callback === 'function') {
    process.nextTick(callback, null, result);
    return undefined;
  }
  return result;
}

const hashes = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512-256', 'sha3-256', 'sha3-512'];

class Hash {
  constructor(algorithm, key) {
    if (typeof algorithm !== 'string')
      throw invalidArgType('algorithm', 'of type string', algorithm);
    this._algorithm = algorithm.toLowerCase();
    this._key = key;
    this._chunks = [];
    this._finished = false;
    if (!hashes.includes(this._algorithm)) {
      throw require('internal/node_api_frames').atNodeApi(new Error('Digest method not supported'), 'crypto.createHash:unsupported');
    }
  }

  update(data, encoding) {
    if (this._finished) {
      const error = new Error('Digest already called');
      error.code = 'ERR_CRYPTO_HASH_FINALIZED';
      throw error;
    }
    this._chunks.push(Buffer.from(bytesOf(data, 'data', encoding)));
    return this;
  }

  digest(encoding) {
    this._finished = true;
    const data = Buffer.concat(this._chunks);
    const bytes = this._key === undefined ? natives.operationSync('hash', [this._algorithm, data])
      : natives.operationSync('hmac', [this._algorithm, this._key, data]);
    const buffer = toBuffer(bytes);
    return encoding === undefined || encoding === 'buffer' ? buffer : buffer.toString(encoding);
  }

  copy() {
    const copy = new Hash(this._algorithm, this._key);
    copy._chunks = this._chunks.slice();
    return copy;
  }
}

// A Hash (and an Hmac) is also a Transform stream, as in Node, but the stream module loads
// only when one is used as a stream (Node's LazyTransform): the first stream member read
// puts Transform.prototype under Hash.prototype, and an instance's stream state is made
// when first needed.
Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
};
Hash.prototype._flush = function _flush(callback) {
  this.push(this.digest());
  callback();
};

const streamMembers = ['pipe', 'unpipe', 'on', 'once', 'off', 'addListener', 'removeListener', 'removeAllListeners',
  'prependListener', 'prependOnceListener', 'emit', 'listeners', 'listenerCount', 'eventNames', 'write', 'end', 'read',
  'setEncoding', 'pause', 'resume', 'isPaused', 'destroy', 'cork', 'uncork', 'push', 'readable', 'writable',
  'readableFlowing', 'destroyed', Symbol.asyncIterator];

function becomeStreams() {
  const { Transform } = require('stream');
  for (const member of streamMembers)
    delete Hash.prototype[member];
  Object.setPrototypeOf(Hash.prototype, Transform.prototype);
  for (const state of ['_readableState', '_writableState', '_transformState']) {
    Object.defineProperty(Hash.prototype, state, {
      get() {
        Transform.call(this);
        return this[state];
      },
      set(value) {
        Object.defineProperty(this, state, { value, enumerable: true, configurable: true, writable: true });
      },
      configurable: true,
    });
  }
}

for (const member of streamMembers) {
  Object.defineProperty(Hash.prototype, member, {
    get() {
      becomeStreams();
      return this[member];
    },
    configurable: true,
  });
}

function timingSafeEqual(a, b) {
  if (a.byteLength !== b.byteLength) {
    const error = new RangeError('Input buffers must have the same byte length');
    error.code = 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH';
    throw error;
  }
  let difference = 0;
  for (let at = 0; at < a.byteLength; at++)
    difference |= a[at] ^ b[at];
  return difference === 0;
}

// The ciphers (streams) and the keys: loaded when first used.
const cipher = () => require('internal/crypto/cipher');
const keys = () => require('internal/crypto/keys');

module.exports = {
  hkdf, hkdfSync,
  pbkdf2, pbkdf2Sync, scrypt, scryptSync, randomBytes, randomFill, randomFillSync, randomUUID, randomInt, timingSafeEqual,
  // crypto.hash(algorithm, data[, outputEncoding]): a one-shot digest, hex by default.
  hash(algorithm, data, outputEncoding = 'hex') {
    if (typeof data !== 'string' && !ArrayBuffer.isView(data))
      throw invalidArgType('input', 'of type string or an instance of Buffer, TypedArray, or DataView', data);
    return new Hash(algorithm).update(data).digest(outputEncoding);
  },
  createHash: (algorithm) => new Hash(algorithm),
  createHmac: (algorithm, key) => new Hash(algorithm, Buffer.from(key && key.type === 'secret' &&
    typeof key.export === 'function' ? key.export() : bytesOf(key, 'key'))),
  getHashes: () => hashes.slice(),
  Hash,
  createCipheriv: (algorithm, key, iv, options) => new (cipher().Cipheriv)(algorithm, key, iv, options),
  createDecipheriv: (algorithm, key, iv, options) => new (cipher().Decipheriv)(algorithm, key, iv, options),
  getCiphers: () => cipher().getCiphers(),
  get Cipheriv() { return cipher().Cipheriv; },
  get constants() { return keys().constants; },
  get KeyObject() { return keys().KeyObject; },
  get Decipheriv() { return cipher().Decipheriv; },
  get webcrypto() { return require('internal/webcrypto').crypto; },
  get subtle() { return require('internal/webcrypto').crypto.subtle; },
  getRandomValues: (array) => require('internal/webcrypto').crypto.getRandomValues(array),
};
for (const name of ['createPublicKey', 'createPrivateKey', 'createSecretKey', 'generateKeyPair', 'generateKeyPairSync',
                    'sign', 'verify', 'createSign', 'createVerify', 'publicEncrypt', 'privateDecrypt', 'privateEncrypt',
                    'publicDecrypt'])
  module.exports[name] = (...args) => keys()[name](...args);
