// The Web Crypto API Node 20 has as the global `crypto` (and require('crypto').webcrypto):
// getRandomValues, randomUUID and subtle.digest. A digest is one pool job, as in Node.
'use strict';

const natives = require('internal:binding');
const { Buffer } = require('buffer');

function domException(message, name) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, name);
}

const integerArrays = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  BigInt64Array, BigUint64Array];

// Web Crypto's algorithm names, and the names the hash operation knows them by.
const digests = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

class SubtleCrypto {
  digest(algorithm, data) {
    const name = typeof algorithm === 'string' ? algorithm : algorithm && algorithm.name;
    const hash = digests[String(name).toUpperCase()];
    if (hash === undefined)
      return Promise.reject(domException('Unrecognized algorithm name', 'NotSupportedError'));
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data)
      : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : undefined;
    if (bytes === undefined)
      return Promise.reject(new TypeError('Failed to execute \'digest\' on \'SubtleCrypto\': parameter 2 is not of type \'ArrayBuffer\''));
    return new Promise((resolve, reject) => {
      natives.operation('hash', [hash, Buffer.from(bytes)], `crypto.subtle.digest ${name}`, (error, result) => {
        if (error)
          return reject(error);
        resolve(result.buffer.slice(result.byteOffset, result.byteOffset + result.byteLength));
      });
    });
  }
}

const subtle = new SubtleCrypto();

class Crypto {
  get subtle() {
    return subtle;
  }

  getRandomValues(array) {
    if (!integerArrays.some((Type) => array instanceof Type))
      throw domException('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
    if (array.byteLength > 65536) {
      throw domException(`The ArrayBufferView's byte length (${array.byteLength}) exceeds the number of bytes of ` +
        'entropy available via this API (65536)', 'QuotaExceededError');
    }
    const bytes = natives.operationSync('randomBytes', [array.byteLength]);
    new Uint8Array(array.buffer, array.byteOffset, array.byteLength).set(bytes);
    return array;
  }

  randomUUID() {
    return require('crypto').randomUUID();
  }
}
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: 'Crypto', configurable: true });
Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, { value: 'SubtleCrypto', configurable: true });

const crypto = new Crypto();

module.exports = { crypto, Crypto, SubtleCrypto };
