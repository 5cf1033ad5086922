// Workers sharing memory: a SharedArrayBuffer in workerData is one block of memory for every
// thread (Atomics.add from three workers adds up, each writes its threadId in its own slot),
// and Atomics.wait blocks a worker and the main thread alike until its timeout. The steps
// run one after the other so that the output does not depend on which thread is faster.
const { Worker, isMainThread, parentPort, workerData, threadId } = require('worker_threads');

function finished(worker) {
  return new Promise((resolve) => worker.on('exit', resolve));
}

async function main() {
  const shared = new SharedArrayBuffer(16);
  const counts = new Int32Array(shared);
  const messages = [];
  const workers = [0, 1, 2].map((index) => {
    const worker = new Worker(__filename, { workerData: { shared, index } });
    worker.on('message', (m) => messages.push(`worker ${m.index}: own thread ${m.threadId > 0}, wait ${m.alone}`));
    return worker;
  });
  const codes = await Promise.all(workers.map(finished));
  console.log(messages.sort().join('\n'));
  console.log('exit codes', codes, 'sum', counts[0], 'threadIds written', Array.from(counts.subarray(1)).every((id) => id > 0));

  console.log('main waits:', Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10));

  const bad = new Worker('throw new Error("worker blew up")', { eval: true });
  bad.on('error', (e) => console.log('error event:', e.message, e.constructor.name));
  console.log('bad exit', await finished(bad));

  const endless = new Worker('setInterval(() => {}, 1000)', { eval: true });
  await new Promise((resolve) => endless.once('online', resolve));
  console.log('terminated with', await endless.terminate());
}

if (isMainThread) {
  main();
} else {
  const counts = new Int32Array(workerData.shared);
  for (let k = 0; k < 1000; k++)
    Atomics.add(counts, 0, 1);
  Atomics.store(counts, workerData.index + 1, threadId);
  const alone = Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  parentPort.postMessage({ index: workerData.index, threadId, alone });
}
