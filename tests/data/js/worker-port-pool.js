// A pool of two workers, each given its own MessageChannel port: one in workerData's
// transfer list, one in a message. Each worker answers its jobs on its own port.
const { Worker, MessageChannel, isMainThread, parentPort, workerData } = require('worker_threads');

function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

if (isMainThread) {
  const channels = [new MessageChannel(), new MessageChannel()];
  const workers = [
    new Worker(__filename, { workerData: { name: 'A', port: channels[0].port2 }, transferList: [channels[0].port2] }),
    new Worker(__filename, { workerData: { name: 'B' } }),
  ];
  workers[1].postMessage({ port: channels[1].port2 }, [channels[1].port2]);

  function run(index, jobs) {
    const port = channels[index].port1;
    return new Promise((resolve) => {
      const results = [];
      port.on('message', (result) => {
        results.push(result);
        if (results.length === jobs.length) {
          port.close();
          resolve(results);
        }
      });
      for (const n of jobs)
        port.postMessage(n);
    });
  }
  Promise.all([run(0, [10, 11, 12]), run(1, [20, 21])]).then(([a, b]) => {
    console.log('A', a);
    console.log('B', b);
  });
  let exited = 0;
  workers.forEach((worker, index) => worker.on('exit', (code) => {
    if (++exited === 2)
      console.log('both workers exited', code);
  }));
} else {
  const serve = (name, port) => {
    port.on('message', (n) => port.postMessage(`${name}: fib(${n}) = ${fib(n)}`));
  };
  if (workerData.port)
    serve(workerData.name, workerData.port);
  else
    parentPort.once('message', ({ port }) => serve(workerData.name, port));
}
