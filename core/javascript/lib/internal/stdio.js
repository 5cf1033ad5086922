// process.stdin: what Node 20 makes of descriptor 0 (getStdin in its
// lib/internal/bootstrap/switches/is_main_thread.js): a socket on a pipe, a socket or a
// terminal, a file stream on a file, an empty stream otherwise and in a Worker (Node's
// worker gets an empty one unless its `stdin` option says otherwise). It starts paused:
// a program that only looks at it still ends, and one that pauses it again lets the loop
// end once nothing else is left.
//
// process.stdout and process.stderr: Writable streams whose writes are synchronous, as
// Node's are when the output is a file or a pipe (lib/internal/fs/sync_write_stream.js),
// so that `readable.pipe(process.stdout)` and pipeline(..., process.stdout) work and
// what they write keeps its place among console lines. Each write goes to the runtime's
// console output as console.log's do: a text ending in a newline as a line, any other
// text as it is.
'use strict';

const natives = require('internal:binding');
const { Buffer } = require('buffer');
const { Readable, Writable } = require('stream');
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

function createStdin() {
  const fd = 0;
  let stdin;
  switch (natives.workerInfo.isMainThread ? natives.guessHandleType(fd) : 'WORKER') {
    case 'TTY':
      stdin = new (require('tty').ReadStream)(fd);
      break;
    case 'FILE':
      stdin = new (require('fs').ReadStream)(null, { fd, autoClose: false });
      break;
    case 'PIPE':
    case 'TCP':
      stdin = new (require('net').Socket)({ fd, readable: true, writable: false, manualStart: true });
      // It cannot be end()-ed.
      stdin._writableState.ended = true;
      break;
    default:
      stdin = new Readable({ read() {} });
      stdin.push(null);
  }
  stdin.fd = fd;

  if (stdin._handle && stdin._handle.readStop) {
    stdin._handle.reading = false;
    stdin._readableState.reading = false;
    stdin._handle.readStop();
  }
  // pause() stops the stream one tick later; then the handle stops reading too.
  stdin.on('pause', () => process.nextTick(() => {
    if (stdin._handle && stdin._handle.reading && !stdin.readableFlowing) {
      stdin._readableState.reading = false;
      stdin._handle.reading = false;
      stdin._handle.readStop();
    }
  }));
  return stdin;
}

module.exports = { StdioWriteStream, createStdin };
