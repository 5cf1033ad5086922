// A MessagePort handed to a worker in worker.postMessage's transfer list, then used both
// ways; the sender's port object is left detached.
const { Worker, MessageChannel, isMainThread, parentPort } = require('worker_threads');

if (isMainThread) {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(__filename);
  worker.postMessage({ hello: 'port', port: port2 }, [port2]);
  port2.on('close', () => console.log('the transferred port object closed here'));
  port2.postMessage('lost: the port has moved');
  let count = 0;
  port1.on('message', (message) => {
    console.log('main <- port:', message);
    if (message.squared !== undefined && ++count < 3)
      port1.postMessage({ n: count + 1 });
    else if (count === 3)
      port1.close();
  });
  port1.on('close', () => console.log('main port closed'));
  port1.postMessage({ n: 1 });
  worker.on('message', (message) => console.log('main <- parentPort:', message));
  worker.on('exit', (code) => console.log('worker exit', code));
} else {
  parentPort.once('message', ({ hello, port }) => {
    port.postMessage(`got ${hello} on a ${port.constructor.name}`);
    port.on('message', ({ n }) => port.postMessage({ n, squared: n * n }));
    port.on('close', () => {
      console.log('worker port closed');
      parentPort.postMessage('done');
    });
  });
}
