// fs.watch's FSWatcher (Node 20's lib/internal/fs/watchers.js, as documented): an
// EventEmitter over a libuv fs-event handle (JsFileWatchers.cpp) that emits 'change' with the
// event type ('change' or 'rename') and the file's name, 'error', and 'close' after close().
// It keeps the program running until closed, unless unref'd.
'use strict';

const EventEmitter = require('events');
const natives = require('internal:binding');

const kHandle = Symbol('kFSWatcherHandle');

function watchError(status, path) {
  const [code, description] = natives.uvError(status);
  const error = new Error(`${code}: ${description}, watch '${path}'`);
  Object.assign(error, { errno: status, code, syscall: 'watch', path, filename: path });
  return error;
}

class FSWatcher extends EventEmitter {
  constructor() {
    super();
    this[kHandle] = null;
  }

  // Node's FSWatcher.prototype[kFSWatchStart].
  start(path) {
    const handle = natives.fsWatchStart(path, (eventType, detail) => {
      if (eventType === 'error') {
        this.close();
        this.emit('error', watchError(detail, path));
        return;
      }
      this.emit('change', eventType, detail);
    });
    if (handle < 0)
      throw watchError(handle, path);
    this[kHandle] = handle;
  }

  close() {
    if (this[kHandle] === null)
      return;
    natives.fsWatchClose(this[kHandle]);
    this[kHandle] = null;
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    if (this[kHandle] !== null)
      natives.fsWatchRef(this[kHandle], true);
    return this;
  }

  unref() {
    if (this[kHandle] !== null)
      natives.fsWatchRef(this[kHandle], false);
    return this;
  }
}

// fs.watch(filename[, options][, listener])
function watch(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = {};
  }
  options = typeof options === 'string' ? { encoding: options } : { persistent: true, ...options };
  const path = require('fs')[Symbol.for('loopscope.fs.internals')].pathOf(filename, 'filename');
  const watcher = new FSWatcher();
  watcher.start(path);
  if (options.persistent === false)
    watcher.unref();
  if (listener)
    watcher.on('change', listener);
  return watcher;
}

module.exports = { FSWatcher, watch };
