// Data as Buffers by default and as strings after setEncoding: multi-byte characters come
// whole even when a write cuts one in two. The server stays half open to answer after
// the client's end.
const net = require('net');

const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  const chunks = [];
  socket.on('data', (chunk) => chunks.push(chunk));
  socket.on('end', () => {
    const all = Buffer.concat(chunks);
    console.log(`server: every chunk a Buffer: ${chunks.every(Buffer.isBuffer)}, ${all.length} bytes`);
    console.log(`server: as text ${all.toString('utf8')}`);
    // The answer: "héllo wörld ✓" with a write that splits the ✓ (three bytes) in two.
    const answer = Buffer.from('héllo wörld ✓', 'utf8');
    socket.write(answer.subarray(0, answer.length - 2));
    setTimeout(() => socket.end(answer.subarray(answer.length - 2)), 10);
  });
});

server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1', () => {
    client.write('ünïcödé ');
    client.write(Buffer.from('and bytes', 'latin1'));
    client.end(Buffer.from([0x20, 0xe2, 0x82, 0xac]));  // " €"
  });
  client.setEncoding('utf8');
  const pieces = [];
  client.on('data', (piece) => pieces.push(piece));
  client.on('end', () => {
    console.log(`client: every piece a string: ${pieces.every((piece) => typeof piece === 'string')}`);
    console.log(`client: ${pieces.join('')}`);
    console.log(`client: readableEncoding=${client.readableEncoding}`);
  });
  client.on('close', () => server.close());
});
