const net = require('net');
const total = 2 * 1024 * 1024;
const server = net.createServer((sock) => {
  let received = 0, pauses = 0;
  sock.on('data', (d) => {
    received += d.length;
    if (received >= total / 2 && pauses === 0) {
      pauses++;
      sock.pause();
      setTimeout(() => sock.resume(), 20);
    }
  });
  sock.on('end', () => { console.log('server received', received, 'paused', pauses); sock.end(); });
});
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1', () => {
    const chunk = Buffer.alloc(64 * 1024, 1);
    let sent = 0, sawFalse = false, drains = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!client.write(chunk)) { sawFalse = true; client.once('drain', () => { drains++; pump(); }); return; }
      }
      client.end();
      console.log('client wrote all; saw backpressure', sawFalse, 'drains > 0', drains > 0);
    };
    pump();
  });
  client.on('close', () => { console.log('client closed', client.bytesWritten); server.close(); });
  client.resume();
});
