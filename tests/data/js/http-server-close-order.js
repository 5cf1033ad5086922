const http = require('http');
const events = [];
const server = http.createServer((req, res) => {
  events.push('request ' + req.url);
  res.on('finish', () => events.push('res finish ' + req.url));
  res.on('close', () => events.push('res close ' + req.url));
  res.end('ok');
});
server.on('close', () => events.push('server close event'));
server.listen(0, '127.0.0.1', () => {
  const agent = new http.Agent({ keepAlive: true });
  http.get({ port: server.address().port, host: '127.0.0.1', path: '/one', agent }, (res) => {
    res.on('data', () => {});
    res.on('end', () => {
      events.push('client end');
      server.close((err) => {
        events.push('close callback ' + err);
        setTimeout(() => { console.log(events.join('\n')); agent.destroy(); }, 20);
      });
      events.push('close called');
    });
  });
});
