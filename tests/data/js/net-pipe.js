// pipe() between sockets: an echo server that pipes each socket into itself, and a proxy
// that pipes its clients to the echo server and back; a client pipes a stream in. Both
// servers keep their sockets half open, so the echo comes back after the client's end.
const net = require('net');
const { Readable } = require('stream');

const echo = net.createServer({ allowHalfOpen: true }, (socket) => socket.pipe(socket));
const proxy = net.createServer({ allowHalfOpen: true }, (socket) => {
  const upstream = net.connect(echo.address().port, '127.0.0.1');
  socket.pipe(upstream).pipe(socket);
  upstream.on('close', () => console.log('proxy: upstream closed'));
});

echo.listen(0, '127.0.0.1', () => proxy.listen(0, '127.0.0.1', () => {
  const client = net.connect(proxy.address().port, '127.0.0.1');
  const chunks = [];
  client.on('data', (chunk) => chunks.push(chunk));
  client.on('end', () => {
    const text = Buffer.concat(chunks).toString();
    console.log(`client: echoed ${text.length} characters, lines ${text.split('\n').filter(Boolean).join(',')}`);
  });
  client.on('close', () => {
    console.log('client: close');
    echo.close(() => console.log('echo: closed'));
    proxy.close(() => console.log('proxy: closed'));
  });
  Readable.from(['one\n', 'two\n', 'three\n']).pipe(client);
}));
