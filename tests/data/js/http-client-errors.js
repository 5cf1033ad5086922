const http = require('http');
const net = require('net');
const probe = net.createServer();
probe.listen(0, '127.0.0.1', () => {
  const port = probe.address().port;
  probe.close(() => {
    const req = http.get({ host: '127.0.0.1', port, path: '/' });
    req.on('error', (e) => {
      console.log(e.message.replace(String(port), 'PORT'));
      console.log(e.code, e.errno, e.syscall, e.address, e.port === port);
      const server = http.createServer((q, s) => { s.destroy(); });
      server.listen(0, '127.0.0.1', () => {
        const r = http.get({ host: '127.0.0.1', port: server.address().port });
        r.on('error', (e2) => { console.log('hang up:', e2.message, e2.code); server.close(); });
      });
    });
  });
});
