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
  destroySocket(() => {
    console.log('closed');
    setImmediate(() => {
      console.log('immediate from close');
    });
    setTimeout(() => {
      console.log('timeout from close');
    }, 0);
    const end = Date.now() + 5;
    while (Date.now() < end);
  });
  console.log('read done');
});
