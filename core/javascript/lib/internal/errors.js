// Node's coded errors that buffer, encoding, timers/promises and assert throw, with
// Node 20's messages (lib/internal/errors.js), over util's makeNodeError.
//
// Ported from Node.js v20 (lib/internal/errors.js, lib/internal/validators.js).
// Copyright Node.js contributors. MIT licence: see the notice in util.js.
'use strict';

const util = require('util');
const internals = util[Symbol.for('loopscope.util.internals')];
const { makeNodeError, invalidArgTypeError, outOfRangeError } = internals;

function formatList(array, type = 'and') {
  return array.length < 3 ?
    array.join(` ${type} `) :
    `${array.slice(0, -1).join(', ')}, ${type} ${array[array.length - 1]}`;
}

// An error as Node's C++ throws it: the plain error with an enumerable `code`,
// whose stack does not name the code.
function bindingError(Base, code, message) {
  const err = new Base(message);
  err.code = code;
  return err;
}

function invalidArgValueError(name, value, reason = 'is invalid') {
  let inspected = util.inspect(value);
  if (inspected.length > 128)
    inspected = `${inspected.slice(0, 128)}...`;
  const type = name.includes('.') ? 'property' : 'argument';
  return makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The ${type} '${name}' ${reason}. Received ${inspected}`);
}

function bufferOutOfBoundsError(name = undefined) {
  return makeNodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS',
                       name ? `"${name}" is outside of buffer bounds` : 'Attempt to access memory outside buffer bounds');
}

function invalidBufferSizeError(size) {
  return makeNodeError(RangeError, 'ERR_INVALID_BUFFER_SIZE', `Buffer size must be a multiple of ${size}`);
}

function unknownEncodingError(encoding) {
  return makeNodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${encoding}`);
}

function missingArgsError(...args) {
  const names = args.map((a) => (Array.isArray(a) ? a.map((n) => `"${n}"`).join(' or ') : `"${a}"`));
  return makeNodeError(TypeError, 'ERR_MISSING_ARGS',
                       `The ${formatList(names)} argument${args.length > 1 ? 's' : ''} must be specified`);
}

function invalidThisError(type) {
  return makeNodeError(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
}

function encodingNotSupportedError(encoding) {
  return makeNodeError(RangeError, 'ERR_ENCODING_NOT_SUPPORTED', `The "${encoding}" encoding is not supported`);
}

function invalidEncodedDataError(encoding, errno) {
  const err = makeNodeError(TypeError, 'ERR_ENCODING_INVALID_ENCODED_DATA',
                            `The encoded data was not valid for encoding ${encoding}`);
  err.errno = errno;
  return err;
}

function invalidReturnValueError(input, name, value) {
  return makeNodeError(TypeError, 'ERR_INVALID_RETURN_VALUE',
                       `Expected ${input} to be returned from the "${name}" function but got ` +
                       `${internals.determineSpecificType(value)}.`);
}

function ambiguousArgumentError(name, reason) {
  return makeNodeError(TypeError, 'ERR_AMBIGUOUS_ARGUMENT', `The "${name}" argument is ambiguous. ${reason}`);
}

class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && typeof options !== 'object')
      throw invalidArgTypeError('options', 'Object', options);
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number')
    throw invalidArgTypeError(name, 'number', value);
  if (!Number.isInteger(value))
    throw outOfRangeError(name, 'an integer', value);
  if (value < min || value > max)
    throw outOfRangeError(name, `>= ${min} && <= ${max}`, value);
}

const kValidateObjectNone = 0;
const kValidateObjectAllowNullable = 1 << 0;
const kValidateObjectAllowArray = 1 << 1;
const kValidateObjectAllowFunction = 1 << 2;
const kValidateObjectAllowObjectsAndNull =
  kValidateObjectAllowNullable | kValidateObjectAllowArray | kValidateObjectAllowFunction;

function validateObject(value, name, options = kValidateObjectNone) {
  if (options === kValidateObjectNone) {
    if (value === null || Array.isArray(value) || typeof value !== 'object')
      throw invalidArgTypeError(name, 'Object', value);
  } else {
    if ((kValidateObjectAllowNullable & options) === 0 && value === null)
      throw invalidArgTypeError(name, 'Object', value);
    if ((kValidateObjectAllowArray & options) === 0 && Array.isArray(value))
      throw invalidArgTypeError(name, 'Object', value);
    const throwOnFunction = (kValidateObjectAllowFunction & options) === 0;
    if (typeof value !== 'object' && (throwOnFunction || typeof value !== 'function'))
      throw invalidArgTypeError(name, 'Object', value);
  }
}

function validateArray(value, name, minLength = 0) {
  if (!Array.isArray(value))
    throw invalidArgTypeError(name, 'Array', value);
  if (value.length < minLength)
    throw invalidArgValueError(name, value, `must be longer than ${minLength}`);
}

// An error whose message is fixed or takes the one `%s` Node's message has.
function messageError(Base, code, message) {
  return function(argument) {
    return makeNodeError(Base, code, message.replace('%s', argument));
  };
}

// When destroy(error) meets an error the stream already had: both, as an AggregateError
// under the outer one's message and code.
const aggregateTwoErrors = (innerError, outerError) => {
  if (innerError && outerError && innerError !== outerError) {
    if (Array.isArray(outerError.errors)) {
      // If `outerError` is already an `AggregateError`.
      outerError.errors.push(innerError);
      return outerError;
    }
    const err = new AggregateError([outerError, innerError], outerError.message);
    err.code = outerError.code;
    return err;
  }
  return innerError || outerError;
};

// Node's `codes`: `throw new ERR_X(...)` as Node's own files write it.
const codes = {
  ERR_ILLEGAL_CONSTRUCTOR: messageError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor'),
  ERR_METHOD_NOT_IMPLEMENTED: messageError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', 'The %s method is not implemented'),
  ERR_MULTIPLE_CALLBACK: messageError(Error, 'ERR_MULTIPLE_CALLBACK', 'Callback called multiple times'),
  ERR_STREAM_ALREADY_FINISHED: messageError(Error, 'ERR_STREAM_ALREADY_FINISHED',
                                            'Cannot call %s after a stream was finished'),
  ERR_STREAM_CANNOT_PIPE: messageError(Error, 'ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable'),
  ERR_STREAM_DESTROYED: messageError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call %s after a stream was destroyed'),
  ERR_STREAM_NULL_VALUES: messageError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream'),
  ERR_STREAM_PREMATURE_CLOSE: messageError(Error, 'ERR_STREAM_PREMATURE_CLOSE', 'Premature close'),
  ERR_STREAM_PUSH_AFTER_EOF: messageError(Error, 'ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF'),
  ERR_STREAM_UNSHIFT_AFTER_END_EVENT: messageError(Error, 'ERR_STREAM_UNSHIFT_AFTER_END_EVENT',
                                                   'stream.unshift() after end event'),
  ERR_STREAM_WRITE_AFTER_END: messageError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end'),
  ERR_SYSTEM_ERROR: function ERR_SYSTEM_ERROR(context) {
    return makeNodeError(Error, 'ERR_SYSTEM_ERROR', `A system error occurred: ${context}`);
  },
  ERR_USE_AFTER_CLOSE: messageError(Error, 'ERR_USE_AFTER_CLOSE', '%s was closed'),
  ERR_AMBIGUOUS_ARGUMENT: function ERR_AMBIGUOUS_ARGUMENT(...args) { return ambiguousArgumentError(...args); },
  ERR_BUFFER_OUT_OF_BOUNDS: function ERR_BUFFER_OUT_OF_BOUNDS(...args) { return bufferOutOfBoundsError(...args); },
  ERR_ENCODING_NOT_SUPPORTED: function ERR_ENCODING_NOT_SUPPORTED(...args) { return encodingNotSupportedError(...args); },
  ERR_INVALID_ARG_TYPE: function ERR_INVALID_ARG_TYPE(...args) { return invalidArgTypeError(...args); },
  ERR_INVALID_ARG_VALUE: function ERR_INVALID_ARG_VALUE(...args) { return invalidArgValueError(...args); },
  ERR_INVALID_BUFFER_SIZE: function ERR_INVALID_BUFFER_SIZE(...args) { return invalidBufferSizeError(...args); },
  ERR_INVALID_RETURN_VALUE: function ERR_INVALID_RETURN_VALUE(...args) { return invalidReturnValueError(...args); },
  ERR_INVALID_THIS: function ERR_INVALID_THIS(...args) { return invalidThisError(...args); },
  ERR_MISSING_ARGS: function ERR_MISSING_ARGS(...args) { return missingArgsError(...args); },
  ERR_NO_ICU: function ERR_NO_ICU(feature) {
    return makeNodeError(TypeError, 'ERR_NO_ICU', `${feature} is not supported on Node.js compiled without ICU`);
  },
  ERR_OUT_OF_RANGE: function ERR_OUT_OF_RANGE(...args) { return outOfRangeError(...args); },
  ERR_UNKNOWN_ENCODING: function ERR_UNKNOWN_ENCODING(...args) { return unknownEncodingError(...args); },
};

// A plain Error with the given properties, as Node makes for errors that
// come from libraries (ICU's transcode).
function genericNodeError(message, errorProperties) {
  const err = new Error(message);
  Object.assign(err, errorProperties);
  return err;
}

function validateBuffer(buffer, name = 'buffer') {
  if (!ArrayBuffer.isView(buffer))
    throw invalidArgTypeError(name, ['Buffer', 'TypedArray', 'DataView'], buffer);
}

module.exports = {
  ...internals,
  codes,
  AbortError,
  aggregateTwoErrors,
  ambiguousArgumentError,
  bindingError,
  bufferOutOfBoundsError,
  encodingNotSupportedError,
  genericNodeError,
  invalidArgValueError,
  invalidBufferSizeError,
  invalidEncodedDataError,
  invalidReturnValueError,
  invalidThisError,
  missingArgsError,
  unknownEncodingError,
  kValidateObjectAllowObjectsAndNull,
  validateArray,
  validateBuffer,
  validateInteger,
  validateObject,
};
