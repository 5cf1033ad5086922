// BroadcastChannel as Node 20 has it: every instance of one name, in any thread of the
// process, receives what another posts (MessagePortHub.cpp delivers it to each thread's
// loop). An open channel keeps its thread running until it is closed or unref'd.
'use strict';

const natives = require('internal:binding');
const { Event, EventTarget } = require('internal/abort');
const { serialize, deserialize } = require('internal/worker/serialize');
const { makeNodeError } = require('internal/errors');

class MessageEvent extends Event {
  constructor(type, options = {}) {
    super(type, options);
    this.data = options.data;
    this.origin = '';
    this.lastEventId = '';
    this.source = null;
    this.ports = [];
  }
}

// This thread's open channels, by their id in the hub.
const channels = new Map();

function invalidState(message) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, 'InvalidStateError');
}

class BroadcastChannel extends EventTarget {
  #name;
  #id;
  #refed = false;
  #handlers = { message: null, messageerror: null };

  constructor(name) {
    if (arguments.length === 0)
      throw makeNodeError(TypeError, 'ERR_MISSING_ARGS', 'The "name" argument must be specified');
    super();
    this.#name = `${name}`;
    this.#id = natives.broadcastSubscribe(this.#name);
    channels.set(this.#id, this);
    this.ref();
  }

  get name() { return this.#name; }

  postMessage(message) {
    if (arguments.length === 0)
      throw makeNodeError(TypeError, 'ERR_MISSING_ARGS', 'The "message" argument must be specified');
    if (this.#id === 0)
      throw invalidState('BroadcastChannel is closed.');
    natives.endpointPost(this.#id, serialize(message));
  }

  close() {
    if (this.#id === 0)
      return;
    this.unref();
    channels.delete(this.#id);
    natives.endpointClose(this.#id);
    this.#id = 0;
  }

  ref() {
    if (this.#id === 0 || this.#refed)
      return this;
    this.#refed = true;
    natives.portRef(true);
    return this;
  }

  unref() {
    if (!this.#refed)
      return this;
    this.#refed = false;
    natives.portRef(false);
    return this;
  }

  get onmessage() { return this.#handlers.message; }
  set onmessage(handler) { this.#setHandler('message', handler); }
  get onmessageerror() { return this.#handlers.messageerror; }
  set onmessageerror(handler) { this.#setHandler('messageerror', handler); }

  #setHandler(type, handler) {
    const listener = this.#handlers[type];
    if (listener)
      this.removeEventListener(type, listener);
    this.#handlers[type] = typeof handler === 'function' ? handler : null;
    if (this.#handlers[type])
      this.addEventListener(type, this.#handlers[type]);
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options) {
    if (depth < 0)
      return 'BroadcastChannel';
    const shown = { name: this.#name, active: this.#id !== 0 };
    return `BroadcastChannel ${require('util').inspect(shown, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

// The hub's delivery to channel `id` of this thread (the library's portEvent hook).
function broadcastMessage(id, tape) {
  const channel = channels.get(id);
  if (channel !== undefined)
    channel.dispatchEvent(new MessageEvent('message', { data: deserialize(tape) }));
}

module.exports = { BroadcastChannel, MessageEvent, broadcastMessage };
