// Node's http server for a program: http.createServer(handler).listen(port) serves real
// loopback connections (the scenario's load, curl, a browser) through the runtime's
// HttpServer; each request is a poll-phase callback. Requests and client responses are
// Readable streams (lib/_http_incoming.js) of the body that came; a response is a legacy
// Stream kept until end() and then written whole, with the headers Node writes.
'use strict';

const natives = require('internal:binding');
const EventEmitter = require('events');
const { Buffer } = require('buffer');
const { Duplex, Stream } = require('stream');
const { IncomingMessage } = require('_http_incoming');

const STATUS_CODES = {
  100: 'Continue', 101: 'Switching Protocols', 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content',
  206: 'Partial Content', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
  307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone',
  413: 'Payload Too Large', 415: 'Unsupported Media Type', 418: "I'm a Teapot", 422: 'Unprocessable Entity',
  429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout',
};

const loopbackHosts = ['127.0.0.1', 'localhost', '::1', '::ffff:127.0.0.1'];
// Hosts that are every interface to Node: served on loopback here, shown as Node shows them.
const { shownWildcard } = require('internal/wildcard_hosts');

// ---- the messages that arrive: IncomingMessage (lib/_http_incoming.js), a Readable

// The connection a message came on: the runtime owns the real one, so this stands in for
// Node's net.Socket (a Duplex) with the loopback addresses.
// On a server listening on Node's IPv6 wildcard (no host, or '::'), an IPv4 peer shows as
// an IPv4-mapped IPv6 address.
class LoopbackSocket extends Duplex {
  constructor(dualStack = false) {
    super({ read() {}, write(chunk, encoding, callback) { callback(); } });
    this.remoteAddress = dualStack ? '::ffff:127.0.0.1' : '127.0.0.1';
    this.remotePort = 0;
    this.remoteFamily = dualStack ? 'IPv6' : 'IPv4';
    this.localAddress = this.remoteAddress;
    this.encrypted = false;
  }

  setTimeout() { return this; }
  setNoDelay() { return this; }
  setKeepAlive() { return this; }
  ref() { return this; }
  unref() { return this; }
}

// The head of a message as Node's parserOnHeadersComplete records it.
function incomingMessage(version, rawHeaders, socket) {
  const message = new IncomingMessage(socket);
  const [major, minor] = version.split('.').map(Number);
  message.httpVersionMajor = major;
  message.httpVersionMinor = minor;
  message.httpVersion = `${major}.${minor}`;
  message._addHeaderLines(rawHeaders, rawHeaders.length);
  return message;
}

// Its body as Node's parserOnBody and parserOnMessageComplete push it: the runtime has
// the whole message, so it is one chunk, right after the head's event.
function receiveBody(message, body) {
  if (body.byteLength > 0)
    message.push(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  message.complete = true;
  message.push(null);
}

// ---- what both a response and a client request write: headers, then a body kept whole

// A chunk's bytes, not copied: Node hands a buffer to the socket as it is too (a file
// streamed into a response would otherwise be copied chunk by chunk).
function chunkBuffer(chunk, encoding) {
  if (typeof chunk === 'string')
    return Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8');
  if (Buffer.isBuffer(chunk))
    return chunk;
  if (ArrayBuffer.isView(chunk))
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(chunk);
}

// end([chunk][, encoding][, callback]) as Node takes it.
function endArguments(chunk, encoding, callback) {
  if (typeof chunk === 'function')
    return { chunk: undefined, encoding: undefined, callback: chunk };
  if (typeof encoding === 'function')
    return { chunk, encoding: undefined, callback: encoding };
  return { chunk, encoding, callback };
}

// A legacy Stream as Node's is, so that readable.pipe(response) and pipeline(..., response)
// write into it.
class OutgoingMessage extends Stream {
  constructor() {
    super();
    this._headers = new Map();  // lower-case name -> [name as set, value]
    this._chunks = [];
    this.writable = true;
    this.destroyed = false;
  }

  get writableHighWaterMark() { return 16 * 1024; }
  get writableLength() { return 0; }
  get writableObjectMode() { return false; }
  get writableCorked() { return 0; }
  get writableNeedDrain() { return false; }

  setHeader(name, value) {
    if (this.headersSent) {
      const error = new Error('Cannot set headers after they are sent to the client');
      error.code = 'ERR_HTTP_HEADERS_SENT';
      throw error;
    }
    this._headers.set(String(name).toLowerCase(), [String(name), value]);
    return this;
  }

  getHeader(name) {
    const entry = this._headers.get(String(name).toLowerCase());
    return entry ? entry[1] : undefined;
  }

  getHeaders() {
    const headers = Object.create(null);
    for (const [key, [, value]] of this._headers)
      headers[key] = value;
    return headers;
  }

  getHeaderNames() {
    return [...this._headers.keys()];
  }

  hasHeader(name) {
    return this._headers.has(String(name).toLowerCase());
  }

  removeHeader(name) {
    this._headers.delete(String(name).toLowerCase());
  }

  // "Name: value" for each header set, a list's values on lines of their own.
  _headerLines() {
    const lines = [];
    for (const [, [name, value]] of this._headers)
      for (const each of Array.isArray(value) ? value : [value])
        lines.push(`${name}: ${each}`);
    return lines;
  }
}

// ---- the response

class ServerResponse extends OutgoingMessage {
  constructor(request, id, keepAlive) {
    super();
    this.req = request;
    this._id = id;
    this._keepAlive = keepAlive;
    this.statusCode = 200;
    this.statusMessage = undefined;
    this._chunked = false;
    this.headersSent = false;
    this.finished = false;
    this.writableEnded = false;
    this.writableFinished = false;
    this.sendDate = true;
    this.socket = request.socket;
    this.on('finish', () => this._onFinish());
  }

  // Node's resOnFinish: a request body nobody read is read to its end (so the request
  // emits 'end' and 'close'), and the response closes a tick later.
  _onFinish() {
    const request = this.req;
    if (!request._consuming && !request._readableState.resumeScheduled)
      request._dump();
    process.nextTick(() => this._emitClose());
  }

  _emitClose() {
    if (this._closed)
      return;
    this.destroyed = true;
    this._closed = true;
    this.emit('close');
  }

  // The connection is dropped: a response not yet sent is never sent.
  destroy(error) {
    if (this.destroyed)
      return this;
    this.destroyed = true;
    this.errored = error;
    if (!this.writableEnded) {
      this.writableEnded = true;
      this.writable = false;
      natives.httpRespond(this._id, this.statusCode, Buffer.alloc(0), false);
    }
    process.nextTick(() => {
      if (this._closed)
        return;
      this._closed = true;
      this.emit('close');
    });
    return this;
  }

  writeHead(statusCode, statusMessage, headers) {
    if (typeof statusMessage !== 'string') {
      headers = statusMessage;
      statusMessage = undefined;
    }
    this.statusCode = statusCode;
    if (statusMessage !== undefined)
      this.statusMessage = statusMessage;
    if (Array.isArray(headers)) {
      for (let at = 0; at < headers.length; at += 2)
        this.setHeader(headers[at], headers[at + 1]);
    } else if (headers) {
      for (const name of Object.keys(headers))
        this.setHeader(name, headers[name]);
    }
    // Node writes the head now, before it knows the body's length: the body goes chunked
    // unless the program set a Content-Length.
    this._headStored = true;
    return this;
  }

  write(chunk, encoding, callback) {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    if (this.writableEnded) {
      const error = new Error('write after end');
      error.code = 'ERR_STREAM_WRITE_AFTER_END';
      process.nextTick(() => this.emit('error', error));
      return false;
    }
    if (chunk !== undefined && chunk !== null && chunk.length !== 0) {
      this._chunked = true;
      this._chunks.push(chunkBuffer(chunk, encoding));
    }
    if (typeof callback === 'function')
      process.nextTick(callback);
    return true;
  }

  end(...args) {
    const { chunk, encoding, callback } = endArguments(...args);
    if (this.writableEnded)
      return this;
    if (chunk !== undefined && chunk !== null)
      this._chunks.push(chunkBuffer(chunk, encoding));
    this.writableEnded = true;
    this.writable = false;
    this.finished = true;
    this.headersSent = true;
    if (typeof callback === 'function')
      this.once('finish', callback);
    natives.httpRespond(this._id, this.statusCode, this._bytes(), this._keepAlive);
    process.nextTick(() => {
      this.writableFinished = true;
      this.emit('finish');
    });
    return this;
  }

  _bytes() {
    const noBody = this.req.method === 'HEAD' || this.statusCode === 204 || this.statusCode === 304;
    const lines = [`HTTP/1.1 ${this.statusCode} ${this.statusMessage ?? STATUS_CODES[this.statusCode] ?? 'unknown'}`,
      ...this._headerLines()];
    if (this.sendDate && !this._headers.has('date'))
      lines.push(`Date: ${new Date().toUTCString()}`);
    if (!this._headers.has('connection')) {
      lines.push(this._keepAlive ? 'Connection: keep-alive' : 'Connection: close');
      if (this._keepAlive)
        lines.push('Keep-Alive: timeout=5');
    }
    const chunked = (this._chunked || this._headStored) && !this._headers.has('content-length');
    if (!noBody) {
      if (chunked)
        lines.push('Transfer-Encoding: chunked');
      else if (!this._headers.has('content-length'))
        lines.push(`Content-Length: ${this._chunks.reduce((total, piece) => total + piece.length, 0)}`);
    }
    const head = Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1');
    if (noBody)
      return head;
    if (!chunked)
      return Buffer.concat([head, ...this._chunks]);
    const parts = [head];
    // An empty piece (end('') after a write) would be the last-chunk marker: Node writes none.
    for (const piece of this._chunks) {
      if (piece.length > 0)
        parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`, 'latin1'), piece, Buffer.from('\r\n', 'latin1'));
    }
    parts.push(Buffer.from('0\r\n\r\n', 'latin1'));
    return Buffer.concat(parts);
  }
}

// ---- the server

class Server extends EventEmitter {
  constructor(options, handler) {
    super();
    if (typeof options === 'function') {
      handler = options;
      options = {};
    } else if (options !== null && options !== undefined && (typeof options !== 'object' || Array.isArray(options))) {
      const { invalidArgTypeError } = require('util')[Symbol.for('loopscope.util.internals')];
      throw invalidArgTypeError('options', 'Object', options);
    }
    if (handler)
      this.on('request', handler);
    this.listening = false;
    this._port = null;
  }

  listen(...args) {
    // As net.Server's listen: a port given is checked before anything is done.
    const net = require('net');
    const [options] = net._normalizeArgs(args);
    if (typeof options.port === 'number' || typeof options.port === 'string')
      net[Symbol.for('loopscope.net.internals')].validatePort(options.port, 'options.port');
    let port = 0;
    let host;
    let callback;
    for (const arg of args) {
      if (typeof arg === 'function')
        callback = arg;
      else if (typeof arg === 'number' || (typeof arg === 'string' && /^\d+$/.test(arg) && port === 0 && host === undefined))
        port = Number(arg);
      else if (typeof arg === 'string')
        host = arg;
      else if (arg && typeof arg === 'object') {
        port = Number(arg.port ?? 0);
        host = arg.host;
      }
    }
    if (callback)
      this.once('listening', callback);
    const wildcard = shownWildcard(host);
    if (!wildcard && !loopbackHosts.includes(host)) {
      const error = new Error(`listen EACCES: loopscope serves on 127.0.0.1 only, not on ${host}:${port} ` +
        '(listen on 127.0.0.1, localhost or leave the host out)');
      error.code = 'EACCES';
      error.syscall = 'listen';
      process.nextTick(() => this.emit('error', error));
      return this;
    }
    try {
      // A connection's socket, while the program keeps it: its requests share it, as in Node.
      const sockets = new Map();  // connection number -> WeakRef(LoopbackSocket)
      const socketOf = (connection) => {
        let socket = sockets.get(connection)?.deref();
        if (!socket) {
          if (sockets.size % 1024 === 1023) {
            for (const [number, held] of sockets) {
              if (!held.deref())
                sockets.delete(number);
            }
          }
          socket = new LoopbackSocket(wildcard === '::');
          socket.server = this;
          sockets.set(connection, new WeakRef(socket));
        }
        return socket;
      };
      this._port = natives.httpListen(port, (id, method, url, version, rawHeaders, body, keepAlive, connection) => {
        const request = incomingMessage(version, rawHeaders, socketOf(connection));
        request.method = method;
        request.url = url;
        const response = new ServerResponse(request, id, keepAlive);
        this.emit('request', request, response);  // as Node: parserOnIncoming (node:_http_server:1139:12); HTTPParser.parserOnHeadersComplete (node:_http_common:118:17)
        receiveBody(request, body);
      }, (connection) => this.emit('connection', socketOf(connection)));
    } catch (error) {
      error.syscall = 'listen';
      error.address = host ?? '127.0.0.1';
      error.port = port;
      if (error.code === 'EADDRINUSE')
        error.message = `listen EADDRINUSE: address already in use ${error.address}:${port}`;
      process.nextTick(() => this.emit('error', error));
      return this;
    }
    if (natives.clusterInfo.isWorker) {
      // A cluster worker's server shares its primary's port (lib/cluster.js).
      require('cluster')[Symbol.for('loopscope.cluster.hooks')].getServer(this, port, (errno, bound) => {
        if (errno) {
          const error = new Error(`bind ${errno} 127.0.0.1:${port}`);
          error.code = errno;
          error.errno = errno;
          error.syscall = 'bind';
          error.address = '127.0.0.1';
          error.port = port;
          natives.httpClose(this._port);
          this.emit('error', error);
          return;
        }
        this._port = bound;
        this.listening = true;
        this.emit('listening');
      });
      return this;
    }
    this._shownAddress = wildcard ?? (host === '::1' ? '::1' : '127.0.0.1');
    this.listening = true;
    process.nextTick(() => this.emit('listening'));
    return this;
  }

  address() {
    if (!this.listening)
      return null;
    const address = this._shownAddress ?? '127.0.0.1';
    return { address, family: address.includes(':') ? 'IPv6' : 'IPv4', port: this._port };
  }

  close(callback) {
    if (!this.listening) {
      if (typeof callback === 'function') {
        const error = new Error('Server is not running.');
        error.code = 'ERR_SERVER_NOT_RUNNING';
        process.nextTick(callback, error);
      }
      return this;
    }
    this.listening = false;
    natives.httpClose(this._port);
    if (typeof callback === 'function')
      this.once('close', callback);
    process.nextTick(() => this.emit('close'));
    return this;
  }

  closeAllConnections() {}
  closeIdleConnections() {}
  setTimeout() { return this; }
  ref() { return this; }
  unref() { return this; }
}

function createServer(options, handler) {
  return new Server(options, handler);
}

// ---- the client: a request to 127.0.0.1, answered in the poll phase

function requestOptions(input, options) {
  let made = {};
  if (typeof input === 'string') {
    const match = /^http:\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?(\/[^#]*)?/.exec(input);
    if (!match) {
      const error = new TypeError(`Invalid URL`);
      error.code = 'ERR_INVALID_URL';
      error.input = input;
      throw error;
    }
    made = { hostname: match[1].replace(/^\[|\]$/g, ''), port: match[2] ? Number(match[2]) : 80, path: match[3] || '/' };
  } else if (input && typeof input === 'object') {
    made = { ...input };
  }
  return { ...made, ...(options || {}) };
}

// A connection that failed is reported as net's: `connect ECONNREFUSED 127.0.0.1:PORT` with
// errno, code, syscall, address and port.
function connectErrorDetails(error, port) {
  const match = /^connect (E[A-Z]+) (\S+):(\d+)$/.exec(error.message);
  if (!match || error.errno !== undefined)
    return error;
  const errno = require('os').constants.errno[match[1]];
  const details = { errno: errno === undefined ? undefined : -errno, code: match[1], syscall: 'connect',
    address: match[2], port };
  for (const key of Object.keys(details))
    delete error[key];
  return Object.assign(error, details);
}

// The methods Node sends without a body's framing (useChunkedEncodingByDefault false).
const kMethodsWithoutBody = ['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT'];

class ClientRequest extends OutgoingMessage {
  constructor(input, options, callback) {
    super();
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    const settings = requestOptions(input, options);
    this.method = (settings.method || 'GET').toUpperCase();
    this.path = settings.path || '/';
    this.host = settings.hostname || settings.host || 'localhost';
    this.port = Number(settings.port || 80);
    // Node 20's global agent keeps connections alive, so its requests say so; `agent: false`
    // or an agent without keepAlive closes. (Here a connection closes after its response
    // whatever it said: the runtime does not pool them.)
    const agent = settings.agent === undefined ? globalAgent : settings.agent || null;
    this.agent = agent ?? undefined;
    this._keepAlive = Boolean(agent?.keepAlive);
    for (const name of Object.keys(settings.headers || {}))
      this.setHeader(name, settings.headers[name]);
    // As Node: Host comes after the options' headers, before any set later; the port is
    // left out when it is HTTP's own.
    if (!this._headers.has('host')) {
      const host = this.host.includes(':') && !this.host.startsWith('[') ? `[${this.host}]` : this.host;
      this.setHeader('Host', this.port === 80 ? host : `${host}:${this.port}`);
    }
    this._ended = false;
    this._wroteBeforeEnd = false;
    this._timeout = typeof settings.timeout === 'number' ? settings.timeout : 0;
    this._timer = null;
    this.aborted = false;
    this.destroyed = false;
    if (callback)
      this.once('response', callback);
  }

  write(chunk, encoding, callback) {
    if (typeof encoding === 'function')
      callback = encoding;
    if (!this._ended)
      this._wroteBeforeEnd = true;
    this._chunks.push(chunkBuffer(chunk, encoding));
    if (typeof callback === 'function')
      process.nextTick(callback);
    return true;
  }

  end(...args) {
    const { chunk, encoding, callback } = endArguments(...args);
    if (this._ended)
      return this;
    if (chunk !== undefined && chunk !== null)
      this._chunks.push(chunkBuffer(chunk, encoding));
    this._ended = true;
    if (typeof callback === 'function')
      this.once('finish', callback);
    if (!loopbackHosts.includes(this.host)) {
      const error = new Error(`connect EACCES ${this.host}:${this.port} (loopscope connects to 127.0.0.1 only)`);
      error.code = 'EACCES';
      error.syscall = 'connect';
      process.nextTick(() => this._fail(error));
      return this;
    }
    const body = Buffer.concat(this._chunks);
    const lines = [`${this.method} ${this.path} HTTP/1.1`];
    lines.push(...this._headerLines());
    if (!this._headers.has('connection'))
      lines.push(this._keepAlive ? 'Connection: keep-alive' : 'Connection: close');
    // As Node's _storeHeader: a body written before end() goes chunked, one chunk per write;
    // a body given to end() alone has its length; an empty one says 0 unless the method
    // takes no body.
    const framed = this._headers.has('content-length') || this._headers.has('transfer-encoding');
    const chunked = !framed && this._wroteBeforeEnd && this._chunks.length > 0;
    if (chunked)
      lines.push('Transfer-Encoding: chunked');
    else if (!framed && (body.length > 0 || !kMethodsWithoutBody.includes(this.method)))
      lines.push(`Content-Length: ${body.length}`);
    const head = Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1');
    const payload = chunked ? Buffer.concat([...this._chunks.filter((piece) => piece.length > 0).map((piece) =>
      Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')])),
    Buffer.from('0\r\n\r\n')]) : body;
    const reuse = this._keepAlive ? this.agent._takeFreeConnection(this.port) : 0;
    natives.httpRequest(this.port, Buffer.concat([head, payload]), `http ${this.method} ${this.path}`,
      (error, status, statusMessage, version, rawHeaders, responseBody, keptConnection) => {
        this._stopTimer();
        if (this.aborted || this.destroyed)
          return;
        if (error)
          return this._fail(connectErrorDetails(error, this.port));
        const response = incomingMessage(version, rawHeaders, new LoopbackSocket());
        response.statusCode = status;
        response.statusMessage = statusMessage;
        response.req = this;
        this.res = response;
        // After the response, the request emits 'close' (as Node's socketCloseListener, or
        // emitFreeNT for a kept connection, which then frees the connection for the next).
        response.once('end', () => process.nextTick(() => {
          this.destroyed = true;
          this.emit('close');
          if (keptConnection)
            this.agent._freeConnection(this.port, keptConnection);
        }));
        if (!this.emit('response', response))  // as Node: HTTPParser.parserOnIncomingClient [as onIncoming] (node:_http_client:702:27); HTTPParser.parserOnHeadersComplete (node:_http_common:118:17); Socket.socketOnData (node:_http_client:544:22); Socket.emit (node:events:524:28); addChunk (node:internal/streams/readable:561:12); readableAddChunkPushByteMode (node:internal/streams/readable:512:3); Readable.push (node:internal/streams/readable:392:5); TCP.onStreamRead (node:internal/stream_base_commons:191:23)
          response._dump();
        receiveBody(response, responseBody);
      }, this._keepAlive, reuse);
    process.nextTick(() => this.emit('finish'));
    this._startTimer();
    return this;
  }

  // The socket's idle timeout, as Node's: 'timeout' when no answer came within it; the
  // request goes on unless the program destroys it.
  _startTimer() {
    if (this._timeout > 0 && !this._timer && this._ended)
      this._timer = setTimeout(() => {
        this._timer = null;
        this.emit('timeout');
      }, this._timeout);
  }

  _stopTimer() {
    if (this._timer) {
      clearTimeout(this._timer);
      this._timer = null;
    }
  }

  _fail(error) {
    this.destroyed = true;
    this.emit('error', error);
    this.emit('close');
  }

  abort() {
    this.aborted = true;
    this.destroyed = true;
  }

  destroy(error) {
    if (this.destroyed)
      return this;
    this.destroyed = true;
    this._stopTimer();
    process.nextTick(() => {
      if (error)
        this.emit('error', error);
      this.emit('close');
    });
    return this;
  }

  setTimeout(ms, callback) {
    if (typeof callback === 'function')
      this.once('timeout', callback);
    this._stopTimer();
    this._timeout = ms;
    this._startTimer();
    return this;
  }
  setNoDelay() {}
  setSocketKeepAlive() {}
  flushHeaders() {}
}

// http.Agent: its options, as programs read and pass them, and with keepAlive the
// connections it keeps: a connection is free once its response has ended (after the
// request's 'close'), and the next request to that port takes the most recently freed
// ('lifo') or the oldest ('fifo').
class Agent extends EventEmitter {
  #free = new Map();  // port -> [connection number, ...]

  constructor(options = {}) {
    super();
    this.defaultPort = 80;
    this.protocol = 'http:';
    this.options = { __proto__: null, ...options, path: null };
    this.requests = { __proto__: null };
    this.sockets = { __proto__: null };
    this.freeSockets = { __proto__: null };
    this.keepAliveMsecs = options.keepAliveMsecs || 1000;
    this.keepAlive = options.keepAlive || false;
    this.maxSockets = options.maxSockets || Infinity;
    this.maxFreeSockets = options.maxFreeSockets || 256;
    this.scheduling = options.scheduling || 'lifo';
    this.maxTotalSockets = options.maxTotalSockets ?? Infinity;
    this.totalSocketCount = 0;
  }

  _takeFreeConnection(port) {
    const free = this.#free.get(port);
    return (this.scheduling === 'fifo' ? free?.shift() : free?.pop()) ?? 0;
  }

  _freeConnection(port, connection) {
    if (!this.#free.has(port))
      this.#free.set(port, []);
    const free = this.#free.get(port);
    if (free.length < this.maxFreeSockets)
      free.push(connection);
  }

  destroy() {
    this.#free.clear();
  }
}

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

function request(input, options, callback) {
  return new ClientRequest(input, options, callback);
}

function get(input, options, callback) {
  const made = request(input, options, callback);
  made.end();
  return made;
}

module.exports = {
  createServer, Server, IncomingMessage, OutgoingMessage, ServerResponse, ClientRequest, request, get, STATUS_CODES,
  Agent, globalAgent, maxHeaderSize: 16384,
  METHODS: ['ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK', 'M-SEARCH', 'MERGE',
            'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH', 'POST', 'PROPFIND', 'PROPPATCH',
            'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK',
            'UNLOCK', 'UNSUBSCRIBE'],
};
