// terminate() stops even a worker that never returns to its loop; an unref'd worker does
// not keep the program alive.
const { Worker } = require('worker_threads');

const busy = new Worker('while (true) {}', { eval: true });
busy.on('online', () => {
  console.log('busy worker online');
  setTimeout(async () => {
    console.log('terminating');
    const code = await busy.terminate();
    console.log('terminate resolved with', code);
    console.log('terminate again resolves with', await busy.terminate());
  }, 20);
});
busy.on('exit', (code) => console.log('busy exit', code));

const idle = new Worker('setInterval(() => {}, 1000)', { eval: true });
idle.unref();
idle.on('exit', (code) => console.log('never printed', code));
process.on('exit', (code) => console.log('process exit', code));
