// A Worker from this same file: workerData in, messages both ways, 'online' and 'exit'.
const { Worker, isMainThread, parentPort, workerData, threadId } = require('worker_threads');

if (isMainThread) {
  console.log('main thread', threadId, workerData, parentPort);
  const worker = new Worker(__filename, { workerData: { n: 5, list: [1, 2] } });
  worker.on('online', () => console.log('online'));
  worker.on('message', (message) => {
    console.log('main got', message);
    if (message.done)
      worker.postMessage('bye');
  });
  worker.on('exit', (code) => console.log('exit', code, worker.threadId));
  console.log('worker', worker.threadId, 'started; the main script ends');
} else {
  console.log('worker', threadId, 'has', workerData);
  parentPort.postMessage({ doubled: workerData.n * 2 });
  parentPort.postMessage({ done: true });
  parentPort.on('message', (message) => {
    console.log('worker got', message);
    parentPort.close();
  });
}
