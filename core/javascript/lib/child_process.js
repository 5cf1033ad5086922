// child_process as Node 20 has it on Linux, on real processes (JsChildProcessNatives.cpp,
// ChildProcesses.cpp): spawn starts one through uv_spawn, its 'pipe' descriptors are
// net.Sockets on pipes, its exit is a poll-phase callback; exec and execFile gather its
// output; the Sync forms run it to its end on a loop of their own. fork() starts this
// program's engine on another file, with the IPC channel of a cluster worker
// (ClusterForks.cpp); messages cross as JSON, Node's default serialization.
//
// A child's 'inherit'-ed stdout and stderr come through a pipe and go out through
// process.stdout and process.stderr, where the program's own lines go: they keep their
// place among the console lines (the run's output is its trace, not descriptor 1).
'use strict';

const EventEmitter = require('events');
const natives = require('internal:binding');
const { openChannelEnd, sendOn, answerSend, isInternal } = require('internal/channel_end');
const net = require('net');
const path = require('path');
const { Buffer } = require('buffer');
const util = require('util');
const { constants: { signals } } = require('os');
const { makeNodeError, invalidArgTypeError } = util[Symbol.for('loopscope.util.internals')];
const { genericNodeError, invalidArgValueError } = require('internal/errors');
const { TCP } = net[Symbol.for('loopscope.net.internals')];

const UV_EACCES = -13;
const UV_EAGAIN = -11;
const UV_EMFILE = -24;
const UV_ENFILE = -23;
const UV_ENOENT = -2;
const UV_ESRCH = -3;
const UV_EINVAL = -22;
const UV_ENOSYS = -38;
const MAX_BUFFER = 1024 * 1024;

const kStdioIgnore = 0;
const kStdioPipe = 1;
const kStdioInherit = 2;

const signalNames = new Map(Object.entries(signals).map(([name, number]) => [number, name]));

// ---- errors

function errnoException(status, syscall) {
  const [code] = natives.uvError(status);
  const error = new Error(`${syscall} ${code}`);
  error.errno = status;
  error.code = code;
  error.syscall = syscall;
  return error;
}

function unknownSignal(signal) {
  return makeNodeError(TypeError, 'ERR_UNKNOWN_SIGNAL', `Unknown signal: ${signal}`);
}

// A signal as kill() and killSignal take it: its number, from a name or a number.
function signalNumber(signal) {
  if (typeof signal === 'number') {
    if (!signalNames.has(signal) && signal !== 0)
      throw unknownSignal(signal);
    return signal;
  }
  if (typeof signal === 'string') {
    const number = signals[signal.toUpperCase()];
    if (number === undefined)
      throw unknownSignal(signal);
    return number;
  }
  throw invalidArgTypeError('signal', ['string', 'number'], signal);
}

function validateString(value, name) {
  if (typeof value !== 'string')
    throw invalidArgTypeError(name, 'string', value);
}

function validateFunction(value, name) {
  if (typeof value !== 'function')
    throw invalidArgTypeError(name, 'Function', value);
}

function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw invalidArgTypeError(name, 'object', value);
}

function validateTimeout(timeout) {
  if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) {
    throw makeNodeError(RangeError, 'ERR_OUT_OF_RANGE',
      `The value of "timeout" is out of range. It must be an unsigned integer. Received ${util.inspect(timeout)}`);
  }
}

function validateMaxBuffer(maxBuffer) {
  if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
    throw makeNodeError(RangeError, 'ERR_OUT_OF_RANGE',
      `The value of "options.maxBuffer" is out of range. It must be a positive number. Received ${util.inspect(maxBuffer)}`);
  }
}

// ---- arguments (Node's normalizeSpawnArguments)

function environmentPairs(env) {
  const pairs = [];
  for (const key of Object.keys(env)) {
    const value = env[key];
    if (value !== undefined)
      pairs.push(`${key}=${value}`);
  }
  return pairs;
}

function normalizeSpawnArguments(file, args, options) {
  validateString(file, 'file');
  if (file.length === 0)
    throw invalidArgValueError('file', file, 'cannot be empty');
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args == null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw invalidArgTypeError('args', 'object', args);
  } else {
    options = args;
    args = [];
  }
  if (options === undefined)
    options = {};
  else
    validateObject(options, 'options');
  if (options.cwd != null && typeof options.cwd !== 'string' && !(options.cwd instanceof URL))
    throw invalidArgTypeError('options.cwd', ['string', 'Buffer', 'URL'], options.cwd);
  const cwd = options.cwd instanceof URL ? require('url').fileURLToPath(options.cwd) : options.cwd;
  if (options.shell != null && typeof options.shell !== 'boolean' && typeof options.shell !== 'string')
    throw invalidArgTypeError('options.shell', ['boolean', 'string'], options.shell);
  if (options.argv0 != null)
    validateString(options.argv0, 'options.argv0');
  if (options.shell) {
    const command = [file, ...args].join(' ');
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
  }
  if (typeof options.argv0 === 'string')
    args.unshift(options.argv0);
  else
    args.unshift(file);
  const env = options.env || process.env;
  return { ...options, args, cwd, detached: Boolean(options.detached), envPairs: environmentPairs(env), file };
}

// Node's getValidStdio, for the kinds loopscope starts: one entry per descriptor,
// { type: 'pipe' | 'ignore' | 'inherit' | 'fd' | 'ipc', fd }.
function normalizeStdio(stdio, sync) {
  if (typeof stdio === 'string') {
    switch (stdio) {
      case 'ignore':
      case 'pipe':
      case 'inherit':
      case 'overlapped':
        stdio = [stdio, stdio, stdio];
        break;
      default:
        throw invalidArgValueError('stdio', stdio);
    }
  } else if (!Array.isArray(stdio)) {
    throw invalidArgValueError('stdio', stdio);
  }
  stdio = stdio.slice();
  while (stdio.length < 3)
    stdio.push(undefined);
  return stdio.map((entry, i) => {
    if (entry == null)
      return { type: i < 3 ? 'pipe' : 'ignore' };
    if (entry === 'ignore')
      return { type: 'ignore' };
    if (entry === 'pipe' || entry === 'overlapped')
      return { type: 'pipe' };
    if (entry === 'inherit')
      return { type: 'fd', fd: i };
    if (entry === 'ipc') {
      if (sync)
        throw makeNodeError(Error, 'ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks');
      return { type: 'ipc' };
    }
    if (typeof entry === 'number')
      return { type: 'fd', fd: entry };
    if (typeof entry === 'object' && typeof entry.fd === 'number')
      return { type: 'fd', fd: entry.fd };
    throw invalidArgValueError('stdio', entry);
  });
}

// This process's stdout and stderr go out as the program's own output (see the top).
function forwardedStream(fd) {
  return fd === 1 ? process.stdout : fd === 2 ? process.stderr : null;
}

// The natives' [kind, value, ...] for `stdio`, opening a pipe for each 'pipe' and each
// forwarded descriptor when `pipes` is given.
function nativeStdio(stdio, pipes) {
  const list = [];
  stdio.forEach((entry, i) => {
    if (entry.type === 'pipe' || (entry.type === 'fd' && forwardedStream(entry.fd))) {
      const handle = pipes ? natives.pipeOpen(i) : 0;
      if (pipes)
        pipes[i] = handle;
      list.push(kStdioPipe, handle);
    } else if (entry.type === 'fd') {
      list.push(kStdioInherit, entry.fd);
    } else {
      list.push(kStdioIgnore, 0);
    }
  });
  return list;
}

// ---- ChildProcess

function maybeClose(subprocess) {
  subprocess._closesGot++;
  if (subprocess._closesGot === subprocess._closesNeeded)
    subprocess.emit('close', subprocess.exitCode, subprocess.signalCode);
}

// What nobody reads is read through, so that its end comes and 'close' with it.
function flushStdio(subprocess) {
  const stdio = subprocess.stdio;
  if (stdio == null)
    return;
  for (const stream of stdio) {
    if (!stream || !stream.readable || stream._readableState.readableListening)
      continue;
    stream.resume();
  }
}

class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this._closesNeeded = 1;
    this._closesGot = 0;
    this.connected = false;
    this.signalCode = null;
    this.exitCode = null;
    this.killed = false;
    this.spawnfile = null;
    this._handle = null;
    this._forwarding = 0;  // forwarded descriptors not yet at their end
    this._exitPending = null;
  }

  spawn(options) {
    validateObject(options, 'options');
    const stdio = normalizeStdio(options.stdio || 'pipe', false);
    this.spawnfile = options.file;
    this.spawnargs = options.args;
    const pipes = [];
    const [status, pid] = natives.childSpawn(options.file, options.args, options.envPairs,
      typeof options.cwd === 'string' ? options.cwd : undefined, nativeStdio(stdio, pipes), options.detached,
      (exitStatus, signal) => this._onExit(exitStatus, signal));
    const started = status > 0;
    if (!started) {
      // Never connected: the streams are handleless sockets, ended with the error.
      for (const handle of pipes)
        if (handle)
          new TCP(handle).close();
    }
    if (status === UV_EACCES || status === UV_EAGAIN || status === UV_EMFILE || status === UV_ENFILE ||
        status === UV_ENOENT) {
      process.nextTick(() => this._onExit(status, 0));
    } else if (status < 0) {
      throw errnoException(status, 'spawn');
    } else {
      this._handle = { id: status };
      this.pid = pid;
      process.nextTick(() => this.emit('spawn'));
    }
    this.stdio = [];
    stdio.forEach((entry, i) => {
      const handle = pipes[i];
      if (!handle) {
        this.stdio.push(null);
        return;
      }
      const socket = started ? new net.Socket({ handle: new TCP(handle), readable: i > 0 }) :
        new net.Socket({ readable: i > 0 });
      if (entry.type === 'fd') {
        // Its bytes go out as the program's, before 'exit' as a real inheritance would.
        const out = forwardedStream(entry.fd);
        this._forwarding++;
        socket.on('data', (chunk) => out.write(chunk));
        socket.on('close', () => {
          if (--this._forwarding === 0 && this._exitPending)
            this._exitPending();
        });
        this.stdio.push(null);
        return;
      }
      if (i > 0) {
        this._closesNeeded++;
        socket.on('close', () => maybeClose(this));
      }
      this.stdio.push(socket);
    });
    this.stdin = this.stdio[0];
    this.stdout = this.stdio[1];
    this.stderr = this.stdio[2];
    return status < 0 ? status : 0;
  }

  _onExit(status, signal) {
    if (this._forwarding > 0 && status >= 0) {
      this._exitPending = () => this._onExit(status, signal);
      return;
    }
    this._exitPending = null;
    if (signal)
      this.signalCode = signalNames.get(signal) ?? signal;
    else
      this.exitCode = status;
    if (this.stdin)
      this.stdin.destroy();
    this._handle = null;
    if (status < 0) {
      for (const stream of this.stdio)
        stream?.destroy();
      const error = errnoException(status, this.spawnfile ? 'spawn ' + this.spawnfile : 'spawn');
      if (this.spawnfile)
        error.path = this.spawnfile;
      error.spawnargs = this.spawnargs.slice(1);
      this.emit('error', error);
    } else {
      this.emit('exit', this.exitCode, this.signalCode);
    }
    process.nextTick(flushStdio, this);
    maybeClose(this);
  }

  kill(sig) {
    const signal = sig === 0 ? sig : signalNumber(sig === undefined ? 'SIGTERM' : sig);
    if (this._handle) {
      const status = this._kill(signal);
      if (status === 0) {
        this.killed = true;
        return true;
      }
      if (status === UV_EINVAL || status === UV_ENOSYS)
        throw errnoException(status, 'kill');
      if (status !== UV_ESRCH)
        this.emit('error', errnoException(status, 'kill'));
    }
    return false;
  }

  _kill(signal) {
    return natives.childKill(this._handle.id, signal);
  }

  ref() {
    if (this._handle)
      natives.childRef(this._handle.id, true);
  }

  unref() {
    if (this._handle)
      natives.childRef(this._handle.id, false);
  }
}

function spawn(file, args, options) {
  options = normalizeSpawnArguments(file, args, options);
  const child = new ChildProcess();
  child.spawn(options);
  if (options.timeout > 0) {
    let timeoutId = setTimeout(() => {
      if (timeoutId) {
        try {
          child.kill(options.killSignal);
        } catch (error) {
          child.emit('error', error);
        }
        timeoutId = null;
      }
    }, options.timeout);
    child.once('exit', () => {
      if (timeoutId) {
        clearTimeout(timeoutId);
        timeoutId = null;
      }
    });
  }
  return child;
}

// ---- exec, execFile

function normalizeExecArgs(command, options, callback) {
  validateString(command, 'command');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  options = { ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  return { file: command, options, callback };
}

function exec(command, options, callback) {
  const normalized = normalizeExecArgs(command, options, callback);
  return execFile(normalized.file, normalized.options, normalized.callback);
}

function maxBufferError(name) {
  return makeNodeError(RangeError, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER', `${name} maxBuffer length exceeded`);
}

function execFile(file, args, options, callback) {
  if (args != null && typeof args === 'object' && !Array.isArray(args)) {
    callback = options;
    options = args;
    args = null;
  } else if (typeof args === 'function') {
    callback = args;
    options = null;
    args = null;
  }
  if (typeof options === 'function') {
    callback = options;
    options = null;
  } else if (options != null) {
    validateObject(options, 'options');
  }
  if (callback != null)
    validateFunction(callback, 'callback');
  options = { encoding: 'utf8', timeout: 0, maxBuffer: MAX_BUFFER, killSignal: 'SIGTERM', cwd: null, env: null,
    shell: false, ...options };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  signalNumber(options.killSignal);

  const child = spawn(file, args, { cwd: options.cwd, env: options.env, shell: options.shell, argv0: options.argv0 });
  const encoding = options.encoding !== 'buffer' && Buffer.isEncoding(options.encoding) ? options.encoding : null;
  const stdoutChunks = [];
  const stderrChunks = [];
  let stdoutLength = 0;
  let stderrLength = 0;
  let killed = false;
  let exited = false;
  let timeoutId;
  let failure = null;
  let cmd = file;

  function exithandler(code, signal) {
    if (exited)
      return;
    exited = true;
    if (timeoutId) {
      clearTimeout(timeoutId);
      timeoutId = null;
    }
    if (!callback)
      return;
    const joined = (chunks, stream) =>
      (encoding || (stream && stream.readableEncoding) ? chunks.join('') : Buffer.concat(chunks));
    const stdout = joined(stdoutChunks, child.stdout);
    const stderr = joined(stderrChunks, child.stderr);
    if (!failure && code === 0 && signal === null) {
      callback(null, stdout, stderr);
      return;
    }
    if (args?.length)
      cmd += ` ${args.join(' ')}`;
    if (!failure) {
      failure = genericNodeError(`Command failed: ${cmd}\n${stderr}`, {
        code: code < 0 ? natives.uvError(code)[0] : code,
        killed: child.killed || killed,
        signal,
      });
    }
    failure.cmd = cmd;
    callback(failure, stdout, stderr);
  }

  function errorhandler(error) {
    failure = error;
    if (child.stdout)
      child.stdout.destroy();
    if (child.stderr)
      child.stderr.destroy();
    exithandler();
  }

  function kill() {
    if (child.stdout)
      child.stdout.destroy();
    if (child.stderr)
      child.stderr.destroy();
    killed = true;
    try {
      child.kill(options.killSignal);
    } catch (error) {
      failure = error;
      exithandler();
    }
  }

  if (options.timeout > 0) {
    timeoutId = setTimeout(function delayedKill() {
      kill();
      timeoutId = null;
    }, options.timeout);
  }

  const gather = (stream, chunks, name, lengthOf, setLength) => {
    if (!stream)
      return;
    if (encoding)
      stream.setEncoding(encoding);
    stream.on('data', (chunk) => {
      const streamEncoding = stream.readableEncoding;
      const length = streamEncoding ? Buffer.byteLength(chunk, streamEncoding) : chunk.length;
      const total = lengthOf() + length;
      setLength(total);
      if (total > options.maxBuffer) {
        const kept = options.maxBuffer - (total - length);
        chunks.push(chunk.slice(0, kept));
        failure = maxBufferError(name);
        kill();
      } else {
        chunks.push(chunk);
      }
    });
  };
  gather(child.stdout, stdoutChunks, 'stdout', () => stdoutLength, (n) => { stdoutLength = n; });
  gather(child.stderr, stderrChunks, 'stderr', () => stderrLength, (n) => { stderrLength = n; });

  child.addListener('close', exithandler);
  child.addListener('error', errorhandler);
  return child;
}

// util.promisify(exec) and util.promisify(execFile): { stdout, stderr }, or the error
// with them; the promise's `child` is the process.
function customPromiseExecFunction(original) {
  return (...args) => {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.child = original(...args, (error, stdout, stderr) => {
      if (error !== null) {
        error.stdout = stdout;
        error.stderr = stderr;
        reject(error);
      } else {
        resolve({ stdout, stderr });
      }
    });
    return promise;
  };
}

Object.defineProperty(exec, util.promisify.custom, { enumerable: false, value: customPromiseExecFunction(exec) });
Object.defineProperty(execFile, util.promisify.custom, { enumerable: false, value: customPromiseExecFunction(execFile) });

// ---- the synchronous forms

function inputBytes(input) {
  if (input == null)
    return undefined;
  if (typeof input === 'string')
    return Buffer.from(input, 'utf8');
  if (ArrayBuffer.isView(input))
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw invalidArgTypeError('options.stdio[0]', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
}

function spawnSync(file, args, options) {
  options = { maxBuffer: MAX_BUFFER, ...normalizeSpawnArguments(file, args, options) };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  const killSignal = options.killSignal === undefined ? signals.SIGTERM : signalNumber(options.killSignal);
  const stdio = normalizeStdio(options.stdio || 'pipe', true);
  const [status, pid, exitStatus, signal, output] = natives.childSpawnSync(options.file, options.args,
    options.envPairs, typeof options.cwd === 'string' ? options.cwd : undefined, nativeStdio(stdio, null),
    options.detached, inputBytes(options.input), options.timeout, options.maxBuffer, killSignal);

  const result = {};
  if (status < 0) {
    const error = errnoException(status, 'spawnSync ' + options.file);
    error.path = options.file;
    error.spawnargs = options.args.slice(1);
    result.error = error;
  }
  const started = !(status < 0 && pid === 0);
  result.status = exitStatus;
  result.signal = signal ? signalNames.get(signal) ?? signal : null;
  result.output = started ? output.map((bytes, i) => {
    if (bytes === null)
      return null;
    const forwarded = stdio[i].type === 'fd' && forwardedStream(stdio[i].fd);
    if (forwarded) {
      if (bytes.length > 0)
        forwarded.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
      return null;
    }
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    return options.encoding && options.encoding !== 'buffer' ? buffer.toString(options.encoding) : buffer;
  }) : null;
  result.pid = pid;
  result.stdout = result.output && result.output[1];
  result.stderr = result.output && result.output[2];
  return result;
}

function checkExecSyncError(ret, args, cmd) {
  let error;
  if (ret.error) {
    error = ret.error;
    Object.assign(error, ret);
  } else if (ret.status !== 0) {
    let message = 'Command failed: ';
    message += cmd || args.join(' ');
    if (ret.stderr && ret.stderr.length > 0)
      message += `\n${ret.stderr.toString()}`;
    error = genericNodeError(message, ret);
  }
  return error;
}

function execSync(command, options) {
  const normalized = normalizeExecArgs(command, options, null);
  const inheritStderr = !normalized.options.stdio;
  const ret = spawnSync(normalized.file, normalized.options);
  if (inheritStderr && ret.stderr)
    process.stderr.write(ret.stderr);
  const error = checkExecSyncError(ret, undefined, command);
  if (error)
    throw error;
  return ret.stdout;
}

function execFileSync(file, args, options) {
  if (args != null && typeof args === 'object' && !Array.isArray(args)) {
    options = args;
    args = [];
  }
  args = args == null ? [] : args;
  options = { ...options };
  const inheritStderr = !options.stdio;
  const ret = spawnSync(file, args, options);
  if (inheritStderr && ret.stderr)
    process.stderr.write(ret.stderr);
  const error = checkExecSyncError(ret, [options.argv0 || file, ...args]);
  if (error)
    throw error;
  return ret.stdout;
}

// ---- fork

// The parent's end of a fork()ed child's channel; what arrives comes through hooks.clusterEvent.
const forked = new Map();

class ForkedChild extends ChildProcess {
  constructor(id, pid) {
    super();
    this._handle = { id };
    this.pid = pid;
    this.connected = true;
    this._closesNeeded = 2;  // its exit and the end of its channel
    this._parentDisconnected = false;
    this.channel = { ref() {}, unref() {} };
  }

  send(message, ...rest) {
    return sendOn(this, message, rest, (text, callback) => {
      natives.clusterSend(this._handle.id, text);
      return answerSend(true, callback);
    });
  }

  disconnect() {
    if (!this.connected) {
      this.emit('error', makeNodeError(Error, 'ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected'));
      return;
    }
    this.connected = false;
    this._parentDisconnected = true;
    this.channel = null;
    natives.clusterDisconnect(this._handle.id);
    process.nextTick(() => this.emit('disconnect'));
  }

  _kill(signal) {
    return natives.clusterKill(this._handle.id, signal);
  }

  // The channel keeps the loop alive while the child runs, as Node's does.
  ref() {}
  unref() {}
}

function fork(modulePath, args, options) {
  if (typeof modulePath !== 'string' && !(modulePath instanceof URL))
    throw invalidArgTypeError('modulePath', ['string', 'Buffer', 'URL'], modulePath);
  const file = modulePath instanceof URL ? require('url').fileURLToPath(modulePath) : modulePath;
  if (args == null) {
    args = [];
  } else if (typeof args === 'object' && !Array.isArray(args)) {
    options = args;
    args = [];
  } else if (!Array.isArray(args)) {
    throw invalidArgValueError('args', args);
  }
  options = { ...options };
  const cwd = typeof options.cwd === 'string' ? options.cwd : undefined;
  const [id, pid] = natives.childFork(path.resolve(cwd ?? process.cwd(), file), args.map(String),
    options.env ? environmentPairs(options.env) : undefined, cwd);
  const child = new ForkedChild(id, pid);
  child.spawnfile = process.execPath;
  child.spawnargs = [process.execPath, file, ...args];
  child.stdin = child.stdout = child.stderr = null;
  child.stdio = [null, null, null, null];
  forked.set(id, child);
  process.nextTick(() => child.emit('spawn'));
  return child;
}

function parentEvent(kind, id, first, second) {
  const child = forked.get(id);
  if (child === undefined)
    return;
  if (kind === 'message') {
    const message = JSON.parse(first);
    process.nextTick(() => child.emit(isInternal(message) ? 'internalMessage' : 'message', message, undefined));
  } else if (kind === 'disconnect') {
    if (child._parentDisconnected)
      return;
    child.connected = false;
    child.channel = null;
    child.emit('disconnect');
    maybeClose(child);
  } else if (kind === 'exit') {
    forked.delete(id);
    child._handle = null;
    child.exitCode = first;
    child.signalCode = second;
    child.emit('exit', first, second);
    maybeClose(child);
  }
}

// ---- a fork()ed child's process.send and the rest of its channel

function setupForkedChild() {
  openChannelEnd(process);
  process.send = (message, ...rest) => sendOn(process, message, rest,
    (text, callback) => answerSend(natives.workerSend(text), callback));
}

function childEvent(kind, id, text) {
  if (kind === 'message') {
    const message = JSON.parse(text);
    process.nextTick(() => process.emit(isInternal(message) ? 'internalMessage' : 'message', message, undefined));
  } else if (kind === 'disconnect') {
    if (!process.connected)
      return;
    process.connected = false;
    process.channel = undefined;
    process.emit('disconnect');
  }
}

if (natives.clusterInfo.isForkedChild)
  setupForkedChild();

module.exports = {
  ChildProcess,
  exec,
  execFile,
  execFileSync,
  execSync,
  fork,
  spawn,
  spawnSync,
  // Node's own start of a forked child on an inherited descriptor; loopscope's forked
  // children get their channel from the engine (engine-child --forked-child).
  _forkChild() {
    throw new Error('loopscope starts a forked child\'s channel itself');
  },
};

Object.defineProperty(module.exports, Symbol.for('loopscope.child_process.hooks'), {
  value: {
    owns: (id) => forked.has(id),
    clusterEvent: natives.clusterInfo.isForkedChild ? childEvent : parentEvent,
  },
});
