// Messages wait for parentPort's listener; once() takes one; a pending timer keeps the
// worker alive after its port has no listener left.
const { Worker } = require('worker_threads');

const worker = new Worker(`
  const { parentPort } = require('worker_threads');
  setTimeout(() => {
    parentPort.once('message', (message) => {
      console.log('worker once', message);
      setTimeout(() => parentPort.postMessage('late'), 10);
    });
  }, 30);
`, { eval: true });
worker.postMessage('first');
worker.postMessage('second');
worker.on('message', (message) => console.log('got', message));
worker.on('exit', (code) => console.log('exit', code));
