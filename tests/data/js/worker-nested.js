// A worker that starts its own worker: messages relay through the middle one.
const { Worker, isMainThread, parentPort, workerData, threadId } = require('worker_threads');

if (isMainThread) {
  const worker = new Worker(__filename, { workerData: { level: 1 } });
  worker.on('message', (message) => console.log('main got', message));
  worker.on('exit', (code) => console.log('main: worker exit', code));
} else if (workerData.level === 1) {
  const inner = new Worker(__filename, { workerData: { level: 2 } });
  inner.on('message', (message) => parentPort.postMessage({ from: 'inner', message, via: threadId }));
  inner.on('exit', (code) => parentPort.postMessage({ innerExit: code }));
} else {
  const cyclic = { threadId };
  cyclic.self = cyclic;
  parentPort.postMessage(cyclic);
}
