// Node's async_hooks as programs use it: AsyncLocalStorage (run, getStore, enterWith, exit,
// disable, bind, snapshot) and AsyncResource over the library's async context
// (internal/async_context.js). createHook's hooks are accepted but never called: the
// runtime has no per-resource events to give them.
'use strict';

const asyncContext = require('internal/async_context');
const { validateFunction } = require('internal/validators');

function withStore(storage, store) {
  const next = new Map(asyncContext.current());
  next.set(storage, store);
  return next;
}

class AsyncLocalStorage {
  constructor() {
    asyncContext.startTracking();
    this.enabled = false;
  }

  static bind(fn) {
    validateFunction(fn, 'fn');
    return asyncContext.bind(fn);
  }

  static snapshot() {
    const context = asyncContext.current();
    return function runInAsyncScope(fn, ...args) {
      return asyncContext.runIn(context, fn, this, args);
    };
  }

  disable() {
    this.enabled = false;
    const context = asyncContext.current();
    if (context && context.has(this)) {
      const next = new Map(context);
      next.delete(this);
      require('internal:binding').setAsyncContext(next);
    }
  }

  getStore() {
    if (!this.enabled)
      return undefined;
    const context = asyncContext.current();
    return context ? context.get(this) : undefined;
  }

  enterWith(store) {
    this.enabled = true;
    require('internal:binding').setAsyncContext(withStore(this, store));
  }

  run(store, callback, ...args) {
    this.enabled = true;
    return asyncContext.runIn(withStore(this, store), callback, null, args);
  }

  exit(callback, ...args) {
    const next = new Map(asyncContext.current());
    next.delete(this);
    return asyncContext.runIn(next, callback, null, args);
  }
}

const asyncIds = require('internal/async_ids');

class AsyncResource {
  constructor(type, options = {}) {
    asyncContext.startTracking();
    this.type = type;
    this._context = asyncContext.current();
    this._asyncId = asyncIds.newAsyncId();
    this._triggerAsyncId = typeof options === 'number' ? options : options.triggerAsyncId ?? asyncIds.executionAsyncId();
  }

  runInAsyncScope(fn, thisArg, ...args) {
    return asyncContext.runIn(this._context, fn, thisArg, args);
  }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    const resource = this;
    const bound = function (...args) {
      return resource.runInAsyncScope(fn, thisArg === undefined ? this : thisArg, ...args);
    };
    Object.defineProperties(bound, {
      length: { value: fn.length, configurable: true },
      asyncResource: { value: this, configurable: true, enumerable: true, writable: true },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    return new AsyncResource(type || fn.name || 'bound-anonymous-fn').bind(fn, thisArg);
  }

  emitDestroy() { return this; }
  asyncId() { return this._asyncId; }
  triggerAsyncId() { return this._triggerAsyncId; }
}

function createHook(callbacks) {
  if (callbacks === null || typeof callbacks !== 'object') {
    const error = new TypeError('The "options" argument must be of type object.');
    error.code = 'ERR_INVALID_ARG_TYPE';
    throw error;
  }
  return { enable() { return this; }, disable() { return this; } };
}

module.exports = {
  AsyncLocalStorage,
  AsyncResource,
  createHook,
  executionAsyncId: asyncIds.executionAsyncId,
  triggerAsyncId: () => 0,
  executionAsyncResource: () => ({}),
  asyncWrapProviders: Object.freeze({ __proto__: null, NONE: 0 }),
};
