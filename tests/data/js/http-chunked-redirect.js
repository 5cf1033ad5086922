const http = require('http');
const server = http.createServer((req, res) => {
  if (req.url === '/stream') {
    res.writeHead(200, { 'content-type': 'text/plain', 'x-Request-ID': 'abc' });
    let i = 0;
    const t = setInterval(() => {
      res.write(`chunk ${i}\n`);
      if (++i === 3) { clearInterval(t); res.end(); }
    }, 5);
  } else if (req.url === '/redirect') {
    res.writeHead(302, { Location: '/stream' });
    res.end();
  } else {
    res.statusCode = 500;
    res.end();
  }
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  http.get(`http://127.0.0.1:${port}/stream`, (res) => {
    console.log(res.statusCode, res.headers['transfer-encoding'], res.headers['x-request-id'], res.httpVersion);
    const rawNames = [];
    for (let i = 0; i < res.rawHeaders.length; i += 2) rawNames.push(res.rawHeaders[i]);
    console.log(rawNames.filter((n) => n !== 'Date').join(' '));
    res.setEncoding('utf8');
    const parts = [];
    res.on('data', (c) => parts.push(c));
    res.on('end', () => {
      console.log(parts.join('').split('\n'));
      http.get(`http://127.0.0.1:${port}/redirect`, (r2) => {
        console.log(r2.statusCode, r2.statusMessage, r2.headers.location);
        r2.resume();
        r2.on('end', () => {
          http.get(`http://127.0.0.1:${port}/other`, (r3) => {
            console.log(r3.statusCode, r3.statusMessage, r3.headers['content-length']);
            r3.resume();
            r3.on('end', () => server.close());
          });
        });
      });
    });
  });
});
