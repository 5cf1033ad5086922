process.env.UV_THREADPOOL_SIZE = '2';
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

pbkdf2(500, () => {
  console.log('long hash done');
});
for (let i = 1; i <= 3; i++) {
  pbkdf2(50, () => {
    console.log(`short hash ${i} done`);
    process.nextTick(() => {
      console.log(`tick after short hash ${i}`);
    });
    Promise.resolve().then(() => {
      console.log(`promise after short hash ${i}`);
    });
  });
}
console.log('main end');
