const fs = require('fs');
const net = require('net');

// `close` is socket.destroy() and its 'close' event. The socket gets its handle at
// connect() and is destroyed before it ever connects, so nothing is sent.
function destroySocket(onClose) {
  const socket = net.connect(9, '127.0.0.1');
  socket.on('close', onClose);
  socket.destroy();
}

fs.readFile(__filename, () => {
  setTimeout(() => {
    console.log('timeout');
  }, 0);
  destroySocket(() => {
    console.log('closed');
  });
  setImmediate(() => {
    console.log('immediate');
  });
  console.log('read done');
});
