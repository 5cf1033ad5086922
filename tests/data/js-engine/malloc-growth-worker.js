// The main thread waits in the loop while its worker fills memory.
const { Worker } = require('worker_threads');
console.log('starting a worker');
new Worker('const kept = []; for (;;) kept.push(new Array(1000).fill(kept.length));', { eval: true });
