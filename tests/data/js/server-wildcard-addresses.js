// Servers listening on a wildcard host (none, '::', '0.0.0.0') and on loopback: the
// addresses they report and the addresses of the peers they accept; the headers an http
// client sends, in Node's order (the options' headers, Host, then those set later).
const net = require('net');
const http = require('http');

function netServer(host) {
  return new Promise((resolve) => {
    const server = net.createServer((socket) => {
      console.log(`${host} accepted`, socket.remoteAddress, socket.remoteFamily, socket.localAddress, socket.localFamily);
      socket.end();
      server.close(resolve);
    });
    server.listen(0, host, () => {
      const { address, family } = server.address();
      console.log(`${host} listens on`, address, family);
      const client = net.connect(server.address().port, '127.0.0.1', () => {
        console.log(`${host} client`, client.remoteAddress, client.remoteFamily);
      });
      client.resume();
    });
  });
}

function httpServer(host) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      const { socket } = req;
      console.log(`http ${host}`, socket.remoteAddress, socket.remoteFamily, req.rawHeaders.filter((_, at) => at % 2 === 0));
      res.end('ok');
    });
    server.listen(0, host, () => {
      const { address, family, port } = server.address();
      console.log(`http ${host} listens on`, address, family);
      const request = http.request({ port, host: '127.0.0.1', headers: { 'X-First': '1', Accept: 'text/plain' } }, (res) => {
        res.resume();
        res.on('end', () => server.close(resolve));
      });
      request.setHeader('X-Later', '2');
      console.log('client host header is', request.getHeader('host') === `127.0.0.1:${port}`);
      request.end();
    });
  });
}

(async () => {
  for (const host of [undefined, '::', '0.0.0.0', '127.0.0.1'])
    await netServer(host);
  for (const host of [undefined, '0.0.0.0', 'localhost'])
    await httpServer(host);
})();
