const http = require('http');
const server = http.createServer((req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const name = url.searchParams.get('name') ?? 'nobody';
  res.end(`hello ${name} at ${url.pathname}`);
});
server.listen(0, () => {
  const { port } = server.address();
  http.get(`http://127.0.0.1:${port}/greet?name=Ann%20Lee&x=1`, (res) => {
    let body = '';
    res.on('data', (chunk) => { body += chunk; });
    res.on('end', () => {
      console.log(res.statusCode, body);
      server.close();
    });
  });
});
