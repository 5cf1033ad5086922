// cluster as Node 20 has it on Linux: the primary forks workers - each a process of its
// own running this same program (ClusterForks.cpp) - and deals the connections of a port
// they share round-robin. Messages cross as JSON, Node's default serialization; the
// cluster's own messages ({ cmd: 'NODE_CLUSTER' }) are internal, as in Node, and every
// message is emitted in a nextTick of the callback that read it (child_process.js).
'use strict';

const EventEmitter = require('events');
const natives = require('internal:binding');
const { makeNodeError } = require('internal/errors');
const { openChannelEnd, sendOn, answerSend, isInternal } = require('internal/channel_end');

const info = natives.clusterInfo;
const SCHED_NONE = 1;
const SCHED_RR = 2;

function invalidArgType(name, expected, value) {
  return makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The "${name}" argument must be ${expected}. Received ${value === null ? 'null' : typeof value === 'object' ? 'an instance of ' + (value.constructor?.name ?? 'Object') : `type ${typeof value} (${String(value)})`}`);
}

// What child_process does with what arrives on a channel, for both of its ends (`target`:
// the primary's ForkedProcess or the worker's process): a message is emitted in a nextTick
// of the callback that read it; the channel's end is 'disconnect'.
function receive(target, kind, text) {
  if (kind === 'message') {
    const message = JSON.parse(text);
    process.nextTick(() => target.emit(isInternal(message) ? 'internalMessage' : 'message', message, undefined));
  } else if (kind === 'disconnect') {
    target.connected = false;
    target.emit('disconnect');
  }
}

// What both sides' Worker objects have (internal/cluster/worker.js).
class Worker extends EventEmitter {
  constructor(options = {}) {
    super();
    this.exitedAfterDisconnect = undefined;
    this.state = options.state || 'none';
    this.id = options.id | 0;
    if (options.process) {
      this.process = options.process;
      this.process.on('error', (code, signal) => this.emit('error', code, signal));
      this.process.on('message', (message, handle) => this.emit('message', message, handle));
    }
  }
  kill(...args) {
    return this.destroy(...args);
  }
  send(...args) {
    return this.process.send(...args);
  }
  isDead() {
    return this.process.exitCode != null || this.process.signalCode != null;
  }
  isConnected() {
    return this.process.connected;
  }
}

const cluster = new EventEmitter();
cluster.isWorker = info.isWorker;
cluster.isPrimary = !info.isWorker;
cluster.isMaster = cluster.isPrimary;
cluster.Worker = Worker;
cluster.SCHED_NONE = SCHED_NONE;
cluster.SCHED_RR = SCHED_RR;
cluster.schedulingPolicy = SCHED_RR;

// ---- the primary (internal/cluster/primary.js)

// A forked worker's process, as the primary's ChildProcess shows it.
class ForkedProcess extends EventEmitter {
  constructor(id, pid) {
    super();
    this._id = id;
    this.pid = pid;
    this.connected = true;
    this.exitCode = null;
    this.signalCode = null;
    this.killed = false;
    this.spawnfile = process.execPath;
    this.spawnargs = [process.execPath, ...process.argv.slice(1)];
  }
  send(message, ...rest) {
    return sendOn(this, message, rest, (text, callback) => {
      natives.clusterSend(this._id, text);
      if (callback)
        process.nextTick(callback, null);
      return true;
    });
  }
  disconnect() {
    if (!this.connected) {
      this.emit('error', makeNodeError(Error, 'ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected'));
      return;
    }
    natives.clusterDisconnect(this._id);
  }
  kill(signal = 'SIGTERM') {
    const failed = natives.clusterKill(this._id, signal);
    if (failed === 0)
      this.killed = true;
    return failed === 0;
  }
  ref() {}
  unref() {}
}

let initialized = false;
const intercom = new EventEmitter();
cluster.workers = {};
cluster.settings = {};

function emitDisconnectIfEmpty() {
  for (const id in cluster.workers)
    return;
  intercom.emit('disconnect');
}

function removeWorker(worker) {
  delete cluster.workers[worker.id];
  emitDisconnectIfEmpty();
}

function sendInternal(worker, message) {
  if (worker.process.connected)
    natives.clusterSend(worker.id, JSON.stringify({ cmd: 'NODE_CLUSTER', ...message }));
}

// A worker's internal message: 'online', 'listening', a server to share, a disconnect it asked for.
function primaryInternal(worker, message) {
  switch (message.act) {
    case 'online':
      worker.state = 'online';
      worker.emit('online');
      cluster.emit('online', worker);
      break;
    case 'queryServer': {
      if (worker.exitedAfterDisconnect)
        break;
      let port;
      let errno;
      try {
        port = natives.clusterShare(worker.id, message.port);
      } catch (error) {
        errno = error.code || 'EADDRINUSE';
      }
      sendInternal(worker, { act: 'reply', seq: message.seq, port, errno });
      break;
    }
    case 'listening': {
      const address = { addressType: 4, address: message.address, port: message.port, fd: undefined };
      worker.state = 'listening';
      worker.emit('listening', address);
      cluster.emit('listening', worker, address);
      break;
    }
    case 'exitedAfterDisconnect':
      worker.exitedAfterDisconnect = true;
      break;
    default:
      break;
  }
}

function setupPrimary(options) {
  const settings = { args: process.argv.slice(2), exec: process.argv[1], execArgv: [], silent: false,
    ...cluster.settings, ...options };
  if (settings.exec !== process.argv[1]) {
    throw makeNodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
      `loopscope forks the program's own file (${process.argv[1]}), not ${settings.exec}`);
  }
  cluster.settings = settings;
  if (initialized) {
    process.nextTick(() => cluster.emit('setup', settings));
    return;
  }
  initialized = true;
  process.nextTick(() => cluster.emit('setup', settings));
}

function fork(env) {
  cluster.setupPrimary();
  if (env !== undefined && (env === null || typeof env !== 'object'))
    throw invalidArgType('env', 'of type object', env);
  const variables = [];
  for (const [name, value] of Object.entries({ ...cluster.settings.env, ...env }))
    variables.push(name, String(value));
  const [id, pid] = natives.clusterFork(variables);
  const worker = new Worker({ id, process: new ForkedProcess(id, pid) });
  worker.on('message', function(message, handle) {
    cluster.emit('message', this, message, handle);
  });
  worker.process.once('exit', (exitCode, signalCode) => {
    if (!worker.isConnected())
      removeWorker(worker);
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'dead';
    worker.emit('exit', exitCode, signalCode);
    cluster.emit('exit', worker, exitCode, signalCode);
  });
  worker.process.once('disconnect', () => {
    if (worker.isDead())
      removeWorker(worker);
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'disconnected';
    worker.emit('disconnect');
    cluster.emit('disconnect', worker);
  });
  worker.process.on('internalMessage', (message) => primaryInternal(worker, message));
  process.nextTick(() => cluster.emit('fork', worker));
  cluster.workers[worker.id] = worker;
  forked.set(worker.id, worker);
  return worker;
}

function disconnectPrimary(callback) {
  const workers = Object.values(cluster.workers);
  if (workers.length === 0) {
    process.nextTick(() => intercom.emit('disconnect'));
  } else {
    for (const worker of workers) {
      if (worker.isConnected())
        worker.disconnect();
    }
  }
  if (typeof callback === 'function')
    intercom.once('disconnect', callback);
}

// What the runtime reports of the workers (JsCluster.cpp), in the primary.
function primaryEvent(kind, id, first, second) {
  if (kind === 'loadDone') {
    // The run's load is over: as a server's does, the cluster winds down.
    disconnectPrimary();
    return;
  }
  const worker = forked.get(id);
  if (worker === undefined)
    return;
  const child = worker.process;
  if (kind !== 'exit') {
    receive(child, kind, first);
    return;
  }
  child.exitCode = first;
  child.signalCode = second;
  forked.delete(id);
  child.emit('exit', first, second);
}

// Every worker forked whose 'exit' has not come yet (cluster.workers loses them at 'disconnect').
const forked = new Map();

if (cluster.isPrimary) {
  Worker.prototype.disconnect = function() {
    this.exitedAfterDisconnect = true;
    sendInternal(this, { act: 'disconnect' });
    removeWorker(this);
    return this;
  };
  Worker.prototype.destroy = function(signo) {
    this.process.kill(signo || 'SIGTERM');
  };
  cluster.setupPrimary = setupPrimary;
  cluster.setupMaster = setupPrimary;
  cluster.fork = fork;
  cluster.disconnect = disconnectPrimary;
}

// ---- a worker (internal/cluster/child.js)

// This worker's servers shared with its primary (one here: the primary hands connections to
// a worker's first HTTP server).
const servers = new Set();
const replies = new Map();
let seq = 0;

function sendToPrimary(message, callback) {
  return sendTextToPrimary(JSON.stringify(message), callback);
}

function sendTextToPrimary(text, callback) {
  sendOnline();
  return answerSend(natives.workerSend(text), callback);
}

function workerEvent(kind, id, text) {
  receive(process, kind, text);
}

function workerInternal(message) {
  if (message.act === 'reply') {
    const callback = replies.get(message.seq);
    replies.delete(message.seq);
    if (callback)
      callback(message);
  } else if (message.act === 'disconnect') {
    disconnectWorker.call(cluster.worker, true);
  }
}

// Closes this worker's servers, then its channel (Node's _disconnect).
function disconnectWorker(primaryInitiated) {
  this.exitedAfterDisconnect = true;
  let waiting = 1;
  const check = () => {
    if (--waiting > 0)
      return;
    if (primaryInitiated)
      process.disconnect();
    else
      sendToPrimary({ cmd: 'NODE_CLUSTER', act: 'exitedAfterDisconnect' }, () => process.disconnect());
  };
  for (const server of servers) {
    waiting++;
    server.close(check);
  }
  servers.clear();
  check();
}

let onlineSent = false;
function sendOnline() {
  if (onlineSent)
    return;
  onlineSent = true;
  natives.workerSend(JSON.stringify({ cmd: 'NODE_CLUSTER', act: 'online' }));
}

function setupWorker() {
  process.env.NODE_UNIQUE_ID = String(info.id);
  const worker = new Worker({ id: info.id, process, state: 'online' });
  cluster.worker = worker;
  openChannelEnd(process);
  process.send = (message, ...rest) => sendOn(process, message, rest, sendTextToPrimary);
  process.once('disconnect', () => {
    worker.emit('disconnect');
    if (!worker.exitedAfterDisconnect)
      process.exit(0);
  });
  process.on('internalMessage', workerInternal);
  delete process.env.NODE_UNIQUE_ID;
  // Node sends 'online' before the main script, but its primary handles it some
  // milliseconds later: after what a short main script logs (so Node prints a worker's
  // first lines before the primary's 'online', 20 runs in 20). Sent as the main script
  // ends, the message keeps that order here, where the lines travel the same way.
  // (and before anything the program sends itself).
  process.nextTick(sendOnline);
}

// A worker's server asks its primary for the port it shares (Node's _getServer).
function getServer(server, port, callback) {
  const id = ++seq;
  replies.set(id, (reply) => {
    if (reply.errno) {
      callback(reply.errno);
      return;
    }
    servers.add(server);
    server.once('close', () => servers.delete(server));
    callback(null, reply.port);
    sendToPrimary({ cmd: 'NODE_CLUSTER', act: 'listening', address: '127.0.0.1', port: reply.port });
  });
  sendToPrimary({ cmd: 'NODE_CLUSTER', act: 'queryServer', seq: id, port });
}

if (cluster.isWorker) {
  Worker.prototype.disconnect = function() {
    if (this.state !== 'disconnecting' && this.state !== 'destroying') {
      this.state = 'disconnecting';
      disconnectWorker.call(this, false);
    }
    return this;
  };
  Worker.prototype.destroy = function() {
    if (this.state === 'destroying')
      return;
    this.exitedAfterDisconnect = true;
    if (!this.isConnected()) {
      process.exit(0);
    } else {
      this.state = 'destroying';
      sendToPrimary({ cmd: 'NODE_CLUSTER', act: 'exitedAfterDisconnect' }, () => process.disconnect());
      process.once('disconnect', () => process.exit(0));
    }
  };
  setupWorker();
}

module.exports = cluster;

Object.defineProperty(module.exports, Symbol.for('loopscope.cluster.hooks'), {
  value: { clusterEvent: cluster.isWorker ? workerEvent : primaryEvent, getServer },
});
