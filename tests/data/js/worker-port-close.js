// Closing ports that crossed threads: a close on either side emits 'close' on both, a
// worker's ports close when it exits, and an unref'd port lets a thread end. Events of
// different channels may come in any order, so the main thread lists them sorted at exit.
const { Worker, MessageChannel, isMainThread, parentPort } = require('worker_threads');

if (isMainThread) {
  const seen = [];
  const first = new MessageChannel();
  const second = new MessageChannel();
  const third = new MessageChannel();
  const worker = new Worker(__filename);
  worker.postMessage({ first: first.port2, second: second.port2, third: third.port2 },
    [first.port2, second.port2, third.port2]);
  worker.on('message', (message) => seen.push(`worker says: ${message}`));
  first.port1.on('message', (message) => {
    seen.push(`first: ${message}`);
    first.port1.close();
  });
  first.port1.on('close', () => seen.push('first closed on main'));
  second.port1.on('message', (message) => seen.push(`second: ${message}`));
  second.port1.on('close', () => seen.push('second closed on main (the worker closed it)'));
  third.port1.on('close', () => seen.push('third closed on main (the worker exited)'));
  third.port1.on('message', () => {});
  worker.on('exit', (code) => seen.push(`worker exit ${code}`));
  process.on('exit', () => console.log(seen.sort()));
} else {
  parentPort.once('message', ({ first, second, third }) => {
    first.on('message', () => {});
    first.on('close', () => {
      parentPort.postMessage('first closed in worker');
      second.postMessage('closing');
      second.close();
    });
    second.on('close', () => parentPort.postMessage('second closed in worker'));
    third.on('message', () => {});
    third.unref();
    first.postMessage('hello');
  });
}
