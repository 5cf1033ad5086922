const { Worker } = require('worker_threads');

// `worker: {takes, then}`: a worker thread computes for `takes`, then posts a message
// back; `then` is the main thread's 'message' listener.
function startWorker(takesMs, then) {
  const worker = new Worker(`
    const { parentPort, workerData } = require('worker_threads');
    const end = performance.now() + workerData;
    while (performance.now() < end);
    parentPort.postMessage('done');
  `, { eval: true, workerData: takesMs });
  worker.once('message', then);
}

startWorker(400, () => {
  console.log('slow worker done');
});
startWorker(60, () => {
  console.log('fast worker done');
});
setTimeout(() => {
  console.log('timer');
}, 1);
console.log('main end');
