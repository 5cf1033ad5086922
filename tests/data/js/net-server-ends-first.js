// The server greets and ends its side first: the client reads the greeting, sees 'end',
// ends its own side by itself (allowHalfOpen is false) and both close.
const net = require('net');

const server = net.createServer((socket) => {
  socket.on('finish', () => console.log('server: finish'));
  socket.on('end', () => console.log('server: end'));
  socket.on('close', (hadError) => {
    console.log(`server: close hadError=${hadError}`);
    server.close();
  });
  socket.end('welcome\n', () => console.log('server: end callback'));
  console.log(`server: writableEnded=${socket.writableEnded} writableFinished=${socket.writableFinished}`);
});
server.on('close', () => console.log('server: closed'));

server.listen(0, '127.0.0.1', () => {
  const client = net.connect({ port: server.address().port, host: '127.0.0.1' });
  let text = '';
  client.setEncoding('utf8');
  client.on('data', (chunk) => { text += chunk; });
  client.on('end', () => {
    console.log(`client: end after ${JSON.stringify(text)}, writable=${client.writable}`);
    process.nextTick(() => console.log(`client: tick after end, writableEnded=${client.writableEnded}`));
  });
  client.on('finish', () => console.log('client: finish'));
  client.on('close', (hadError) => {
    console.log(`client: close hadError=${hadError} destroyed=${client.destroyed}`);
    // Writing after the other side ended: the stream's own error.
    client.write('late', (error) => console.log(`client: late write ${error && error.code}`));
  });
  client.on('error', (error) => console.log(`client: error ${error.code}`));
});
