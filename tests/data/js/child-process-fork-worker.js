// A CPU loop offloaded to a forked worker: requests and answers over the IPC channel.
const { fork } = require('child_process');
const path = require('path');

const worker = fork(path.join(__dirname, 'modules/child-process/sum-worker.js'), ['alpha', 'beta']);
console.log('forked a pid:', typeof worker.pid, 'connected:', worker.connected);
console.log('spawnargs tail:', worker.spawnargs.slice(2));
let answers = 0;
worker.on('spawn', () => console.log('spawn event'));
worker.on('message', (message) => {
  if (message.ready) {
    console.log('worker ready', message.argv, message.connected);
    worker.send({ id: 1, n: 1000 });
    worker.send({ id: 2, n: 1e6 });
    return;
  }
  console.log('answer', message.id, message.sum);
  if (++answers === 2)
    worker.send({ stop: true });
});
worker.on('disconnect', () => console.log('disconnect', worker.connected));
worker.on('exit', (code, signal) => console.log('exit', code, signal, worker.exitCode, worker.signalCode));
worker.on('close', (code, signal) => console.log('close', code, signal));
