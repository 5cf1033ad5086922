const http = require('http');
const server = http.createServer((req, res) => {
  res.setHeader('Content-Type', 'text/plain');
  res.end(`hello ${req.method} ${req.url}\n`);
});
server.listen(0, () => console.log('listening'));
