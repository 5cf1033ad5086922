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

function convenience(name) {
  const compresses = ['gzip', 'deflate', 'deflateRaw'].includes(name);
  const args = (buffer, options = {}) => (compresses ? [inputOf(buffer), options.level ?? -1] : [inputOf(buffer)]);
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
      throw zlibError(error);
    }
  };
  return [asynchronous, synchronous];
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

module.exports = zlib;
