// The CPU-heavy route again, but each request's work runs in a worker thread
// (worker_threads): the main thread only starts the worker and answers when its message
// comes back, so it accepts every request the moment it arrives, and two workers use the
// two cores at once.
const http = require('http');
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

function calculate(steps) {
  let total = 0;
  for (let i = 0; i < steps; i++)
    total += i % 7;
  return total;
}

if (isMainThread) {
  let served = 0;
  const server = http.createServer((request, response) => {
    const user = ++served;
    console.log(`request ${user}: calculation handed to a worker`);
    const worker = new Worker(__filename, { workerData: { steps: 30_000_000 } });
    worker.on('message', (total) => {
      console.log(`request ${user}: answered`);
      response.end(`${total}\n`);
    });
  });
  server.listen(0, () => console.log('server ready'));
} else {
  parentPort.postMessage(calculate(workerData.steps));
}
