const http = require('http');
const net = require('net');
const routes = {
  '/a': (res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end('hello'); },
  '/b': (res) => { res.end('hello'); },
  '/c': (res) => { res.writeHead(204); res.end(); },
  '/d': (res) => { res.writeHead(200); res.end(); },
  '/e': (res) => { res.setHeader('x', '1'); res.write('a'); res.end('b'); },
  '/f': (res) => { res.statusCode = 201; res.end(); },
};
const server = http.createServer((req, res) => { res.sendDate = false; routes[req.url](res); });
server.listen(0, '127.0.0.1', async () => {
  for (const path of Object.keys(routes)) {
    await new Promise((resolve) => {
      const sock = net.connect(server.address().port, '127.0.0.1', () => sock.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
      let raw = ''; sock.on('data', (d) => raw += d); sock.on('close', () => { console.log(path, JSON.stringify(raw)); resolve(); });
    });
  }
  server.close();
});
