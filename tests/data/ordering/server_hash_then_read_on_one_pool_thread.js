process.env.UV_THREADPOOL_SIZE = '1';
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');


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

// `server` + `load`: a real HTTP server; the load is a real client in the same process
// that sends one request at each time (ms after the server listens) and closes the
// server once every answer has arrived. Only the handler prints.
let request = 0;
const server = http.createServer((req, res) => {
  const n = ++request;
  console.log(`request ${n} arrived`);
  pbkdf2(80, () => {
    console.log(`request ${n} hashed`);
    fs.readFile(__filename, () => {
      console.log(`request ${n} read`);
      res.end();
    });
  });
});

function load(times) {
  const port = server.address().port;
  let answered = 0;
  for (const at of times) {
    setTimeout(() => {
      http.get({ host: '127.0.0.1', port, agent: false }, (res) => {
        res.resume();
        res.on('end', () => {
          if (++answered === times.length)
            server.close();
        });
      });
    }, at);
  }
}

console.log('server starting');
server.listen(0, '127.0.0.1', () => load([0, 10]));
