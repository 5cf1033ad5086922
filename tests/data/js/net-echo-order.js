// An echo server and its client on an ephemeral port: when connect, data, end, finish and
// close come, against nextTick, promise and setImmediate probes queued at each step.
const net = require('net');

const server = net.createServer((socket) => {
  console.log(`server: connection from ${socket.remoteAddress} (${socket.remoteFamily})`);
  process.nextTick(() => console.log('server: nextTick after connection'));
  Promise.resolve().then(() => console.log('server: microtask after connection'));
  setImmediate(() => console.log('server: immediate after connection'));
  socket.on('data', (data) => {
    console.log(`server: data ${JSON.stringify(data.toString())}`);
    socket.write(data);
  });
  socket.on('end', () => console.log('server: end'));
  socket.on('finish', () => console.log('server: finish'));
  socket.on('close', (hadError) => {
    console.log(`server: close hadError=${hadError}`);
    server.close(() => console.log('server: closed'));
  });
});

server.on('listening', () => console.log('server: listening event'));
server.listen(0, '127.0.0.1', () => {
  const { address, family, port } = server.address();
  console.log(`server: listen callback ${address} ${family} port is a number: ${typeof port === 'number'}`);
  const client = net.connect(port, '127.0.0.1', () => {
    console.log('client: connect callback');
    console.log(`client: remotePort matches: ${client.remotePort === port}, localAddress ${client.localAddress}`);
    process.nextTick(() => console.log('client: nextTick after connect'));
    Promise.resolve().then(() => console.log('client: microtask after connect'));
    setImmediate(() => console.log('client: immediate after connect'));
    client.write('hello', () => console.log('client: write callback'));
  });
  console.log(`client: connecting=${client.connecting} pending=${client.pending} readyState=${client.readyState}`);
  client.on('connect', () => console.log(`client: connect event, readyState=${client.readyState}`));
  client.on('ready', () => console.log('client: ready'));
  client.on('data', (data) => {
    console.log(`client: data ${JSON.stringify(data.toString())}`);
    process.nextTick(() => console.log('client: nextTick after data'));
    client.end();
  });
  client.on('end', () => console.log('client: end'));
  client.on('finish', () => console.log('client: finish'));
  client.on('close', (hadError) => console.log(`client: close hadError=${hadError}, readyState=${client.readyState}`));
});
console.log(`main: listening=${server.listening} address=${server.address()}`);
