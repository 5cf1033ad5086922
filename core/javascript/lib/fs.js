// Node's fs over NodeOperations: every asynchronous call is one pool job per libuv
// request Node makes (readFile: open, fstat, one read per 512 KiB, close - as lib/fs.js's
// ReadFileContext), its callback run in the poll phase; the *Sync twins run the same
// operations on the loop thread; fs.promises wraps the callbacks.
'use strict';

const natives = require('internal:binding');
const { Buffer } = require('buffer');
const pathModule = require('path');
const { atNodeApi, rejectAsNodeApi } = require('internal/node_api_frames');

const kReadFileBufferLength = 512 * 1024;
const kReadFileUnknownBufferLength = 64 * 1024;

const O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0o100, O_EXCL = 0o200, O_TRUNC = 0o1000, O_APPEND = 0o2000;
const O_SYNC = 0o4010000;
// Node's fs.constants on Linux, in Node's order.
const constants = {
  UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2, O_RDONLY, O_WRONLY, O_RDWR,
  UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3, UV_DIRENT_FIFO: 4,
  UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7,
  EXTENSIONLESS_FORMAT_JAVASCRIPT: 0, EXTENSIONLESS_FORMAT_WASM: 1,
  S_IFMT: 0o170000, S_IFREG: 0o100000, S_IFDIR: 0o40000, S_IFCHR: 0o20000, S_IFBLK: 0o60000,
  S_IFIFO: 0o10000, S_IFLNK: 0o120000, S_IFSOCK: 0o140000,
  O_CREAT, O_EXCL, UV_FS_O_FILEMAP: 0, O_NOCTTY: 0o400, O_TRUNC, O_APPEND, O_DIRECTORY: 0o200000,
  O_NOATIME: 0o1000000, O_NOFOLLOW: 0o400000, O_SYNC, O_DSYNC: 0o10000, O_DIRECT: 0o40000, O_NONBLOCK: 0o4000,
  S_IRWXU: 0o700, S_IRUSR: 0o400, S_IWUSR: 0o200, S_IXUSR: 0o100, S_IRWXG: 0o70, S_IRGRP: 0o40, S_IWGRP: 0o20,
  S_IXGRP: 0o10, S_IRWXO: 0o7, S_IROTH: 0o4, S_IWOTH: 0o2, S_IXOTH: 0o1,
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1, UV_FS_COPYFILE_FICLONE: 2, COPYFILE_FICLONE: 2,
  UV_FS_COPYFILE_FICLONE_FORCE: 4, COPYFILE_FICLONE_FORCE: 4,
};

const flagNumbers = {
  'r': O_RDONLY, 'rs': O_RDONLY | O_SYNC, 'sr': O_RDONLY | O_SYNC, 'r+': O_RDWR, 'rs+': O_RDWR | O_SYNC,
  'sr+': O_RDWR | O_SYNC, 'w': O_TRUNC | O_CREAT | O_WRONLY, 'wx': O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'xw': O_TRUNC | O_CREAT | O_WRONLY | O_EXCL, 'w+': O_TRUNC | O_CREAT | O_RDWR,
  'wx+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL, 'xw+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  'a': O_APPEND | O_CREAT | O_WRONLY, 'ax': O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  'xa': O_APPEND | O_CREAT | O_WRONLY | O_EXCL, 'as': O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'sa': O_APPEND | O_CREAT | O_WRONLY | O_SYNC, 'a+': O_APPEND | O_CREAT | O_RDWR,
  'ax+': O_APPEND | O_CREAT | O_RDWR | O_EXCL, 'xa+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'as+': O_APPEND | O_CREAT | O_RDWR | O_SYNC, 'sa+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
};

function invalidArgType(name, expected, actual) {
  const { invalidArgTypeError } = require('util')[Symbol.for('loopscope.util.internals')];
  return invalidArgTypeError(name, expected, actual);
}

function flagsOf(flags, fallback) {
  if (flags === undefined || flags === null)
    return fallback;
  if (typeof flags === 'number')
    return flags;
  const number = flagNumbers[flags];
  if (number === undefined) {
    const error = new TypeError(`The value "${flags}" is invalid for option "flags"`);
    error.code = 'ERR_INVALID_ARG_VALUE';
    throw error;
  }
  return number;
}

function pathOf(path, name = 'path') {
  if (typeof URL === 'function' && path instanceof URL)
    return decodeURIComponent(path.pathname);
  if (Buffer.isBuffer(path))
    return path.toString();
  if (typeof path !== 'string')
    throw invalidArgType(name, ['string', 'Buffer', 'URL'], path);
  return path;
}

function optionsOf(options, defaults) {
  if (options === undefined || options === null || typeof options === 'function')
    return defaults;
  if (typeof options === 'string')
    return { ...defaults, encoding: options };
  return { ...defaults, ...options };
}

function callbackOf(callback) {
  if (typeof callback !== 'function')
    throw invalidArgType('cb', 'Function', callback);
  return callback;
}

function toBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function encoded(buffer, encoding) {
  return encoding && encoding !== 'buffer' ? buffer.toString(encoding) : buffer;
}

function dataBytes(data, encoding) {
  if (typeof data === 'string')
    return Buffer.from(data, encoding || 'utf8');
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

// One pool job: `name` with `args`; done(error, value) in the poll phase.
function request(name, args, label, done) {
  natives.operation(name, args, label, done);
}

// ---- Stats and Dirent

class Stats {
  constructor(fields) {
    Object.assign(this, fields);
    this.atime = new Date(fields.atimeMs);
    this.mtime = new Date(fields.mtimeMs);
    this.ctime = new Date(fields.ctimeMs);
    this.birthtime = new Date(fields.birthtimeMs);
  }
  isFile() { return (this.mode & constants.S_IFMT) === constants.S_IFREG; }
  isDirectory() { return (this.mode & constants.S_IFMT) === constants.S_IFDIR; }
  isSymbolicLink() { return (this.mode & constants.S_IFMT) === constants.S_IFLNK; }
  isFIFO() { return (this.mode & constants.S_IFMT) === constants.S_IFIFO; }
  isSocket() { return (this.mode & constants.S_IFMT) === constants.S_IFSOCK; }
  isCharacterDevice() { return (this.mode & constants.S_IFMT) === constants.S_IFCHR; }
  isBlockDevice() { return (this.mode & constants.S_IFMT) === constants.S_IFBLK; }
}

// libuv's UV_DIRENT_* types
const kDirentFile = 1, kDirentDir = 2, kDirentLink = 3, kDirentFifo = 4, kDirentSocket = 5, kDirentChar = 6,
  kDirentBlock = 7;

// Node 20's Dirent: name, parentPath and path (the folder, twice), and its type under a
// symbol of its own, shown as [Symbol(type)].
const kType = Symbol('type');

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }
  isFile() { return this[kType] === kDirentFile; }
  isDirectory() { return this[kType] === kDirentDir; }
  isSymbolicLink() { return this[kType] === kDirentLink; }
  isFIFO() { return this[kType] === kDirentFifo; }
  isSocket() { return this[kType] === kDirentSocket; }
  isCharacterDevice() { return this[kType] === kDirentChar; }
  isBlockDevice() { return this[kType] === kDirentBlock; }
}

function direntList(entries, options, directory) {
  if (options && options.withFileTypes)
    return entries.map(([name, type]) => new Dirent(name, type, directory));
  return entries.map(([name]) => name);
}

// ---- readFile, as Node's ReadFileContext: open, fstat, read..., close

function readFile(path, options, callback) {
  callback = callbackOf(typeof options === 'function' ? options : callback);
  options = optionsOf(options, { flag: 'r' });
  const file = pathOf(path);
  const label = `fs.readFile ${pathModule.basename(file)}`;
  const chunks = [];
  let size = 0;
  let fd;
  let read = 0;
  let failure = null;

  const close = (error) => {
    failure = error;
    request('close', [fd], `${label} (close)`, (closeError) => {
      if (failure || closeError)
        return callback(failure || closeError);
      const buffer = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      let result;
      try {
        result = encoded(buffer, options.encoding);
      } catch (error) {
        return callback(error);
      }
      callback(null, result);  // as Node: FSReqCallback.readFileAfterClose [as oncomplete] (node:internal/fs/read/context:68:3)
    });
  };
  const readNext = () => {
    const length = size === 0 ? kReadFileUnknownBufferLength : Math.min(size - read, kReadFileBufferLength);
    request('read', [fd, length, -1], `${label} (read)`, (error, bytes) => {
      if (error)
        return close(error);
      if (bytes.length > 0) {
        chunks.push(toBuffer(bytes));
        read += bytes.length;
      }
      if (bytes.length === 0 || (size !== 0 && read >= size))
        return close(null);
      readNext();
    });
  };
  request('open', [file, flagsOf(options.flag, O_RDONLY), 0o666], `${label} (open)`, (error, opened) => {
    if (error)
      return callback(error);  // as Node: FSReqCallback.readFileAfterOpen [as oncomplete] (node:fs:299:13), calling ReadFileContext.callback
    fd = opened;
    request('fstat', [fd], `${label} (fstat)`, (statError, stats) => {
      if (statError)
        return close(statError);
      size = isRegularFile(stats) ? stats.size : 0;
      if (size > 2 ** 31 - 1) {
        const error = new RangeError(`File size (${size}) is greater than 2 GiB`);
        error.code = 'ERR_FS_FILE_TOO_LARGE';
        return close(error);
      }
      readNext();
    });
  });
}

function readFileSync(path, options) {
  options = optionsOf(options, { flag: 'r' });
  const fd = typeof path === 'number' ? path : natives.operationSync('open', [pathOf(path), flagsOf(options.flag, O_RDONLY), 0o666]);
  const chunks = [];
  try {
    const stats = natives.operationSync('fstat', [fd]);
    const size = isRegularFile(stats) ? stats.size : 0;
    let read = 0;
    for (;;) {
      const length = size === 0 ? kReadFileUnknownBufferLength : Math.min(size - read, kReadFileBufferLength);
      if (size !== 0 && length === 0)
        break;
      const bytes = natives.operationSync('read', [fd, length, -1]);
      if (bytes.length === 0)
        break;
      chunks.push(toBuffer(bytes));
      read += bytes.length;
    }
  } finally {
    if (typeof path !== 'number')
      natives.operationSync('close', [fd]);
  }
  return encoded(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks), options.encoding);
}

// ---- writeFile / appendFile: open, write until all is written, close

function writeAll(fd, bytes, label, callback) {
  const writeFrom = (offset) => {
    if (offset >= bytes.length)
      return callback(null);
    request('write', [fd, bytes.subarray(offset), -1], `${label} (write)`, (error, wrote) => {
      if (error)
        return callback(error);
      writeFrom(offset + wrote);
    });
  };
  writeFrom(0);
}

function writeFileWithFlag(defaultFlag, path, data, options, callback) {
  callback = callbackOf(typeof options === 'function' ? options : callback);
  options = optionsOf(options, { encoding: 'utf8', mode: 0o666, flag: defaultFlag });
  const bytes = dataBytes(data, options.encoding);
  const file = pathOf(path);
  const label = `fs.${defaultFlag === 'a' ? 'appendFile' : 'writeFile'} ${pathModule.basename(file)}`;
  request('open', [file, flagsOf(options.flag, O_WRONLY), options.mode], `${label} (open)`, (error, fd) => {
    if (error)
      return callback(error);  // as Node: node:fs:2339:7
    writeAll(fd, bytes, label, (writeError) => {
      request('close', [fd], `${label} (close)`, (closeError) => callback(writeError || closeError || null));  // as Node: FSReqCallback.oncomplete (node:fs:187:23)
    });
  });
}

function writeFileSyncWithFlag(defaultFlag, path, data, options) {
  options = optionsOf(options, { encoding: 'utf8', mode: 0o666, flag: defaultFlag });
  const bytes = dataBytes(data, options.encoding);
  const fd = typeof path === 'number' ? path : natives.operationSync('open', [pathOf(path), flagsOf(options.flag, O_WRONLY), options.mode]);
  try {
    let offset = 0;
    while (offset < bytes.length)
      offset += natives.operationSync('write', [fd, bytes.subarray(offset), -1]);
  } finally {
    if (typeof path !== 'number')
      natives.operationSync('close', [fd]);
  }
}

// ---- the one-request calls

function oneRequest(name, makeArgs, convert = (value) => value) {
  const apiName = name;
  return function (...all) {
    // A call that stops before the callback's place has none (Node reports it undefined).
    const callback = callbackOf(typeof all[all.length - 1] === 'function' || all.length > makeArgs.length ? all.pop() : undefined);
    const args = makeArgs(...all);
    const target = typeof args[0] === 'string' ? ` ${pathModule.basename(args[0])}` : '';
    // Where Node calls the callback (its makeCallback, or makeStatsCallback for stats).
    request(apiName, args, `fs.${apiName}${target}`, convert === toStats ? (error, value) => {
      if (error)
        return callback(error);  // as Node: FSReqCallback.oncomplete (node:fs:197:21)
      callback(null, convert(value, all));  // as Node: FSReqCallback.oncomplete (node:fs:198:5)
    } : (error, value) => {
      if (error)
        return callback(error);  // as Node: FSReqCallback.oncomplete (node:fs:187:23)
      callback(null, convert(value, all));  // as Node: FSReqCallback.oncomplete (node:fs:187:23)
    });
  };
}

function syncRequest(name, makeArgs, convert = (value) => value) {
  return (...all) => convert(natives.operationSync(name, makeArgs(...all)), all);
}

const statArgs = (path) => [pathOf(path)];
const toStats = (fields) => new Stats(fields);
const readdirArgs = (path) => [pathOf(path)];
const toNames = (entries, [path, options]) => direntList(entries, typeof options === 'object' ? options : undefined, pathOf(path));
const mkdirArgs = (path, options) => [pathOf(path), typeof options === 'number' ? options : (options && options.mode) || 0o777];

function mkdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callbackOf(callback);
  if (options && options.recursive) {
    try {
      callback(null, mkdirRecursiveSync(pathOf(path), options.mode));
    } catch (error) {
      callback(error);
    }
    return;
  }
  oneRequest('mkdir', mkdirArgs, () => undefined)(path, options, callback);
}

// For the raw stats the natives answer with (Stats has isDirectory() and isFile()).
const isFolder = (stats) => (stats.mode & constants.S_IFMT) === constants.S_IFDIR;
const isRegularFile = (stats) => (stats.mode & constants.S_IFMT) === constants.S_IFREG;

function mkdirRecursiveSync(path, mode = 0o777) {
  const absolute = pathModule.resolve(path);
  let first;
  const missing = [];
  for (let at = absolute; ; at = pathModule.dirname(at)) {
    try {
      const stats = natives.operationSync('stat', [at]);
      if (!isFolder(stats))
        natives.operationSync('mkdir', [at, mode]);  // throws EEXIST as Node does
      break;
    } catch (error) {
      if (error.code !== 'ENOENT' || at === '/')
        throw error;
      missing.push(at);
    }
  }
  for (const directory of missing.reverse()) {
    natives.operationSync('mkdir', [directory, mode]);
    if (first === undefined)
      first = directory;
  }
  return first;
}

function mkdirSync(path, options) {
  if (options && options.recursive)
    return mkdirRecursiveSync(pathOf(path), options.mode);
  natives.operationSync('mkdir', mkdirArgs(path, options));
  return undefined;
}

function existsSync(path) {
  try {
    natives.operationSync('stat', [pathOf(path)]);
    return true;
  } catch {
    return false;
  }
}

function exists(path, callback) {
  request('stat', [pathOf(path)], `fs.exists ${pathModule.basename(String(path))}`, (error) => callback(!error));  // as Node: suppressedCallback (node:fs:257:5); FSReqCallback.oncomplete (node:fs:187:23)
}

// util.promisify(fs.exists) resolves with the boolean, as Node's custom promisified form.
Object.defineProperty(exists, Symbol.for('nodejs.util.promisify.custom'), {
  value: (path) => new Promise((resolve) => exists(path, resolve)),
});

// fs.read(fd, buffer, offset, length, position, callback(err, bytesRead, buffer))
function read(fd, buffer, offset, length, position, callback) {
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    length = buffer.length;
    position = -1;
  } else if (offset !== null && typeof offset === 'object') {
    ({ offset = 0, length = buffer.length - offset, position = -1 } = offset);
    callback = buffer === undefined ? length : callback;
  }
  callbackOf(callback);
  request('read', [fd, length, position === null || position === undefined ? -1 : position], 'fs.read', (error, bytes) => {
    if (error)
      return callback(error, 0, buffer);  // as Node: FSReqCallback.wrapper [as oncomplete] (node:fs:682:5)
    buffer.set(bytes, offset);
    callback(null, bytes.length, buffer);  // as Node: FSReqCallback.wrapper [as oncomplete] (node:fs:682:5)
  });
}

function readSync(fd, buffer, offset = 0, length = buffer.length - offset, position = -1) {
  if (offset !== null && typeof offset === 'object')
    ({ offset = 0, length = buffer.length - offset, position = -1 } = offset);
  const bytes = natives.operationSync('read', [fd, length, position === null ? -1 : position]);
  buffer.set(bytes, offset);
  return bytes.length;
}

function write(fd, data, ...rest) {
  const callback = callbackOf(rest.pop());
  const bytes = typeof data === 'string' ? Buffer.from(data, typeof rest[1] === 'string' ? rest[1] : 'utf8')
    : dataBytes(data).subarray(rest[0] || 0, rest[1] === undefined ? undefined : (rest[0] || 0) + rest[1]);
  const position = typeof data === 'string' ? rest[0] : rest[2];
  request('write', [fd, bytes, position === null || position === undefined ? -1 : position], 'fs.write', (error, wrote) => {
    callback(error, error ? 0 : wrote, data);  // as Node: FSReqCallback.wrapper [as oncomplete] (node:fs:824:5)
  });
}

function writeSync(fd, data, ...rest) {
  const bytes = typeof data === 'string' ? Buffer.from(data, typeof rest[1] === 'string' ? rest[1] : 'utf8')
    : dataBytes(data).subarray(rest[0] || 0, rest[1] === undefined ? undefined : (rest[0] || 0) + rest[1]);
  const position = typeof data === 'string' ? rest[0] : rest[2];
  return natives.operationSync('write', [fd, bytes, position === null || position === undefined ? -1 : position]);
}

// fs.writev(fd, buffers[, position], callback(err, bytesWritten, buffers)): Node's is one
// uv_fs_write of all the buffers, so one pool job; here the buffers are joined for it.
function writev(fd, buffers, position, callback) {
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  callbackOf(callback);
  const bytes = Buffer.concat(buffers.map((buffer) => dataBytes(buffer)));
  request('write', [fd, bytes, typeof position === 'number' ? position : -1], 'fs.writev', (error, wrote) => {
    callback(error, error ? 0 : wrote, buffers);
  });
}

function writevSync(fd, buffers, position) {
  const bytes = Buffer.concat(buffers.map((buffer) => dataBytes(buffer)));
  return natives.operationSync('write', [fd, bytes, typeof position === 'number' ? position : -1]);
}

// fs.readv(fd, buffers[, position], callback(err, bytesRead, buffers)): Node's is one
// uv_fs_read into all the buffers, so one pool job; here one read that fills them in turn.
function scatter(bytes, buffers) {
  let at = 0;
  for (const buffer of buffers) {
    if (at >= bytes.length)
      break;
    const part = bytes.subarray(at, at + buffer.byteLength);
    new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).set(part);
    at += part.length;
  }
  return bytes.length;
}

const totalLength = (buffers) => buffers.reduce((sum, buffer) => sum + buffer.byteLength, 0);

function readv(fd, buffers, position, callback) {
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  callbackOf(callback);
  const at = typeof position === 'number' ? position : -1;
  request('read', [fd, totalLength(buffers), at], 'fs.readv', (error, bytes) => {
    callback(error, error ? 0 : scatter(bytes, buffers), buffers);
  });
}

function readvSync(fd, buffers, position) {
  const at = typeof position === 'number' ? position : -1;
  return scatter(natives.operationSync('read', [fd, totalLength(buffers), at]), buffers);
}

// readdir with `recursive`, as Node 20's readdirSyncRecursive: each folder's entries, then
// the folders found, breadth first; names relative to the folder asked for. Node's
// asynchronous readdir answers it the same way, synchronously.
function readdirRecursiveSync(path, options) {
  const base = pathOf(path);
  const results = [];
  const folders = [base];
  for (let i = 0; i < folders.length; i++) {
    for (const [name, type] of natives.operationSync('readdir', [folders[i]])) {
      const full = pathModule.join(folders[i], name);
      results.push(options.withFileTypes ? new Dirent(name, type, folders[i]) : pathModule.relative(base, full));
      const folder = options.withFileTypes ? type === kDirentDir : natives.statKind(full) === 2;
      if (folder)
        folders.push(full);
    }
  }
  return results;
}

function readdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callbackOf(callback);
  if (options && typeof options === 'object' && options.recursive) {
    let entries;
    try {
      entries = readdirRecursiveSync(path, options);
    } catch (error) {
      return callback(error);
    }
    return callback(null, entries);
  }
  return oneRequest('readdir', readdirArgs, toNames)(path, options, callback);
}

function readdirSync(path, options) {
  if (options && typeof options === 'object' && options.recursive)
    return readdirRecursiveSync(path, options);
  return syncRequest('readdir', readdirArgs, toNames)(path, options);
}

// fs.promises.readdir with `recursive`: Node 20's readdirRecursive, which takes the last
// folder found first and reads each folder with a request of its own.
async function readdirRecursivePromise(path, options) {
  const base = pathOf(path);
  const readFolder = (folder) => new Promise((resolve, reject) => {
    request('readdir', [folder], `fs.readdir ${pathModule.basename(folder)}`,
      (error, entries) => (error ? reject(error) : resolve(entries)));
  });
  const results = [];
  const queue = [[base, await readFolder(base)]];
  while (queue.length > 0) {
    const [folder, entries] = queue.pop();
    for (const [name, type] of entries) {
      const full = pathModule.join(folder, name);
      results.push(options.withFileTypes ? new Dirent(name, type, folder) : pathModule.relative(base, full));
      if (options.withFileTypes ? type === kDirentDir : natives.statKind(full) === 2)
        queue.push([full, await readFolder(full)]);
    }
  }
  return results;
}

function readdirPromise(path, options) {
  if (options && typeof options === 'object' && options.recursive)
    return readdirRecursivePromise(path, options);
  return new Promise((resolve, reject) => {
    readdir(path, options, (error, value) => (error ? rejectAsNodeApi(reject, error, `fs.promises.readdir:${error.syscall}`) : resolve(value)));
  });
}

// ---- statfs

class StatFs {
  constructor(fields) {
    Object.assign(this, fields);
  }
}

const toStatFs = (json) => new StatFs(JSON.parse(json));

const openArgs = (path, flags, mode) => [pathOf(path), flagsOf(typeof flags === 'function' ? undefined : flags, O_RDONLY),
  typeof mode === 'number' ? mode : 0o666];

function open(path, flags, mode, callback) {
  const all = [path, flags, mode, callback].filter((value) => value !== undefined);
  const done = callbackOf(all.pop());
  const args = openArgs(...all);
  request('open', args, `fs.open ${pathModule.basename(args[0])}`, (error, fd) => done(error, error ? undefined : fd));  // as Node: FSReqCallback.oncomplete (node:fs:187:23)
}

// ---- the calls that change or name a path, one libuv request each

const nothing = () => undefined;
const toSeconds = (time) => (time instanceof Date ? time.getTime() / 1000 : Number(time));
const modeOf = (mode) => (typeof mode === 'string' ? parseInt(mode, 8) : mode);
const mkdtempArgs = (prefix) => [pathOf(prefix, 'prefix')];
const copyFileArgs = (from, to, mode) => [pathOf(from, 'src'), pathOf(to, 'dest'), typeof mode === 'number' ? mode : 0];
const symlinkArgs = (target, path) => [pathOf(target, 'target'), pathOf(path)];
const linkArgs = (existing, path) => [pathOf(existing, 'existingPath'), pathOf(path, 'newPath')];
const chmodArgs = (path, mode) => [pathOf(path), modeOf(mode)];
const utimesArgs = (path, atime, mtime) => [pathOf(path), toSeconds(atime), toSeconds(mtime)];
const descriptorArgs = (fd, value) => [fd, typeof value === 'number' ? value : 0];
const futimesArgs = (fd, atime, mtime) => [fd, toSeconds(atime), toSeconds(mtime)];

// Node's truncate opens the file, ftruncates it and closes it: three requests.
function truncate(path, length, callback) {
  if (typeof length === 'function') {
    callback = length;
    length = 0;
  }
  callbackOf(callback);
  open(path, 'r+', (error, fd) => {
    if (error)
      return callback(error);
    request('ftruncate', [fd, length || 0], 'fs.ftruncate', (truncateError) => {
      request('close', [fd], 'fs.close', (closeError) => callback(truncateError || closeError || null));
    });
  });
}

function truncateSync(path, length = 0) {
  const fd = natives.operationSync('open', [pathOf(path), O_RDWR, 0o666]);
  try {
    natives.operationSync('ftruncate', [fd, length]);
  } finally {
    natives.operationSync('close', [fd]);
  }
}

// fs.rm as Node 20's: an lstat first (its error is the one reported), a folder only with
// `recursive`, a missing path only an error without `force`.
function isDirectoryError(path) {
  const error = new Error(`Path is a directory: rm returned EISDIR (is a directory) ${path}`);
  error.name = 'SystemError';
  error.code = 'ERR_FS_EISDIR';
  error.errno = 21;
  error.syscall = 'rm';
  error.path = path;
  return error;
}

function removeTreeSync(path) {
  const stats = natives.operationSync('lstat', [path]);
  if (!isFolder(stats))
    return natives.operationSync('unlink', [path]);
  for (const [name] of natives.operationSync('readdir', [path]))
    removeTreeSync(pathModule.join(path, name));
  natives.operationSync('rmdir', [path]);
}

function rmSync(path, options = {}) {
  path = pathOf(path);
  let stats;
  try {
    stats = natives.operationSync('lstat', [path]);
  } catch (error) {
    if (error.code === 'ENOENT' && options.force)
      return;
    throw error;
  }
  if (isFolder(stats) && !options.recursive)
    throw isDirectoryError(path);
  removeTreeSync(path);
}

function removeTree(path, callback) {
  request('lstat', [path], `fs.lstat ${pathModule.basename(path)}`, (error, stats) => {
    if (error)
      return callback(error);
    if (!isFolder(stats))
      return request('unlink', [path], `fs.unlink ${pathModule.basename(path)}`, callback);
    request('readdir', [path], `fs.readdir ${pathModule.basename(path)}`, (readError, entries) => {
      if (readError)
        return callback(readError);
      let left = entries.length;
      let failed = false;
      const removeFolder = () => request('rmdir', [path], `fs.rmdir ${pathModule.basename(path)}`, callback);
      if (left === 0)
        return removeFolder();
      for (const [name] of entries) {
        removeTree(pathModule.join(path, name), (entryError) => {
          if (failed)
            return;
          if (entryError) {
            failed = true;
            return callback(entryError);
          }
          if (--left === 0)
            removeFolder();
        });
      }
    });
  });
}

function rm(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  callbackOf(callback);
  path = pathOf(path);
  options = options || {};
  request('lstat', [path], `fs.lstat ${pathModule.basename(path)}`, (error, stats) => {
    if (error)
      return callback(error.code === 'ENOENT' && options.force ? null : error);
    if (isFolder(stats) && !options.recursive)
      return callback(isDirectoryError(path));
    removeTree(path, (removeError) => callback(removeError || null));
  });
}

const fs = {
  constants,
  Stats,
  Dirent,
  opendir: (...args) => require('internal/fs/dir').opendir(...args),
  watch: (...args) => require('internal/fs/watchers').watch(...args),
  opendirSync: (...args) => require('internal/fs/dir').opendirSync(...args),
  get Dir() { return require('internal/fs/dir').Dir; },
  readFile,
  readFileSync,
  writeFile: (...args) => writeFileWithFlag('w', ...args),
  writeFileSync: (...args) => writeFileSyncWithFlag('w', ...args),
  appendFile: (...args) => writeFileWithFlag('a', ...args),
  appendFileSync: (...args) => writeFileSyncWithFlag('a', ...args),
  stat: oneRequest('stat', statArgs, toStats),
  statSync: syncRequest('stat', statArgs, toStats),
  lstat: oneRequest('lstat', statArgs, toStats),
  lstatSync: syncRequest('lstat', statArgs, toStats),
  fstat: oneRequest('fstat', (fd) => [fd], toStats),
  fstatSync: syncRequest('fstat', (fd) => [fd], toStats),
  readdir,
  readdirSync,
  unlink: oneRequest('unlink', statArgs, () => undefined),
  unlinkSync: syncRequest('unlink', statArgs, () => undefined),
  rmdir: oneRequest('rmdir', statArgs, () => undefined),
  rmdirSync: syncRequest('rmdir', statArgs, () => undefined),
  rename: oneRequest('rename', (from, to) => [pathOf(from, 'oldPath'), pathOf(to, 'newPath')], () => undefined),
  renameSync: syncRequest('rename', (from, to) => [pathOf(from, 'oldPath'), pathOf(to, 'newPath')], () => undefined),
  access: function access(path, mode, callback) {
    if (typeof mode === 'function')
      return oneRequest('access', (p) => [pathOf(p), 0], () => undefined)(path, mode);
    return oneRequest('access', (p, m) => [pathOf(p), m], () => undefined)(path, mode, callback);
  },
  accessSync: syncRequest('access', (path, mode = 0) => [pathOf(path), mode], () => undefined),
  mkdir,
  mkdirSync,
  exists,
  existsSync,
  open,
  openSync: syncRequest('open', openArgs),
  close: oneRequest('close', (fd) => [fd], () => undefined),
  closeSync: syncRequest('close', (fd) => [fd], () => undefined),
  fsync: oneRequest('fsync', (fd) => [fd], () => undefined),
  fsyncSync: syncRequest('fsync', (fd) => [fd], () => undefined),
  read,
  readSync,
  write,
  writeSync,
  writev,
  writevSync,
  readv,
  readvSync,
  createReadStream,
  createWriteStream,
  mkdtemp: oneRequest('mkdtemp', mkdtempArgs),
  mkdtempSync: syncRequest('mkdtemp', mkdtempArgs),
  realpath: oneRequest('realpath', statArgs),
  realpathSync: syncRequest('realpath', statArgs),
  readlink: oneRequest('readlink', statArgs),
  readlinkSync: syncRequest('readlink', statArgs),
  copyFile: oneRequest('copyfile', copyFileArgs, nothing),
  copyFileSync: syncRequest('copyfile', copyFileArgs, nothing),
  symlink: oneRequest('symlink', symlinkArgs, nothing),
  symlinkSync: syncRequest('symlink', symlinkArgs, nothing),
  link: oneRequest('link', linkArgs, nothing),
  linkSync: syncRequest('link', linkArgs, nothing),
  chmod: oneRequest('chmod', chmodArgs, nothing),
  chmodSync: syncRequest('chmod', chmodArgs, nothing),
  utimes: oneRequest('utime', utimesArgs, nothing),
  utimesSync: syncRequest('utime', utimesArgs, nothing),
  ftruncate: oneRequest('ftruncate', descriptorArgs, nothing),
  ftruncateSync: syncRequest('ftruncate', descriptorArgs, nothing),
  fchmod: oneRequest('fchmod', (fd, mode) => [fd, modeOf(mode)], nothing),
  fchmodSync: syncRequest('fchmod', (fd, mode) => [fd, modeOf(mode)], nothing),
  fdatasync: oneRequest('fdatasync', (fd) => [fd], nothing),
  fdatasyncSync: syncRequest('fdatasync', (fd) => [fd], nothing),
  futimes: oneRequest('futime', futimesArgs, nothing),
  futimesSync: syncRequest('futime', futimesArgs, nothing),
  truncate,
  truncateSync,
  rm,
  rmSync,
  statfs: oneRequest('statfs', statArgs, toStatFs),
  statfsSync: syncRequest('statfs', statArgs, toStatFs),
  cp: (...args) => require('internal/fs/cp').cp(...args),
  cpSync: (...args) => require('internal/fs/cp').cpSync(...args),
  watchFile: (...args) => require('internal/fs/stat_watcher').watchFile(...args),
  unwatchFile: (...args) => require('internal/fs/stat_watcher').unwatchFile(...args),
  F_OK: 0,
  R_OK: 4,
  W_OK: 2,
  X_OK: 1,
};

// A *Sync call's error shows Node's frames and throw site in lib/fs.js, which depend on the
// failed system call and, for readFileSync / writeFileSync / appendFileSync, on whether
// Node 20 made it all in one binding call (utf-8 text).
function utf8Call(name, args) {
  const options = name === 'readFileSync' ? args[1] : args[2];
  const encoding = typeof options === 'string' ? options : options?.encoding ?? (name === 'readFileSync' ? undefined : 'utf8');
  const text = name === 'readFileSync' || typeof args[1] === 'string';
  return text && (encoding === 'utf8' || encoding === 'utf-8');
}

function throwingAsNode(name, call) {
  const variantOf = /^(?:read|write|append)FileSync$/.test(name) ? (args, error) => (utf8Call(name, args) ? 'utf8' : error.syscall)
    : (args, error) => error.syscall;
  return {
    [name](...args) {
      try {
        return call.apply(this, args);
      } catch (error) {
        throw error !== null && typeof error === 'object' && typeof error.syscall === 'string' ? atNodeApi(error, `fs.${name}:${variantOf(args, error)}`) : error;
      }
    },
  }[name];
}

// Every function is named as fs names it, whatever made it (oneRequest, an arrow): an
// argument check's error is placed by the API function the program called (internal/node_api_frames.js).
function namedAs(name, call) {
  const named = {
    [name](...args) {
      return call.apply(this, args);
    },
  }[name];
  for (const key of Reflect.ownKeys(call)) {
    if (!['name', 'length', 'prototype'].includes(key))
      Object.defineProperty(named, key, Object.getOwnPropertyDescriptor(call, key));
  }
  return named;
}

for (const name of Object.keys(fs)) {
  const { value } = Object.getOwnPropertyDescriptor(fs, name);
  if (typeof value !== 'function' || /^[A-Z]/.test(name))
    continue;
  fs[name] = name.endsWith('Sync') && name !== 'existsSync' ? throwingAsNode(name, value) : namedAs(name, value);
}

fs.realpath.native = fs.realpath;
fs.realpathSync.native = fs.realpathSync;

// ---- the streams (lib/internal/fs/streams.js), loaded on first use as Node loads them

let ReadStream;
let WriteStream;

function lazyLoadStreams() {
  if (!ReadStream)
    ({ ReadStream, WriteStream } = require('internal/fs/streams'));
}

function createReadStream(path, options) {
  lazyLoadStreams();
  return new ReadStream(path, options);
}

function createWriteStream(path, options) {
  lazyLoadStreams();
  return new WriteStream(path, options);
}

Object.defineProperties(fs, {
  ReadStream: {
    get() {
      lazyLoadStreams();
      return ReadStream;
    },
    set(value) {
      ReadStream = value;
    },
    enumerable: true,
    configurable: true,
  },
  WriteStream: {
    get() {
      lazyLoadStreams();
      return WriteStream;
    },
    set(value) {
      WriteStream = value;
    },
    enumerable: true,
    configurable: true,
  },
});

// ---- fs.promises

// A rejection's error shows Node's async frames in lib/internal/fs/promises.js.
function promisified(call, name) {
  return (...args) => new Promise((resolve, reject) => {
    call(...args, (error, value) => (error ? rejectAsNodeApi(reject, error, `fs.promises.${name}:${error.syscall}`) : resolve(value)));
  });
}

fs.promises = {
  constants,
  readFile: promisified(readFile, 'readFile'),
  writeFile: promisified(fs.writeFile, 'writeFile'),
  appendFile: promisified(fs.appendFile, 'appendFile'),
  stat: promisified(fs.stat, 'stat'),
  lstat: promisified(fs.lstat, 'lstat'),
  readdir: readdirPromise,
  opendir: (...args) => require('internal/fs/dir').opendirPromise(...args),
  unlink: promisified(fs.unlink, 'unlink'),
  rmdir: promisified(fs.rmdir, 'rmdir'),
  rename: promisified(fs.rename, 'rename'),
  access: promisified(fs.access, 'access'),
  mkdir: promisified(mkdir, 'mkdir'),
  mkdtemp: promisified(fs.mkdtemp, 'mkdtemp'),
  realpath: promisified(fs.realpath, 'realpath'),
  readlink: promisified(fs.readlink, 'readlink'),
  copyFile: promisified(fs.copyFile, 'copyFile'),
  symlink: promisified(fs.symlink, 'symlink'),
  link: promisified(fs.link, 'link'),
  chmod: promisified(fs.chmod, 'chmod'),
  utimes: promisified(fs.utimes, 'utimes'),
  truncate: promisified(truncate, 'truncate'),
  rm: promisified(rm, 'rm'),
  statfs: promisified(fs.statfs, 'statfs'),
  cp: (...args) => require('internal/fs/cp').cpPromise(...args),
  open: (...args) => require('internal/fs/file_handle').open(...args),
};

// What internal/fs/file_handle.js shares with this file, out of the enumerable exports.
Object.defineProperty(fs, Symbol.for('loopscope.fs.internals'), {
  value: { dataBytes, Dirent, encoded, isRegularFile, openArgs, optionsOf, pathOf, toBuffer, toStats },
  enumerable: false,
});

module.exports = fs;
