process.env.UV_THREADPOOL_SIZE = '1';
const zlib = require('zlib');
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

// `zlib.gzip: {takes: 1ms}`: a real zlib.gzip of a small buffer.
zlib.gzip(Buffer.alloc(1000, 'a'), () => {
  console.log('gzip B');
});
pbkdf2(60, () => {
  console.log('hash C');
  pbkdf2(60, () => {
    console.log('hash E');
  });
});
pbkdf2(60, () => {
  console.log('hash D');
});
