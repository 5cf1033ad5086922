// Eight crypto.pbkdf2 calls on libuv's four pool workers: the first four run at once,
// the fifth waits for a free worker. Run it with the pool at 8 to see one wave:
//   loopscope run thread-pool.js --threadpool 8 --print-log
const crypto = require('crypto');

let done = 0;
for (let i = 1; i <= 8; i++) {
  crypto.pbkdf2('secret', 'salt', 100000, 64, 'sha512', () => {
    console.log(`hash ${i} done`);
    if (++done === 8)
      console.log('all 8 hashes done');
  });
}
console.log('eight hashes queued; the main thread is free');
