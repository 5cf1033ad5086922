// An echo server and a client that sends three lines, each after the echo of the one
// before, then ends; then a connect that is refused.
const net = require('net');

const server = net.createServer((socket) => {
  socket.on('data', (data) => {
    console.log(`server got ${data}`);
    socket.write(data);
  });
});

server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  let sent = 0;
  const send = () => client.write(`ping ${++sent}`);
  client.on('connect', send);
  client.on('data', (data) => {
    console.log(`client got ${data}`);
    if (sent < 3)
      send();
    else
      client.end();
  });
  client.on('close', () => {
    server.close();
    net.connect(9, '127.0.0.1').on('error', (error) => console.log(`refused: ${error.code}`));
  });
});
