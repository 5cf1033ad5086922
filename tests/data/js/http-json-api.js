const http = require('http');
const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    console.log('server got', req.method, req.url, req.headers['content-type'], req.headers['x-custom-thing'], JSON.stringify(body));
    console.log('raw header names', req.rawHeaders.filter((_, i) => i % 2 === 0).filter((n) => n !== 'Host' && n !== 'Connection').join(','));
    if (req.url === '/missing') {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'not found' }));
      return;
    }
    if (req.url === '/teapot') {
      res.statusCode = 418;
      res.statusMessage = 'Short And Stout';
      res.setHeader('X-Multi', ['a', 'b']);
      res.end('tea');
      return;
    }
    res.setHeader('Content-Type', 'application/json');
    res.write('{"echo":');
    res.write(JSON.stringify(body ? JSON.parse(body) : null));
    res.end('}');
  });
});
function request(method, path, payload) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.address().port, method, path, headers: { 'Content-Type': 'application/json', 'X-Custom-Thing': 'yes' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, message: res.statusMessage, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    if (payload !== undefined) req.write(JSON.stringify(payload));
    req.end();
  });
}
server.listen(0, '127.0.0.1', async () => {
  const a = await request('POST', '/items', { name: 'pen', qty: 3 });
  console.log(a.status, a.message, a.headers['content-type'], a.headers['transfer-encoding'], a.body);
  const b = await request('GET', '/missing');
  console.log(b.status, b.message, b.headers['content-length'], b.body);
  const c = await request('PUT', '/teapot', 'x');
  console.log(c.status, c.message, c.headers['x-multi'], c.body);
  console.log(Object.keys(c.headers).filter((h) => h !== 'date').join(','));
  server.close(() => console.log('server closed'));
});
server.on('close', () => console.log('close event'));
