// crypto's keys as Node 20 has them: KeyObject (secret, public, private), generateKeyPair
// (a pool job, as Node's) and its Sync twin, createPublicKey / createPrivateKey /
// createSecretKey from PEM, DER or bytes, sign / verify, createSign / createVerify, and RSA's
// publicEncrypt / privateDecrypt / privateEncrypt / publicDecrypt; OpenSSL underneath
// (AsymmetricKeys.cpp).
'use strict';

const natives = require('internal:binding');
const { Buffer } = require('buffer');
const util = require('util');
const { nodeError, opensslError } = require('internal/crypto/errors');

const kKeyType = Symbol('kKeyType');
const kAsymmetricKeyType = Symbol('kAsymmetricKeyType');
const kAsymmetricKeyDetails = Symbol('kAsymmetricKeyDetails');
const kId = Symbol('kId');
const kSecret = Symbol('kSecret');

// Node 20.20.2's crypto.constants, in its order (its OpenSSL's version and options included).
const kDefaultCipherList = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:' +
  'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:' +
  'ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:' +
  'DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:' +
  'DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA';
const constants = {
  OPENSSL_VERSION_NUMBER: 805306672, SSL_OP_ALL: 2147485776, SSL_OP_ALLOW_NO_DHE_KEX: 1024,
  SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION: 262144, SSL_OP_CIPHER_SERVER_PREFERENCE: 4194304,
  SSL_OP_CISCO_ANYCONNECT: 32768, SSL_OP_COOKIE_EXCHANGE: 8192, SSL_OP_CRYPTOPRO_TLSEXT_BUG: 2147483648,
  SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS: 2048, SSL_OP_LEGACY_SERVER_CONNECT: 4, SSL_OP_NO_COMPRESSION: 131072,
  SSL_OP_NO_ENCRYPT_THEN_MAC: 524288, SSL_OP_NO_QUERY_MTU: 4096, SSL_OP_NO_RENEGOTIATION: 1073741824,
  SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION: 65536, SSL_OP_NO_SSLv2: 0, SSL_OP_NO_SSLv3: 33554432,
  SSL_OP_NO_TICKET: 16384, SSL_OP_NO_TLSv1: 67108864, SSL_OP_NO_TLSv1_1: 268435456, SSL_OP_NO_TLSv1_2: 134217728,
  SSL_OP_NO_TLSv1_3: 536870912, SSL_OP_PRIORITIZE_CHACHA: 2097152, SSL_OP_TLS_ROLLBACK_BUG: 8388608,
  ENGINE_METHOD_RSA: 1, ENGINE_METHOD_DSA: 2, ENGINE_METHOD_DH: 4, ENGINE_METHOD_RAND: 8, ENGINE_METHOD_EC: 2048,
  ENGINE_METHOD_CIPHERS: 64, ENGINE_METHOD_DIGESTS: 128, ENGINE_METHOD_PKEY_METHS: 512,
  ENGINE_METHOD_PKEY_ASN1_METHS: 1024, ENGINE_METHOD_ALL: 65535, ENGINE_METHOD_NONE: 0, DH_CHECK_P_NOT_SAFE_PRIME: 2,
  DH_CHECK_P_NOT_PRIME: 1, DH_UNABLE_TO_CHECK_GENERATOR: 4, DH_NOT_SUITABLE_GENERATOR: 8, RSA_PKCS1_PADDING: 1,
  RSA_NO_PADDING: 3, RSA_PKCS1_OAEP_PADDING: 4, RSA_X931_PADDING: 5, RSA_PKCS1_PSS_PADDING: 6,
  RSA_PSS_SALTLEN_DIGEST: -1, RSA_PSS_SALTLEN_MAX_SIGN: -2, RSA_PSS_SALTLEN_AUTO: -2,
  defaultCoreCipherList: kDefaultCipherList, TLS1_VERSION: 769, TLS1_1_VERSION: 770, TLS1_2_VERSION: 771,
  TLS1_3_VERSION: 772, POINT_CONVERSION_COMPRESSED: 2, POINT_CONVERSION_UNCOMPRESSED: 4, POINT_CONVERSION_HYBRID: 6,
  defaultCipherList: kDefaultCipherList,
};

const keys = new FinalizationRegistry((id) => natives.operationSync('keyFree', [id]));

function call(name, args) {
  try {
    return natives.operationSync(name, args);
  } catch (raw) {
    throw opensslError(raw);
  }
}

function typeError(name, expected, value) {
  return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "${name}" property must be of type ${expected}. ` +
                   `Received ${value === undefined ? 'undefined' : util.inspect(value)}`);
}

class KeyObject {
  constructor(type) {
    this[kKeyType] = type;
  }

  get type() { return this[kKeyType]; }
}

class SecretKeyObject extends KeyObject {
  constructor(bytes) {
    super('secret');
    Object.defineProperty(this, kSecret, { value: Buffer.from(bytes) });
  }

  get symmetricKeySize() { return this[kSecret].length; }

  export(options) {
    if (options?.format === 'jwk')
      return { kty: 'oct', k: this[kSecret].toString('base64url') };
    return Buffer.from(this[kSecret]);
  }

  equals(other) {
    return other instanceof SecretKeyObject && this[kSecret].equals(other[kSecret]);
  }
}

class AsymmetricKeyObject extends KeyObject {
  constructor(type, id) {
    super(type);
    Object.defineProperty(this, kId, { value: id });
    keys.register(this, id);
    const [kind, ...details] = natives.operationSync('keyInfo', [id]).split(' ');
    this[kAsymmetricKeyType] = kind;
    this[kAsymmetricKeyDetails] = kind === 'rsa' || kind === 'rsa-pss'
      ? { modulusLength: Number(details[0]), publicExponent: BigInt(details[1]) }
      : kind === 'ec' ? { namedCurve: details[0] } : {};
  }

  get asymmetricKeyType() { return this[kAsymmetricKeyType]; }
  get asymmetricKeyDetails() { return { ...this[kAsymmetricKeyDetails] }; }

  export(options) {
    if (options === null || typeof options !== 'object')
      throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "options" argument must be of type object. Received ${util.inspect(options)}`);
    const format = options.format ?? 'pem';
    const type = options.type;
    const exported = call('keyExport', [this[kId], type, format]);
    return format === 'pem' ? exported : Buffer.from(exported);
  }

  equals(other) {
    return other instanceof AsymmetricKeyObject && other.type === this.type &&
      Buffer.from(this.export({ type: 'spki', format: 'der' })).equals(Buffer.from(other.export({ type: 'spki', format: 'der' })));
  }
}

class PublicKeyObject extends AsymmetricKeyObject {
  constructor(id) { super('public', id); }
}

class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(id) { super('private', id); }
}

for (const made of [KeyObject, SecretKeyObject, PublicKeyObject, PrivateKeyObject])
  Object.defineProperty(made.prototype, Symbol.toStringTag, { value: 'KeyObject', configurable: true });

// ---- reading keys

function keyBytes(key) {
  if (typeof key === 'string')
    return Buffer.from(key);
  if (ArrayBuffer.isView(key))
    return new Uint8Array(key.buffer, key.byteOffset, key.byteLength);
  throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "key" argument must be of type string or an instance of ' +
                  `ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey. Received ${util.inspect(key)}`);
}

// A KeyObject, or the key an argument stands for: a KeyObject, PEM text, or
// { key, format, type, padding, saltLength, ... }.
function keyFrom(argument, wantsPrivate) {
  const options = argument !== null && typeof argument === 'object' && !ArrayBuffer.isView(argument) &&
    !(argument instanceof KeyObject) ? argument : { key: argument };
  const key = options.key;
  if (key instanceof AsymmetricKeyObject) {
    if (wantsPrivate && key.type !== 'private')
      throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${key.type}, expected private.`);
    if (!wantsPrivate && key.type === 'private')
      return [new PublicKeyObject(natives.operationSync('keyPublic', [key[kId]])), options];
    return [key, options];
  }
  const id = call('keyImport', [keyBytes(key), options.format ?? 'pem', wantsPrivate ? 1 : 0, options.type ?? '']);
  return [wantsPrivate ? new PrivateKeyObject(id) : new PublicKeyObject(id), options];
}

function createPublicKey(key) { return keyFrom(key, false)[0]; }
function createPrivateKey(key) { return keyFrom(key, true)[0]; }
function createSecretKey(key, encoding) {
  return new SecretKeyObject(typeof key === 'string' ? Buffer.from(key, encoding) : keyBytes(key));
}

// ---- generateKeyPair

const keyTypes = ['rsa', 'rsa-pss', 'dsa', 'ec', 'ed25519', 'ed448', 'x25519', 'x448', 'dh'];

function generationArguments(type, options = {}) {
  if (typeof type !== 'string')
    throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "type" argument must be of type string. Received ${util.inspect(type)}`);
  if (!keyTypes.includes(type) || type === 'dsa' || type === 'dh') {
    throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
                    `The argument 'type' must be a supported key type. Received ${util.inspect(type)}`);
  }
  let modulusLength = 0;
  let publicExponent = 0x10001;
  let namedCurve = '';
  if (type === 'rsa' || type === 'rsa-pss') {
    modulusLength = options?.modulusLength;
    if (typeof modulusLength !== 'number')
      throw typeError('options.modulusLength', 'number', modulusLength);
    publicExponent = options.publicExponent ?? publicExponent;
  } else if (type === 'ec') {
    namedCurve = options?.namedCurve;
    if (typeof namedCurve !== 'string')
      throw typeError('options.namedCurve', 'string', namedCurve);
  }
  return [type, modulusLength, publicExponent, namedCurve];
}

function encodedPair(privateId, options) {
  const privateKey = new PrivateKeyObject(privateId);
  const publicKey = new PublicKeyObject(natives.operationSync('keyPublic', [privateId]));
  const encode = (key, encoding) => (encoding ? key.export(encoding) : key);
  return { publicKey: encode(publicKey, options?.publicKeyEncoding), privateKey: encode(privateKey, options?.privateKeyEncoding) };
}

function generateKeyPairSync(type, options) {
  return encodedPair(call('keyGenerate', generationArguments(type, options)), options);
}

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  if (typeof callback !== 'function')
    throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "callback" argument must be of type function. Received ${util.inspect(callback)}`);
  const args = generationArguments(type, options);
  natives.operation('keyGenerate', args, `crypto.generateKeyPair ${type}${args[1] ? ` ${args[1]}` : ''}`, (error, id) => {
    if (error)
      return callback(opensslError(error));
    let pair;
    try {
      pair = encodedPair(id, options);
    } catch (encodeError) {
      return callback(encodeError);
    }
    callback(null, pair.publicKey, pair.privateKey);
  });
}

// ---- signatures

function digestName(algorithm) {
  return algorithm === null || algorithm === undefined ? '' : String(algorithm).toLowerCase();
}

function dataBytes(data, encoding) {
  return typeof data === 'string' ? Buffer.from(data, encoding || 'utf8') : keyBytes(data);
}

function sign(algorithm, data, key, callback) {
  const [keyObject, options] = keyFrom(key, true);
  const signature = Buffer.from(call('sign', [keyObject[kId], digestName(algorithm), dataBytes(data),
                                              options.padding ?? 0, options.saltLength ?? -2]));
  if (typeof callback === 'function') {
    process.nextTick(callback, null, signature);
    return undefined;
  }
  return signature;
}

function verify(algorithm, data, key, signature, callback) {
  const [keyObject, options] = keyFrom(key, false);
  const valid = call('verify', [keyObject[kId], digestName(algorithm), dataBytes(data), keyBytes(signature),
                                options.padding ?? 0, options.saltLength ?? -2]) === 1;
  if (typeof callback === 'function') {
    process.nextTick(callback, null, valid);
    return undefined;
  }
  return valid;
}

// createSign / createVerify: the data written with update(), signed or checked at the end.
class SignatureData {
  constructor(algorithm) {
    this._algorithm = algorithm;
    this._chunks = [];
  }

  update(data, encoding) {
    this._chunks.push(Buffer.from(dataBytes(data, encoding)));
    return this;
  }
}

class Sign extends SignatureData {
  sign(key, outputEncoding) {
    const signature = sign(this._algorithm, Buffer.concat(this._chunks), key);
    return outputEncoding && outputEncoding !== 'buffer' ? signature.toString(outputEncoding) : signature;
  }
}

class Verify extends SignatureData {
  verify(key, signature, signatureEncoding) {
    const bytes = typeof signature === 'string' ? Buffer.from(signature, signatureEncoding || 'utf8') : signature;
    return verify(this._algorithm, Buffer.concat(this._chunks), key, bytes);
  }
}

// ---- RSA encryption

function rsaCipher(wantsPrivate, decrypt, defaultPadding) {
  return (key, buffer) => {
    const [keyObject, options] = keyFrom(key, wantsPrivate);
    const padding = options.padding ?? defaultPadding;
    if (wantsPrivate && decrypt && padding === constants.RSA_PKCS1_PADDING) {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', 'RSA_PKCS1_PADDING is no longer supported for private ' +
                      'decryption, this can be reverted with --security-revert=CVE-2023-46809');
    }
    return Buffer.from(call('keyCipher', [keyObject[kId], dataBytes(buffer), padding, options.oaepHash ?? 'sha1',
                                          decrypt ? 1 : 0, wantsPrivate ? 1 : 0]));
  };
}

module.exports = {
  constants,
  KeyObject,
  createPublicKey,
  createPrivateKey,
  createSecretKey,
  generateKeyPair,
  generateKeyPairSync,
  sign,
  verify,
  createSign: (algorithm) => new Sign(algorithm),
  createVerify: (algorithm) => new Verify(algorithm),
  publicEncrypt: rsaCipher(false, false, constants.RSA_PKCS1_OAEP_PADDING),
  privateDecrypt: rsaCipher(true, true, constants.RSA_PKCS1_OAEP_PADDING),
  privateEncrypt: rsaCipher(true, false, constants.RSA_PKCS1_PADDING),
  publicDecrypt: rsaCipher(false, true, constants.RSA_PKCS1_PADDING),
};
