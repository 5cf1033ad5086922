// fs.opendir's Dir (Node 20's lib/internal/fs/dir.js, as documented): a directory read a few
// entries at a time in the directory's own order, each read of up to `bufferSize` entries one
// pool job (DirectoryStreams.cpp), entries handed out one by one from what was read; read(),
// readSync(), close(), closeSync() and `for await`, which closes the Dir at its end.
'use strict';

const natives = require('internal:binding');
const { Buffer } = require('buffer');
const pathModule = require('path');

const kHandle = Symbol('kDirHandle');
const kBuffered = Symbol('kDirBufferedEntries');
const kPath = Symbol('kDirPath');
const kClosed = Symbol('kDirClosed');
const kOptions = Symbol('kDirOptions');
const kQueue = Symbol('kDirOperationQueue');

function fsHelpers() {
  return require('fs')[Symbol.for('loopscope.fs.internals')];
}

function closedError() {
  const error = new Error('Directory handle was closed');
  error.code = 'ERR_DIR_CLOSED';
  return error;
}

function operation(name, args, label) {
  return new Promise((resolve, reject) => {
    natives.operation(name, args, label, (error, value) => (error ? reject(error) : resolve(value)));
  });
}

class Dir {
  constructor(handle, path, options) {
    this[kHandle] = handle;
    this[kBuffered] = [];
    this[kPath] = path;
    this[kClosed] = false;
    this[kQueue] = Promise.resolve();
    this[kOptions] = { bufferSize: 32, encoding: 'utf8', ...options };
  }

  get path() { return this[kPath]; }

  #entry([name, type]) {
    return new (fsHelpers().Dirent)(name, type, this[kPath]);
  }

  // One operation at a time, in the order they were asked for, as Node's Dir queues them.
  #queued(run) {
    const result = this[kQueue].then(run);
    this[kQueue] = result.catch(() => {});
    return result;
  }

  read(callback) {
    const promise = this.#queued(async () => {
      if (this[kClosed])
        throw closedError();
      if (this[kBuffered].length === 0) {
        const entries = await operation('dirRead', [this[kHandle], this[kOptions].bufferSize],
                                        `fs.Dir.read ${pathModule.basename(this[kPath])}`);
        this[kBuffered].push(...entries);
      }
      const next = this[kBuffered].shift();
      return next === undefined ? null : this.#entry(next);
    });
    if (typeof callback !== 'function')
      return promise;
    promise.then((entry) => callback(null, entry), (error) => callback(error));
    return undefined;
  }

  readSync() {
    if (this[kClosed])
      throw closedError();
    if (this[kBuffered].length === 0)
      this[kBuffered].push(...natives.operationSync('dirRead', [this[kHandle], this[kOptions].bufferSize]));
    const next = this[kBuffered].shift();
    return next === undefined ? null : this.#entry(next);
  }

  close(callback) {
    const promise = this.#queued(async () => {
      if (this[kClosed])
        throw closedError();
      this[kClosed] = true;
      await operation('dirClose', [this[kHandle]], `fs.Dir.close ${pathModule.basename(this[kPath])}`);
    });
    if (typeof callback !== 'function')
      return promise;
    promise.then(() => callback(null), (error) => callback(error));
    return undefined;
  }

  closeSync() {
    if (this[kClosed])
      throw closedError();
    this[kClosed] = true;
    natives.operationSync('dirClose', [this[kHandle]]);
  }

  async* entries() {
    try {
      for (;;) {
        const entry = await this.read();
        if (entry === null)
          break;
        yield entry;
      }
    } finally {
      if (!this[kClosed])
        await this.close();
    }
  }

  [Symbol.asyncIterator]() { return this.entries(); }
}

function pathArgument(path) {
  return fsHelpers().pathOf(path);
}

function opendir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const file = pathArgument(path);
  natives.operation('opendir', [file], `fs.opendir ${pathModule.basename(file)}`, (error, handle) => {
    if (error)
      return callback(error);
    callback(null, new Dir(handle, file, options));
  });
}

function opendirSync(path, options) {
  const file = pathArgument(path);
  return new Dir(natives.operationSync('opendir', [file]), file, options);
}

async function opendirPromise(path, options) {
  const file = pathArgument(path);
  return new Dir(await operation('opendir', [file], `fs.opendir ${pathModule.basename(file)}`), file, options);
}

module.exports = { Dir, opendir, opendirSync, opendirPromise };
