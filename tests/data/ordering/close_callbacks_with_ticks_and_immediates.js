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
    console.log('close 1');
    process.nextTick(() => {
      console.log('tick from close 1');
    });
    setImmediate(() => {
      console.log('immediate from close 1');
    });
    destroySocket(() => {
      console.log('close from close 1');
    });
  });
  destroySocket(() => {
    console.log('close 2');
    Promise.resolve().then(() => {
      console.log('promise from close 2');
    });
  });
  setImmediate(() => {
    console.log('immediate');
    destroySocket(() => {
      console.log('close from immediate');
    });
  });
  console.log('read done');
});
