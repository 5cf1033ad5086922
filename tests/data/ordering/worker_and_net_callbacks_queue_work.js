const net = require('net');
const { Worker } = require('worker_threads');

// The loopback peer: answers each request after the number of milliseconds it names.
const peer = net.createServer((socket) => {
  socket.once('data', (data) => {
    setTimeout(() => socket.end('ok'), Number(data));
  });
});

// `net: {to, takes, then}`: a request on a real loopback socket; `then` runs when the
// answer arrives.
function request(takesMs, then) {
  const socket = net.connect(peer.address().port, '127.0.0.1', () => {
    socket.write(String(takesMs));
  });
  socket.once('data', () => {
    socket.destroy();
    then();
  });
}

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

function main() {
  startWorker(150, () => {
    console.log('worker done');
    setImmediate(() => {
      console.log('immediate from worker');
    });
    process.nextTick(() => {
      console.log('tick from worker');
    });
  });
  request(30, () => {
    console.log('database answered');
    setTimeout(() => {
      console.log('timeout from database');
    }, 0);
    Promise.resolve().then(() => {
      console.log('promise from database');
      process.nextTick(() => {
        console.log('tick from promise from database');
      });
    });
  });
  console.log('main end');
}

// The peer listens first. Its 'listening' callback is a nextTick that Node runs right
// after this script, before the event loop's first iteration: main starts from there.
peer.listen(0, '127.0.0.1', main);
peer.unref();
