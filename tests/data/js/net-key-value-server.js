const net = require('net');
const store = new Map();
const server = net.createServer({ allowHalfOpen: false }, (socket) => {
  socket.setEncoding('utf8');
  let pending = '';
  socket.on('data', (data) => {
    pending += data;
    let nl;
    while ((nl = pending.indexOf('\n')) !== -1) {
      const [cmd, key, ...rest] = pending.slice(0, nl).trim().split(' ');
      pending = pending.slice(nl + 1);
      if (cmd === 'SET') { store.set(key, rest.join(' ')); socket.write('OK\n'); }
      else if (cmd === 'GET') socket.write(store.has(key) ? `VALUE ${store.get(key)}\n` : 'NOT_FOUND\n');
      else if (cmd === 'COUNT') server.getConnections((err, n) => socket.write(`CONNECTIONS ${n}\n`));
      else socket.write(`ERROR unknown command ${cmd}\n`);
    }
  });
});
function client(port, commands) {
  return new Promise((resolve) => {
    const c = net.createConnection({ port, host: '127.0.0.1' }, () => {
      for (const cmd of commands) c.write(cmd + '\n');
    });
    let text = '';
    c.on('data', (d) => {
      text += d;
      if (text.split('\n').length - 1 === commands.length) c.end();
    });
    c.on('close', () => resolve(text.trim().split('\n')));
  });
}
server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  console.log(await client(port, ['SET a hello world', 'GET a', 'GET b', 'FOO x']));
  console.log(await client(port, ['GET a', 'COUNT']));
  const both = await Promise.all([client(port, ['SET k1 v1']), client(port, ['SET k2 v2'])]);
  console.log(both, [...store.keys()].sort());
  server.close(() => console.log('closed'));
});
