// worker_threads as Node 20 has it: a Worker runs a file (or code, with `eval: true`) on
// its own thread, in its own context with its own loop (JsWorkers.cpp); values cross by
// structured clone (internal/worker/serialize.js). The parent's Worker and the worker's
// parentPort get 'message' as poll-phase callbacks of their loops.
'use strict';

const EventEmitter = require('events');
const path = require('path');
const util = require('util');
const natives = require('internal:binding');
const { serialize, serializeError, deserialize, setPortCodec } = require('internal/worker/serialize');
const { makeNodeError, bindingError } = require('internal/errors');

const info = natives.workerInfo;
const isMainThread = info.isMainThread;
const threadId = info.threadId;

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
    let data, carried;
    sendWithTransfer(options.workerData, options.transferList, null, (tape, ports) => {
      data = tape;
      carried = ports;
    });
    this.threadId = natives.workerStart(file, isEval, isEval ? filename : '', data, carried);
    this.resourceLimits = {};
    this[kHandle] = true;
    this[kRefed] = true;
    running.set(this.threadId, this);
  }

  postMessage(value, transferList) {
    if (arguments.length === 0)
      throw makeNodeError(TypeError, 'ERR_MISSING_ARGS', 'The "value" argument must be specified');
    sendWithTransfer(value, transferList, null, (tape, carried) => {
      if (this[kHandle])
        natives.workerPost(this.threadId, tape, carried);
    });
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
  const event = new MessageEvent('message', { data });
  event.target = port;
  event.currentTarget = port;
  return event;
}

// What came to a port that nobody listened to yet: a tape from another port (read only when
// it is dispatched, so that a port inside it arrives then, or leaves with this port if it
// is transferred first), or a value from the parent.
function waitingValue(entry) {
  return 'tape' in entry ? deserialize(entry.tape) : entry.value;
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
      if (type === 'message' && !this.hasListeners())
        this.unref();
    });
  }

  postMessage(value, transferList) {
    if (arguments.length === 0)
      throw makeNodeError(TypeError, 'ERR_MISSING_ARGS', 'The "value" argument must be specified');
    sendWithTransfer(value, transferList, this, (tape) => {
      if (!this.closed)
        this._send(tape);
    });
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

  hasListeners() {
    return this.listenerCount('message') > 0 || this.eventListeners.length > 0 || this.onmessageHandler !== null;
  }

  listening() {
    this.ref();
    if (this.waiting.length > 0) {
      const waiting = this.waiting;
      this.waiting = [];
      setImmediate(() => waiting.forEach((entry) => this.dispatch(waitingValue(entry))));
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

  receiveTape(tape) {
    if (this.closed)
      return;
    if (this.hasListeners())
      this.dispatch(deserialize(tape));
    else
      this.waiting.push({ tape });
  }

  dispatch(value) {
    if (this.closed)
      return;
    if (!this.hasListeners()) {
      this.waiting.push({ value });
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

// ---- MessageChannel: two entangled ports. While both stay on this thread a message arrives
// as one from another thread does (a poll-phase callback); a port that listens keeps the
// program running until either end is closed. Once either port is transferred, both go
// through the process's port hub (MessagePortHub.cpp), which delivers to whichever thread
// holds each end.

const pendingPortMessages = new Map();
let nextPortMessage = 1;
// The ports of this thread that are endpoints of the hub, by endpoint id.
const endpointPorts = new Map();

class ChannelPort extends MessagePort {
  constructor() {
    super();
    this.peer = null;   // the other port, while both are on this thread
    this.endpoint = 0;  // the hub's id for this port, once one of the two has moved
  }

  _send(tape) {
    if (this.endpoint !== 0) {
      natives.endpointPost(this.endpoint, tape);
      return;
    }
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
    if (this.endpoint !== 0) {
      endpointPorts.delete(this.endpoint);
      natives.endpointClose(this.endpoint);
    } else if (this.peer) {
      this.peer.close();
    }
  }

  // Both ends become endpoints of the hub; messages already on their way to this port are
  // kept to go with it.
  entangle() {
    if (this.endpoint !== 0)
      return;
    const [own, other] = natives.portEntangle();
    this.endpoint = own;
    endpointPorts.set(own, this);
    const peer = this.peer;
    if (peer && !peer.closed) {
      peer.endpoint = other;
      endpointPorts.set(other, peer);
      peer.peer = null;
    } else {
      natives.endpointClose(other);
    }
    this.peer = null;
  }

  // The port leaves in a message: what it holds goes with it, and this object is left
  // detached (closed, as Node's is).
  detach() {
    const held = this.waiting.filter((entry) => 'tape' in entry).map((entry) => entry.tape);
    for (const [id, message] of pendingPortMessages) {
      if (message.port === this) {
        held.push(message.tape);
        pendingPortMessages.delete(id);
      }
    }
    this.waiting = [];
    this.unref();
    this.closed = true;
    endpointPorts.delete(this.endpoint);
    const trip = natives.endpointTransfer(this.endpoint, held);
    const endpoint = this.endpoint;
    this.endpoint = 0;
    process.nextTick(() => this.emit('close'));
    return [endpoint, trip];
  }

  // A received port's next message, for receiveMessageOnPort.
  takeMessage() {
    if (this.waiting.length > 0)
      return { message: waitingValue(this.waiting.shift()) };
    if (this.endpoint !== 0) {
      const tape = natives.endpointReceive(this.endpoint);
      return tape === undefined ? undefined : { message: deserialize(tape) };
    }
    for (const [id, message] of pendingPortMessages) {
      if (message.port === this) {
        pendingPortMessages.delete(id);
        return { message: deserialize(message.tape) };
      }
    }
    return undefined;
  }
}

require('internal/structured_clone').markNeedsTransfer(MessagePort.prototype);

// Node has one MessagePort class for both kinds.
Object.defineProperty(ChannelPort, 'name', { value: 'MessagePort' });

// A port that arrived in a message: it now belongs to this thread.
function adoptPort(endpoint) {
  const port = new ChannelPort();
  port.endpoint = endpoint;
  endpointPorts.set(endpoint, port);
  natives.endpointAttach(endpoint);
  return port;
}

function dataCloneError(message) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, 'DataCloneError');
}

// The ports of a transfer list, checked as Node checks them before it sends anything.
function portsToTransfer(transferList, source) {
  if (!Array.isArray(transferList))
    return [];
  const ports = [];
  for (const item of transferList) {
    if (!(item instanceof MessagePort))
      continue;
    if (!(item instanceof ChannelPort))
      throw dataCloneError('Cannot transfer object of unsupported type.');
    if (ports.includes(item))
      throw dataCloneError('Transfer list contains duplicate MessagePort');
    if (item === source)
      throw dataCloneError('Transfer list contains source port');
    if (item.closed)
      throw dataCloneError('MessagePort in transfer list is already detached');
    ports.push(item);
  }
  return ports;
}

// postMessage's second argument: a transfer list (any iterable) or options with `transfer`.
function transferListOf(argument) {
  if (argument === undefined || argument === null)
    return undefined;
  const iterable = (list) => typeof list === 'object' && typeof list[Symbol.iterator] === 'function';
  if (typeof argument !== 'object')
    throw bindingError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Optional transferList argument must be an iterable');
  if (iterable(argument))
    return [...argument];
  const transfer = argument.transfer;
  if (transfer === undefined || transfer === null)
    return undefined;
  if (!iterable(transfer))
    throw bindingError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Optional options.transfer argument must be an iterable');
  return [...transfer];
}

// Serializes `value` with the ports of `transferList` moving along, detaches those ports,
// and hands `send` the tape and the ports' trips ([id, trip, ...]).
function sendWithTransfer(value, transferArgument, source, send) {
  const transferList = transferListOf(transferArgument);
  const ports = portsToTransfer(transferList, source);
  const buffers = ports.length === 0 ? transferList : transferList.filter((item) => !(item instanceof MessagePort));
  ports.forEach((port) => port.entangle());
  const tape = serialize(value, buffers, ports);
  send(tape, ports.flatMap((port) => port.detach()));
}

setPortCodec({
  isPort: (value) => value instanceof ChannelPort,
  endpointOf: (port) => port.endpoint,
  adopt: adoptPort,
});

// The library's portMessage hook: message `id` reaches its port.
function portMessage(id) {
  const message = pendingPortMessages.get(id);
  pendingPortMessages.delete(id);
  if (message && !message.port.closed)
    message.port.receiveTape(message.tape);
}

// The library's portEvent hook: the hub's delivery to endpoint `id` of this thread, a tape
// or null (the other port was closed).
function portEvent(id, tape) {
  const port = endpointPorts.get(id);
  if (port !== undefined) {
    if (tape === null)
      port.close();
    else
      port.receiveTape(tape);
    return;
  }
  if (tape !== null)
    broadcastMessage(id, tape);
}

class MessageChannel {
  constructor() {
    this.port1 = new ChannelPort();
    this.port2 = new ChannelPort();
    this.port1.peer = this.port2;
    this.port2.peer = this.port1;
  }
}

function receiveMessageOnPort(port) {
  if (!(port instanceof ChannelPort)) {
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
      `The "port" argument must be a MessagePort instance`);
  }
  return port.takeMessage();
}

// A message from the parent (the library's parentMessage hook).
function parentMessage(tape) {
  if (parentPort !== null)
    parentPort.dispatch(deserialize(tape));
}

const { BroadcastChannel, MessageEvent, broadcastMessage } = require('internal/worker/broadcast_channel');

// Read once MessagePorts can be made: ports may come with it.
const workerData = info.workerData === null ? null : deserialize(info.workerData);

const environmentData = new Map();

module.exports = {
  isMainThread,
  MessagePort,
  MessageChannel,
  BroadcastChannel,
  receiveMessageOnPort,
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
  value: { workerEvent, parentMessage, portMessage, portEvent, serializeError },
});
