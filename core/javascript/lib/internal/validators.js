// Node's argument validators (lib/internal/validators.js) under the names the ported
// stream, fs-stream and readline files import; most live in util.js and internal/errors.js.
//
// Ported from Node.js v20. Copyright Node.js contributors. MIT licence: see the notice
// in util.js.
'use strict';

const util = require('util');
const { validateBoolean, validateFunction, validateNumber, validateString } =
  util[Symbol.for('loopscope.util.internals')];
const { codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE }, validateArray, validateInteger, validateObject } =
  require('internal/errors');

function validateUint32(value, name, positive = false) {
  if (typeof value !== 'number') {
    throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  }
  if (!Number.isInteger(value)) {
    throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  }
  const min = positive ? 1 : 0;
  // 2 ** 32 === 4294967296
  const max = 4_294_967_295;
  if (value < min || value > max) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
  }
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined &&
      (signal === null ||
       typeof signal !== 'object' ||
       !('aborted' in signal))) {
    throw new ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
}

module.exports = {
  validateAbortSignal,
  validateArray,
  validateBoolean,
  validateFunction,
  validateInteger,
  validateNumber,
  validateObject,
  validateString,
  validateUint32,
};
