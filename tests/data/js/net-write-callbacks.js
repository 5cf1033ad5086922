// Write callbacks, 'finish' and the byte counts: small writes go out at once, their
// callbacks on a tick; end(data, cb) calls back at 'finish', after the shutdown.
const net = require('net');

const server = net.createServer((socket) => {
  let received = 0;
  socket.on('data', (chunk) => { received += chunk.length; });
  socket.on('end', () => {
    console.log(`server: received ${received} bytes, bytesRead=${socket.bytesRead}`);
    socket.end();
  });
  socket.on('close', () => server.close());
});

server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  // Written before the connection is there: buffered, counted, sent on 'connect'.
  const early = client.write('early ', () => console.log('client: early write callback'));
  console.log(`client: early write returned ${early}, bytesWritten=${client.bytesWritten} writableLength=${client.writableLength}`);
  client.on('connect', () => {
    console.log('client: connect');
    const first = client.write('first ', () => console.log('client: first write callback'));
    process.nextTick(() => console.log('client: tick after writes'));
    const second = client.write(Buffer.from('second '), 'buffer', () => console.log('client: second write callback'));
    console.log(`client: write returned ${first} ${second}`);
    client.end('last', () => console.log('client: end callback'));
    console.log(`client: writableEnded=${client.writableEnded} writableFinished=${client.writableFinished}`);
  });
  client.on('finish', () => {
    console.log(`client: finish, writableFinished=${client.writableFinished} bytesWritten=${client.bytesWritten}`);
  });
  client.on('close', () => console.log(`client: close, bytesWritten=${client.bytesWritten} bytesRead=${client.bytesRead}`));
});
