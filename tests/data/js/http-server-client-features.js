// An HTTP server and its client on loopback: routing on the URL, a JSON POST body, status
// codes and messages, headers (set, multiple, raw order; Node 20's keep-alive agent), a gzip
// stream piped into the response, and the http module's tables.
const http = require('http');
const zlib = require('zlib');
const { pipeline, Readable } = require('stream');
console.log(http.STATUS_CODES[418], http.METHODS.length, typeof http.Agent, typeof http.globalAgent, http.maxHeaderSize);
const server = http.createServer((req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  console.log('server got', req.method, url.pathname, url.searchParams.get('q'), req.headers['content-type'] ?? '-', req.httpVersion);
  if (url.pathname === '/json' && req.method === 'POST') {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const data = JSON.parse(body);
      res.statusCode = 201;
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('X-Count', [1, 2]);
      console.log('headersSent before', res.headersSent, res.getHeader('content-type'), res.getHeaderNames());
      res.end(JSON.stringify({ got: data, len: body.length }));
      console.log('headersSent after', res.headersSent);
    });
  } else if (url.pathname === '/gzip') {
    res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Type': 'text/plain' });
    pipeline(Readable.from(['hello ', 'compressed ', 'world']), zlib.createGzip(), res, (e) => console.log('gzip pipeline', e ?? 'ok'));
  } else if (url.pathname === '/missing') {
    res.writeHead(404, 'Nope', { 'content-type': 'text/plain' });
    res.end('not here');
  } else {
    res.end(`hello ${url.searchParams.get('q')}`);
  }
});
server.listen(0, '127.0.0.1', async () => {
  const { port, address, family } = server.address();
  console.log('listening', address, family, typeof port);
  const get = (path) => new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, message: res.statusMessage, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
  const a = await get('/hello?q=there');
  console.log(a.status, a.message, a.body.toString(), a.headers['content-length'], a.headers.connection);
  const b = await get('/missing');
  console.log(b.status, b.message, b.body.toString(), b.headers['content-type']);
  const c = await get('/gzip');
  console.log(c.status, c.headers['content-encoding'], c.headers['transfer-encoding'], zlib.gunzipSync(c.body).toString());
  const req = http.request({ host: '127.0.0.1', port, path: '/json', method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (d) => (text += d));
    res.on('end', () => {
      console.log(res.statusCode, res.headers['x-count'], res.headers['content-type'], text);
      const r = res.rawHeaders.filter((_, i) => i % 2 === 0);
      console.log(r.join(','));
      server.close(() => console.log('server closed'));
    });
  });
  req.write(JSON.stringify({ a: 1, b: 'two' }));
  req.end();
});
