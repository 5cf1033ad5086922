// allowHalfOpen: the client ends its side with its request; the server reads to the end
// and still answers on its open side, later, then ends; the client reads the answer.
const net = require('net');

const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  let request = '';
  socket.on('data', (chunk) => { request += chunk; });
  socket.on('end', () => {
    console.log(`server: end after ${JSON.stringify(request)}, writable=${socket.writable}`);
    setTimeout(() => {
      console.log('server: answering after a timer');
      socket.write(`got ${request.length} bytes`);
      socket.end(() => console.log('server: finish callback'));
    }, 20);
  });
  socket.on('close', () => {
    console.log('server: close');
    server.close();
  });
});

server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  client.end('question', () => console.log('client: finish callback'));
  let answer = '';
  client.on('data', (chunk) => { answer += chunk; });
  client.on('end', () => console.log(`client: end after ${JSON.stringify(answer)}`));
  client.on('close', (hadError) => console.log(`client: close hadError=${hadError}`));
});
