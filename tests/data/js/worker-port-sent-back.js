// A worker makes a MessageChannel and sends one port back to its parent; the parent reads
// it with receiveMessageOnPort, then sends a port of its own through it (a port inside a
// message on a port).
const { Worker, MessageChannel, isMainThread, parentPort, receiveMessageOnPort } = require('worker_threads');

if (isMainThread) {
  const worker = new Worker(__filename);
  worker.once('message', ({ port }) => {
    console.log('main got a', port.constructor.name);
    setTimeout(() => {
      console.log('waiting on the port:', receiveMessageOnPort(port));
      console.log('then:', receiveMessageOnPort(port));
      const reply = new MessageChannel();
      port.postMessage({ reply: reply.port2 }, [reply.port2]);
      reply.port1.on('message', (message) => {
        console.log('main <- nested port:', message);
        reply.port1.close();
        port.close();
      });
    }, 50);
  });
  worker.on('message', (message) => {
    if (typeof message === 'string')
      console.log('worker:', message);
  });
  worker.on('exit', (code) => console.log('worker exit', code));
} else {
  const { port1, port2 } = new MessageChannel();
  parentPort.postMessage({ port: port2 }, [port2]);
  port1.postMessage({ early: 1 });
  port1.on('message', ({ reply }) => {
    reply.postMessage('answer through the port that came through a port');
  });
  port1.on('close', () => parentPort.postMessage('its port closed'));
}
