// cluster: two workers share port 0; the primary deals four connections round-robin (the
// worker that answers each is the next in turn), then cluster.disconnect() closes their
// servers and they exit with code 0. (Which worker listens first is the OS's choice, so
// the primary reports it only once both listen, and the exits once both are in.)
const cluster = require('node:cluster');
const http = require('node:http');
if (cluster.isPrimary) {
  const ports = new Set();
  const exits = [];
  for (let i = 0; i < 2; i++) cluster.fork();
  cluster.on('listening', (worker, address) => {
    ports.add(`${address.addressType} ${address.address} ${typeof address.port}`);
    if (Object.values(cluster.workers).some((w) => w.state !== 'listening')) return;
    console.log('both listening on one port:', [...ports]);
    const answers = [];
    const get = (n) => {
      if (n === 0) {
        console.log('workers alternate:', answers[0] !== answers[1] && answers[0] === answers[2] && answers[1] === answers[3]);
        return cluster.disconnect(() => console.log('all disconnected'));
      }
      http.get({ port: address.port, host: '127.0.0.1', agent: false, path: '/' + n }, (res) => {
        let body = '';
        res.on('data', (c) => body += c);
        res.on('end', () => {
          console.log(n, res.statusCode, body.replace(/worker \d/, 'worker N'));
          answers.push(body.slice(0, 8));
          get(n - 1);
        });
      });
    };
    get(4);
  });
  cluster.on('exit', (w, code, signal) => {
    exits.push(`${w.id}:${code}:${signal}:${w.exitedAfterDisconnect}`);
    if (exits.length === 2) console.log('exits', exits.sort());
  });
} else {
  http.createServer((req, res) => res.end(`worker ${cluster.worker.id} ${req.url}`)).listen(0, '127.0.0.1');
}
