// EventTarget, Event, AbortController and AbortSignal as Node 20 has them as globals: what
// programs use to cancel timers/promises and their own work.
'use strict';

const kListeners = Symbol('listeners');

class Event {
  constructor(type, options = {}) {
    this.type = String(type);
    this.bubbles = Boolean(options.bubbles);
    this.cancelable = Boolean(options.cancelable);
    this.defaultPrevented = false;
    this.timeStamp = performance.now();
    this.target = null;
    this.currentTarget = null;
  }
  preventDefault() {
    if (this.cancelable)
      this.defaultPrevented = true;
  }
  stopPropagation() {}
  stopImmediatePropagation() {
    this._stopped = true;
  }
  // Node shows an event by these four.
  [Symbol.for('nodejs.util.inspect.custom')](depth, options) {
    const name = this.constructor.name;
    if (depth < 0)
      return name;
    const shown = { type: this.type, defaultPrevented: this.defaultPrevented, cancelable: this.cancelable, timeStamp: this.timeStamp };
    const nested = { ...options, depth: Number.isInteger(options.depth) ? options.depth - 1 : options.depth };
    return `${name} ${require('util').inspect(shown, nested)}`;
  }
}

const kInspect = Symbol.for('nodejs.util.inspect.custom');

class EventTarget {
  constructor() {
    Object.defineProperty(this, kListeners, { value: new Map(), writable: true, configurable: true, enumerable: false });
  }

  addEventListener(type, listener, options = {}) {
    if (listener === null || listener === undefined)
      return;
    const once = typeof options === 'object' && Boolean(options.once);
    const list = this[kListeners].get(type) || [];
    if (list.some((entry) => entry.listener === listener))
      return;
    list.push({ listener, once });
    this[kListeners].set(type, list);
    if (typeof options === 'object' && options.signal)
      options.signal.addEventListener('abort', () => this.removeEventListener(type, listener), { once: true });
  }

  removeEventListener(type, listener) {
    const list = this[kListeners].get(type);
    if (list)
      this[kListeners].set(type, list.filter((entry) => entry.listener !== listener));
  }

  dispatchEvent(event) {
    event.target = this;
    event.currentTarget = this;
    const list = [...(this[kListeners].get(event.type) || [])];
    for (const entry of list) {
      if (entry.once)
        this.removeEventListener(event.type, entry.listener);
      try {
        if (typeof entry.listener === 'function')
          entry.listener.call(this, event);
        else
          entry.listener.handleEvent(event);
      } catch (error) {
        process.nextTick(() => { throw error; });
      }
      if (event._stopped)
        break;
    }
    return !event.defaultPrevented;
  }
}

function abortError(reason) {
  if (reason !== undefined)
    return reason;
  const { DOMException } = require('internal/dom_exception');
  return new DOMException('This operation was aborted', 'AbortError');
}

// An event handler attribute (signal.onabort): a listener from the first time it is set, in
// that place among the others, calling whatever handler is set when the event comes.
function defineEventHandler(prototype, type) {
  const handlers = new WeakMap();  // target -> { handler, listener }
  Object.defineProperty(prototype, `on${type}`, {
    get() {
      return handlers.get(this)?.handler ?? null;
    },
    set(handler) {
      let entry = handlers.get(this);
      if (typeof handler !== 'function' && (typeof handler !== 'object' || handler === null)) {
        if (entry)
          this.removeEventListener(type, entry.listener);
        handlers.delete(this);
        return;
      }
      if (!entry) {
        entry = { handler, listener: (event) => entry.handler.call(this, event) };
        handlers.set(this, entry);
        this.addEventListener(type, entry.listener);
      }
      entry.handler = handler;
    },
    enumerable: true,
    configurable: true,
  });
}

class AbortSignal extends EventTarget {
  constructor() {
    super();
    Object.defineProperty(this, 'reason', { value: undefined, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(this, 'aborted', { value: false, writable: true, configurable: true, enumerable: false });
  }

  [kInspect](depth, options) {
    return `AbortSignal ${require('util').inspect({ aborted: this.aborted }, options)}`;
  }

  throwIfAborted() {
    if (this.aborted)
      throw this.reason;
  }

  static abort(reason) {
    const signal = new AbortSignal();
    signal.aborted = true;
    signal.reason = abortError(reason);
    return signal;
  }

  static timeout(ms) {
    const signal = new AbortSignal();
    const { setTimeout: later } = require('timers');
    later(() => {
      const { DOMException } = require('internal/dom_exception');
      signalAbort(signal, new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }, ms).unref();
    return signal;
  }

  static any(signals) {
    const signal = new AbortSignal();
    for (const each of signals) {
      if (each.aborted) {
        signalAbort(signal, each.reason);
        return signal;
      }
      each.addEventListener('abort', () => signalAbort(signal, each.reason), { once: true });
    }
    return signal;
  }
}

defineEventHandler(AbortSignal.prototype, 'abort');

function signalAbort(signal, reason) {
  if (signal.aborted)
    return;
  signal.aborted = true;
  signal.reason = abortError(reason);
  signal.dispatchEvent(new Event('abort'));
}

class AbortController {
  constructor() {
    this.signal = new AbortSignal();
  }
  [kInspect](depth, options) {
    return `AbortController ${require('util').inspect({ signal: this.signal }, options)}`;
  }
  abort(reason) {
    signalAbort(this.signal, reason);
  }
}

// An Event with the `detail` its maker gave (the DOM's CustomEvent, global in Node 20).
class CustomEvent extends Event {
  #detail;
  constructor(type, options = {}) {
    super(type, options);
    this.#detail = options?.detail ?? null;
  }

  get detail() { return this.#detail; }
}

module.exports = { Event, EventTarget, AbortController, AbortSignal, CustomEvent };
