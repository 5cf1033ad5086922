const { MessageChannel, MessagePort } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
console.log(port1 instanceof MessagePort);
port2.on('message', (msg) => {
  console.log('port2 got', msg);
  if (msg.last) port2.close();
  else port2.postMessage({ reply: msg.n * 2 });
});
port1.on('message', (msg) => console.log('port1 got', msg));
port1.on('close', () => console.log('port1 close'));
port2.on('close', () => console.log('port2 close'));
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('tick'));
port1.postMessage({ n: 1 });
port1.postMessage({ n: 2, date: new Date(0), map: new Map([[1, 'a']]) });
setTimeout(() => port1.postMessage({ last: true }), 20);
const ch = new MessageChannel();
ch.port1.onmessage = (ev) => { console.log('onmessage', ev.data); ch.port1.close(); };
ch.port2.postMessage('via onmessage');
