// The option and argument checks of Node's lib/internal/fs/utils.js that fs.createReadStream
// and fs.createWriteStream (internal/fs/streams.js) make.
//
// Ported from Node.js v20. Copyright Node.js contributors. MIT licence: see the notice in
// util.js.
'use strict';

const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { kEmptyObject } = require('internal/util');
const { validateAbortSignal } = require('internal/validators');
const { isUint8Array } = require('internal/util/types');
const { URL, fileURLToPath } = require('internal/url');

function assertEncoding(encoding) {
  if (encoding && !Buffer.isEncoding(encoding)) {
    const reason = 'is invalid encoding';
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, reason);
  }
}

function copyObject(source) {
  const target = {};
  for (const key in source)
    target[key] = source[key];
  return target;
}

function getOptions(options, defaultOptions = kEmptyObject) {
  if (options == null || typeof options === 'function') {
    return defaultOptions;
  }

  if (typeof options === 'string') {
    defaultOptions = { ...defaultOptions };
    defaultOptions.encoding = options;
    options = defaultOptions;
  } else if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  }

  if (options.encoding !== 'buffer')
    assertEncoding(options.encoding);

  if (options.signal !== undefined) {
    validateAbortSignal(options.signal, 'options.signal');
  }

  return options;
}

function validatePath(path, propName = 'path') {
  if (typeof path !== 'string' && !isUint8Array(path)) {
    throw new ERR_INVALID_ARG_TYPE(propName, ['string', 'Buffer', 'URL'], path);
  }

  const pathIsString = typeof path === 'string';
  const pathIsUint8Array = isUint8Array(path);

  // We can only perform meaningful checks on strings and Uint8Arrays.
  if ((!pathIsString && !pathIsUint8Array) ||
      (pathIsString && !path.includes('\u0000')) ||
      (pathIsUint8Array && !path.includes(0))) {
    return;
  }

  throw new ERR_INVALID_ARG_VALUE(
    propName,
    path,
    'must be a string, Uint8Array, or URL without null bytes',
  );
}

function getValidatedFd(fd, propName = 'fd') {
  if (Object.is(fd, -0)) {
    return 0;
  }

  // validateInt32(fd, propName, 0)
  if (typeof fd !== 'number') {
    throw new ERR_INVALID_ARG_TYPE(propName, 'number', fd);
  }
  if (!Number.isInteger(fd)) {
    throw new ERR_OUT_OF_RANGE(propName, 'an integer', fd);
  }
  if (fd < 0 || fd > 2147483647) {
    throw new ERR_OUT_OF_RANGE(propName, '>= 0 && <= 2147483647', fd);
  }

  return fd;
}

function toPathIfFileURL(fileURLOrPath) {
  if (!(fileURLOrPath instanceof URL))
    return fileURLOrPath;
  return fileURLToPath(fileURLOrPath);
}

module.exports = {
  assertEncoding,
  copyObject,
  getOptions,
  getValidatedFd,
  toPathIfFileURL,
  validatePath,
};
