import net from 'net';

// `close` is socket.destroy() and its 'close' event. The socket gets its handle at
// connect() and is destroyed before it ever connects, so nothing is sent.
function destroySocket(onClose) {
  const socket = net.connect(9, '127.0.0.1');
  socket.on('close', onClose);
  socket.destroy();
}

setTimeout(() => {
  console.log('timeout');
}, 0);
destroySocket(() => {
  console.log('closed');
  process.nextTick(() => {
    console.log('tick from close');
  });
});
setImmediate(() => {
  console.log('immediate');
});
Promise.resolve().then(() => {
  console.log('promise');
});
console.log('main end');
