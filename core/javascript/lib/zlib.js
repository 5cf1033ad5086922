// Node's zlib convenience functions over NodeOperations (zlib itself): each
// asynchronous one is a pool job; the *Sync twins run on the loop thread.
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

const zlib = { constants };
for (const name of ['gzip', 'gunzip', 'deflate', 'inflate', 'deflateRaw', 'inflateRaw', 'unzip']) {
  const [asynchronous, synchronous] = convenience(name);
  zlib[name] = asynchronous;
  zlib[`${name}Sync`] = synchronous;
}

module.exports = zlib;
