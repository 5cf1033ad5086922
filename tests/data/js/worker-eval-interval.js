// An eval worker with its own timers: each tick logs and posts; the parent's own timer
// runs meanwhile.
const { Worker } = require('worker_threads');

const worker = new Worker(`
  const { parentPort } = require('worker_threads');
  let count = 0;
  const timer = setInterval(() => {
    count++;
    console.log('tick', count, __filename);
    parentPort.postMessage(count);
    if (count === 3)
      clearInterval(timer);
  }, 20);
`, { eval: true });
worker.on('message', (count) => console.log('got', count));
worker.on('exit', (code) => console.log('exit', code));
setTimeout(() => console.log('main timer'), 1);
