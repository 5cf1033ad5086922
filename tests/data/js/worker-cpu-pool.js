// Four CPU jobs on four workers at once (fib in each), results collected in order; the
// main thread's timer runs while they compute.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

if (isMainThread) {
  const started = Date.now();
  const jobs = [22, 23, 24, 25].map((n) => new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: n });
    worker.once('message', resolve);
    worker.once('error', reject);
  }));
  const tick = setTimeout(() => console.log('the main thread stays free'), 0);
  Promise.all(jobs).then((results) => {
    console.log('results', results);
    console.log('took less than 30 s:', Date.now() - started < 30000);
  });
} else {
  parentPort.postMessage({ n: workerData, fib: fib(workerData) });
}
