// A forked process's end of its channel to its parent (a cluster worker's, a fork()ed
// child's): process.connected, process.disconnect(), process.channel, and the channel kept
// alive only while the program listens on it, as Node keeps it. process.send is each
// one's own (the cluster's wraps its messages).
'use strict';

const natives = require('internal:binding');
const { makeNodeError } = require('internal/errors');

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

module.exports = { openChannelEnd };
