// Node's zlib: the convenience functions over NodeOperations (zlib itself), each
// asynchronous one a pool job, the *Sync twins on the loop thread; and the streams
// (createGzip() and its kin), Transforms whose every chunk is one pool job on a zlib state
// kept across chunks (ZlibStreams.cpp). Node splits a chunk's job when its output passes
// 16 KiB; here a chunk is one job whatever its output.
'use strict';

const natives = require('internal:binding');
const { Buffer } = require('buffer');

const constants = {
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4,
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_BUF_ERROR: -5,
  Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1,
  BROTLI_DECODE: 8, BROTLI_ENCODE: 9,
  BROTLI_DECODE: 8, BROTLI_ENCODE: 9, BROTLI_OPERATION_PROCESS: 0, BROTLI_OPERATION_FLUSH: 1,
  BROTLI_OPERATION_FINISH: 2, BROTLI_OPERATION_EMIT_METADATA: 3, BROTLI_PARAM_MODE: 0, BROTLI_MODE_GENERIC: 0,
  BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2, BROTLI_DEFAULT_MODE: 0, BROTLI_PARAM_QUALITY: 1, BROTLI_MIN_QUALITY: 0,
  BROTLI_MAX_QUALITY: 11, BROTLI_DEFAULT_QUALITY: 11, BROTLI_PARAM_LGWIN: 2, BROTLI_MIN_WINDOW_BITS: 10,
  BROTLI_MAX_WINDOW_BITS: 24, BROTLI_LARGE_MAX_WINDOW_BITS: 30, BROTLI_DEFAULT_WINDOW: 22, BROTLI_PARAM_LGBLOCK: 3,
  BROTLI_MIN_INPUT_BLOCK_BITS: 16, BROTLI_MAX_INPUT_BLOCK_BITS: 24, BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4,
  BROTLI_PARAM_SIZE_HINT: 5, BROTLI_PARAM_LARGE_WINDOW: 6, BROTLI_PARAM_NPOSTFIX: 7, BROTLI_PARAM_NDIRECT: 8,
  BROTLI_DECODER_RESULT_ERROR: 0, BROTLI_DECODER_RESULT_SUCCESS: 1, BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2,
  BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3, BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0,
  BROTLI_DECODER_PARAM_LARGE_WINDOW: 1, BROTLI_DECODER_NO_ERROR: 0, BROTLI_DECODER_SUCCESS: 1,
  BROTLI_DECODER_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3,
  BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1, BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2,
  BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3, BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5, BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6,
  BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7, BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8,
  BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10,
  BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11, BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12,
  BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13, BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14,
  BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15, BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16,
  BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19, BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21, BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26,
  BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27, BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30,
  BROTLI_DECODER_ERROR_UNREACHABLE: -31,
};

function inputOf(buffer) {
  if (typeof buffer === 'string')
    return Buffer.from(buffer);
  if (ArrayBuffer.isView(buffer))
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (buffer instanceof ArrayBuffer)
    return new Uint8Array(buffer);
  const error = new TypeError('The "buffer" argument must be of type string or an instance of Buffer, TypedArray, ' +
    `DataView, or ArrayBuffer. Received ${buffer === undefined ? 'undefined' : typeof buffer}`);
  error.code = 'ERR_INVALID_ARG_TYPE';
  throw error;
}

function zlibError(error) {
  const made = new Error(error.message);
  made.errno = error.errno;
  made.code = error.code;
  return made;
}

function toBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// zlib.NAME(buffer, options, callback) and zlib.NAMESync(buffer, options): one operation,
// its arguments made by `args` from the buffer and the options.
function operationPair(name, args) {
  const asynchronous = function (buffer, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = {};
    }
    natives.operation(name, args(buffer, options), `zlib.${name}`,
      (error, bytes) => (error ? callback(zlibError(error)) : callback(null, toBuffer(bytes))));
  };
  const synchronous = (buffer, options) => {
    try {
      return toBuffer(natives.operationSync(name, args(buffer, options)));
    } catch (error) {
      const thrown = zlibError(error);
      throw require('internal/node_api_frames').atNodeApi(thrown, `zlib.${name}Sync:${thrown.code}`);
    }
  };
  return [asynchronous, synchronous];
}

function convenience(name) {
  const compresses = ['gzip', 'deflate', 'deflateRaw'].includes(name);
  return operationPair(name, (buffer, options = {}) => (compresses ? [inputOf(buffer), options.level ?? -1] : [inputOf(buffer)]));
}

// ---- streams

const { Transform } = require('stream');

const kFlushFlag = Symbol('kFlushFlag');
const kHandle = Symbol('kHandle');

function checkedOption(options, name, low, high, fallback) {
  const value = options?.[name];
  if (value === undefined)
    return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < low || value > high) {
    const error = new RangeError(`The value of "options.${name}" is out of range. It must be >= ${low} and <= ${high}. ` +
                                 `Received ${value}`);
    error.code = 'ERR_OUT_OF_RANGE';
    throw error;
  }
  return value;
}

class ZlibStream extends Transform {
  constructor(kind, options = {}) {
    const chunkSize = checkedOption(options, 'chunkSize', 64, Infinity, 16 * 1024);
    super({ ...options, readableHighWaterMark: options.readableHighWaterMark ?? chunkSize });
    this._kind = kind;
    this._finishFlushFlag = checkedOption(options, 'finishFlush', 0, 5, constants.Z_FINISH);
    this._defaultFlushFlag = checkedOption(options, 'flush', 0, 5, constants.Z_NO_FLUSH);
    const level = checkedOption(options, 'level', -1, 9, constants.Z_DEFAULT_COMPRESSION);
    const windowBits = checkedOption(options, 'windowBits', 8, 15, 15);
    const memLevel = checkedOption(options, 'memLevel', 1, 9, 8);
    const strategy = checkedOption(options, 'strategy', 0, 4, 0);
    try {
      this[kHandle] = natives.operationSync('zlibStreamCreate', [kind, level, windowBits, memLevel, strategy]);
    } catch (error) {
      throw zlibError(error);
    }
    this.bytesWritten = 0;
  }

  get _handle() { return this[kHandle]; }

  _transform(chunk, encoding, callback) {
    const flush = chunk[kFlushFlag] ?? this._defaultFlushFlag;
    this.#process(chunk, flush, callback);
  }

  _flush(callback) {
    this.#process(Buffer.alloc(0), this._finishFlushFlag, callback);
  }

  #process(chunk, flush, callback) {
    if (this[kHandle] === null)
      return callback(zlibError({ message: 'zlib binding closed', code: 'ERR_ZLIB_BINDING_CLOSED' }));
    const input = inputOf(chunk);
    natives.operation('zlibStreamWrite', [this[kHandle], input, flush], `${this.constructor.name}.write`, (error, bytes) => {
      if (error)
        return callback(zlibError(error));
      this.bytesWritten += input.length;
      if (bytes.length > 0)
        this.push(toBuffer(bytes));
      callback();
    });
  }

  // flush([kind][, callback]): what was written so far comes out (Z_FULL_FLUSH by default).
  flush(kind, callback) {
    if (typeof kind === 'function' || kind === undefined) {
      callback = kind;
      kind = constants.Z_FULL_FLUSH;
    }
    const marker = Buffer.alloc(0);
    marker[kFlushFlag] = kind;
    this.write(marker, callback);
  }

  close(callback) {
    if (callback)
      process.nextTick(callback);
    this.destroy();
  }

  _destroy(error, callback) {
    if (this[kHandle] !== null) {
      natives.operationSync('zlibStreamClose', [this[kHandle]]);
      this[kHandle] = null;
    }
    callback(error);
  }
}

// ---- brotli (BrotliCodec.cpp): the one-shot functions, each a pool job; the streams
// collect what is written and work once, at the end.

function brotliArguments(buffer, options = {}) {
  const params = options.params || {};
  const param = (key, fallback) => (params[key] === undefined ? fallback : params[key]);
  return [inputOf(buffer), param(constants.BROTLI_PARAM_QUALITY, constants.BROTLI_DEFAULT_QUALITY),
    param(constants.BROTLI_PARAM_LGWIN, constants.BROTLI_DEFAULT_WINDOW),
    param(constants.BROTLI_PARAM_MODE, constants.BROTLI_MODE_GENERIC)];
}

function brotli(name) {
  return operationPair(name, name === 'brotliCompress' ? brotliArguments : (buffer) => [inputOf(buffer)]);
}

function brotliStream(name) {
  const { Transform } = require('stream');
  const [asynchronous] = brotli(name);
  return class extends Transform {
    constructor(options = {}) {
      super(options);
      this._options = options;
      this._chunks = [];
    }

    _transform(chunk, encoding, callback) {
      this._chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk);
      callback();
    }

    _flush(callback) {
      asynchronous(Buffer.concat(this._chunks), this._options, (error, result) => {
        if (error)
          return callback(error);
        if (result.length > 0)
          this.push(result);
        callback();
      });
    }
  };
}

const streamClasses = {
  Gzip: 'gzip', Gunzip: 'gunzip', Deflate: 'deflate', Inflate: 'inflate',
  DeflateRaw: 'deflateRaw', InflateRaw: 'inflateRaw', Unzip: 'unzip',
};

const zlib = { constants, ...constants };
for (const [className, kind] of Object.entries(streamClasses)) {
  const made = { [className]: class extends ZlibStream {
    constructor(options) { super(kind, options); }
  } }[className];
  zlib[className] = made;
  zlib[`create${className}`] = (options) => new made(options);
}
for (const name of ['gzip', 'gunzip', 'deflate', 'inflate', 'deflateRaw', 'inflateRaw', 'unzip']) {
  const [asynchronous, synchronous] = convenience(name);
  zlib[name] = asynchronous;
  zlib[`${name}Sync`] = synchronous;
}

for (const [name, className] of [['brotliCompress', 'BrotliCompress'], ['brotliDecompress', 'BrotliDecompress']]) {
  const [asynchronous, synchronous] = brotli(name);
  zlib[name] = asynchronous;
  zlib[`${name}Sync`] = synchronous;
  let made;
  const streamClass = () => (made ??= { [className]: brotliStream(name) }[className]);
  Object.defineProperty(zlib, className, { get: streamClass, enumerable: true, configurable: true });
  zlib[`create${className}`] = (options) => new (streamClass())(options);
}

// zlib.crc32(data[, value]) (Node 20.15): zlib's CRC-32, continued from `value`.
let crcTable;
zlib.crc32 = function crc32(data, value = 0) {
  crcTable ??= Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++)
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const bytes = typeof data === 'string' ? Buffer.from(data) : inputOf(data);
  let crc = (value ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; i++)
    crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
};

module.exports = zlib;
