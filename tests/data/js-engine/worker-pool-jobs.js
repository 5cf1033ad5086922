// A worker thread's pool jobs run on the process's one pool, beside the main thread's: two
// hashes from the main thread and two from a worker, on a pool of four.
const crypto = require('crypto');
const { Worker, isMainThread } = require('worker_threads');

if (isMainThread) {
  new Worker(__filename).on('exit', (code) => console.log('worker exit', code));
  for (let i = 1; i <= 2; i++)
    crypto.pbkdf2('main', 'salt', 100000, 64, 'sha512', () => console.log('main hash', i));
} else {
  for (let i = 1; i <= 2; i++)
    crypto.pbkdf2('worker', 'salt', 100000, 64, 'sha512', () => console.log('worker hash', i));
}
