const net = require('net');

// The loopback peer: answers each request after the number of milliseconds it names.
const peer = net.createServer((socket) => {
  socket.once('data', (data) => {
    setTimeout(() => socket.end('ok'), Number(data));
  });
});

// `net: {to, takes, then}`: a request on a real loopback socket; `then` runs when the
// answer arrives.
function request(takesMs, then) {
  const socket = net.connect(peer.address().port, '127.0.0.1', () => {
    socket.write(String(takesMs));
  });
  socket.once('data', () => {
    socket.destroy();
    then();
  });
}

function main() {
  request(80, () => {
    console.log('slow-api answered');
  });
  request(10, () => {
    console.log('fast-api answered');
  });
  console.log('both sent');
}

// The peer listens first. Its 'listening' callback is a nextTick that Node runs right
// after this script, before the event loop's first iteration: main starts from there.
peer.listen(0, '127.0.0.1', main);
peer.unref();
