// Node's IPC channel between a process and one it forked (a cluster worker, a fork()ed
// child), both ends: sending a message (JSON), telling Node's internal messages apart, and
// the forked side's process.connected, process.disconnect(), process.channel, with the
// channel kept alive only while the program listens on it, as Node keeps it.
'use strict';

const natives = require('internal:binding');
const { makeNodeError } = require('internal/errors');

function messageText(message) {
  if (message === undefined)
    throw makeNodeError(TypeError, 'ERR_MISSING_ARGS', 'The "message" argument must be specified');
  return JSON.stringify(message);
}

function isInternal(message) {
  return message !== null && typeof message === 'object' && typeof message.cmd === 'string' &&
    message.cmd.startsWith('NODE_');
}

// The callback argument of send(message[, handle][, options][, callback]).
function sendCallback(args) {
  for (let i = args.length - 1; i >= 1; i--) {
    if (typeof args[i] === 'function')
      return args[i];
  }
  return undefined;
}

function channelClosed() {
  return makeNodeError(Error, 'ERR_IPC_CHANNEL_CLOSED', 'Channel closed');
}

// send(message[, handle][, options][, callback]) on one end of a channel (`target`): the
// message's text goes to `deliver(text, callback)`; on a closed channel the error goes to
// the callback, else to 'error'.
function sendOn(target, message, rest, deliver) {
  const callback = sendCallback([message, ...rest]);
  const text = messageText(message);
  if (!target.connected) {
    const error = channelClosed();
    if (callback)
      process.nextTick(callback, error);
    else
      process.nextTick(() => target.emit('error', error));
    return false;
  }
  return deliver(text, callback);
}

// A delivery that took the text (`sent`) or found the channel gone: the callback hears which.
function answerSend(sent, callback) {
  if (callback)
    process.nextTick(callback, sent ? null : channelClosed());
  return sent;
}

function openChannelEnd(process) {
  process.connected = true;
  process.disconnect = function() {
    if (!process.connected) {
      process.emit('error', makeNodeError(Error, 'ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected'));
      return;
    }
    process.connected = false;
    process.channel = undefined;
    // The parent hears of it once this side's 'disconnect' listeners have run: Node's
    // parent notices a closed channel some time later, after what they log.
    process.nextTick(() => {
      try {
        process.emit('disconnect');
      } finally {
        natives.workerDisconnect();
      }
    });
  };
  process.channel = { ref() { natives.workerChannelRef(true); }, unref() { natives.workerChannelRef(false); } };
  const refreshRef = () => process.nextTick(() => {
    natives.workerChannelRef(process.connected &&
      (process.listenerCount('message') > 0 || process.listenerCount('disconnect') > 0));
  });
  process.on('newListener', refreshRef);
  process.on('removeListener', refreshRef);
}

module.exports = { openChannelEnd, sendOn, answerSend, isInternal, messageText, channelClosed };
