// vm and v8 inside a worker; a Console over process.stdout and process.stderr.
const { Worker } = require('worker_threads');
const w = new Worker(`
  const vm = require('vm');
  const { parentPort } = require('worker_threads');
  const ctx = vm.createContext({ n: 1 });
  vm.runInContext('n *= 10', ctx);
  let timedOut;
  try { vm.runInNewContext('for(;;){}', {}, { timeout: 20 }); } catch (e) { timedOut = e.code; }
  parentPort.postMessage({ n: ctx.n, timedOut, v8: Object.keys(require('v8').getHeapStatistics()).length });
`, { eval: true });
w.on('message', (m) => console.log('worker says', m));
w.on('exit', (code) => console.log('exit', code));
const { Console } = require('console');
const logger = new Console({ stdout: process.stdout, stderr: process.stderr });
logger.log('to stdout via Console');
logger.error('to stderr via Console');
logger.table([{ x: 1 }]);
