// Node 20's global agent keeps connections alive: requests one after another share one
// connection; requests at once open one each, and later ones take the freed connections;
// a connection is free only after its request's 'close' (a request made in the response's
// 'end' handler opens another); `agent: false` and an agent without keepAlive close theirs.
const http = require('http');

const seen = new Map();  // socket -> connection number
const server = http.createServer((req, res) => {
  if (!seen.has(req.socket))
    seen.set(req.socket, seen.size + 1);
  console.log(`${req.url} on connection ${seen.get(req.socket)} (${req.headers.connection})`);
  res.end(req.url);
});
let accepted = 0;
server.on('connection', () => accepted++);

function get(path, options = {}) {
  return new Promise((resolve) => {
    const request = http.get({ port: server.address().port, path, ...options }, (res) => {
      res.resume();
      res.on('end', () => resolve(request));
    });
  });
}

server.listen(0, async () => {
  await get('/one');
  await get('/two');
  await new Promise((resolve) => setImmediate(resolve));
  await get('/three');
  console.log('accepted so far', accepted);
  await Promise.all([get('/a'), get('/b'), get('/c')]);
  console.log('accepted so far', accepted);
  await new Promise((resolve) => setTimeout(resolve, 5));
  await Promise.all([get('/d'), get('/e')]);
  console.log('accepted so far', accepted);
  await new Promise((resolve) => {
    http.get({ port: server.address().port, path: '/outer' }, (res) => {
      res.resume();
      res.on('end', () => get('/inside-end').then(resolve));
    });
  });
  console.log('accepted so far', accepted);
  await get('/no-agent', { agent: false });
  await get('/plain-agent', { agent: new http.Agent() });
  console.log('accepted so far', accepted);
  server.close(() => console.log('closed'));
});
