// Several clients in turn: each connects when the one before has closed; the server counts
// its connections and answers each with its number; after the third it closes.
const net = require('net');

let accepted = 0;
const server = net.createServer((socket) => {
  accepted += 1;
  const number = accepted;
  server.getConnections((error, count) => console.log(`server: client ${number}, ${count} connection(s) open`));
  socket.end(`you are client ${number}`);
});
server.on('close', () => console.log(`server: closed after ${accepted} clients`));

function client(number) {
  const socket = net.connect(server.address().port, '127.0.0.1');
  let text = '';
  socket.on('data', (chunk) => { text += chunk; });
  socket.on('close', () => {
    console.log(`client ${number}: heard "${text}"`);
    if (number < 3)
      client(number + 1);
    else
      server.close(() => console.log('server: close callback'));
  });
}

server.listen(0, '127.0.0.1', () => client(1));
