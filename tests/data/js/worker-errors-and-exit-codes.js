// A worker's uncaught exception is its parent's 'error' event (with its code kept), then
// 'exit' with 1; process.exit(n) in a worker ends only the worker, with n.
const { Worker } = require('worker_threads');

function run(source, name) {
  return new Promise((resolve) => {
    const worker = new Worker(source, { eval: true });
    worker.on('error', (error) => {
      console.log(name, 'error:', error.constructor.name, error.message, error.code);
    });
    worker.on('exit', (code) => {
      console.log(name, 'exit:', code);
      resolve();
    });
  });
}

(async () => {
  await run('throw new TypeError("bad " + 42)', 'throws');
  await run('const e = new Error("with code"); e.code = "E_MINE"; throw e', 'coded');
  await run('process.on("exit", (c) => console.log("worker exit handler", c)); process.exit(7)', 'exits');
  await run('Promise.reject(new Error("rejected"))', 'rejects');
  await run('process.exitCode = 3', 'exitCode');
  const missing = new Worker('./no-such-worker.js');
  missing.on('error', (error) => console.log('missing:', error.code));
  missing.on('exit', (code) => console.log('missing exit:', code));
  try {
    new Worker('worker.js');
  } catch (error) {
    console.log(error.code, error.message);
  }
})();
process.on('exit', (code) => console.log('main exit', code));
