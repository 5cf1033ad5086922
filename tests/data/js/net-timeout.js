// socket.setTimeout on an idle connection: 'timeout' after the idle time (the socket stays
// open until the program acts), activity puts it back, setTimeout(0) turns it off.
const net = require('net');

const server = net.createServer((socket) => {
  socket.on('data', () => {});
  socket.on('end', () => socket.end());
  socket.on('close', () => server.close());
});

server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  const started = Date.now();
  let timeouts = 0;
  client.setTimeout(60, () => console.log('client: setTimeout callback'));
  console.log(`client: timeout=${client.timeout}`);
  client.on('timeout', () => {
    timeouts += 1;
    console.log(`client: timeout ${timeouts}, at least 60 ms idle: ${Date.now() - started >= 55}`);
    if (timeouts === 1) {
      // Activity: the idle timer starts again from here.
      client.write('ping');
    } else {
      client.setTimeout(0);
      console.log(`client: timeout now ${client.timeout}; ending`);
      setTimeout(() => client.end(), 100);
    }
  });
  client.on('close', () => console.log(`client: close after ${timeouts} timeouts`));
});
