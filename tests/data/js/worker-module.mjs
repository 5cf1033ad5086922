// An ES module that is its own worker (new URL(import.meta.url)), with top-level await
// in the parent.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

if (isMainThread) {
  const sum = (numbers) => new Promise((resolve) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: numbers });
    worker.once('message', resolve);
  });
  console.log('first', await sum([1, 2, 3]));
  console.log('both', await Promise.all([sum([1, 1]), sum([2, 2])]));
} else {
  parentPort.postMessage(workerData.reduce((a, b) => a + b, 0));
}
