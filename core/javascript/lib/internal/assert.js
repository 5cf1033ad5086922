// Node's internal assert (lib/internal/assert.js): a broken invariant of the library.
'use strict';

function assert(value, message) {
  if (!value) {
    const error = new Error(message || 'Assertion failed');
    error.code = 'ERR_INTERNAL_ASSERTION';
    throw error;
  }
}

function fail(message) {
  assert(false, message);
}

assert.fail = fail;
module.exports = assert;
