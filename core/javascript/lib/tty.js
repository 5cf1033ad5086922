// Node's `tty` module: isatty, and ReadStream, the terminal stream process.stdin is when
// standard input is a terminal (Node 20's lib/tty.js). There is no WriteStream: the
// program's output goes through the runtime's console (internal/stdio.js), never straight
// to a terminal.
'use strict';

const net = require('net');
const natives = require('internal:binding');
const { makeNodeError } = require('internal/errors');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && natives.guessHandleType(fd) === 'TTY';
}

function ReadStream(fd, options) {
  if (!(this instanceof ReadStream))
    return new ReadStream(fd, options);
  if (fd >> 0 !== fd || fd < 0)
    throw makeNodeError(RangeError, 'ERR_INVALID_FD', `"fd" must be a positive integer: ${fd}`);
  net.Socket.call(this, { readableHighWaterMark: 0, ...options, fd, manualStart: true });
  this.isRaw = false;
  this.isTTY = true;
}
Object.setPrototypeOf(ReadStream.prototype, net.Socket.prototype);
Object.setPrototypeOf(ReadStream, net.Socket);

ReadStream.prototype.setRawMode = function setRawMode(flag) {
  flag = Boolean(flag);
  const status = this._handle?.setRawMode(flag);
  if (status) {
    const code = natives.uvError(status)[0];
    const error = new Error(`setRawMode ${code}`);
    Object.assign(error, { errno: status, code, syscall: 'setRawMode' });
    this.emit('error', error);
    return this;
  }
  this.isRaw = flag;
  return this;
};

module.exports = { isatty, ReadStream };
