// What loopscope's net refuses: a server on every interface, a connect beyond loopback and
// a name it does not resolve. Each is an error event; nothing is sent.
const net = require('net');

const server = net.createServer().listen(8123, '0.0.0.0');
server.on('error', (error) => {
  console.log(`listen: ${error.code} ${error.syscall} ${error.message}`);
  const socket = net.connect(80, '10.1.2.3');
  socket.on('error', (refused) => console.log(`connect: ${refused.code} ${refused.syscall} ${refused.address}:${refused.port} ${refused.message}`));
  socket.on('close', (hadError) => {
    console.log(`close hadError=${hadError}`);
    net.connect(80, 'db.internal').on('error', (unknown) => console.log(`lookup: ${unknown.code} ${unknown.syscall}`));
  });
});
