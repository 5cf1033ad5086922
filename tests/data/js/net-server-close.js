// server.close() while a connection is open: the listening socket closes at once (no new
// connections, listening is false), but 'close' and the callback wait until the last socket
// has closed. Closing a server that is not running hands the callback an error. Last, a
// server and a connection that are unref'd keep nothing alive: the program ends with them.
const net = require('net');

const server = net.createServer((socket) => {
  console.log('server: connection; closing the server');
  server.close((error) => console.log(`server: close callback, error=${error}`));
  console.log(`server: listening=${server.listening} address=${server.address()}`);
  socket.on('close', () => console.log('server: its socket closed'));
  setTimeout(() => socket.end('bye'), 30);
});
server.on('close', () => console.log('server: close event'));

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const client = net.connect(port, '127.0.0.1');
  client.on('data', (data) => console.log(`client: ${data}`));
  client.on('close', () => {
    console.log('client: close');
    const late = net.connect(port, '127.0.0.1');
    late.on('error', (error) => {
      console.log(`late client: ${error.code}`);
      server.close((notRunning) => {
        console.log(`second close: ${notRunning.code} ${notRunning.message}`);
        unrefd();
      });
    });
  });
});

function unrefd() {
  const idle = net.createServer((socket) => {
    socket.unref();
    console.log('idle server: connection, its socket unref\'d');
  });
  idle.listen(0, '127.0.0.1', () => {
    idle.unref();
    console.log(`idle server: unref'd, listening=${idle.listening}`);
    const client = net.connect(idle.address().port, '127.0.0.1', () => {
      client.unref();
      console.log('idle client: connected and unref\'d');
    });
  });
  process.on('exit', () => console.log(`exit: idle server listening=${idle.listening}`));
}
