const http = require('http');
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    res.writeHead(req.url === '/missing' ? 404 : 200, { 'Content-Type': 'application/json', 'X-Test': 'yes' });
    res.end(JSON.stringify({ method: req.method, url: req.url, body }));
  });
});
server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const get = (path) => new Promise((resolve, reject) => {
    http.get(`http://127.0.0.1:${port}${path}`, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => resolve([res.statusCode, res.headers['content-type'], res.headers['x-test'], text]));
    }).on('error', reject);
  });
  console.log(await get('/hello'));
  console.log(await get('/missing'));
  const posted = await new Promise((resolve) => {
    const req = http.request({ hostname: '127.0.0.1', port, path: '/post', method: 'POST', headers: { 'Content-Type': 'text/plain' } }, (res) => {
      let text = '';
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => resolve(text));
    });
    req.write('part one, ');
    req.end('part two');
  });
  console.log(posted);
  server.close(() => console.log('closed'));
});
