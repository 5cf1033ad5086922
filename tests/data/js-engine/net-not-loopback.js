// What loopscope's net refuses: a server on another machine's address, a connect beyond
// loopback and a name it does not resolve. Each is an error event; nothing is sent. A server
// on every interface (0.0.0.0) is served on loopback and shows the address Node shows.
const net = require('net');

const everywhere = net.createServer().listen(0, '0.0.0.0', () => {
  const { address, family } = everywhere.address();
  console.log(`every interface: ${address} ${family}`);
  everywhere.close();
  const server = net.createServer().listen(8123, '10.1.2.3');
  server.on('error', refusedListen);
});
function refusedListen(error) {
  console.log(`listen: ${error.code} ${error.syscall} ${error.message}`);
  const socket = net.connect(80, '10.1.2.3');
  socket.on('error', (refused) => console.log(`connect: ${refused.code} ${refused.syscall} ${refused.address}:${refused.port} ${refused.message}`));
  socket.on('close', (hadError) => {
    console.log(`close hadError=${hadError}`);
    net.connect(80, 'db.internal').on('error', (unknown) => console.log(`lookup: ${unknown.code} ${unknown.syscall}`));
  });
}
