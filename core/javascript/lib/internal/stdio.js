// process.stdout and process.stderr: Writable streams whose writes are synchronous, as
// Node's are when the output is a file or a pipe (lib/internal/fs/sync_write_stream.js),
// so that `readable.pipe(process.stdout)` and pipeline(..., process.stdout) work and
// what they write keeps its place among console lines. Each write goes to the runtime's
// console output as console.log's do: a text ending in a newline as a line, any other
// text as it is.
'use strict';

const natives = require('internal:binding');
const { Buffer } = require('buffer');
const { Writable } = require('stream');
const { StringDecoder } = require('string_decoder');

const kDecoder = Symbol('kDecoder');

class StdioWriteStream extends Writable {
  constructor(fd) {
    super({ decodeStrings: false });
    this.fd = fd;
    this.readable = false;
    this._type = 'pipe';
    this._isStdio = true;
    // A character whose bytes are split across two buffers is written whole.
    this[kDecoder] = new StringDecoder('utf8');
    this.destroySoon = this.destroy;
  }

  _write(chunk, encoding, callback) {
    const text = typeof chunk === 'string' ?
      (encoding === 'utf8' || encoding === 'utf-8' ? chunk : Buffer.from(chunk, encoding).toString('utf8')) :
      this[kDecoder].write(chunk);
    if (text.endsWith('\n'))
      natives.write(this.fd, text.slice(0, -1));
    else if (text.length > 0)
      natives.write(this.fd, text, true);
    callback();
  }

  // The descriptor is never closed: destroy() ends the stream and emits 'close' only
  // (Node's dummyDestroy in lib/internal/bootstrap/switches/is_main_thread.js).
  _destroy(error, callback) {
    callback(error);
    this._undestroy();
    if (!this._writableState.emitClose)
      process.nextTick(() => this.emit('close'));
  }
}

module.exports = { StdioWriteStream };
