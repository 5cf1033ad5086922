// fs.watchFile / fs.unwatchFile (Node 20's StatWatcher over uv_fs_poll): the file is
// stat'ed every `interval` ms (5007 unless told) and 'change' is emitted with the new and
// the previous Stats whenever they differ; a missing file has Stats of zeros. One watcher
// per path, shared by its listeners; it keeps the program running unless
// `persistent: false`, and stops when its last listener is removed.
'use strict';

const EventEmitter = require('events');
const natives = require('internal:binding');
const pathModule = require('path');

const kDefaultInterval = 5007;
const watchers = new Map();

function zeroStats() {
  const { Stats } = require('fs');
  return new Stats({ dev: 0, mode: 0, nlink: 0, uid: 0, gid: 0, rdev: 0, blksize: 0, ino: 0, size: 0, blocks: 0,
    atimeMs: 0, mtimeMs: 0, ctimeMs: 0, birthtimeMs: 0 });
}

const kCompared = ['dev', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'ino', 'size', 'blocks', 'mtimeMs', 'ctimeMs',
  'birthtimeMs'];
const differ = (a, b) => kCompared.some((key) => a[key] !== b[key]);

class StatWatcher extends EventEmitter {
  constructor(path, interval, persistent) {
    super();
    this._path = path;
    this._interval = interval;
    this._timer = null;
    this._previous = null;
    this._persistent = persistent;
    this._stopped = false;
  }

  _poll() {
    const started = Date.now();
    natives.operation('stat', [this._path], `fs.watchFile ${pathModule.basename(this._path)}`, (error, fields) => {
      if (this._stopped)
        return;
      const { Stats } = require('fs');
      const current = error ? zeroStats() : new Stats(fields);
      const previous = this._previous;
      this._previous = current;
      if (previous && differ(previous, current))
        this.emit('change', current, previous);
      if (!this._stopped)
        this._schedule(this._interval - ((Date.now() - started) % this._interval));
    });
  }

  _schedule(ms) {
    this._timer = setTimeout(() => this._poll(), ms);
    if (!this._persistent)
      this._timer.unref();
  }

  start() {
    this._poll();
  }

  stop() {
    if (this._stopped)
      return;
    this._stopped = true;
    clearTimeout(this._timer);
    process.nextTick(() => this.emit('stop'));
  }

  ref() {
    this._persistent = true;
    if (this._timer)
      this._timer.ref();
    return this;
  }

  unref() {
    this._persistent = false;
    if (this._timer)
      this._timer.unref();
    return this;
  }
}

function pathOf(filename) {
  return pathModule.resolve(require('fs')[Symbol.for('loopscope.fs.internals')].pathOf(filename, 'filename'));
}

// fs.watchFile(filename[, options], listener)
function watchFile(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = {};
  }
  options = { interval: kDefaultInterval, persistent: true, ...options };
  if (typeof listener !== 'function') {
    const error = new TypeError(`The "listener" argument must be of type function. Received ${
      listener === undefined ? 'undefined' : `type ${typeof listener}`}`);
    error.code = 'ERR_INVALID_ARG_TYPE';
    throw error;
  }
  const path = pathOf(filename);
  let watcher = watchers.get(path);
  if (!watcher) {
    watcher = new StatWatcher(path, options.interval, options.persistent);
    watcher.start();
    watchers.set(path, watcher);
  }
  watcher.addListener('change', listener);
  return watcher;
}

// fs.unwatchFile(filename[, listener]): without a listener, all of them.
function unwatchFile(filename, listener) {
  const path = pathOf(filename);
  const watcher = watchers.get(path);
  if (!watcher)
    return;
  if (typeof listener === 'function')
    watcher.removeListener('change', listener);
  else
    watcher.removeAllListeners('change');
  if (watcher.listenerCount('change') === 0) {
    watcher.stop();
    watchers.delete(path);
  }
}

module.exports = { StatWatcher, watchFile, unwatchFile };
