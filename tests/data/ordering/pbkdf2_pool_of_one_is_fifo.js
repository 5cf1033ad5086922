process.env.UV_THREADPOOL_SIZE = '1';
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

pbkdf2(150, () => {
  console.log('slow hash done');
});
pbkdf2(20, () => {
  console.log('fast hash done');
});
setTimeout(() => {
  console.log('timer 60');
}, 60);
console.log('main end');
