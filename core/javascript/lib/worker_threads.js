// worker_threads as Node 20 has it: a Worker runs a file (or code, with `eval: true`) on
// its own thread, in its own context with its own loop (JsWorkers.cpp); values cross by
// structured clone (internal/worker/serialize.js). The parent's Worker and the worker's
// parentPort get 'message' as poll-phase callbacks of their loops.
'use strict';

const EventEmitter = require('events');
const path = require('path');
const util = require('util');
const natives = require('internal:binding');
const { serialize, serializeError, deserialize } = require('internal/worker/serialize');
const { makeNodeError } = require('internal/errors');

const info = natives.workerInfo;
const isMainThread = info.isMainThread;
const threadId = info.threadId;
const workerData = info.workerData === null ? null : deserialize(info.workerData);

const kHandle = Symbol('kHandle');
const kRefed = Symbol('kRefed');
// The running Workers of this thread, by threadId (the runtime reports to them).
const running = new Map();

function workerPathError(filename) {
  return makeNodeError(TypeError, 'ERR_WORKER_PATH',
    'The worker script or module filename must be an absolute path or a relative path starting with ' +
    `'./' or '../'. Received "${filename}"`);
}

function scriptPath(filename) {
  if (filename instanceof URL) {
    if (filename.protocol !== 'file:')
      throw makeNodeError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
    return decodeURIComponent(filename.pathname);
  }
  if (typeof filename !== 'string') {
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
      `The "filename" argument must be of type string or an instance of URL.${util.types.isNativeError(filename) ? '' : ` Received ${util.inspect(filename)}`}`);
  }
  if (filename.startsWith('file://'))
    return decodeURIComponent(new URL(filename).pathname);
  if (!path.isAbsolute(filename) && !/^\.\.?[\\/]/.test(filename))
    throw workerPathError(filename);
  return path.resolve(filename);
}

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    if (options === null || typeof options !== 'object')
      throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "options" argument must be of type object.`);
    const isEval = Boolean(options.eval);
    if (isEval && typeof filename !== 'string') {
      throw makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
        `The argument 'options.eval' must be false when 'filename' is not a string. Received true`);
    }
    const file = isEval ? '[worker eval]' : scriptPath(filename);
    const data = serialize(options.workerData, options.transferList);
    this.threadId = natives.workerStart(file, isEval, isEval ? filename : '', data);
    this.resourceLimits = {};
    this[kHandle] = true;
    this[kRefed] = true;
    running.set(this.threadId, this);
  }

  postMessage(value, transferList) {
    if (arguments.length === 0)
      throw makeNodeError(TypeError, 'ERR_MISSING_ARGS', 'The "value" argument must be specified');
    const tape = serialize(value, checkedTransferList(transferList));
    if (this[kHandle])
      natives.workerPost(this.threadId, tape);
  }

  terminate(callback) {
    if (!this[kHandle])
      return Promise.resolve();
    this.ref();
    const exited = new Promise((resolve) => this.once('exit', (code) => resolve(code)));
    if (typeof callback === 'function')
      exited.then((code) => callback(null, code));
    natives.workerTerminate(this.threadId);
    return exited;
  }

  ref() {
    this[kRefed] = true;
    if (this[kHandle])
      natives.workerRef(this.threadId, true);
  }

  unref() {
    this[kRefed] = false;
    if (this[kHandle])
      natives.workerRef(this.threadId, false);
  }

  get stdin() { return null; }
}

// A worker's report, as the runtime hands it to the program (the library's workerEvent hook).
function workerEvent(id, kind, payload) {
  const worker = running.get(id);
  if (worker === undefined)
    return;
  switch (kind) {
    case 'online':
      worker.emit('online');
      break;
    case 'message':
      worker.emit('message', deserialize(payload));
      break;
    case 'error':
      worker.emit('error', deserialize(payload));
      break;
    case 'exit':
      running.delete(id);
      worker[kHandle] = false;
      worker.threadId = -1;
      worker.emit('exit', payload);
      worker.removeAllListeners('message');
      worker.removeAllListeners('messageerrors');
      worker.removeAllListeners('online');
      break;
    default:
      break;
  }
}

// ---- the worker's side: parentPort, a MessagePort to the parent

function messageEvent(port, data) {
  return { type: 'message', data, target: port, currentTarget: port, ports: [] };
}

class MessagePort extends EventEmitter {
  constructor() {
    super();
    this[kRefed] = false;
    this.closed = false;
    this.eventListeners = [];
    this.onmessageHandler = null;
    // Messages that came before anyone listened wait, as on a port not started yet.
    this.waiting = [];
    this.on('newListener', (type) => {
      if (type === 'message')
        this.listening();
    });
    this.on('removeListener', (type) => {
      if (type === 'message' && this.listenerCount('message') === 0 && this.eventListeners.length === 0 &&
          !this.onmessageHandler)
        this.unref();
    });
  }

  postMessage(value, transferList) {
    if (arguments.length === 0)
      throw makeNodeError(TypeError, 'ERR_MISSING_ARGS', 'The "value" argument must be specified');
    const tape = serialize(value, checkedTransferList(transferList));
    if (!this.closed)
      this._send(tape);
  }

  // parentPort's ends: the parent's loop; a MessageChannel's port overrides them.
  _send(tape) {
    natives.parentPost(tape);
  }

  _setRef(refed) {
    natives.parentPortRef(refed);
  }

  addEventListener(type, listener) {
    if (type !== 'message' || typeof listener !== 'function' && typeof listener?.handleEvent !== 'function')
      return;
    this.eventListeners.push(listener);
    this.listening();
  }

  removeEventListener(type, listener) {
    const at = this.eventListeners.indexOf(listener);
    if (at >= 0)
      this.eventListeners.splice(at, 1);
  }

  get onmessage() { return this.onmessageHandler; }
  set onmessage(handler) {
    this.onmessageHandler = typeof handler === 'function' ? handler : null;
    if (this.onmessageHandler)
      this.listening();
  }

  listening() {
    this.ref();
    if (this.waiting.length > 0) {
      const waiting = this.waiting;
      this.waiting = [];
      setImmediate(() => waiting.forEach((value) => this.dispatch(value)));
    }
  }

  start() {}

  ref() {
    if (this.closed || this[kRefed])
      return;
    this[kRefed] = true;
    this._setRef(true);
  }

  unref() {
    if (!this[kRefed])
      return;
    this[kRefed] = false;
    this._setRef(false);
  }

  hasRef() {
    return this[kRefed];
  }

  close() {
    if (this.closed)
      return;
    this.unref();
    this.closed = true;
    process.nextTick(() => this.emit('close'));
  }

  dispatch(value) {
    if (this.closed)
      return;
    if (this.listenerCount('message') === 0 && this.eventListeners.length === 0 && !this.onmessageHandler) {
      this.waiting.push(value);
      return;
    }
    this.emit('message', value);
    const event = messageEvent(this, value);
    if (this.onmessageHandler)
      this.onmessageHandler.call(this, event);
    for (const listener of [...this.eventListeners]) {
      if (typeof listener === 'function')
        listener.call(this, event);
      else
        listener.handleEvent(event);
    }
  }
}

const parentPort = isMainThread ? null : new MessagePort();

// ---- MessageChannel: two entangled ports of this thread. A message arrives as one from
// another thread does (a poll-phase callback); a port that listens keeps the program
// running until either end is closed. Ports do not move to other threads here.

const pendingPortMessages = new Map();
let nextPortMessage = 1;

function checkedTransferList(transferList) {
  if (Array.isArray(transferList) && transferList.some((item) => item instanceof MessagePort)) {
    throw makeNodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
      'loopscope cannot move a MessagePort to another thread: a MessageChannel works within one thread here');
  }
  return transferList;
}

class ChannelPort extends MessagePort {
  _send(tape) {
    const peer = this.peer;
    if (!peer || peer.closed)
      return;
    const id = nextPortMessage++;
    pendingPortMessages.set(id, { port: peer, tape });
    natives.portPost(id, 'MessagePort message');
  }

  _setRef(refed) {
    natives.portRef(refed);
  }

  close() {
    if (this.closed)
      return;
    super.close();
    if (this.peer)
      this.peer.close();
  }
}

// The library's portMessage hook: message `id` reaches its port.
function portMessage(id) {
  const message = pendingPortMessages.get(id);
  pendingPortMessages.delete(id);
  if (message && !message.port.closed)
    message.port.dispatch(deserialize(message.tape));
}

class MessageChannel {
  constructor() {
    this.port1 = new ChannelPort();
    this.port2 = new ChannelPort();
    this.port1.peer = this.port2;
    this.port2.peer = this.port1;
  }
}

// A message from the parent (the library's parentMessage hook).
function parentMessage(tape) {
  if (parentPort !== null)
    parentPort.dispatch(deserialize(tape));
}

// BroadcastChannel's point is to reach every thread, which loopscope's ports cannot: it is a
// clear error rather than a channel that silently reaches nobody.
class BroadcastChannel {
  constructor() {
    throw makeNodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
      'loopscope has no BroadcastChannel: use parentPort and worker.postMessage between threads, ' +
      'or a MessageChannel within one thread');
  }
}

const environmentData = new Map();

module.exports = {
  isMainThread,
  MessagePort,
  MessageChannel,
  BroadcastChannel,
  resourceLimits: {},
  threadId,
  SHARE_ENV: Symbol.for('nodejs.worker_threads.SHARE_ENV'),
  Worker,
  parentPort,
  workerData,
  markAsUntransferable() {},
  setEnvironmentData(key, value) {
    if (value === undefined)
      environmentData.delete(key);
    else
      environmentData.set(key, value);
  },
  getEnvironmentData(key) {
    return environmentData.get(key);
  },
};

Object.defineProperty(module.exports, Symbol.for('loopscope.worker.hooks'), {
  value: { workerEvent, parentMessage, portMessage, serializeError },
});
