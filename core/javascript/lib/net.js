// Node's net module on real loopback TCP: a Server listens and accepts, a Socket is a
// stream.Duplex over one of the runtime's TCP handles (natives tcp*, see JsNetNatives.cpp).
// It keeps Node 20's order of events: what the kernel reports comes in the poll phase
// (connect, each chunk read, a write the kernel could not take at once, a shutdown), a
// handle's close in the close phase, and the rest through process.nextTick where Node
// defers it ('listening', errors, a server's 'close'). Only loopback addresses are served:
// 127.0.0.1, ::1 and localhost; a server given no host listens on 127.0.0.1.
'use strict';

const natives = require('internal:binding');
const EventEmitter = require('events');
const stream = require('stream');
const { Buffer } = require('buffer');
const { setTimeout, clearTimeout } = require('timers');
const util = require('util');
const { makeNodeError, invalidArgTypeError, outOfRangeError } = util[Symbol.for('loopscope.util.internals')];
const { codes: { ERR_MISSING_ARGS } } = require('internal/errors');

const kOwner = Symbol('owner');
const kTimeout = Symbol('timeout');
const kLastWriteQueueSize = Symbol('lastWriteQueueSize');
const kBytesRead = Symbol('bytesRead');
const kBytesWritten = Symbol('bytesWritten');
const kSetNoDelay = Symbol('kSetNoDelay');
const kSetKeepAlive = Symbol('kSetKeepAlive');
const kSetKeepAliveInitialDelay = Symbol('kSetKeepAliveInitialDelay');
const kNormalized = Symbol('normalizedArgs');
const kShownWildcard = Symbol('kShownWildcard');
const kDualStack = Symbol('kDualStack');
const { shownWildcard, asDualStack } = require('internal/wildcard_hosts');

const kTimeoutMax = 2 ** 31 - 1;
const kDefaultBacklog = 511;
const UV_EOF = -4095;
const UV_EACCES = -13;
const UV_ENOTCONN = -107;

let autoSelectFamilyDefault = true;
let autoSelectFamilyAttemptTimeoutDefault = 250;

// ---- addresses

function isIPv4(input) {
  const parts = String(input).split('.');
  return parts.length === 4 && parts.every((part) => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255);
}

function isIPv6(input) {
  let text = String(input);
  const zone = text.indexOf('%');
  if (zone !== -1) {
    if (!/^%[0-9a-zA-Z\-.:]+$/.test(text.slice(zone)))
      return false;
    text = text.slice(0, zone);
  }
  let groupsWanted = 8;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    // An IPv4 address in the last 32 bits: two groups.
    if (lastColon === -1 || !isIPv4(text.slice(lastColon + 1)))
      return false;
    text = text.slice(0, lastColon + 1) + '0';
    groupsWanted = 7;
  }
  const halves = text.split('::');
  if (halves.length > 2)
    return false;
  const groupsOf = (half) => (half === '' ? [] : half.split(':'));
  const groups = halves.flatMap(groupsOf);
  if (!groups.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group)))
    return false;
  return halves.length === 2 ? groups.length < groupsWanted : groups.length === groupsWanted;
}

function isIP(input) {
  if (isIPv4(input))
    return 4;
  if (isIPv6(input))
    return 6;
  return 0;
}

// ---- errors as Node makes them from a libuv status

function uvCode(status) {
  return natives.uvError(status)[0];
}

// `${syscall} ${code}`: a failed read, write or shutdown.
function errnoException(status, syscall, original) {
  const code = uvCode(status);
  const error = new Error(original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`);
  error.errno = status;
  error.code = code;
  error.syscall = syscall;
  return error;
}

function hostPortDetails(address, port) {
  if (port && port > 0)
    return ` ${address}:${port}`;
  return address ? ` ${address}` : '';
}

// `connect ECONNREFUSED 127.0.0.1:9`
function exceptionWithHostPort(status, syscall, address, port, additional) {
  const code = uvCode(status);
  let details = hostPortDetails(address, port);
  if (additional)
    details += ` - Local (${additional})`;
  const error = new Error(`${syscall} ${code}${details}`);
  error.errno = status;
  error.code = code;
  error.syscall = syscall;
  error.address = address;
  if (port)
    error.port = port;
  return error;
}

// `listen EADDRINUSE: address already in use 127.0.0.1:8000`
function uvExceptionWithHostPort(status, syscall, address, port) {
  const [code, message] = natives.uvError(status);
  const error = new Error(`${syscall} ${code}: ${message}${hostPortDetails(address, port)}`);
  error.code = code;
  error.errno = status;
  error.syscall = syscall;
  error.address = address;
  if (port)
    error.port = port;
  return error;
}

// What loopscope will not do: serve or connect beyond loopback.
function notLoopbackError(syscall, address, port) {
  const error = syscall === 'listen' ?
    new Error(`listen EACCES: loopscope serves on loopback only, not on ${address}:${port} ` +
              '(listen on 127.0.0.1, ::1, localhost or leave the host out)') :
    new Error(`connect EACCES ${address}:${port} (loopscope connects to loopback only: 127.0.0.1, ::1, localhost)`);
  error.errno = UV_EACCES;
  error.code = 'EACCES';
  error.syscall = syscall;
  error.address = address;
  error.port = port;
  return error;
}

function describeValue(value) {
  if (typeof value === 'number')
    return `type number (${value})`;
  if (typeof value === 'string')
    return `type string ('${value}')`;
  return util.inspect(value);
}

function validatePort(port, name = 'Port', allowZero = true) {
  if ((typeof port !== 'number' && typeof port !== 'string') ||
      (typeof port === 'string' && port.trim().length === 0) ||
      +port !== (+port >>> 0) || port > 0xFFFF || (port === 0 && !allowZero)) {
    throw makeNodeError(RangeError, 'ERR_SOCKET_BAD_PORT',
                        `${name} should be ${allowZero ? '>=' : '>'} 0 and < 65536. Received ${describeValue(port)}.`);
  }
  return port | 0;
}

function timerDuration(msecs, name) {
  if (typeof msecs !== 'number')
    throw invalidArgTypeError(name, 'number', msecs);
  if (msecs < 0 || !Number.isFinite(msecs))
    throw outOfRangeError(name, 'a non-negative finite number', msecs);
  if (msecs > kTimeoutMax) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.` +
                        `\nTimer duration was truncated to ${kTimeoutMax}.`, 'TimeoutOverflowWarning');
    return kTimeoutMax;
  }
  return msecs;
}

// ---- the handle: what Node's tcp_wrap TCP object is to its net.js

class TCP {
  constructor(id) {
    this._id = id === undefined ? natives.tcpOpen() : id;
    this.reading = false;
    this.bytesRead = 0;
    this.bytesWritten = 0;
    this.onread = null;
    this.onconnection = null;
    this[kOwner] = null;
  }

  bind(address, port) { return natives.tcpBind(this._id, address, port); }

  listen(backlog) {
    return natives.tcpListen(this._id, backlog, (status, client) => {
      this.onconnection(status, status === 0 ? new TCP(client) : undefined);
    });
  }

  connect(request, address, port) {
    return natives.tcpConnect(this._id, address, port, (status) => request.oncomplete(status, this, request));
  }

  readStart() {
    return natives.tcpReadStart(this._id, (nread, bytes) => {
      if (nread > 0)
        this.bytesRead += nread;
      this.onread(nread, bytes === undefined ? undefined : Buffer.from(bytes.buffer, bytes.byteOffset, nread));
    });
  }

  readStop() { return natives.tcpReadStop(this._id); }

  // The bytes go to the kernel now if it takes them all (request.async false), else the
  // rest waits and request.oncomplete(status) runs when it is out.
  writeBuffer(request, buffer) {
    const [status, async, bytes] = natives.tcpWrite(this._id, buffer, (result) => request.oncomplete(result));
    request.async = async;
    request.bytes = bytes;
    if (status === 0)
      this.bytesWritten += bytes;
    return status;
  }

  shutdown(request) {
    return natives.tcpShutdown(this._id, (status) => request.oncomplete(status));
  }

  close(callback) {
    natives.tcpClose(this._id, typeof callback === 'function' ? callback : undefined);
  }

  reset(callback) {
    return natives.tcpReset(this._id, typeof callback === 'function' ? callback : undefined);
  }

  getsockname(out) { return endpointInto(natives.tcpSockName(this._id), out); }
  getpeername(out) { return endpointInto(natives.tcpPeerName(this._id), out); }
  setNoDelay(enable) { return natives.tcpSetNoDelay(this._id, enable); }
  setKeepAlive(enable, delaySeconds) { return natives.tcpSetKeepAlive(this._id, enable, delaySeconds); }
  setRawMode(raw) { return natives.ttySetRawMode(this._id, raw); }
  ref() { natives.tcpRef(this._id, true); }
  unref() { natives.tcpRef(this._id, false); }
  get writeQueueSize() { return natives.tcpWriteQueueSize(this._id); }
}

function endpointInto(found, out) {
  if (typeof found === 'number')
    return found;
  out.address = found.address;
  out.family = found.family;
  out.port = found.port;
  return 0;
}

// ---- arguments

// connect(options[, cb]), connect(port[, host][, cb]), listen(port[, host][, backlog][, cb]):
// [options, cb or null].
function normalizeArgs(args) {
  let normalized;
  if (args.length === 0) {
    normalized = [{}, null];
    normalized[kNormalized] = true;
    return normalized;
  }
  const first = args[0];
  let options = {};
  if (typeof first === 'object' && first !== null) {
    options = first;
  } else if (typeof first === 'string' && !(Number(first) >= 0)) {
    options.path = first;
  } else {
    options.port = first;
    if (args.length > 1 && typeof args[1] === 'string')
      options.host = args[1];
  }
  const last = args[args.length - 1];
  normalized = [options, typeof last === 'function' ? last : null];
  normalized[kNormalized] = true;
  return normalized;
}

function toNumber(value) {
  return (value = Number(value)) >= 0 ? value : false;
}

// ---- Socket

function Socket(options) {
  if (!(this instanceof Socket))
    return new Socket(options);
  if (options?.objectMode) {
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
                        `The property 'options.objectMode' is not supported. Received ${util.inspect(options.objectMode)}`);
  }
  this.connecting = false;
  this._hadError = false;
  this._handle = null;
  this._parent = null;
  this._host = null;
  this[kLastWriteQueueSize] = 0;
  this[kTimeout] = null;

  if (typeof options === 'number')
    options = { fd: options };
  else
    options = { ...options };
  // Of the descriptors only standard input, what process.stdin and a tty.ReadStream are.
  if (options.fd !== undefined) {
    if (options.fd !== 0)
      throw new Error('loopscope\'s net.Socket opens no descriptor but standard input (0): connect() it to a loopback port');
    const id = natives.stdinOpen();
    if (id < 0)
      throw errnoException(id, 'open');
    options.handle = new TCP(id);
  }

  // A socket ends its own side when the other side ends, unless told otherwise; it emits
  // 'close' itself, when its handle has closed.
  options.allowHalfOpen = Boolean(options.allowHalfOpen);
  options.emitClose = false;
  options.autoDestroy = true;
  options.decodeStrings = false;
  stream.Duplex.call(this, options);

  if (options.handle)
    this._handle = options.handle;

  this[kSetNoDelay] = Boolean(options.noDelay);
  this[kSetKeepAlive] = Boolean(options.keepAlive);
  this[kSetKeepAliveInitialDelay] = ~~(options.keepAliveInitialDelay / 1000);

  this.on('end', onReadableStreamEnd);
  initSocketHandle(this);

  this._pendingData = null;
  this._pendingEncoding = '';

  // An accepted socket reads at once (or is paused, for a server's pauseOnConnect).
  if (this._handle && options.readable !== false) {
    if (options.pauseOnCreate) {
      this._handle.reading = false;
      this._handle.readStop();
      this.readableFlowing = false;
    } else if (!options.manualStart) {
      this.read(0);
    }
  }

  this.server = null;
  this._server = null;
  this[kBytesRead] = 0;
  this[kBytesWritten] = 0;
}
Object.setPrototypeOf(Socket.prototype, stream.Duplex.prototype);
Object.setPrototypeOf(Socket, stream.Duplex);

function initSocketHandle(socket) {
  socket._undestroy();
  socket._sockname = null;
  if (socket._handle) {
    socket._handle[kOwner] = socket;
    socket._handle.onread = onStreamRead;
  }
}

// The other side ended and this one may not stay half open: writing now is an error.
function onReadableStreamEnd() {
  if (!this.allowHalfOpen)
    this.write = writeAfterFIN;
}

function writeAfterFIN(chunk, encoding, callback) {
  if (!this.writableEnded)
    return stream.Duplex.prototype.write.call(this, chunk, encoding, callback);
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  const error = new Error('This socket has been ended by the other party');
  error.code = 'EPIPE';
  if (typeof callback === 'function')
    process.nextTick(callback, error);
  this.destroy(error);
  return false;
}

// Each chunk libuv read, the end, or a read error: a poll-phase callback of its own.
function onStreamRead(nread, buffer) {
  const socket = this[kOwner];
  socket._unrefTimer();
  if (nread > 0 && !socket.destroyed) {
    if (!socket.push(buffer)) {
      this.reading = false;
      if (!socket.destroyed) {
        const status = this.readStop();
        if (status)
          socket.destroy(errnoException(status, 'read'));
      }
    }
    return;
  }
  if (nread === 0)
    return;
  if (nread !== UV_EOF) {
    socket.destroy(errnoException(nread, 'read'));
    return;
  }
  if (!socket._readableState.endEmitted) {
    socket.push(null);
    socket.read(0);
  }
}

Socket.prototype._unrefTimer = function _unrefTimer() {
  for (let socket = this; socket !== null; socket = socket._parent)
    restartTimeout(socket);
};

// Activity puts the idle timer back to its full length; one that already fired starts again.
function restartTimeout(socket) {
  const timer = socket[kTimeout];
  if (!timer)
    return;
  if (timer._destroyed)
    socket[kTimeout] = idleTimer(socket, socket.timeout);
  else
    timer.refresh();
}

function idleTimer(socket, msecs) {
  return setTimeout(function socketTimeout() { socket._onTimeout(); }, msecs).unref();
}

// The writable side is done: shut the connection's write side down once it is connected.
Socket.prototype._final = function(callback) {
  if (this.pending)
    return this.once('connect', () => this._final(callback));
  if (!this._handle)
    return callback();
  const request = { handle: this._handle, callback, oncomplete: afterShutdown };
  const status = this._handle.shutdown(request);
  if (status === 1 || status === UV_ENOTCONN)
    return callback();
  if (status !== 0)
    return callback(errnoException(status, 'shutdown'));
};

function afterShutdown() {
  this.callback();
}

Socket.prototype.setTimeout = function(msecs, callback) {
  if (this.destroyed)
    return this;
  this.timeout = msecs;
  msecs = timerDuration(msecs, 'msecs');
  clearTimeout(this[kTimeout]);
  this[kTimeout] = null;
  if (msecs === 0) {
    if (callback !== undefined) {
      if (typeof callback !== 'function')
        throw invalidArgTypeError('callback', 'Function', callback);
      this.removeListener('timeout', callback);
    }
  } else {
    this[kTimeout] = idleTimer(this, msecs);
    if (callback !== undefined) {
      if (typeof callback !== 'function')
        throw invalidArgTypeError('callback', 'Function', callback);
      this.once('timeout', callback);
    }
  }
  return this;
};

Socket.prototype._onTimeout = function() {
  const handle = this._handle;
  const lastWriteQueueSize = this[kLastWriteQueueSize];
  if (lastWriteQueueSize > 0 && handle) {
    // A write still going out counts as activity.
    const { writeQueueSize } = handle;
    if (lastWriteQueueSize !== writeQueueSize) {
      this[kLastWriteQueueSize] = writeQueueSize;
      this._unrefTimer();
      return;
    }
  }
  this.emit('timeout');
};

Socket.prototype.setNoDelay = function(enable) {
  enable = Boolean(enable === undefined ? true : enable);
  if (!this._handle) {
    this[kSetNoDelay] = enable;
    return this;
  }
  if (enable !== this[kSetNoDelay]) {
    this[kSetNoDelay] = enable;
    this._handle.setNoDelay(enable);
  }
  return this;
};

Socket.prototype.setKeepAlive = function(enable, initialDelayMsecs) {
  enable = Boolean(enable);
  const initialDelay = ~~(initialDelayMsecs / 1000);
  if (!this._handle) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = initialDelay;
    return this;
  }
  if (enable !== this[kSetKeepAlive] || (enable && this[kSetKeepAliveInitialDelay] !== initialDelay)) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = initialDelay;
    this._handle.setKeepAlive(enable, initialDelay);
  }
  return this;
};

Socket.prototype.address = function() {
  return this._getsockname();
};

Object.defineProperties(Socket.prototype, {
  _connecting: {
    get() { return this.connecting; },
  },
  pending: {
    get() { return !this._handle || this.connecting; },
    configurable: true,
  },
  readyState: {
    get() {
      if (this.connecting)
        return 'opening';
      if (this.readable && this.writable)
        return 'open';
      if (this.readable && !this.writable)
        return 'readOnly';
      if (!this.readable && this.writable)
        return 'writeOnly';
      return 'closed';
    },
  },
  bufferSize: {
    get() { return this._handle ? this.writableLength : undefined; },
  },
});

function tryReadStart(socket) {
  socket._handle.reading = true;
  const status = socket._handle.readStart();
  if (status)
    socket.destroy(errnoException(status, 'read'));
}

Socket.prototype._read = function(n) {
  if (this.connecting || !this._handle)
    this.once('connect', () => this._read(n));
  else if (!this._handle.reading)
    tryReadStart(this);
};

Socket.prototype.end = function(data, encoding, callback) {
  stream.Duplex.prototype.end.call(this, data, encoding, callback);
  return this;
};

Socket.prototype.destroySoon = function() {
  if (this.writable)
    this.end();
  if (this.writableFinished)
    this.destroy();
  else
    this.once('finish', this.destroy);
};

// The handle closes now; 'close' (with whether an error ended the socket) comes from its
// close callback, in the close phase. A socket that never had a handle closes on a tick.
Socket.prototype._destroy = function(exception, callback) {
  this.connecting = false;
  for (let socket = this; socket !== null; socket = socket._parent) {
    clearTimeout(socket[kTimeout]);
    socket[kTimeout] = null;
  }
  if (this._handle) {
    const hadError = Boolean(exception);
    this[kBytesRead] = this._handle.bytesRead;
    this[kBytesWritten] = this._handle.bytesWritten;
    if (this.resetAndClosing) {
      this.resetAndClosing = false;
      const status = this._handle.reset(() => this.emit('close', hadError));
      if (status)
        this.emit('error', errnoException(status, 'reset'));
    } else {
      this._handle.close(() => this.emit('close', hadError));
    }
    this._handle.onread = noop;
    this._handle = null;
    this._sockname = null;
    callback(exception);
  } else {
    callback(exception);
    process.nextTick(emitCloseNT, this);
  }
  if (this._server) {
    this._server._connections--;
    if (this._server._emitCloseIfDrained)
      this._server._emitCloseIfDrained();
  }
};

function noop() {}

function emitCloseNT(self) {
  self.emit('close');
}

// Drops the connection with a reset, so that the other side reads ECONNRESET.
Socket.prototype.resetAndDestroy = function() {
  if (this._handle) {
    if (this.connecting)
      this.once('connect', () => this._reset());
    else
      this._reset();
  } else {
    this.destroy(makeNodeError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
  }
  return this;
};

Socket.prototype._reset = function() {
  this.resetAndClosing = true;
  return this.destroy();
};

Socket.prototype._getpeername = function() {
  if (!this._handle || this.connecting)
    return this._peername || {};
  if (!this._peername) {
    const out = {};
    if (this._handle.getpeername(out))
      return out;
    this._peername = this[kDualStack] ? asDualStack(out) : out;
  }
  return this._peername;
};

Socket.prototype._getsockname = function() {
  if (!this._handle)
    return {};
  if (!this._sockname) {
    this._sockname = {};
    this._handle.getsockname(this._sockname);
    if (this[kDualStack])
      asDualStack(this._sockname);
  }
  return this._sockname;
};

function protoGetter(name, get) {
  Object.defineProperty(Socket.prototype, name, { configurable: false, enumerable: true, get });
}

protoGetter('bytesRead', function bytesRead() {
  return this._handle ? this._handle.bytesRead : this[kBytesRead];
});
protoGetter('remoteAddress', function remoteAddress() { return this._getpeername().address; });
protoGetter('remoteFamily', function remoteFamily() { return this._getpeername().family; });
protoGetter('remotePort', function remotePort() { return this._getpeername().port; });
protoGetter('localAddress', function localAddress() { return this._getsockname().address; });
protoGetter('localPort', function localPort() { return this._getsockname().port; });
protoGetter('localFamily', function localFamily() { return this._getsockname().family; });

// What went to the kernel, and what still waits in the stream's buffer.
protoGetter('bytesWritten', function bytesWritten() {
  let bytes = this._handle ? this._handle.bytesWritten : this[kBytesWritten];
  const buffered = this.writableBuffer;
  if (!buffered)
    return undefined;
  for (const entry of buffered)
    bytes += entry.chunk instanceof Buffer ? entry.chunk.length : Buffer.byteLength(entry.chunk, entry.encoding);
  const pending = this._pendingData;
  if (Array.isArray(pending)) {
    for (const entry of pending)
      bytes += entry.chunk instanceof Buffer ? entry.chunk.length : Buffer.byteLength(entry.chunk, entry.encoding);
  } else if (pending) {
    bytes += typeof pending === 'string' ? Buffer.byteLength(pending, this._pendingEncoding) : pending.length;
  }
  return bytes;
});

Socket.prototype._writeGeneric = function(writev, data, encoding, callback) {
  // Still connecting: this write waits for 'connect' (the stream holds the ones after it).
  if (this.connecting) {
    this._pendingData = data;
    this._pendingEncoding = encoding;
    const onClose = () => {
      callback(makeNodeError(Error, 'ERR_SOCKET_CLOSED_BEFORE_CONNECTION',
                             'Socket closed before the connection was established'));
    };
    this.once('connect', function connect() {
      this.off('close', onClose);
      this._writeGeneric(writev, data, encoding, callback);
    });
    this.once('close', onClose);
    return;
  }
  this._pendingData = null;
  this._pendingEncoding = '';
  if (!this._handle) {
    callback(makeNodeError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
    return false;
  }
  this._unrefTimer();
  const buffer = writev ?
    Buffer.concat(data.map(({ chunk, encoding: each }) => (Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, each)))) :
    (Buffer.isBuffer(data) ? data : Buffer.from(data, encoding));
  const request = { handle: this._handle, callback, async: false, bytes: 0, oncomplete: onWriteComplete };
  const status = this._handle.writeBuffer(request, buffer);
  if (status !== 0)
    return callback(errnoException(status, 'write'));
  if (request.async)
    this[kLastWriteQueueSize] = request.bytes;
  else
    callback();
};

// A write the kernel could not take at once is out (or failed).
function onWriteComplete(status) {
  const socket = this.handle[kOwner];
  if (socket.destroyed) {
    this.callback(null);
    return;
  }
  if (status < 0) {
    this.callback(errnoException(status, 'write'));
    return;
  }
  socket._unrefTimer();
  socket[kLastWriteQueueSize] = 0;
  this.callback(null);
}

Socket.prototype._writev = function(chunks, callback) {
  this._writeGeneric(true, chunks, '', callback);
};

Socket.prototype._write = function(data, encoding, callback) {
  this._writeGeneric(false, data, encoding, callback);
};

Socket.prototype.connect = function(...args) {
  const normalized = Array.isArray(args[0]) && args[0][kNormalized] ? args[0] : normalizeArgs(args);
  const [options, callback] = normalized;
  if (callback !== null)
    this.once('connect', callback);
  if (this._parent && this._parent.connecting)
    return this;
  if (options.port === undefined && options.path == null)
    throw ERR_MISSING_ARGS(['options', 'port', 'path']);
  if (options.path)
    throw new Error(`loopscope's net connects to loopback TCP ports only, not to the pipe ${options.path}`);
  if (this.write !== Socket.prototype.write)
    this.write = Socket.prototype.write;
  if (this.destroyed) {
    this._handle = null;
    this._peername = null;
    this._sockname = null;
  }
  if (!this._handle) {
    this._handle = new TCP();
    initSocketHandle(this);
  }
  this._unrefTimer();
  this.connecting = true;
  lookupAndConnect(this, options);
  return this;
};

function lookupAndConnect(self, options) {
  const { localAddress, localPort } = options;
  const host = options.host || 'localhost';
  let { port } = options;
  if (localAddress && !isIP(localAddress))
    throw makeNodeError(TypeError, 'ERR_INVALID_IP_ADDRESS', `Invalid IP address: ${localAddress}`);
  if (localPort && typeof localPort !== 'number')
    throw invalidArgTypeError('options.localPort', 'number', localPort);
  if (typeof port !== 'undefined') {
    if (typeof port !== 'number' && typeof port !== 'string')
      throw invalidArgTypeError('options.port', ['number', 'string'], port);
    validatePort(port);
  }
  port |= 0;

  // An IP address needs no lookup: the connect starts on the next tick.
  const addressType = isIP(host);
  if (addressType) {
    process.nextTick(() => {
      if (self.connecting)
        internalConnect(self, host, port, addressType, localAddress, localPort);
    });
    return;
  }
  if (options.lookup != null && typeof options.lookup !== 'function')
    throw invalidArgTypeError('options.lookup', 'Function', options.lookup);
  const lookup = options.lookup || require('dns').lookup;
  const family = options.family === undefined ? 0 : Number(options.family);
  const autoSelectFamily = options.autoSelectFamily ?? autoSelectFamilyDefault;
  self._host = host;
  if (family !== 4 && family !== 6 && !localAddress && autoSelectFamily) {
    lookupAndConnectMultiple(self, lookup, host, port, localAddress, localPort);
    return;
  }
  lookup(host, { family, hints: 0 }, function emitLookup(error, ip, ipFamily) {
    self.emit('lookup', error, ip, ipFamily, host);
    if (!self.connecting)
      return;
    if (error) {
      process.nextTick(connectErrorNT, self, error);
    } else if (!isIP(ip)) {
      process.nextTick(connectErrorNT, self,
                       makeNodeError(TypeError, 'ERR_INVALID_IP_ADDRESS', `Invalid IP address: ${ip}`));
    } else {
      self._unrefTimer();
      internalConnect(self, ip, port, ipFamily, localAddress, localPort);
    }
  });
}

// Every address the name has, tried one after the other until one answers.
function lookupAndConnectMultiple(self, lookup, host, port, localAddress, localPort) {
  lookup(host, { all: true, hints: 0 }, function emitLookup(error, addresses) {
    if (!self.connecting)
      return;
    if (error) {
      self.emit('lookup', error, undefined, undefined, host);
      process.nextTick(connectErrorNT, self, error);
      return;
    }
    const byFamily = [[], []];
    let preferred;
    for (const { address: ip, family } of addresses) {
      self.emit('lookup', error, ip, family, host);
      if (!self.connecting)
        return;
      if (isIP(ip) && (family === 4 || family === 6)) {
        preferred ||= family === 6 ? { 6: 0, 4: 1 } : { 4: 0, 6: 1 };
        const group = byFamily[preferred[family]];
        if (!group.some((each) => each.address === ip))
          group.push({ address: ip, family });
      }
    }
    if (!byFamily[0].length && !byFamily[1].length) {
      const { address: ip, family } = addresses[0] || {};
      process.nextTick(connectErrorNT, self,
                       makeNodeError(TypeError, 'ERR_INVALID_IP_ADDRESS', `Invalid IP address: ${ip ?? family}`));
      return;
    }
    const toAttempt = [];
    for (let at = 0; at < Math.max(byFamily[0].length, byFamily[1].length); at++) {
      if (at in byFamily[0])
        toAttempt.push(byFamily[0][at]);
      if (at in byFamily[1])
        toAttempt.push(byFamily[1][at]);
    }
    self._unrefTimer();
    if (toAttempt.length === 1) {
      internalConnect(self, toAttempt[0].address, port, toAttempt[0].family, localAddress, localPort);
      return;
    }
    self.autoSelectFamilyAttemptedAddresses = [];
    connectInTurn(self, toAttempt, port, []);
  });
}

function connectInTurn(self, toAttempt, port, errors) {
  const [next, ...rest] = toAttempt;
  self.autoSelectFamilyAttemptedAddresses.push(`${next.address}:${port}`);
  self.emit('connectionAttempt', next.address, port, next.family);
  const request = {
    address: next.address, port, addressType: next.family,
    oncomplete(status, handle, made) {
      if (self.destroyed)
        return;
      if (status === 0)
        return afterConnect(status, handle, made);
      const error = exceptionWithHostPort(status, 'connect', next.address, port);
      self.emit('connectionAttemptFailed', next.address, port, next.family, error);
      errors.push(error);
      if (rest.length === 0) {
        const all = new AggregateError(errors);
        all.code = errors[0].code;
        self.destroy(all);
        return;
      }
      // A failed connect leaves its handle unusable: the next address gets a fresh one.
      self._handle.close();
      self._handle = new TCP();
      self._handle[kOwner] = self;
      self._handle.onread = onStreamRead;
      connectInTurn(self, rest, port, errors);
    },
  };
  const status = self._handle.connect(request, next.address, port);
  if (status)
    request.oncomplete(status, self._handle, request);
}

function connectErrorNT(self, error) {
  self.destroy(error);
}

function internalConnect(self, address, port, addressType, localAddress, localPort) {
  if (!natives.isLoopbackAddress(address)) {
    self.destroy(notLoopbackError('connect', address, port));
    return;
  }
  if (localAddress || localPort) {
    const bindAddress = localAddress || (addressType === 6 ? '::' : '0.0.0.0');
    const status = self._handle.bind(bindAddress, localPort || 0);
    if (status) {
      self.destroy(exceptionWithHostPort(status, 'bind', bindAddress, localPort));
      return;
    }
  }
  self.emit('connectionAttempt', address, port, addressType);
  const request = { oncomplete: afterConnect, address, port, localAddress, localPort, addressType };
  const status = self._handle.connect(request, address, port);
  if (status) {
    const sockname = self._getsockname();
    const details = sockname.address ? `${sockname.address}:${sockname.port}` : undefined;
    self.destroy(exceptionWithHostPort(status, 'connect', address, port, details));
  }
}

// The connect is done: 'connect' and 'ready' in this poll-phase callback, then the first read.
function afterConnect(status, handle, request) {
  const self = handle[kOwner];
  if (self.destroyed)
    return;
  self.connecting = false;
  self._sockname = null;
  if (status === 0) {
    self._unrefTimer();
    if (self[kSetNoDelay])
      self._handle.setNoDelay(true);
    if (self[kSetKeepAlive])
      self._handle.setKeepAlive(true, self[kSetKeepAliveInitialDelay]);
    self.emit('connect');
    self.emit('ready');
    if (!self.isPaused())
      self.read(0);
    return;
  }
  let details;
  if (request.localAddress && request.localPort)
    details = `${request.localAddress}:${request.localPort}`;
  const error = exceptionWithHostPort(status, 'connect', request.address, request.port, details);
  if (details) {
    error.localAddress = request.localAddress;
    error.localPort = request.localPort;
  }
  self.emit('connectionAttemptFailed', request.address, request.port, request.addressType, error);
  self.destroy(error);
}

Socket.prototype.ref = function() {
  if (!this._handle) {
    this.once('connect', this.ref);
    return this;
  }
  this._handle.ref();
  return this;
};

Socket.prototype.unref = function() {
  if (!this._handle) {
    this.once('connect', this.unref);
    return this;
  }
  this._handle.unref();
  return this;
};

// ---- Server

function Server(options, connectionListener) {
  if (!(this instanceof Server))
    return new Server(options, connectionListener);
  EventEmitter.call(this);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
    this.on('connection', connectionListener);
  } else if (options == null || typeof options === 'object') {
    options = { ...options };
    if (typeof connectionListener === 'function')
      this.on('connection', connectionListener);
  } else {
    throw invalidArgTypeError('options', 'Object', options);
  }
  this._connections = 0;
  this._handle = null;
  this._usingWorkers = false;
  this._workers = [];
  this._unref = false;
  this._listeningId = 1;
  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = Boolean(options.pauseOnConnect);
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~(options.keepAliveInitialDelay / 1000);
  this.highWaterMark = options.highWaterMark ?? 16 * 1024;
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

Server.prototype.listen = function(...args) {
  const [given, callback] = normalizeArgs(args);
  const options = given;
  if (this._handle)
    throw makeNodeError(Error, 'ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
  if (callback !== null)
    this.once('listening', callback);
  const backlogFromArgs = toNumber(args.length > 1 && args[1]) || toNumber(args.length > 2 && args[2]);
  this._listeningId++;
  if (args.length === 0 || typeof args[0] === 'function' ||
      (typeof options.port === 'undefined' && 'port' in options) || options.port === null)
    options.port = 0;
  if (typeof options.port === 'number' || typeof options.port === 'string') {
    validatePort(options.port, 'options.port');
    const backlog = options.backlog || backlogFromArgs;
    if (options.host)
      lookupAndListen(this, options.port | 0, options.host, backlog);
    else
      this._listen2(null, options.port | 0, 4, backlog);
    return this;
  }
  if (options.path)
    throw new Error(`loopscope's net listens on loopback TCP ports only, not on the pipe ${options.path}`);
  throw makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
                      `The argument 'options' must have the property "port" or "path". Received ${util.inspect(options)}`);
};

// A host is looked up first (an IP address answers on the next tick), then the server binds.
function lookupAndListen(self, port, address, backlog) {
  const listeningId = self._listeningId;
  require('dns').lookup(address, function doListen(error, ip, addressType) {
    if (listeningId !== self._listeningId)
      return;
    if (error)
      self.emit('error', error);
    else
      self._listen2(ip, port, ip ? addressType : 4, backlog);
  });
}

Server.prototype._listen2 = function setupListenHandle(address, port, addressType, backlog) {
  if (!this._handle) {
    this[kShownWildcard] = shownWildcard(address);
    if (this[kShownWildcard])
      address = '127.0.0.1';
    if (!natives.isLoopbackAddress(address)) {
      process.nextTick(emitErrorNT, this, notLoopbackError('listen', address, port));
      return;
    }
    const handle = new TCP();
    const status = handle.bind(address, port);
    if (status) {
      handle.close();
      process.nextTick(emitErrorNT, this, uvExceptionWithHostPort(status, 'listen', address, port));
      return;
    }
    this._handle = handle;
  }
  this._handle.onconnection = onconnection;
  this._handle[kOwner] = this;
  const status = this._handle.listen(backlog || kDefaultBacklog);
  if (status) {
    const error = uvExceptionWithHostPort(status, 'listen', address, port);
    this._handle.close();
    this._handle = null;
    process.nextTick(emitErrorNT, this, error);
    return;
  }
  this._connectionKey = `${addressType}:${address}:${port}`;
  if (this._unref)
    this.unref();
  process.nextTick(emitListeningNT, this);
};

function emitErrorNT(self, error) {
  self.emit('error', error);
}

function emitListeningNT(self) {
  if (self._handle)
    self.emit('listening');
}

// A connection accepted: its Socket, in this poll-phase callback.
function onconnection(status, clientHandle) {
  const self = this[kOwner];
  if (status) {
    self.emit('error', errnoException(status, 'accept'));
    return;
  }
  if (self.maxConnections != null && self._connections >= self.maxConnections) {
    const data = { __proto__: null };
    const local = {};
    const remote = {};
    if (!clientHandle.getsockname(local)) {
      data.localAddress = local.address;
      data.localPort = local.port;
      data.localFamily = local.family;
    }
    if (!clientHandle.getpeername(remote)) {
      data.remoteAddress = remote.address;
      data.remotePort = remote.port;
      data.remoteFamily = remote.family;
    }
    self.emit('drop', data);
    clientHandle.close();
    return;
  }
  const socket = new Socket({
    handle: clientHandle,
    allowHalfOpen: self.allowHalfOpen,
    pauseOnCreate: self.pauseOnConnect,
    readable: true,
    writable: true,
    readableHighWaterMark: self.highWaterMark,
    writableHighWaterMark: self.highWaterMark,
  });
  if (self.noDelay) {
    socket[kSetNoDelay] = true;
    clientHandle.setNoDelay(true);
  }
  if (self.keepAlive) {
    socket[kSetKeepAlive] = true;
    socket[kSetKeepAliveInitialDelay] = self.keepAliveInitialDelay;
    clientHandle.setKeepAlive(true, self.keepAliveInitialDelay);
  }
  self._connections++;
  if (self[kShownWildcard] === '::')
    socket[kDualStack] = true;
  socket.server = self;
  socket._server = self;
  self.emit('connection', socket);
}

Server.prototype.getConnections = function(callback) {
  process.nextTick(callback, null, this._connections);
  return this;
};

Server.prototype.address = function() {
  if (!this._handle)
    return null;
  const out = {};
  const status = this._handle.getsockname(out);
  if (status)
    throw errnoException(status, 'address');
  if (this[kShownWildcard]) {
    out.address = this[kShownWildcard];
    out.family = out.address === '::' ? 'IPv6' : 'IPv4';
  }
  return out;
};

// The listening socket closes now; 'close' comes on a tick once no connection is left.
Server.prototype.close = function(callback) {
  if (typeof callback === 'function') {
    if (!this._handle) {
      this.once('close', function close() {
        callback(makeNodeError(Error, 'ERR_SERVER_NOT_RUNNING', 'Server is not running.'));
      });
    } else {
      this.once('close', callback);
    }
  }
  if (this._handle) {
    this._handle.close();
    this._handle = null;
  }
  this._emitCloseIfDrained();
  return this;
};

Server.prototype._emitCloseIfDrained = function() {
  if (this._handle || this._connections)
    return;
  process.nextTick(emitCloseNT, this);
};

Server.prototype[Symbol.asyncDispose] = function() {
  if (!this._handle)
    return Promise.resolve();
  return new Promise((resolve, reject) => this.close((error) => (error ? reject(error) : resolve())));
};

Server.prototype.ref = function() {
  this._unref = false;
  if (this._handle)
    this._handle.ref();
  return this;
};

Server.prototype.unref = function() {
  this._unref = true;
  if (this._handle)
    this._handle.unref();
  return this;
};

Object.defineProperty(Server.prototype, 'listening', {
  get() { return Boolean(this._handle); },
  configurable: true,
  enumerable: true,
});

// ---- the module

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

function connect(...args) {
  const normalized = normalizeArgs(args);
  const options = normalized[0];
  const socket = new Socket(options);
  if (options.timeout)
    socket.setTimeout(options.timeout);
  return socket.connect(normalized);
}

module.exports = {
  _normalizeArgs: normalizeArgs,
  connect,
  createConnection: connect,
  createServer,
  isIP,
  isIPv4,
  isIPv6,
  Server,
  Socket,
  Stream: Socket,
  getDefaultAutoSelectFamily() { return autoSelectFamilyDefault; },
  setDefaultAutoSelectFamily(value) { autoSelectFamilyDefault = Boolean(value); },
  getDefaultAutoSelectFamilyAttemptTimeout() { return autoSelectFamilyAttemptTimeoutDefault; },
  setDefaultAutoSelectFamilyAttemptTimeout(value) { autoSelectFamilyAttemptTimeoutDefault = Math.max(10, value); },
};

// What http's server and child_process's pipes share with this file (Node's pipe_wrap Pipe,
// to its net.Socket), out of the enumerable exports.
Object.defineProperty(module.exports, Symbol.for('loopscope.net.internals'), { value: { TCP, validatePort }, enumerable: false });
