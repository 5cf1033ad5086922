const http = require('http');
const server = http.createServer((req, res) => {
  if (req.url === '/slow') setTimeout(() => res.end('slow done'), 200);
  else if (req.url === '/json') { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ ok: true, items: [1, 2] })); }
  else { res.statusCode = 503; res.setHeader('Retry-After', '1'); res.end('busy'); }
});
server.on('request', (req) => console.log('request event', req.method, req.url));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const req = http.get({ port, host: '127.0.0.1', path: '/slow', timeout: 50 }, (res) => console.log('unexpected response', res.statusCode));
  req.on('timeout', () => { console.log('timeout fired'); req.destroy(new Error('gave up')); });
  req.on('error', (e) => {
    console.log('error', e.message);
    http.get({ port, host: '127.0.0.1', path: '/json' }, (res) => {
      let raw = '';
      res.on('data', (c) => (raw += c));
      res.on('end', () => {
        console.log(res.statusCode, JSON.parse(raw));
        http.get(`http://127.0.0.1:${port}/other`, (r) => {
          console.log(r.statusCode, r.statusMessage, r.headers['retry-after']);
          r.resume().on('end', () => setTimeout(() => server.close(() => console.log('closed')), 250));
        });
      });
    });
  });
});
