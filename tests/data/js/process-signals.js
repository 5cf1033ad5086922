// Signals: process.on('SIGUSR1') and once('SIGUSR2') with process.kill to itself, a graceful
// SIGTERM that closes the server, signal 0 to test for the process, and the errors Node gives.
const http = require('http');
console.log(process.listenerCount('SIGUSR2'));
process.on('SIGUSR1', (name) => console.log('got', name));
process.once('SIGUSR2', function (name) { console.log('once', name, this === process); });
const server = http.createServer((req, res) => res.end('ok')).listen(0, '127.0.0.1', () => {
  console.log('listening');
  process.kill(process.pid, 'SIGUSR1');
  process.kill(process.pid, 'SIGUSR2');
  setTimeout(() => process.kill(process.pid, 'SIGTERM'), 20);
});
process.on('SIGTERM', () => {
  console.log('SIGTERM: closing the server');
  server.close(() => { console.log('closed'); });
});
try { process.kill(process.pid, 'SIGNOPE'); } catch (e) { console.log(e.name, e.code, e.message); }
try { process.kill('x'); } catch (e) { console.log(e.name, e.code, e.message); }
try { process.on('SIGKILL', () => {}); } catch (e) { console.log(e.name, e.code, e.message, e.syscall); }
console.log(process.kill(process.pid, 0));
setImmediate(() => console.log('immediate'));
process.on('exit', (code) => console.log('exit', code));
