// A connect nobody answers: ECONNREFUSED as Node's error (code, errno, syscall, address,
// port, message), 'error' on a tick after the failed connect and 'close' with hadError.
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
  }).catch((error) => console.log(`rejected: ${error.message}`));
});
console.log(`main: connecting=${socket.connecting}`);
