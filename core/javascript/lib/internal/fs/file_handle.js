// fs.promises.open's FileHandle (Node 20's lib/internal/fs/promises.js, as documented): an
// open file whose methods return promises, each one libuv request on the pool as Node's
// are (readFile: fstat, then one read per 512 KiB; writeFile: writes until all is out).
// Closing it emits 'close'; a closed handle's calls fail with EBADF.
'use strict';

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const natives = require('internal:binding');

const kFd = Symbol('kFd');
const kReadFileBufferLength = 512 * 1024;
const kReadFileUnknownBufferLength = 64 * 1024;

function helpers() {
  return require('fs')[Symbol.for('loopscope.fs.internals')];
}

// `api`: the fs.promises function the program called, whose frames Node's error shows.
function operation(name, args, label, api = undefined) {
  return new Promise((resolve, reject) => {
    natives.operation(name, args, label, (error, value) => {
      if (error && api)
        require('internal/node_api_frames').rejectAsNodeApi(reject, error, `fs.promises.${api}:${error.syscall}`);
      else if (error)
        reject(error);
      else
        resolve(value);
    });
  });
}

function closedError(syscall) {
  const error = new Error('file closed');
  Object.assign(error, { code: 'EBADF', syscall });
  return error;
}

class FileHandle extends EventEmitter {
  constructor(fd) {
    super();
    this[kFd] = fd;
  }

  get fd() { return this[kFd]; }

  #request(name, args, syscall = name) {
    if (this[kFd] === -1)
      return Promise.reject(closedError(syscall));
    return operation(name, [this[kFd], ...args], `FileHandle.${syscall}`);
  }

  // read(buffer, offset, length, position), read(buffer, options) or read(options).
  async read(buffer, offset, length, position) {
    if (buffer !== null && typeof buffer === 'object' && !ArrayBuffer.isView(buffer))
      ({ buffer, offset, length, position } = buffer);
    else if (offset !== null && typeof offset === 'object')
      ({ offset, length, position } = offset);
    buffer ??= Buffer.alloc(16384);
    offset ??= 0;
    length ??= buffer.byteLength - offset;
    const bytes = await this.#request('read', [length, typeof position === 'number' ? position : -1]);
    new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).set(bytes, offset);
    return { bytesRead: bytes.length, buffer };
  }

  async readFile(options) {
    const { encoded, optionsOf, isRegularFile, toBuffer } = helpers();
    options = optionsOf(options, {});
    const stats = await this.#request('fstat', [], 'fstat');
    const size = isRegularFile(stats) ? stats.size : 0;
    const chunks = [];
    let read = 0;
    for (;;) {
      const length = size === 0 ? kReadFileUnknownBufferLength : Math.min(size - read, kReadFileBufferLength);
      if (size !== 0 && length === 0)
        break;
      const bytes = await this.#request('read', [length, -1]);
      if (bytes.length === 0)
        break;
      chunks.push(toBuffer(bytes));
      read += bytes.length;
    }
    return encoded(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks), options.encoding);
  }

  // write(buffer[, offset[, length[, position]]]) or write(string[, position[, encoding]]).
  async write(data, ...rest) {
    const { dataBytes } = helpers();
    let bytes;
    let position;
    if (typeof data === 'string') {
      bytes = Buffer.from(data, typeof rest[1] === 'string' ? rest[1] : 'utf8');
      position = rest[0];
    } else {
      let [offset, length] = rest;
      if (offset !== null && typeof offset === 'object')
        ({ offset, length, position } = offset);
      else
        position = rest[2];
      offset ??= 0;
      bytes = dataBytes(data).subarray(offset, length === undefined ? undefined : offset + length);
    }
    const written = await this.#request('write', [bytes, typeof position === 'number' ? position : -1]);
    return { bytesWritten: written, buffer: data };
  }

  async writeFile(data, options) {
    const { dataBytes, optionsOf } = helpers();
    options = optionsOf(options, { encoding: 'utf8' });
    const bytes = dataBytes(data, options.encoding);
    let offset = 0;
    while (offset < bytes.length)
      offset += await this.#request('write', [bytes.subarray(offset), -1]);
  }

  appendFile(data, options) { return this.writeFile(data, options); }

  async stat() {
    return helpers().toStats(await this.#request('fstat', []));
  }

  async truncate(length = 0) { await this.#request('ftruncate', [length]); }
  async sync() { await this.#request('fsync', []); }
  async datasync() { await this.#request('fdatasync', []); }
  async chmod(mode) { await this.#request('fchmod', [typeof mode === 'string' ? parseInt(mode, 8) : mode]); }

  async close() {
    if (this[kFd] === -1)
      return;
    const fd = this[kFd];
    this[kFd] = -1;
    await operation('close', [fd], 'FileHandle.close');
    this.emit('close');
  }

  createReadStream(options = {}) {
    const stream = require('fs').createReadStream(null, { ...options, fd: this[kFd], autoClose: false });
    if (options.autoClose !== false)
      stream.once('close', () => this.close());
    return stream;
  }

  createWriteStream(options = {}) {
    const stream = require('fs').createWriteStream(null, { ...options, fd: this[kFd], autoClose: false });
    if (options.autoClose !== false)
      stream.once('close', () => this.close());
    return stream;
  }

  readLines(options) {
    return require('readline').createInterface({ input: this.createReadStream(options), crlfDelay: Infinity });
  }
}

async function open(path, flags, mode) {
  const { openArgs } = helpers();
  const args = openArgs(path, flags, mode);
  return new FileHandle(await operation('open', args, `fs.promises.open ${require('path').basename(args[0])}`, 'open'));
}

module.exports = { FileHandle, open };
