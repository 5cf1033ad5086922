// A connect nobody answers: ECONNREFUSED as Node's error (code, errno, syscall, address,
// port, message), 'error' on a tick after the failed connect and 'close' with hadError.
// Then a server that drops a connection with resetAndDestroy(): the client reads ECONNRESET.
const net = require('net');

const socket = net.connect(9, '127.0.0.1', () => console.log('connected?'));
socket.on('error', (error) => {
  console.log(`error: ${error.message}`);
  console.log(`code=${error.code} errno=${error.errno} syscall=${error.syscall} address=${error.address} port=${error.port}`);
  console.log(`instanceof Error: ${error instanceof Error}, destroyed=${socket.destroyed}, connecting=${socket.connecting}`);
  process.nextTick(() => console.log('tick after error'));
  setImmediate(() => console.log('immediate after error'));
});
socket.on('close', (hadError) => {
  console.log(`close hadError=${hadError} readyState=${socket.readyState}`);
  // Refused again, awaited as a promise: the options form, with 'connectionAttempt' and
  // 'connectionAttemptFailed'.
  const again = net.createConnection({ port: 9, host: '127.0.0.1' });
  again.on('connectionAttempt', (address, port, family) => console.log(`attempt ${address}:${port} IPv${family}`));
  again.on('connectionAttemptFailed', (address, port, family, error) => console.log(`attempt failed ${error.code}`));
  new Promise((resolve, reject) => {
    again.once('connect', resolve);
    again.once('error', reject);
  }).catch((error) => {
    console.log(`rejected: ${error.message}`);
    reset();
  });
});
console.log(`main: connecting=${socket.connecting}`);

function reset() {
  const server = net.createServer((socket) => {
    socket.on('data', () => socket.resetAndDestroy());
    socket.on('close', (hadError) => console.log(`server: socket close hadError=${hadError}`));
    server.close();
  });
  server.listen(0, '127.0.0.1', () => {
    const client = net.connect(server.address().port, '127.0.0.1', () => client.write('hello?'));
    client.on('error', (error) => console.log(`client: error ${error.message} (${error.code}, syscall ${error.syscall})`));
    client.on('close', (hadError) => console.log(`client: close hadError=${hadError}`));
  });
}
