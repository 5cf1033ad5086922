// postMessage's second argument as a transfer list or as options with `transfer`; what is
// transferred leaves the sender (an ArrayBuffer is detached, a MessagePort closed).
const { Worker, MessageChannel } = require('worker_threads');

const worker = new Worker(
  "require('worker_threads').parentPort.on('message', ({ port, buf }) => {" +
  '  port.postMessage(buf.byteLength); port.close(); })', { eval: true });
const first = new MessageChannel();
const buffer = new ArrayBuffer(8);
worker.postMessage({ port: first.port2, buf: buffer }, { transfer: [first.port2, buffer] });
console.log('buffer after the transfer:', buffer.byteLength);
first.port1.on('message', (length) => {
  console.log('the worker got', length, 'bytes');
  const second = new MessageChannel();
  const bytes = new Uint8Array([1, 2, 3]);
  worker.postMessage({ port: second.port2, buf: bytes.buffer }, new Set([second.port2, bytes.buffer]));
  console.log('bytes after the transfer:', bytes.length);
  second.port1.on('message', (again) => {
    console.log('and then', again);
    worker.terminate();
  });
});

for (const argument of [5, { transfer: 5 }, 'list']) {
  try {
    first.port1.postMessage(1, argument);
  } catch (error) {
    console.log(error.name, error.code, error.message);
  }
}
try {
  first.port1.postMessage({ port: new MessageChannel().port1 });
} catch (error) {
  console.log(error.name, error.code, error.message);
}

const own = new ArrayBuffer(4);
const copy = structuredClone(own, { transfer: [own] });
console.log(own.byteLength, copy.byteLength, structuredClone(own, { transfer: [own] }).byteLength);
