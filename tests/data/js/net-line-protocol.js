const net = require('net');
const server = net.createServer((sock) => {
  sock.setEncoding('utf8');
  let buf = '';
  sock.on('data', (d) => {
    buf += d;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      if (line === 'quit') { sock.end('bye\n'); return; }
      sock.write(line.split('').reverse().join('') + '\n');
    }
  });
  sock.on('end', () => console.log('server: client ended'));
  sock.on('close', (hadError) => { console.log('server: socket closed', hadError); server.close(); });
});
server.on('listening', () => console.log('listening', typeof server.address().port, server.address().family));
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  client.setEncoding('utf8');
  client.on('connect', () => {
    console.log('client connected', client.remoteAddress, client.remoteFamily);
    client.write('hello\nworld\n');
    client.write('quit\n');
  });
  let got = '';
  client.on('data', (d) => (got += d));
  client.on('end', () => { console.log('client got', JSON.stringify(got)); });
  client.on('close', () => console.log('client closed', client.bytesWritten));
});
server.on('close', () => console.log('server closed'));
