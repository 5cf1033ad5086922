process.env.UV_THREADPOOL_SIZE = '2';
const fs = require('fs');
const crypto = require('crypto');

// `crypto.pbkdf2: {takes}`: a real crypto.pbkdf2 on the pool, its iterations measured
// so that it computes for about `takes`.
const iterationsPerMs = (() => {
  const probe = 20000;
  const began = process.hrtime.bigint();
  crypto.pbkdf2Sync('secret', 'salt', probe, 32, 'sha256');
  return probe / (Number(process.hrtime.bigint() - began) / 1e6);
})();
function pbkdf2(takesMs, then) {
  crypto.pbkdf2('secret', 'salt', Math.round(iterationsPerMs * takesMs), 32, 'sha256', () => then());
}

pbkdf2(100, () => {
  console.log('hash A');
});
pbkdf2(900, () => {
  console.log('hash B');
});
fs.readFile(__filename, () => {
  console.log('file F');
});
pbkdf2(100, () => {
  console.log('hash C');
});
console.log('main end');
