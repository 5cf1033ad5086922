const { Worker } = require('worker_threads');
const code = `
const { parentPort } = require('worker_threads');
parentPort.on('message', ({ id, n }) => {
  let a = 0, b = 1;
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  parentPort.postMessage({ id, result: a });
});`;
class Pool {
  constructor(size) {
    this.idle = Array.from({ length: size }, () => new Worker(code, { eval: true }));
    this.queue = [];
    this.pending = new Map();
    for (const w of this.idle) w.on('message', ({ id, result }) => {
      this.pending.get(id)(result);
      this.pending.delete(id);
      this.idle.push(w);
      this.drain();
    });
  }
  run(n) {
    return new Promise((resolve) => { const id = Math.random(); this.queue.push({ id, n, resolve }); this.drain(); });
  }
  drain() {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.shift();
      const { id, n, resolve } = this.queue.shift();
      this.pending.set(id, resolve);
      w.postMessage({ id, n });
    }
  }
  close() { return Promise.all(this.idle.map((w) => w.terminate())); }
}
(async () => {
  const pool = new Pool(2);
  const results = await Promise.all([10, 20, 30, 40, 50].map((n) => pool.run(n)));
  console.log(results);
  const codes = await pool.close();
  console.log('exit codes', codes);
})();
