// The helpers of Node's lib/internal/util.js that the ported stream, fs-stream,
// string_decoder and readline files import.
//
// Ported from Node.js v20. Copyright Node.js contributors. MIT licence: see the notice
// in util.js.
'use strict';

const { deprecate, promisify } = require('util');
const { normalizeEncoding, encodingsMap, kIsEncodingSymbol } = require('internal/buffer_binding');

const kEmptyObject = Object.freeze({ __proto__: null });

function once(callback, { preserveReturnValue = false } = kEmptyObject) {
  let called = false;
  let returnValue;
  return function(...args) {
    if (called) return returnValue;
    called = true;
    const result = Reflect.apply(callback, this, args);
    returnValue = preserveReturnValue ? result : undefined;
    return result;
  };
}

function createDeferredPromise() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });

  return { promise, resolve, reject };
}

module.exports = {
  createDeferredPromise,
  deprecate,
  encodingsMap,
  kEmptyObject,
  kIsEncodingSymbol,
  normalizeEncoding,
  once,
  promisify,
  // SpiderMonkey 102 has neither symbol: Node 20 falls back to these registered ones.
  SymbolDispose: Symbol.dispose || Symbol.for('nodejs.dispose'),
  SymbolAsyncDispose: Symbol.asyncDispose || Symbol.for('nodejs.asyncDispose'),
};
