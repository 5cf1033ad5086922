// An http server's 'connection' event: one per connection accepted, before its request,
// in a callback of its own (its ticks and microtasks run before the request arrives); the
// request's socket is the connection's.
const http = require('http');

let connections = 0;
const server = http.createServer((req, res) => {
  console.log('request', req.url, 'on connection', req.socket.connectionNumber, req.socket.server === server);
  res.end(`you are visitor ${connections}`);
});
server.on('connection', (socket) => {
  socket.connectionNumber = ++connections;
  console.log('connection', connections, socket.remoteFamily);
  process.nextTick(() => console.log('tick after connection', connections));
  Promise.resolve().then(() => console.log('microtask after connection', connections));
});

function get(path) {
  return new Promise((resolve) => {
    http.get({ port: server.address().port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(body));
    });
  });
}

server.listen(0, async () => {
  console.log(await get('/first'));
  console.log(await get('/second'));
  server.close(() => console.log('closed after', connections, 'connections'));
});
